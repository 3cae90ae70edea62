// The AI dock: choose a model (the shipped ones or any .dlm / TorchScript file) and see its header before anything
// runs; run it on the current slice, a drawn box or the whole series; move the threshold live; show where it is
// unsure; say where the result goes and what it may overwrite. A thin layer over AiSession.
#pragma once

#include <QDockWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class QSpinBox;
class QTextBrowser;

namespace delineate {

class AiSession;
class BoxTool;
class ComputeOptions;
class SegmentationPanel;
class SegmentationSession;
class ViewerPanel;

class AiPanel : public QDockWidget
{
    Q_OBJECT
public:
    AiPanel(AiSession* session, SegmentationSession* segmentation, ViewerPanel* views, BoxTool* boxTool,
            QWidget* parent = nullptr);

    // Selects a model file (adds it to the list when it is not one of the shipped models).
    bool chooseModel(const QString& path);

    QComboBox* modelBox() const { return m_models; }
    QTextBrowser* headerView() const { return m_header; }
    QLabel* warningLabel() const { return m_warnings; }
    QPushButton* sliceButton() const { return m_runSlice; }
    QPushButton* boxButton() const { return m_runBox; }
    QPushButton* seriesButton() const { return m_runSeries; }
    QPushButton* drawBoxButton() const { return m_drawBox; }
    QSlider* thresholdSlider() const { return m_threshold; }
    QComboBox* uncertaintyBox() const { return m_uncertainty; }
    QPushButton* nextUncertainButton() const { return m_nextUncertain; }
    QComboBox* targetBox() const { return m_target; }
    QCheckBox* overwriteHandBox() const { return m_overwriteHand; }
    QLabel* statusLabel() const { return m_status; }
    QLabel* engineLabel() const { return m_engine; }
    ComputeOptions* computeOptions() const { return m_compute; }
    // When a model does not fit the image, a run asks first; tests answer with this instead of a dialog.
    void setConfirmMismatch(std::function<bool(const QStringList&)> confirm) { m_confirm = std::move(confirm); }

Q_SIGNALS:
    void message(const QString& text);

private:
    void buildUi();
    void populateModels();
    void showHeader();
    void rebuildTargets();
    void runScope(int scope);
    void onThresholdMoved(int value);
    void onThresholdReleased();
    void updateEnabled();

    AiSession* m_session;
    SegmentationSession* m_segmentation;
    ViewerPanel* m_views;
    BoxTool* m_boxTool;
    std::function<bool(const QStringList&)> m_confirm;

    QComboBox* m_models = nullptr;
    QPushButton* m_openModel = nullptr;
    QTextBrowser* m_header = nullptr;
    QLabel* m_warnings = nullptr;
    QComboBox* m_target = nullptr;
    QComboBox* m_policy = nullptr;
    QCheckBox* m_overwriteHand = nullptr;
    QPushButton* m_runSlice = nullptr;
    QPushButton* m_drawBox = nullptr;
    QSpinBox* m_boxDepth = nullptr;
    QPushButton* m_runBox = nullptr;
    QPushButton* m_runSeries = nullptr;
    QPushButton* m_cancel = nullptr;
    QSlider* m_threshold = nullptr;
    QLabel* m_thresholdValue = nullptr;
    QComboBox* m_uncertainty = nullptr;
    QPushButton* m_nextUncertain = nullptr;
    QLabel* m_engine = nullptr;
    ComputeOptions* m_compute = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace delineate
