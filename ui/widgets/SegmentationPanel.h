// The Segmentation dock: the tools (navigate, brush, eraser, fill, lasso) with their options (brush size and shape,
// the brush's intensity range, the fill's tolerance and 2D/3D, the overwrite policy), the label list with its
// editable fields (name, colour, visible, locked, review status, coded meaning) and statistics (voxels, ml), the
// operations on the active label, and the overlay's fill/outline and opacity. A thin layer: every change goes to the
// document through core/edit's operations.
#pragma once

#include "widgets/ToolOptions.h"

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
class QTimer;
class QToolButton;

namespace delineate {

class LabelOperationsBox;
class SegmentationLayer;
class SegmentationSession;
class SliceTool;
class ViewerPanel;
class ViewerState;

class SegmentationPanel : public QDockWidget
{
    Q_OBJECT
public:
    enum class ToolKind { Navigate, Brush, Eraser, Fill, Lasso };
    enum Column {
        ColourColumn,
        ValueColumn,
        NameColumn,
        VisibleColumn,
        LockedColumn,
        VoxelsColumn,
        VolumeColumn,
        ReviewColumn,
        MeaningColumn,
        ColumnCount
    };

    SegmentationPanel(SegmentationSession* session, SegmentationLayer* layer, ViewerState* state, ViewerPanel* views,
                      const EditingTools& tools, QWidget* parent = nullptr);

    ToolKind activeTool() const { return m_tool; }
    void setActiveTool(ToolKind tool);
    BrushTool* activeBrush() const; // the brush or eraser in use, else null

    QTableWidget* labelTable() const { return m_table; }
    QPushButton* addButton() const { return m_add; }
    QPushButton* addOnNewLayerButton() const { return m_addOnNewLayer; }
    QPushButton* removeButton() const { return m_remove; }
    QSlider* opacitySlider() const { return m_opacity; }
    QCheckBox* outlineBox() const { return m_outline; }
    ToolOptions* toolOptions() const { return m_options; }
    QDoubleSpinBox* sizeBox() const { return m_options->sizeBox(); }
    QComboBox* shapeBox() const { return m_options->shapeBox(); }
    QComboBox* unitBox() const { return m_options->unitBox(); }
    QComboBox* policyBox() const { return m_options->policyBox(); }
    QToolButton* toolButton(ToolKind tool) const;
    LabelOperationsBox* operations() const { return m_operations; }
    // The row of the label list that shows `value` (-1 when none).
    int rowOfLabel(int value) const;
    // Opens the coded-meaning picker for the label in `row` and applies the choice (undoable).
    void chooseMeaning(int row);

Q_SIGNALS:
    void message(const QString& text);

private:
    void buildUi();
    void rebuildTable();
    void updateStatistics();
    void updateEnabled();
    void onItemChanged(QTableWidgetItem* item);
    void onCellDoubleClicked(int row, int column);
    void onSelectionChanged();
    void addLabelClicked();
    void addLabelOnNewLayerClicked();
    void removeLabelClicked();
    void reportIfFailed(const QString& error);

    SegmentationSession* m_session;
    SegmentationLayer* m_layer;
    ViewerState* m_state;
    ViewerPanel* m_views;
    EditingTools m_tools;
    ToolKind m_tool = ToolKind::Navigate;
    bool m_rebuilding = false;
    QTimer* m_statisticsTimer = nullptr;

    QButtonGroup* m_toolButtons = nullptr;
    ToolOptions* m_options = nullptr;
    QLabel* m_labelsLabel = nullptr;
    QTableWidget* m_table = nullptr;
    QPushButton* m_add = nullptr;
    QPushButton* m_addOnNewLayer = nullptr;
    QPushButton* m_remove = nullptr;
    LabelOperationsBox* m_operations = nullptr;
    QCheckBox* m_show = nullptr;
    QCheckBox* m_outline = nullptr;
    QLabel* m_opacityLabel = nullptr;
    QSlider* m_opacity = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace delineate
