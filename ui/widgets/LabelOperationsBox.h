// Operations on the active label, in the Segmentation dock: shape-based interpolation between the slices it was drawn
// on, removal of small islands (or all but the largest), and smoothing by opening or closing with a radius in mm.
// Each is one core call through the edit path (one undo step), run on the UI thread with a wait cursor; refusals
// (a locked label, nothing to interpolate) come back as messages.
#pragma once

#include <QGroupBox>

class QComboBox;
class QDoubleSpinBox;
class QPushButton;
class QSpinBox;

namespace delineate {

class SegmentationDocument;
class SegmentationLayer;
class SegmentationSession;
class ViewerPanel;

class LabelOperationsBox : public QGroupBox
{
    Q_OBJECT
public:
    // Which slices interpolation runs across: those of the view last used, or of a chosen view.
    enum class AxisChoice { LastUsedView, Axial, Coronal, Sagittal };

    LabelOperationsBox(SegmentationSession* session, SegmentationLayer* layer, ViewerPanel* views,
                       QWidget* parent = nullptr);

    QPushButton* interpolateButton() const { return m_interpolate; }
    QComboBox* axisBox() const { return m_axis; }
    QPushButton* removeIslandsButton() const { return m_removeIslands; }
    QSpinBox* minimumIslandBox() const { return m_minimumIsland; }
    QPushButton* keepLargestButton() const { return m_keepLargest; }
    QPushButton* smoothButton() const { return m_smooth; }
    QComboBox* smoothingBox() const { return m_smoothing; }
    QDoubleSpinBox* radiusBox() const { return m_radius; }

    // The voxel axis interpolation would run across now.
    int interpolationAxis() const;
    // How long the last operation took (ms), for the status bar and tests.
    double lastDurationMs() const { return m_lastDurationMs; }

    void interpolate();
    void removeIslands(bool keepLargestOnly);
    void smooth();

Q_SIGNALS:
    void message(const QString& text);

private:
    SegmentationDocument* usableDocument();
    void updateEnabled();

    SegmentationSession* m_session;
    SegmentationLayer* m_layer;
    ViewerPanel* m_views;
    double m_lastDurationMs = 0.0;

    QPushButton* m_interpolate = nullptr;
    QComboBox* m_axis = nullptr;
    QPushButton* m_removeIslands = nullptr;
    QSpinBox* m_minimumIsland = nullptr;
    QPushButton* m_keepLargest = nullptr;
    QPushButton* m_smooth = nullptr;
    QComboBox* m_smoothing = nullptr;
    QDoubleSpinBox* m_radius = nullptr;
};

} // namespace delineate
