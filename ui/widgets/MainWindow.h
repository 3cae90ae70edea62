// Delineate's main window: study browser dock, the slice views, menus, loading with progress and cancel.
#pragma once

#include <QMainWindow>

#include <memory>

class QLabel;
class QMenu;
class QProgressBar;
class QPushButton;
class QActionGroup;

namespace delineate {

class StudyBrowser;
class StudyLoader;
class ViewerPanel;
class ViewerState;
class Volume;
struct ImageInfo;
struct WindowLevel;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget* parent = nullptr);
    ~MainWindow() override;

    // A DICOM folder or file, or a volume file (.nii, .nii.gz, .nrrd, .mha): loaded on a worker thread.
    void openPath(const QString& path);
    // The window preset ("auto", "brain", ...) to apply to the next image instead of the default choice.
    void setInitialPreset(const QString& key) { m_initialPreset = key; }
    // Saves a grab of the window to `file` once the next image (and its study's thumbnails) is on screen.
    void saveScreenshotWhenLoaded(const QString& file);

    ViewerState* state() const { return m_state; }
    StudyLoader* loader() const { return m_loader; }
    ViewerPanel* viewerPanel() const { return m_panel; }
    StudyBrowser* studyBrowser() const { return m_browser; }
    QString lastError() const { return m_lastError; }
    QString readoutText() const;

Q_SIGNALS:
    void imageShown();
    void errorShown(const QString& message);
    void screenshotSaved(bool ok);

protected:
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createMenus();
    void createStatusBar();
    void rebuildRecentMenu();
    void openFolderDialog();
    void openFileDialog();
    void showSettings();
    void showAbout();
    void showMouseAndKeys();
    void showError(const QString& message);
    void onScanReady();
    void onImageReady(std::shared_ptr<const Volume> volume, const ImageInfo& info, const WindowLevel& automaticWindow);
    void onNonImageObject(const QString& kind, const QString& file, const QString& description);
    void onBusyChanged(bool busy);
    void updateReadout();
    void maybeTakeScreenshot();

    ViewerState* m_state;
    StudyLoader* m_loader;
    ViewerPanel* m_panel;
    StudyBrowser* m_browser;
    QMenu* m_recentMenu = nullptr;
    QActionGroup* m_layoutGroup = nullptr;
    QActionGroup* m_interpolationGroup = nullptr;
    QProgressBar* m_progress;
    QPushButton* m_cancel;
    QLabel* m_readout;
    QString m_lastError;
    QString m_initialPreset;
    QString m_screenshotFile;
    bool m_screenshotImageShown = false;
    bool m_thumbnailsDone = false;
    bool m_autoMaximised = false; // the panel was maximised for a single-slice image, not by the user
};

} // namespace delineate
