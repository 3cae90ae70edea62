// Main window wiring: menus and shortcuts, study loading through StudyLoader, errors as messages naming the series.
#include "widgets/MainWindow.h"

#include "AppSettings.h"
#include "edit/LabelEdits.h"
#include "edit/SegmentationDocument.h"
#include "image/Volume.h"
#include "io/DicomSeg.h"
#include "io/SegmentationIO.h"
#include "model/MeasurementList.h"
#include "model/SegmentationLayer.h"
#include "model/SegmentationSession.h"
#include "model/StudyLoader.h"
#include "model/Thumbnail.h"
#include "model/ViewerState.h"
#include "model/AiSession.h"
#include "model/AcquiredImages.h"
#include "model/VoxelReadout.h"
#include "model/TrainingSession.h"
#include "tools/BoxTool.h"
#include "tools/BrushTool.h"
#include "tools/FillTool.h"
#include "tools/LassoTool.h"
#include "tools/MeasureTool.h"
#include "widgets/AiPanel.h"
#include "widgets/TrainingPanel.h"
#include "widgets/HistoryPanel.h"
#include "widgets/JobStatusWidget.h"
#include "widgets/MeasurementOverlay.h"
#include "widgets/MeasurementPanel.h"
#include "widgets/RecoveryDialog.h"
#include "widgets/SegmentationPanel.h"
#include "widgets/SettingsDialog.h"
#include "widgets/SideBySide.h"
#include "widgets/SliceView.h"
#include "widgets/StudyBrowser.h"
#include "widgets/ViewerPanel.h"
#include "widgets/WindowLevelMenu.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QSettings>
#include <QLabel>
#include <QLocale>
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
      m_panel(new ViewerPanel(m_state, this)), m_browser(new StudyBrowser(this)),
      m_segmentationLayer(new SegmentationLayer(this)), m_session(new SegmentationSession(m_state, m_segmentationLayer, this)),
      m_brush(new BrushTool(false, m_segmentationLayer, [this]() { return ensureDocument(); }, this)),
      m_eraser(new BrushTool(true, m_segmentationLayer, [this]() { return ensureDocument(); }, this)),
      m_fill(new FillTool(m_segmentationLayer, [this]() { return ensureDocument(); }, this)),
      m_lasso(new LassoTool(m_segmentationLayer, [this]() { return ensureDocument(); }, this)),
      m_segmentationPanel(new SegmentationPanel(m_session, m_segmentationLayer, m_state, m_panel,
                                                EditingTools{m_brush, m_eraser, m_fill, m_lasso}, this)),
      m_historyPanel(new HistoryPanel(m_session, this)),
      m_ai(new AiSession(m_state, m_session, m_segmentationLayer, this)), m_boxTool(new BoxTool(this)),
      m_aiPanel(new AiPanel(m_ai, m_session, m_panel, m_boxTool, this)), m_jobs(new JobStatusWidget(this)),
      m_readout(new QLabel(this))
{
    setWindowTitle(tr("Delineate"));
    setAcceptDrops(true);
    setCentralWidget(m_panel);
    m_sideBySide = new SideBySide(this, m_state, m_loader, m_segmentationLayer);
    connect(m_browser, &StudyBrowser::compareRequested, m_sideBySide, &SideBySide::compareWith);
    addDockWidget(Qt::LeftDockWidgetArea, m_browser);
    addDockWidget(Qt::RightDockWidgetArea, m_segmentationPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_historyPanel);
    addDockWidget(Qt::RightDockWidgetArea, m_aiPanel);
    m_panel->setSegmentationLayer(m_segmentationLayer);
    m_panel->setOverlayLayer(m_ai->overlay());
    m_ai->setComputeSettings(AppSettings::inferenceDevice(), AppSettings::inferencePrecision(), 0);
    m_panel->setLayoutMode(ViewerPanel::layoutFromKey(AppSettings::defaultLayout()));
    m_state->setInterpolation(AppSettings::interpolation() == QLatin1String("linear") ? Interpolation::Linear
                                                                                        : Interpolation::Nearest);
    // The training loop: the store chosen before (or the default one, once it exists), Accept and fine-tuning on
    // the worker; an AI run holds a training (one torch job at a time).
    m_training = new TrainingSession(m_state, m_session, this);
    m_trainingPanel = new TrainingPanel(m_training, this);
    addDockWidget(Qt::RightDockWidgetArea, m_trainingPanel);
    createMenus();
    createSegmentationMenus();
    createMeasurements();
    createStatusBar();
    connect(m_segmentationPanel, &SegmentationPanel::message, this, [this](const QString& text) {
        statusBar()->showMessage(text, 8000);
    });
    connect(m_session, &SegmentationSession::documentChanged, this, [this]() {
        if (SegmentationDocument* document = m_session->document()) {
            connect(document, &SegmentationDocument::historyChanged, this, &MainWindow::updateEditActions);
            connect(document, &SegmentationDocument::journalFailed, this, [this](const QString& message) {
                statusBar()->showMessage(tr("Edits are kept, but the recovery journal failed: %1").arg(message), 15000);
            });
        }
        updateEditActions();
        updateTitle();
    });
    connect(m_session, &SegmentationSession::modifiedChanged, this, &MainWindow::updateTitle);

    m_jobs->watch(m_loader->runner());
    m_jobs->watch(m_ai->runner());
    const QString storeFolder = QSettings().value(QStringLiteral("training/store"), TrainingSession::defaultStoreFolder()).toString();
    if (QFileInfo::exists(QDir(storeFolder).filePath(QStringLiteral("store.json"))))
        m_training->openStore(storeFolder);
    m_ai->holdDuringRuns(m_training->trainingRunner());
    m_jobs->watch(m_training->trainingRunner());
    m_jobs->watch(m_training->acceptRunner());
    connect(m_trainingPanel, &TrainingPanel::message, this, [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    // The AI panel uses the store's active version from the moment it changes (promotion, roll-back, first version).
    connect(m_training, &TrainingSession::activeModelChanged, this, [this](const QString& path) {
        if (!path.isEmpty())
            m_aiPanel->chooseModel(path);
    });
    connect(m_aiPanel, &AiPanel::message, this, [this](const QString& text) { statusBar()->showMessage(text, 10000); });
    connect(m_loader, &StudyLoader::progressChanged, this, [this](double, const QString& message, double) {
        if (!message.isEmpty())
            statusBar()->showMessage(message);
    });
    connect(m_loader, &StudyLoader::scanReady, this, &MainWindow::onScanReady);
    connect(m_loader, &StudyLoader::imageReady, this, &MainWindow::onImageReady);
    connect(m_loader, &StudyLoader::failed, this, [this](const QString& message) {
        m_pendingSeg.clear();
        showError(message);
    });
    connect(m_loader, &StudyLoader::cancelled, this, [this]() {
        m_pendingSeg.clear();
        statusBar()->showMessage(tr("Cancelled"), 5000);
    });
    connect(m_loader, &StudyLoader::thumbnailReady, m_browser, &StudyBrowser::setThumbnail);
    connect(m_loader, &StudyLoader::thumbnailsDone, this, [this]() {
        m_thumbnailsDone = true;
        maybeTakeScreenshot();
    });
    connect(m_browser, &StudyBrowser::seriesActivated, this, [this](const QString& key) {
        if (confirmCloseSegmentation())
            m_loader->loadSeries(key);
    });
    connect(m_browser, &StudyBrowser::nonImageObjectActivated, this, &MainWindow::onNonImageObject);
    connect(m_browser, &StudyBrowser::volumeFileActivated, this, [this](const QString& path) {
        if (confirmCloseSegmentation())
            m_loader->loadVolumeFile(path);
    });
    connect(m_state, &ViewerState::cursorChanged, this, &MainWindow::updateReadout);
    // The value under the mouse, without moving the crosshair; the crosshair's again when the mouse leaves.
    connect(m_panel, &ViewerPanel::pointerReadoutChanged, this, [this](const QString& text) {
        if (text.isEmpty())
            updateReadout();
        else
            showReadout(tr("Pointer: %1").arg(text));
    });
    connect(m_state, &ViewerState::imageChanged, this, &MainWindow::updateReadout);
    resize(1500, 900);
    tabifyDockWidget(m_segmentationPanel, m_historyPanel);
    tabifyDockWidget(m_historyPanel, m_aiPanel);
    tabifyDockWidget(m_aiPanel, m_trainingPanel);
    tabifyDockWidget(m_trainingPanel, m_measurementPanel);
    m_segmentationPanel->raise();
    // The docks as the user left them (the study browser closed, narrower panels); the first time, narrow docks
    // that leave the views most of a 1600-pixel screen. Dock sizes only take effect once the window is laid out.
    if (!restoreState(AppSettings::windowState()))
        QTimer::singleShot(0, this, [this]() {
            resizeDocks({m_browser, m_segmentationPanel}, {220, 360}, Qt::Horizontal);
        });
    const int left = m_session->allPendingRecoveries().size();
    if (left > 0)
        statusBar()->showMessage(tr("Unsaved edits of %n series were left when Delineate last ended: Segmentation > "
                                    "Recover Unsaved Edits lists them.", nullptr, left), 20000);
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
                                                       {ViewLayout::TwoByTwo, tr("Layout &2 x 2")},
                                                       {ViewLayout::OneByOne, tr("Layout 1 x 1 (&Current View)")}};
    for (const auto& [layout, name] : layouts) {
        QAction* action = view->addAction(name);
        action->setObjectName(QStringLiteral("Layout%1Action").arg(ViewerPanel::layoutKey(layout)));
        action->setCheckable(true);
        action->setChecked(m_panel->layoutMode() == layout);
        m_layoutGroup->addAction(action);
        // The layout chosen here is the one the next start opens with (as Settings' default layout).
        connect(action, &QAction::triggered, this, [this, layout = layout]() {
            m_panel->setLayoutMode(layout);
            AppSettings::setDefaultLayout(ViewerPanel::layoutKey(layout));
        });
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
    // A regularised series (tilted gantry, uneven spacing) on the scanner's own images, in the view of their plane.
    AcquiredImages* acquired = m_panel->acquiredImages();
    QAction* acquiredAction = view->addAction(tr("Show &Acquired Images"));
    acquiredAction->setObjectName(QStringLiteral("ShowAcquiredImagesAction"));
    acquiredAction->setCheckable(true);
    acquiredAction->setEnabled(false);
    acquiredAction->setToolTip(tr("Show a resampled series on the images the scanner acquired (display only)"));
    connect(acquiredAction, &QAction::toggled, acquired, &AcquiredImages::setRequested);
    connect(acquired, &AcquiredImages::changed, acquiredAction,
            [acquired, acquiredAction]() { acquiredAction->setEnabled(acquired->isAvailable()); });
    view->addSeparator();
    QAction* browser = m_browser->toggleViewAction();
    browser->setText(tr("&Study Browser"));
    view->addAction(browser);
    // Side by side: another series of the opened study beside the one on screen.
    QMenu* compare = view->addMenu(tr("Compare Side by Side &With"));
    compare->setObjectName(QStringLiteral("CompareSideBySideMenu"));
    connect(compare, &QMenu::aboutToShow, this, [this, compare]() {
        compare->clear();
        for (const SeriesInfo& series : m_loader->scan().allSeries()) {
            if (series.key == m_state->info().seriesKey)
                continue;
            const QString name = series.seriesDescription.isEmpty() ? tr("Series %1").arg(series.seriesNumber)
                                                                    : series.seriesDescription;
            compare->addAction(tr("%1: %2 (%3, %n images)", nullptr, series.frameCount())
                                   .arg(series.seriesNumber).arg(name, series.modality),
                               m_sideBySide, [this, key = series.key]() { m_sideBySide->compareWith(key); });
        }
        if (compare->isEmpty())
            compare->addAction(tr("(no other series in the opened study)"))->setEnabled(false);
    });
    compare->setEnabled(false);
    connect(m_state, &ViewerState::imageChanged, compare, [this, compare]() { compare->setEnabled(m_state->hasImage()); });
    QAction* closeComparison = view->addAction(tr("Close Side by Side"), m_sideBySide, &SideBySide::leave);
    closeComparison->setEnabled(false);
    connect(m_sideBySide, &SideBySide::activeChanged, closeComparison, &QAction::setEnabled);

    m_windowMenu = new WindowLevelMenu(m_state, m_panel, this);
    menuBar()->addMenu(m_windowMenu);

    QMenu* help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Mouse and Keys"), this, &MainWindow::showMouseAndKeys)->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About Delineate"), this, &MainWindow::showAbout);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

void MainWindow::createStatusBar()
{
    m_readout->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_readout->setObjectName(QStringLiteral("Readout"));
    // Wide enough for a long readout, never wider: messages and the job status keep their room; longer text is
    // elided, in full in the tooltip.
    const QString widest = tr("Pointer: %1").arg(voxelReadoutText({9999, 9999, 9999}, {-999.9, -999.9, -999.9},
                                                                   m_state->formatValue(-32768)));
    m_readout->setMaximumWidth(m_readout->fontMetrics().horizontalAdvance(widest) + 8);
    statusBar()->addPermanentWidget(m_readout);
    statusBar()->addPermanentWidget(m_jobs);
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
    if (!confirmCloseSegmentation())
        return;
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
    else if (!scan.nonDicomFiles.isEmpty())
        showError(tr("No DICOM images were found in %1: its %n file(s) are not DICOM (listed in the study browser).",
                     nullptr, int(scan.nonDicomFiles.size())).arg(where));
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
    if (preset.isEmpty() && info.isCT() && info.storedWindows.isEmpty()) {
        // Head CT read with the automatic window shows air and bone only; radiologists start at the brain window.
        const QString where = (info.bodyPart + QLatin1Char(' ') + info.seriesDescription + QLatin1Char(' ')
                               + info.studyDescription).toLower();
        if (where.contains(QLatin1String("head")) || where.contains(QLatin1String("brain"))
            || where.contains(QLatin1String("skull")))
            preset = QStringLiteral("brain");
    }
    // A segmentation belongs to the image it was made on: the user agreed to close it when asking for this one.
    if (m_session->hasSegmentation())
        m_session->close();
    m_state->setImage(volume, info, automaticWindow, preset);
    m_imageTitle = info.title();
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
    updateTitle();
    statusBar()->showMessage(tr("Loaded %1").arg(info.title()), 5000);
    QTimer::singleShot(0, this, &MainWindow::offerRecovery);
    // Arrow keys and PageUp/PageDown should scroll at once, without a click into a view first.
    if (!m_panel->isAncestorOf(QApplication::focusWidget()) || !QApplication::focusWidget()->isVisible())
        (planeView ? planeView : m_panel->axialView())->setFocus();
    m_screenshotImageShown = true;
    if (!m_pendingSeg.isEmpty()) {
        const QString seg = m_pendingSeg;
        m_pendingSeg.clear();
        openSegmentationFile(seg);
    }
    Q_EMIT imageShown();
    maybeTakeScreenshot();
}

void MainWindow::onNonImageObject(const QString& kind, const QString& file, const QString& description)
{
    if (isDicomSegFile(file)) {
        // A segmentation: onto its series, loading that series first when another one is on screen.
        auto header = readDicomSegHeader(file);
        if (!header) {
            showError(header.error().message);
            return;
        }
        const auto& source = m_state->info().dicomSource;
        if (m_state->hasImage() && source && header->referencedSeriesUids.contains(source->info.seriesInstanceUid)) {
            openSegmentationFile(file);
            return;
        }
        const SeriesInfo* target = nullptr;
        for (const SeriesInfo& series : m_loader->scan().allSeries())
            if (header->referencedSeriesUids.contains(series.seriesInstanceUid) && (!target || series.frameCount() > target->frameCount()))
                target = &series;
        if (!target) {
            showError(tr("\"%1\" is a segmentation of a series that is not in this study folder (%2); open that series first.")
                          .arg(description, QDir::toNativeSeparators(file)));
            return;
        }
        if (!confirmCloseSegmentation())
            return;
        m_pendingSeg = file;
        m_loader->loadSeries(target->key);
        return;
    }
    showError(tr("\"%1\" is a DICOM %2 object (%3). Delineate cannot display this kind of object yet; open an image "
                 "series of the same study instead.")
                  .arg(description, kind, QDir::toNativeSeparators(file)));
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
    return m_readout->toolTip(); // the full text; the label may show it elided
}

void MainWindow::updateReadout()
{
    showReadout(m_state->readoutText());
}

void MainWindow::showReadout(const QString& text)
{
    m_readout->setToolTip(text);
    m_readout->setText(m_readout->fontMetrics().elidedText(text, Qt::ElideRight, m_readout->maximumWidth()));
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
    // Every shortcut the window has (tst_Editing checks this list against its actions, and docs/editing.md's table).
    const auto key = [](QKeySequence::StandardKey standard) {
        return QKeySequence(standard).toString(QKeySequence::NativeText);
    };
    QStringList presets{tr("Alt+0 automatic")};
    int number = 1;
    for (const WindowLevelPreset& preset : WindowLevelPresets::ctPresets())
        presets << tr("Alt+%1 %2").arg(number++).arg(WindowLevelPresets::displayName(preset));
    std::vector<std::pair<QString, QString>> rows = {
        {tr("Open a DICOM folder / a file"), tr("Ctrl+Shift+O / %1").arg(key(QKeySequence::Open))},
        {tr("Quit"), key(QKeySequence::Quit)},
        {tr("Next / previous slice"), tr("Mouse wheel; arrow keys; Page Up / Page Down (10 slices)")},
        {tr("Move the crosshair"), tr("Left click or drag; Shift + move")},
        {tr("Show / hide the crosshair"), tr("C")},
        {tr("Zoom"), tr("Ctrl + wheel (about the mouse pointer)")},
        {tr("Pan"), tr("Middle-button drag")},
        {tr("Fit to window / actual size"), tr("F / Ctrl+1")},
        {tr("Window / level"), tr("Right-button drag: right = wider, down = higher level")},
        {tr("Window presets"), presets.join(QStringLiteral("; "))},
        {tr("Invert the display / reset the view"), tr("Ctrl+I / Ctrl+0 (window as opened, fitted)")},
        {tr("Maximise a view"), tr("Double-click; again or Escape to restore")},
        {tr("Tools"), tr("N navigate, B brush, E eraser, G fill, L lasso")},
        {tr("Paint / erase"), tr("Left-button drag with the brush or eraser; Ctrl + left click moves the crosshair meanwhile")},
        {tr("Brush size"), tr("[ smaller, ] larger")},
        {tr("Fill"), tr("Left click with the fill tool: the connected voxels within the tolerance")},
        {tr("Lasso"), tr("Left-button drag draws an outline, filled on release; Shift at the start erases the active "
                         "label; Escape drops the outline")},
        {tr("Active label"), tr("1 to 9 (a missing label is added)")},
        {tr("Mark the slice reviewed"), tr("R (again to unmark); the strip at a view's right edge shows reviewed slices")},
        {tr("Undo / redo"), tr("%1 / Ctrl+Shift+Z (or Ctrl+Y)").arg(key(QKeySequence::Undo))},
        {tr("Segmentation overlay"), tr("O show / hide; Shift+O fill or outline")},
        {tr("Measure"), tr("M ruler, Shift+R rectangle region, Shift+E ellipse region, Shift+A angle (three clicks); "
                           "drag a handle to edit; Del deletes the selected measurement")},
        {tr("New / open segmentation"), tr("Ctrl+N / Ctrl+L")},
        {tr("Save the segmentation / save as"), tr("%1 / Ctrl+Shift+S").arg(key(QKeySequence::Save))},
        {tr("This list"), key(QKeySequence::HelpContents)},
    };
    // The settings' key exists on some platforms only.
    if (const QString settings = key(QKeySequence::Preferences); !settings.isEmpty())
        rows.insert(rows.begin() + 1, {tr("Settings"), settings});
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
    if (!confirmCloseSegmentation()) {
        event->ignore();
        return;
    }
    m_panel->setTool(nullptr); // ends a stroke in progress
    m_ai->cancel();            // the runner joins when the window goes
    m_session->close();
    m_loader->cancel(); // the runners join their threads when destroyed; a cancelled job ends quickly
    AppSettings::setWindowState(saveState());
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

void MainWindow::createSegmentationMenus()
{
    // Edit menu after File.
    QMenu* edit = new QMenu(tr("&Edit"), this);
    menuBar()->insertMenu(menuBar()->actions().at(1), edit);
    m_undoAction = edit->addAction(tr("&Undo"), this, [this]() {
        if (m_session->document())
            m_session->document()->undo();
    });
    m_undoAction->setShortcut(QKeySequence::Undo);
    m_redoAction = edit->addAction(tr("&Redo"), this, [this]() {
        if (m_session->document())
            m_session->document()->redo();
    });
    m_redoAction->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});

    QMenu* segmentation = new QMenu(tr("&Segmentation"), this);
    menuBar()->insertMenu(menuBar()->actions().at(3), segmentation);
    segmentation->addAction(tr("&New Segmentation"), this, &MainWindow::newSegmentation)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    segmentation->addAction(tr("&Open Segmentation..."), this, &MainWindow::openSegmentationDialog)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_saveAction = segmentation->addAction(tr("&Save Segmentation"), this, &MainWindow::saveSegmentation);
    m_saveAction->setShortcut(QKeySequence::Save);
    m_saveAsAction = segmentation->addAction(tr("Save Segmentation &As..."), this, &MainWindow::saveSegmentationAs);
    m_saveAsAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    m_saveDicomSegAction = segmentation->addAction(tr("Save as &DICOM SEG..."), this, &MainWindow::saveDicomSegDialog);
    m_closeSegmentationAction = segmentation->addAction(tr("&Close Segmentation"), this, &MainWindow::closeSegmentation);
    QAction* recover = segmentation->addAction(tr("Re&cover Unsaved Edits..."), this, [this]() {
        RecoveryDialog dialog(m_session, this);
        connect(&dialog, &RecoveryDialog::message, this, [this](const QString& text) { statusBar()->showMessage(text, 15000); });
        dialog.exec();
    });
    recover->setObjectName(QStringLiteral("RecoverAction"));
    segmentation->addSeparator();
    const auto toolAction = [&](const QString& text, Qt::Key key, SegmentationPanel::ToolKind kind) {
        QAction* action = segmentation->addAction(text, this, [this, kind]() { m_segmentationPanel->setActiveTool(kind); });
        action->setShortcut(QKeySequence(key));
    };
    toolAction(tr("&Navigate"), Qt::Key_N, SegmentationPanel::ToolKind::Navigate);
    toolAction(tr("&Brush"), Qt::Key_B, SegmentationPanel::ToolKind::Brush);
    toolAction(tr("&Eraser"), Qt::Key_E, SegmentationPanel::ToolKind::Eraser);
    toolAction(tr("&Fill"), Qt::Key_G, SegmentationPanel::ToolKind::Fill);
    toolAction(tr("&Lasso"), Qt::Key_L, SegmentationPanel::ToolKind::Lasso);
    QAction* smaller = segmentation->addAction(tr("Smaller Brush"), this, [this]() {
        if (BrushTool* tool = m_segmentationPanel->activeBrush())
            tool->setRadius(tool->settings().radius / 1.25);
    });
    smaller->setShortcut(QKeySequence(Qt::Key_BracketLeft));
    QAction* larger = segmentation->addAction(tr("Larger Brush"), this, [this]() {
        if (BrushTool* tool = m_segmentationPanel->activeBrush())
            tool->setRadius(tool->settings().radius * 1.25);
    });
    larger->setShortcut(QKeySequence(Qt::Key_BracketRight));
    segmentation->addSeparator();
    QAction* overlay = segmentation->addAction(tr("Show &Overlay"));
    overlay->setCheckable(true);
    overlay->setChecked(m_segmentationLayer->isVisible());
    overlay->setShortcut(QKeySequence(Qt::Key_O));
    connect(overlay, &QAction::toggled, m_segmentationLayer, &SegmentationLayer::setVisible);
    connect(m_segmentationLayer, &SegmentationLayer::displayChanged, overlay,
            [this, overlay]() { overlay->setChecked(m_segmentationLayer->isVisible()); });
    QAction* outline = segmentation->addAction(tr("Outline Only"), this, [this]() {
        m_segmentationLayer->setDrawing(m_segmentationLayer->drawing() == LabelDrawing::Fill ? LabelDrawing::Outline
                                                                                             : LabelDrawing::Fill);
    });
    outline->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_O));
    segmentation->addSeparator();
    m_markReviewedAction = segmentation->addAction(tr("Mark Slice &Reviewed"), this, &MainWindow::toggleSliceReviewed);
    m_markReviewedAction->setShortcut(QKeySequence(Qt::Key_R));
    m_markReviewedAction->setToolTip(tr("Mark the slice on screen in the view last used as reviewed, or unmark it"));
    // Labels 1-9 by number key.
    for (int value = 1; value <= 9; ++value) {
        auto* action = new QAction(this);
        action->setShortcut(QKeySequence(int(Qt::Key_0) + value));
        connect(action, &QAction::triggered, this, [this, value]() { selectLabel(value); });
        addAction(action);
    }
    QMenu* view = menuBar()->actions().at(2)->menu();
    if (view) {
        view->addAction(m_segmentationPanel->toggleViewAction());
        view->addAction(m_historyPanel->toggleViewAction());
        view->addAction(m_aiPanel->toggleViewAction());
        view->addAction(m_trainingPanel->toggleViewAction());
    }
    updateEditActions();
}

SegmentationDocument* MainWindow::ensureDocument()
{
    if (!m_state->hasImage()) {
        statusBar()->showMessage(tr("Open an image first."), 5000);
        return nullptr;
    }
    if (!m_session->document()) {
        if (auto created = m_session->createEmpty(); !created) {
            showError(created.error().message);
            return nullptr;
        }
        if (!m_session->journalProblem().isEmpty())
            statusBar()->showMessage(tr("Edits will not survive a crash: %1").arg(m_session->journalProblem()), 15000);
    }
    return m_session->document();
}

void MainWindow::selectLabel(int value)
{
    SegmentationDocument* document = ensureDocument();
    if (!document)
        return;
    if (auto added = ensureLabel(*document, uint16_t(value)); !added) {
        statusBar()->showMessage(added.error().message, 5000);
        return;
    }
    m_segmentationLayer->setActiveLabel(uint16_t(value));
    statusBar()->showMessage(tr("Active: %1").arg(labelDisplayName(document->labels(), uint16_t(value))), 3000);
}

void MainWindow::toggleSliceReviewed()
{
    SliceView* view = m_panel->activeView();
    if (!view || !view->hasImage()) {
        statusBar()->showMessage(tr("Open an image first."), 5000);
        return;
    }
    if (view->showsAcquired()) { // its slices are the scanner's images, not the regularised slices that are reviewed
        statusBar()->showMessage(tr("Slices are reviewed on the regularised volume: turn off View > Show Acquired "
                                    "Images first."), 8000);
        return;
    }
    SegmentationDocument* document = ensureDocument();
    if (!document)
        return;
    const int axis = view->model().sliceAxis();
    const int64_t slice = view->currentSlice();
    const bool reviewed = !document->segmentation().reviewedSlices().isReviewed(axis, slice);
    if (auto marked = setSlicesReviewed(*document, axis, slice, slice, reviewed); !marked) {
        statusBar()->showMessage(marked.error().message, 8000);
        return;
    }
    const QString where = SliceViewModel::orientationName(view->model().orientation());
    statusBar()->showMessage(reviewed ? tr("%1 slice %2 marked reviewed.").arg(where).arg(slice + 1)
                                      : tr("%1 slice %2 no longer marked reviewed.").arg(where).arg(slice + 1),
                             4000);
}

void MainWindow::newSegmentation()
{
    if (!m_state->hasImage()) {
        showError(tr("Open an image first: a segmentation is made on an image series."));
        return;
    }
    if (!confirmCloseSegmentation())
        return;
    m_session->close();
    ensureDocument();
}

void MainWindow::openSegmentationDialog()
{
    if (!m_state->hasImage()) {
        showError(tr("Open an image first: a segmentation is opened onto an image series."));
        return;
    }
    const QString file = QFileDialog::getOpenFileName(this, tr("Open Segmentation"), QString(),
                                                      tr("Segmentations (*.nii *.nii.gz *.nrrd *.mha *.dcm);;Label maps (*.nii *.nii.gz *.nrrd *.mha);;DICOM SEG (*.dcm);;All files (*)"));
    if (!file.isEmpty())
        openSegmentationFile(file);
}

void MainWindow::openSegmentationFile(const QString& path)
{
    if (!confirmCloseSegmentation())
        return;
    auto opened = m_session->openFile(path, false);
    if (opened) {
        // How a DICOM SEG was read (fractional values, overlapping segments, resampling) is said, not hidden.
        const QStringList notes = m_session->notes();
        statusBar()->showMessage(notes.isEmpty() ? tr("Opened %1").arg(QDir::toNativeSeparators(path))
                                                 : tr("Opened %1: %2").arg(QDir::toNativeSeparators(path), notes.join(QStringLiteral("; "))),
                                 notes.isEmpty() ? 5000 : 15000);
        return;
    }
    const QString message = opened.error().message;
    if (!opened.error().isGridMismatch()) { // resampling is offered for a mask on another grid only
        showError(message);
        return;
    }
    m_lastError = message;
    Q_EMIT errorShown(message);
    QMessageBox box(QMessageBox::Warning, tr("Delineate"),
                    tr("This mask does not lie on the series' voxel grid, so it would be drawn on the wrong anatomy."),
                    QMessageBox::NoButton, this);
    box.setInformativeText(message);
    QPushButton* resample = box.addButton(tr("Resample onto this series (nearest neighbour)"), QMessageBox::AcceptRole);
    box.addButton(QMessageBox::Cancel);
    box.exec();
    if (box.clickedButton() != resample)
        return;
    auto resampled = m_session->openFile(path, true);
    if (!resampled) {
        showError(resampled.error().message);
        return;
    }
    statusBar()->showMessage(tr("%1 was resampled onto the series by nearest neighbour; save it to keep it.")
                                 .arg(QFileInfo(path).fileName()),
                             10000);
}

bool MainWindow::saveSegmentationTo(const QString& path)
{
    auto saved = m_session->save(path);
    if (!saved) {
        showError(saved.error().message);
        return false;
    }
    statusBar()->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)), 5000);
    updateTitle();
    return true;
}

bool MainWindow::saveSegmentation()
{
    if (!m_session->document())
        return false;
    if (m_session->filePath().isEmpty() || !isSegmentationFileName(m_session->filePath()))
        return saveSegmentationAs();
    return saveSegmentationTo(m_session->filePath());
}

bool MainWindow::saveSegmentationAs()
{
    if (!m_session->document())
        return false;
    QString file = QFileDialog::getSaveFileName(this, tr("Save Segmentation"), m_session->filePath(),
                                                tr("NIfTI (*.nii.gz *.nii);;NRRD, as 3D Slicer (*.seg.nrrd *.nrrd);;MetaImage (*.mha)"));
    if (file.isEmpty())
        return false;
    if (!isSegmentationFileName(file))
        file += QStringLiteral(".nii.gz");
    return saveSegmentationTo(file);
}

void MainWindow::saveDicomSegDialog()
{
    if (!m_session->document())
        return;
    if (!m_session->canSaveDicomSeg()) {
        showError(tr("A DICOM segmentation refers to a DICOM series; the image on screen is a volume file. Save a label file instead."));
        return;
    }
    const QString suggested = QFileInfo(m_state->info().sourcePath).isDir()
                                  ? QDir(m_state->info().sourcePath).filePath(QStringLiteral("segmentation.dcm"))
                                  : QString();
    QString file = QFileDialog::getSaveFileName(this, tr("Save as DICOM SEG"), suggested, tr("DICOM SEG (*.dcm)"));
    if (file.isEmpty())
        return;
    if (!file.endsWith(QLatin1String(".dcm"), Qt::CaseInsensitive))
        file += QStringLiteral(".dcm");
    auto saved = m_session->saveDicomSeg(file);
    if (!saved) {
        showError(saved.error().message);
        return;
    }
    const QStringList notes = m_session->notes();
    statusBar()->showMessage(tr("Saved the DICOM SEG %1 (the working segmentation is not marked saved: it keeps what a SEG cannot hold)")
                                 .arg(QDir::toNativeSeparators(file)),
                             10000);
    if (!notes.isEmpty()) {
        auto* box = new QMessageBox(QMessageBox::Information, tr("Delineate"), tr("The DICOM SEG was saved. Please note:"),
                                    QMessageBox::Ok, this);
        box->setInformativeText(notes.join(QLatin1Char('\n')));
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
}

void MainWindow::closeSegmentation()
{
    if (!confirmCloseSegmentation())
        return;
    m_session->close();
}

bool MainWindow::confirmCloseSegmentation()
{
    if (!m_session->isModified())
        return true;
    QMessageBox box(QMessageBox::Question, tr("Delineate"),
                    tr("The segmentation \"%1\" has unsaved changes.").arg(m_session->displayName()),
                    QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, this);
    box.setInformativeText(tr("Save them before closing it?"));
    box.setDefaultButton(QMessageBox::Save);
    box.setObjectName(QStringLiteral("UnsavedChangesBox"));
    const int choice = box.exec();
    if (choice == QMessageBox::Save)
        return saveSegmentation();
    if (choice == QMessageBox::Discard) {
        m_session->close(); // the journal goes too: the user chose to lose these edits
        return true;
    }
    return false;
}

void MainWindow::offerRecovery()
{
    if (!m_state->hasImage())
        return;
    const QVector<JournalListing> pending = m_session->pendingRecoveries();
    for (const JournalListing& listing : pending) {
        if (m_session->isModified())
            return; // never replace work in progress
        QMessageBox box(QMessageBox::Question, tr("Delineate"),
                        tr("Delineate found %n unsaved edit(s) to this series from %1, left when Delineate ended "
                           "unexpectedly.", nullptr, listing.edits)
                            .arg(QLocale().toString(listing.modified.toLocalTime(), QLocale::ShortFormat)),
                        QMessageBox::NoButton, this);
        box.setObjectName(QStringLiteral("RecoveryBox"));
        box.setInformativeText(tr("Restore them onto this series?"));
        QPushButton* restore = box.addButton(tr("Restore"), QMessageBox::AcceptRole);
        QPushButton* discard = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
        box.addButton(tr("Later"), QMessageBox::RejectRole);
        box.setDefaultButton(restore);
        box.exec();
        if (box.clickedButton() == discard) {
            m_session->discardRecovery(listing);
        } else if (box.clickedButton() == restore) {
            auto restored = m_session->restore(listing);
            if (!restored) {
                showError(restored.error().message);
                return;
            }
            statusBar()->showMessage(RecoveryDialog::restoredText(*restored), 15000);
            return;
        } else {
            return;
        }
    }
}

void MainWindow::updateTitle()
{
    if (m_imageTitle.isEmpty()) {
        setWindowTitle(tr("Delineate"));
        return;
    }
    if (m_session->hasSegmentation())
        setWindowTitle(tr("%1 - %2%3 - Delineate")
                           .arg(m_imageTitle, m_session->displayName(), m_session->isModified() ? QStringLiteral("*") : QString()));
    else
        setWindowTitle(tr("%1 - Delineate").arg(m_imageTitle));
}

void MainWindow::updateEditActions()
{
    SegmentationDocument* document = m_session->document();
    m_undoAction->setEnabled(document && document->canUndo());
    m_redoAction->setEnabled(document && document->canRedo());
    m_undoAction->setText(document && document->history().undoRecord()
                              ? tr("&Undo %1").arg(document->history().undoRecord()->description)
                              : tr("&Undo"));
    m_redoAction->setText(document && document->history().redoRecord()
                              ? tr("&Redo %1").arg(document->history().redoRecord()->description)
                              : tr("&Redo"));
    m_saveAction->setEnabled(document != nullptr);
    m_saveAsAction->setEnabled(document != nullptr);
    m_saveDicomSegAction->setEnabled(m_session->canSaveDicomSeg());
    m_closeSegmentationAction->setEnabled(document != nullptr);
}

// Measurements: one tool for the four kinds, their overlay on every view, the dock and the Measure menu.
void MainWindow::createMeasurements()
{
    m_measurements = new MeasurementList(m_state, this);
    m_measureTool = new MeasureTool(m_measurements, this);
    m_measurementOverlay = new MeasurementOverlay(m_measurements, this);
    for (int n = 0; n < 3; ++n)
        m_measurementOverlay->attach(m_panel->view(n));
    m_measurementPanel = new MeasurementPanel(m_measurements, m_measureTool, m_panel, m_state, this);
    addDockWidget(Qt::RightDockWidgetArea, m_measurementPanel);
    menuBar()->insertMenu(menuBar()->actions().constLast(), m_measurementPanel->createMenu(this)); // before Help
    connect(m_measurementPanel, &MeasurementPanel::message, this, [this](const QString& text) { statusBar()->showMessage(text, 8000); });
}

} // namespace delineate
