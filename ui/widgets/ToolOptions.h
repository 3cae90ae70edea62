// The options of the editing tool in use, in the Segmentation dock: the brush's and eraser's size, shape and intensity
// range (fixed, or seeded from the value under the pointer), the fill's tolerance and 2D/3D, and the overwrite policy
// of every painting tool. Each tool keeps its own settings; these controls show and change the active tool's.
#pragma once

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;

namespace delineate {

class BrushTool;
class FillTool;
class LabelTable;
class LassoTool;
class SliceTool;
class ViewerState;
struct OverwritePolicy;

// The editing tools the panel offers (owned by the window).
struct EditingTools
{
    BrushTool* brush = nullptr;
    BrushTool* eraser = nullptr;
    FillTool* fill = nullptr;
    LassoTool* lasso = nullptr;
};

class ToolOptions : public QWidget
{
    Q_OBJECT
public:
    ToolOptions(ViewerState* state, const EditingTools& tools, QWidget* parent = nullptr);

    // The tool whose options are shown (null: navigation, a hint only).
    void setActiveTool(SliceTool* tool);
    // The labels offered by "Only voxels of one label" (null: none).
    void setLabels(const LabelTable* labels);

    QDoubleSpinBox* sizeBox() const { return m_size; }
    QComboBox* unitBox() const { return m_unit; }
    QComboBox* shapeBox() const { return m_shape; }
    QCheckBox* rangeBox() const { return m_range; }
    QDoubleSpinBox* lowerBox() const { return m_lower; }
    QDoubleSpinBox* upperBox() const { return m_upper; }
    QCheckBox* seedRangeBox() const { return m_seedRange; }
    QDoubleSpinBox* seedToleranceBox() const { return m_seedTolerance; }
    QDoubleSpinBox* fillToleranceBox() const { return m_fillTolerance; }
    QComboBox* fillDimensionBox() const { return m_fillDimension; }
    QComboBox* policyBox() const { return m_policy; }
    QComboBox* policyLabelBox() const { return m_policyLabelChoice; }

private:
    BrushTool* activeBrush() const;
    OverwritePolicy activePolicy() const;
    void sync();
    void apply();
    void updateRows();
    void onImageChanged();

    ViewerState* m_state;
    EditingTools m_tools;
    SliceTool* m_active = nullptr;

    QFormLayout* m_form = nullptr;
    QLabel* m_hint = nullptr;
    QWidget* m_sizeRow = nullptr;
    QDoubleSpinBox* m_size = nullptr;
    QComboBox* m_unit = nullptr;
    QComboBox* m_shape = nullptr;
    QCheckBox* m_range = nullptr;
    QWidget* m_rangeRow = nullptr;
    QDoubleSpinBox* m_lower = nullptr;
    QDoubleSpinBox* m_upper = nullptr;
    QWidget* m_seedRow = nullptr;
    QCheckBox* m_seedRange = nullptr;
    QDoubleSpinBox* m_seedTolerance = nullptr;
    QDoubleSpinBox* m_fillTolerance = nullptr;
    QComboBox* m_fillDimension = nullptr;
    QComboBox* m_policy = nullptr;
    QComboBox* m_policyLabelChoice = nullptr;
};

} // namespace delineate
