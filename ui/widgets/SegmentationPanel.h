// The Segmentation dock: the tools (navigate, brush, eraser) with the brush's size, shape and overwrite policy, the
// label list with its editable fields (name, colour, visible, locked), and the overlay's fill/outline and opacity.
// A thin layer: every change goes to the document through core/edit's label operations.
#pragma once

#include <QDockWidget>

class QButtonGroup;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QPushButton;
class QSlider;
class QTableWidget;
class QTableWidgetItem;
class QToolButton;

namespace delineate {

class BrushTool;
class SegmentationLayer;
class SegmentationSession;
class SliceTool;
class ViewerPanel;

class SegmentationPanel : public QDockWidget
{
    Q_OBJECT
public:
    enum class ToolKind { Navigate, Brush, Eraser };

    SegmentationPanel(SegmentationSession* session, SegmentationLayer* layer, ViewerPanel* views, BrushTool* brush,
                      BrushTool* eraser, QWidget* parent = nullptr);

    ToolKind activeTool() const { return m_tool; }
    void setActiveTool(ToolKind tool);
    BrushTool* activeBrush() const; // the brush or eraser in use, else null

    QTableWidget* labelTable() const { return m_table; }
    QPushButton* addButton() const { return m_add; }
    QPushButton* removeButton() const { return m_remove; }
    QSlider* opacitySlider() const { return m_opacity; }
    QCheckBox* outlineBox() const { return m_outline; }
    QDoubleSpinBox* sizeBox() const { return m_size; }
    QComboBox* shapeBox() const { return m_shape; }
    QComboBox* unitBox() const { return m_unit; }
    QComboBox* policyBox() const { return m_policy; }

Q_SIGNALS:
    void message(const QString& text);

private:
    enum Column { ColourColumn, ValueColumn, NameColumn, VisibleColumn, LockedColumn, ColumnCount };

    void buildUi();
    void rebuildTable();
    void updateEnabled();
    void syncBrushControls();
    void applyBrushControls();
    void onItemChanged(QTableWidgetItem* item);
    void onCellDoubleClicked(int row, int column);
    void onSelectionChanged();
    void addLabelClicked();
    void removeLabelClicked();
    void reportIfFailed(const QString& error);

    SegmentationSession* m_session;
    SegmentationLayer* m_layer;
    ViewerPanel* m_views;
    BrushTool* m_brush;
    BrushTool* m_eraser;
    ToolKind m_tool = ToolKind::Navigate;
    bool m_rebuilding = false;

    QButtonGroup* m_tools = nullptr;
    QToolButton* m_navigateButton = nullptr;
    QToolButton* m_brushButton = nullptr;
    QToolButton* m_eraserButton = nullptr;
    QLabel* m_sizeLabel = nullptr;
    QDoubleSpinBox* m_size = nullptr;
    QComboBox* m_unit = nullptr;
    QLabel* m_shapeLabel = nullptr;
    QComboBox* m_shape = nullptr;
    QLabel* m_policyLabel = nullptr;
    QComboBox* m_policy = nullptr;
    QComboBox* m_policyLabelChoice = nullptr;
    QLabel* m_labelsLabel = nullptr;
    QTableWidget* m_table = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_remove = nullptr;
    QCheckBox* m_show = nullptr;
    QCheckBox* m_outline = nullptr;
    QLabel* m_opacityLabel = nullptr;
    QSlider* m_opacity = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace delineate
