// Main window wiring: menus and shortcuts, study loading through StudyLoader, errors as messages naming the series.
#include "widgets/MainWindow.h"

#include "AppSettings.h"
#include "image/Volume.h"
#include "model/StudyLoader.h"
#include "model/Thumbnail.h"
#include "model/ViewerState.h"
#include "widgets/SettingsDialog.h"
#include "widgets/SliceView.h"
#include "widgets/StudyBrowser.h"
#include "widgets/ViewerPanel.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>

namespace delineate {

MainWindow::MainWindow(QWidget* parent)
    : QMainWindow(parent), m_state(new ViewerState(this)), m_loader(new StudyLoader(this)),
      m_panel(new ViewerPanel(m_state, this)), m_browser(new StudyBrowser(this)), m_progress(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_readout(new QLabel(this))
{
    setWindowTitle(tr("Delineate"));
    setAcceptDrops(true);
    setCentralWidget(m_panel);
    addDockWidget(Qt::LeftDockWidgetArea, m_browser);
    m_panel->setLayoutMode(ViewerPanel::layoutFromKey(AppSettings::defaultLayout()));
    m_state->setInterpolation(AppSettings::interpolation() == QLatin1String("linear") ? Interpolation::Linear
                                                                                        : Interpolation::Nearest);
    createMenus();
    createStatusBar();

    connect(m_loader, &StudyLoader::busyChanged, this, &MainWindow::onBusyChanged);
    connect(m_loader, &StudyLoader::progressChanged, this, [this](double fraction, const QString& message) {
        m_progress->setRange(0, 1000);
        m_progress->setValue(int(fraction * 1000));
        if (!message.isEmpty())
            statusBar()->showMessage(message);
    });
    connect(m_loader, &StudyLoader::scanReady, this, &MainWindow::onScanReady);
    connect(m_loader, &StudyLoader::imageReady, this, &MainWindow::onImageReady);
    connect(m_loader, &StudyLoader::failed, this, &MainWindow::showError);
    connect(m_loader, &StudyLoader::cancelled, this, [this]() { statusBar()->showMessage(tr("Cancelled"), 5000); });
    connect(m_loader, &StudyLoader::thumbnailReady, m_browser, &StudyBrowser::setThumbnail);
    connect(m_loader, &StudyLoader::thumbnailsDone, this, [this]() {
        m_thumbnailsDone = true;
        maybeTakeScreenshot();
    });
    connect(m_browser, &StudyBrowser::seriesActivated, m_loader, &StudyLoader::loadSeries);
    connect(m_browser, &StudyBrowser::nonImageObjectActivated, this, &MainWindow::onNonImageObject);
    connect(m_browser, &StudyBrowser::volumeFileActivated, m_loader, &StudyLoader::loadVolumeFile);
    connect(m_state, &ViewerState::cursorChanged, this, &MainWindow::updateReadout);
    connect(m_state, &ViewerState::imageChanged, this, &MainWindow::updateReadout);
    resize(1500, 900);
    // Dock sizes only take effect once the window is laid out.
    QTimer::singleShot(0, this, [this]() { resizeDocks({m_browser}, {420}, Qt::Horizontal); });
}

MainWindow::~MainWindow() = default;

void MainWindow::createMenus()
{
    QMenu* file = menuBar()->addMenu(tr("&File"));
    QAction* openFolder = file->addAction(tr("Open &Folder..."), this, &MainWindow::openFolderDialog);
    openFolder->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    QAction* openFile = file->addAction(tr("&Open File..."), this, &MainWindow::openFileDialog);
    openFile->setShortcut(QKeySequence::Open);
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    rebuildRecentMenu();
    file->addSeparator();
    file->addAction(tr("&Settings..."), this, &MainWindow::showSettings)->setShortcut(QKeySequence::Preferences);
    file->addSeparator();
    QAction* quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu* view = menuBar()->addMenu(tr("&View"));
    m_layoutGroup = new QActionGroup(this);
    const std::pair<ViewLayout, QString> layouts[] = {{ViewLayout::OneByThree, tr("Layout &1 x 3")},
                                                       {ViewLayout::TwoByTwo, tr("Layout &2 x 2")}};
    for (const auto& [layout, name] : layouts) {
        QAction* action = view->addAction(name);
        action->setCheckable(true);
        action->setChecked(m_panel->layoutMode() == layout);
        m_layoutGroup->addAction(action);
        connect(action, &QAction::triggered, this, [this, layout = layout]() { m_panel->setLayoutMode(layout); });
        // Layouts set elsewhere (settings, command line) keep the menu in step.
        connect(m_panel, &ViewerPanel::layoutModeChanged, action,
                [action, layout = layout](ViewLayout current) { action->setChecked(current == layout); });
    }
    view->addSeparator();
    view->addAction(tr("&Fit to Window"), m_panel, &ViewerPanel::fitAll)->setShortcut(QKeySequence(Qt::Key_F));
    view->addAction(tr("&Actual Size (1:1)"), m_panel, &ViewerPanel::actualSizeAll)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    view->addSeparator();
    m_interpolationGroup = new QActionGroup(this);
    const std::pair<Interpolation, QString> interpolations[] = {
        {Interpolation::Nearest, tr("&Nearest Neighbour Interpolation")},
        {Interpolation::Linear, tr("&Linear Interpolation")}};
    for (const auto& [interpolation, name] : interpolations) {
        QAction* action = view->addAction(name);
        action->setCheckable(true);
        action->setChecked(m_state->interpolation() == interpolation);
        m_interpolationGroup->addAction(action);
        connect(action, &QAction::triggered, this,
                [this, interpolation = interpolation]() { m_state->setInterpolation(interpolation); });
    }
    QAction* crosshair = view->addAction(tr("Show &Crosshair"));
    crosshair->setCheckable(true);
    crosshair->setChecked(m_state->crosshairVisible());
    crosshair->setShortcut(QKeySequence(Qt::Key_C));
    connect(crosshair, &QAction::toggled, m_state, &ViewerState::setCrosshairVisible);
    view->addSeparator();
    QAction* browser = m_browser->toggleViewAction();
    browser->setText(tr("&Study Browser"));
    view->addAction(browser);

    QMenu* window = menuBar()->addMenu(tr("&Window/Level"));
    QAction* automatic = window->addAction(tr("&Automatic (1-99 %)"), this,
                                           [this]() { m_state->applyPreset(QStringLiteral("auto")); });
    automatic->setShortcut(QKeySequence(Qt::Key_0));
    window->addSeparator();
    int number = 1;
    for (const WindowLevelPreset& preset : WindowLevelPresets::ctPresets()) {
        const QString label = tr("%1 (W %2, L %3)")
                                  .arg(WindowLevelPresets::displayName(preset))
                                  .arg(preset.window.width)
                                  .arg(preset.window.center);
        QAction* action = window->addAction(label, this, [this, key = preset.key]() { m_state->applyPreset(key); });
        action->setShortcut(QKeySequence(Qt::Key_0 + number++));
    }

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Mouse and Keys"), this, &MainWindow::showMouseAndKeys)->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About Delineate"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createStatusBar()
{
    m_progress->setMaximumWidth(220);
    m_progress->setRange(0, 1000);
    m_progress->hide();
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, m_loader, &StudyLoader::cancel);
    m_readout->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_readout);
    statusBar()->addPermanentWidget(m_progress);
    statusBar()->addPermanentWidget(m_cancel);
    statusBar()->showMessage(tr("Open a DICOM folder or a volume file (File menu), or drop it on the window."));
}

void MainWindow::rebuildRecentMenu()
{
    m_recentMenu->clear();
    const QStringList paths = AppSettings::recentPaths();
    for (const QString& path : paths)
        m_recentMenu->addAction(QDir::toNativeSeparators(path), this, [this, path]() { openPath(path); });
    if (paths.isEmpty()) {
        m_recentMenu->addAction(tr("(none)"))->setEnabled(false);
        return;
    }
    m_recentMenu->addSeparator();
    m_recentMenu->addAction(tr("&Clear Recent"), this, [this]() {
        AppSettings::clearRecentPaths();
        rebuildRecentMenu();
    });
}

void MainWindow::openFolderDialog()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Open DICOM Folder"));
    if (!folder.isEmpty())
        openPath(folder);
}

void MainWindow::openFileDialog()
{
    const QString file = QFileDialog::getOpenFileName(
        this, tr("Open File"), QString(),
        tr("Images (*.dcm *.nii *.nii.gz *.nrrd *.nhdr *.mha *.mhd);;DICOM files (*);;All files (*)"));
    if (!file.isEmpty())
        openPath(file);
}

void MainWindow::openPath(const QString& path)
{
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (!QFileInfo::exists(absolute)) {
        showError(tr("%1 does not exist.").arg(QDir::toNativeSeparators(absolute)));
        return;
    }
    AppSettings::addRecentPath(absolute);
    rebuildRecentMenu();
    m_thumbnailsDone = false;
    statusBar()->showMessage(tr("Opening %1...").arg(QDir::toNativeSeparators(absolute)));
    m_loader->openPath(absolute);
}

void MainWindow::onScanReady()
{
    const ScanResult& scan = m_loader->scan();
    m_browser->showScan(scan);
    m_browser->addVolumeFiles(m_loader->volumeFiles());
    const QString key = m_loader->defaultSeriesKey();
    if (!key.isEmpty()) {
        m_loader->loadSeries(key);
        return;
    }
    if (!m_loader->volumeFiles().isEmpty()) { // a folder of NIfTI/NRRD/MHA files
        m_loader->loadVolumeFile(m_loader->volumeFiles().constFirst());
        return;
    }
    const QString where = QDir::toNativeSeparators(m_loader->scannedPath());
    if (!scan.allNonImageObjects().isEmpty())
        showError(tr("%1 holds no image series, only other DICOM objects (for example segmentations); they are "
                     "listed in the study browser.").arg(where));
    else if (!scan.unreadable.isEmpty())
        showError(tr("No DICOM images could be read in %1: %n file(s) were not readable (listed in the study browser).",
                     nullptr, int(scan.unreadable.size())).arg(where));
    else
        showError(tr("No DICOM images were found in %1.").arg(where));
}

void MainWindow::onImageReady(std::shared_ptr<const Volume> volume, const ImageInfo& info,
                              const WindowLevel& automaticWindow)
{
    if (!volume || volume->isEmpty()) {
        showError(tr("\"%1\" holds no voxels and cannot be shown.").arg(info.title()));
        return;
    }
    QString preset = m_initialPreset;
    m_initialPreset.clear();
    if (preset.isEmpty() && info.isCT()) {
        // Head CT read with the automatic window shows air and bone only; radiologists start at the brain window.
        const QString where = (info.bodyPart + QLatin1Char(' ') + info.seriesDescription + QLatin1Char(' ')
                               + info.studyDescription).toLower();
        if (where.contains(QLatin1String("head")) || where.contains(QLatin1String("brain"))
            || where.contains(QLatin1String("skull")))
            preset = QStringLiteral("brain");
    }
    m_state->setImage(volume, info, automaticWindow, preset);
    // A single image (radiograph, ultrasound, planar NM) or a handful of slices fills the view of its own plane;
    // the other two views would show a strip a few voxels high.
    constexpr int kFewSlices = 8;
    SliceView* planeView = nullptr;
    for (int n = 0; n < 3; ++n) {
        const int count = m_panel->view(n)->model().sliceCount();
        if (count < kFewSlices && (!planeView || count < planeView->model().sliceCount()))
            planeView = m_panel->view(n);
    }
    if (planeView) {
        m_panel->setMaximisedView(planeView);
        m_autoMaximised = true;
    } else if (m_autoMaximised) {
        m_panel->setMaximisedView(nullptr);
        m_autoMaximised = false;
    }
    if (info.seriesKey.isEmpty()) {
        if (!m_browser->hasVolumeFile(info.sourcePath))
            m_browser->showVolumeFile(info.sourcePath);
        m_browser->setVolumeThumbnail(info.sourcePath, renderAxialThumbnail(*volume, automaticWindow, 64));
        m_browser->setCurrent(info.sourcePath);
        if (m_loader->scan().allSeries().isEmpty())
            m_thumbnailsDone = true;
    } else {
        m_browser->addSeriesWarnings(info.seriesKey, info.warnings);
        m_browser->setCurrent(info.seriesKey);
    }
    setWindowTitle(tr("%1 - Delineate").arg(info.title()));
    statusBar()->showMessage(tr("Loaded %1").arg(info.title()), 5000);
    // Arrow keys and PageUp/PageDown should scroll at once, without a click into a view first.
    if (!m_panel->isAncestorOf(QApplication::focusWidget()) || !QApplication::focusWidget()->isVisible())
        (planeView ? planeView : m_panel->axialView())->setFocus();
    m_screenshotImageShown = true;
    Q_EMIT imageShown();
    maybeTakeScreenshot();
}

void MainWindow::onNonImageObject(const QString& kind, const QString& file, const QString& description)
{
    showError(tr("\"%1\" is a DICOM %2 object (%3). Delineate cannot display this kind of object yet; open an image "
                 "series of the same study instead.")
                  .arg(description, kind, QDir::toNativeSeparators(file)));
}

void MainWindow::onBusyChanged(bool busy)
{
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    if (busy) {
        m_progress->setRange(0, 0); // busy indicator until the first progress report
    } else {
        m_progress->setRange(0, 1000);
        m_progress->reset();
    }
}

void MainWindow::showError(const QString& message)
{
    m_lastError = message;
    statusBar()->showMessage(message, 10000);
    // Window-modal and not blocking: loading and tests go on while the message is shown.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Delineate"), message, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    Q_EMIT errorShown(message);
    if (!m_loader->isBusy()) { // a screenshot of the error is better than none
        m_screenshotImageShown = true;
        m_thumbnailsDone = true;
        maybeTakeScreenshot();
    }
}

QString MainWindow::readoutText() const
{
    return m_readout->text();
}

void MainWindow::updateReadout()
{
    m_readout->setText(m_state->readoutText());
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const bool languageChanged = dialog.save();
    m_state->setInterpolation(AppSettings::interpolation() == QLatin1String("linear") ? Interpolation::Linear
                                                                                        : Interpolation::Nearest);
    const auto interpolationActions = m_interpolationGroup->actions();
    interpolationActions.at(m_state->interpolation() == Interpolation::Linear ? 1 : 0)->setChecked(true);
    if (languageChanged)
        QMessageBox::information(this, tr("Delineate"), tr("The new language applies when Delineate is restarted."));
}

void MainWindow::showMouseAndKeys()
{
    const std::pair<QString, QString> rows[] = {
        {tr("Next / previous slice"), tr("Mouse wheel; arrow keys; Page Up / Page Down (10 slices)")},
        {tr("Move the crosshair"), tr("Left click or drag; Shift + move")},
        {tr("Show / hide the crosshair"), tr("C")},
        {tr("Zoom"), tr("Ctrl + wheel (about the mouse pointer)")},
        {tr("Pan"), tr("Middle-button drag")},
        {tr("Fit to window / actual size"), tr("F / Ctrl+1")},
        {tr("Window / level"), tr("Right-button drag: right = wider, down = higher level")},
        {tr("Window presets"), tr("0 automatic; 1-8 CT brain, subdural, stroke, lung, mediastinum, abdomen, liver, bone")},
        {tr("Maximise a view"), tr("Double-click; again or Escape to restore")},
    };
    QString html = QStringLiteral("<table cellspacing='6'>");
    for (const auto& [action, how] : rows)
        html += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>").arg(action.toHtmlEscaped(), how.toHtmlEscaped());
    html += QStringLiteral("</table>");
    QMessageBox::information(this, tr("Mouse and Keys"), html);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Delineate"),
                       tr("<b>Delineate %1</b><p>Medical image segmentation with a human in the loop.</p>"
                          "<p>Not a medical device: not for diagnosis.</p>")
                           .arg(QStringLiteral(DELINEATE_VERSION)));
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (!urls.isEmpty() && urls.first().isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event)
{
    const auto urls = event->mimeData()->urls();
    if (urls.isEmpty() || !urls.first().isLocalFile())
        return;
    event->acceptProposedAction();
    openPath(urls.first().toLocalFile());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    m_loader->cancel(); // the runners join their threads when destroyed; a cancelled job ends quickly
    QMainWindow::closeEvent(event);
}

void MainWindow::saveScreenshotWhenLoaded(const QString& file)
{
    m_screenshotFile = file;
    m_screenshotImageShown = false;
}

void MainWindow::maybeTakeScreenshot()
{
    if (m_screenshotFile.isEmpty() || !m_screenshotImageShown || !m_thumbnailsDone)
        return;
    const QString file = m_screenshotFile;
    m_screenshotFile.clear();
    // Let pending layout and paint events run so the grab shows what a user would see.
    QTimer::singleShot(500, this, [this, file]() {
        const bool ok = grab().save(file);
        Q_EMIT screenshotSaved(ok);
    });
}

} // namespace delineate
