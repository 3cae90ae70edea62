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

class AiPanel;
class TrainingPanel;
class TrainingSession;
class AiSession;
class BoxTool;
class MeasureTool;
class MeasurementList;
class MeasurementOverlay;
class MeasurementPanel;
class BrushTool;
class FillTool;
class HistoryPanel;
class JobStatusWidget;
class LassoTool;
class SegmentationDocument;
class SegmentationLayer;
class SegmentationPanel;
class SegmentationSession;
class StudyBrowser;
class StudyLoader;
class ViewerPanel;
class SideBySide;
class ViewerState;
class Volume;
class WindowLevelMenu;
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
    WindowLevelMenu* windowLevelMenu() const { return m_windowMenu; }
    StudyBrowser* studyBrowser() const { return m_browser; }
    // Two series side by side (View > Compare Side by Side With, or the study browser's context menu).
    SideBySide* sideBySide() const { return m_sideBySide; }
    SegmentationSession* segmentationSession() const { return m_session; }
    SegmentationLayer* segmentationLayer() const { return m_segmentationLayer; }
    SegmentationPanel* segmentationPanel() const { return m_segmentationPanel; }
    HistoryPanel* historyPanel() const { return m_historyPanel; }
    JobStatusWidget* jobStatus() const { return m_jobs; }
    AiSession* aiSession() const { return m_ai; }
    AiPanel* aiPanel() const { return m_aiPanel; }
    TrainingSession* trainingSession() const { return m_training; }
    TrainingPanel* trainingPanel() const { return m_trainingPanel; }
    MeasurementList* measurements() const { return m_measurements; }
    MeasurementPanel* measurementPanel() const { return m_measurementPanel; }
    MeasureTool* measureTool() const { return m_measureTool; }
    BrushTool* brushTool() const { return m_brush; }
    BrushTool* eraserTool() const { return m_eraser; }
    FillTool* fillTool() const { return m_fill; }
    LassoTool* lassoTool() const { return m_lasso; }
    // Segmentation > Mark Slice Reviewed (R): toggles the mark of the slice on screen in the view last used.
    QAction* markSliceReviewedAction() const { return m_markReviewedAction; }
    QString lastError() const { return m_lastError; }

    // Opens a label file onto the image on screen; a mask on another grid is refused with both geometries named,
    // and the user may choose to resample it onto the series instead (nearest neighbour).
    void openSegmentationFile(const QString& path);
    bool saveSegmentationTo(const QString& path);
    // Asks Save / Discard / Cancel when the segmentation has unsaved edits; true when it is fine to go on.
    bool confirmCloseSegmentation();
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
    void createSegmentationMenus();
    void createMeasurements();
    void newSegmentation();
    void openSegmentationDialog();
    bool saveSegmentation();
    bool saveSegmentationAs();
    void saveDicomSegDialog();
    void closeSegmentation();
    void selectLabel(int value);
    void toggleSliceReviewed();
    void offerRecovery();
    void updateTitle();
    void updateEditActions();
    SegmentationDocument* ensureDocument();
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
    void updateReadout();
    void showReadout(const QString& text);
    void maybeTakeScreenshot();

    ViewerState* m_state;
    StudyLoader* m_loader;
    ViewerPanel* m_panel;
    SideBySide* m_sideBySide = nullptr;
    StudyBrowser* m_browser;
    SegmentationLayer* m_segmentationLayer;
    SegmentationSession* m_session;
    BrushTool* m_brush;
    BrushTool* m_eraser;
    FillTool* m_fill;
    LassoTool* m_lasso;
    SegmentationPanel* m_segmentationPanel;
    HistoryPanel* m_historyPanel;
    AiSession* m_ai;
    BoxTool* m_boxTool;
    MeasurementList* m_measurements = nullptr;
    MeasureTool* m_measureTool = nullptr;
    MeasurementOverlay* m_measurementOverlay = nullptr;
    MeasurementPanel* m_measurementPanel = nullptr;
    AiPanel* m_aiPanel;
    TrainingSession* m_training = nullptr;
    TrainingPanel* m_trainingPanel = nullptr;
    QAction* m_undoAction = nullptr;
    QAction* m_redoAction = nullptr;
    QAction* m_saveAction = nullptr;
    QAction* m_saveAsAction = nullptr;
    QAction* m_saveDicomSegAction = nullptr;
    QAction* m_closeSegmentationAction = nullptr;
    QAction* m_markReviewedAction = nullptr;
    QString m_imageTitle;
    QMenu* m_recentMenu = nullptr;
    QActionGroup* m_layoutGroup = nullptr;
    QActionGroup* m_interpolationGroup = nullptr;
    WindowLevelMenu* m_windowMenu = nullptr;
    JobStatusWidget* m_jobs;
    QLabel* m_readout;
    QString m_lastError;
    QString m_initialPreset;
    QString m_pendingSeg; // a DICOM SEG to open once the series it refers to is on screen
    QString m_screenshotFile;
    bool m_screenshotImageShown = false;
    bool m_thumbnailsDone = false;
    bool m_autoMaximised = false; // the panel was maximised for a single-slice image, not by the user
};

} // namespace delineate
