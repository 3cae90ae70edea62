// Options of the active editing tool.
#include "widgets/ToolOptions.h"

#include "image/LabelTable.h"
#include "image/Volume.h"
#include "model/ViewerState.h"
#include "tools/BrushTool.h"
#include "tools/FillTool.h"
#include "tools/LassoTool.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace delineate {

namespace {

QIcon swatch(uint32_t rgb)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(QColor(int((rgb >> 16) & 0xff), int((rgb >> 8) & 0xff), int(rgb & 0xff)));
    return QIcon(pixmap);
}

QWidget* rowOf(QWidget* parent, std::initializer_list<std::pair<QWidget*, int>> widgets)
{
    auto* row = new QWidget(parent);
    auto* layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    for (const auto& [widget, stretch] : widgets) {
        widget->setParent(row);
        layout->addWidget(widget, stretch);
    }
    return row;
}

} // namespace

ToolOptions::ToolOptions(ViewerState* state, const EditingTools& tools, QWidget* parent)
    : QWidget(parent), m_state(state), m_tools(tools)
{
    // The hint sits above the form: a word-wrapped label in a form row gets too little height.
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_hint = new QLabel(this);
    m_hint->setWordWrap(true);
    layout->addWidget(m_hint);
    m_form = new QFormLayout;
    layout->addLayout(m_form);

    // Brush and eraser.
    m_size = new QDoubleSpinBox(this);
    m_size->setDecimals(1);
    m_size->setSingleStep(0.5);
    m_size->setToolTip(tr("Brush radius ([ smaller, ] larger)"));
    m_unit = new QComboBox(this);
    m_unit->addItem(tr("mm"));
    m_unit->addItem(tr("voxels"));
    m_sizeRow = rowOf(this, {{m_size, 1}, {m_unit, 0}});
    m_form->addRow(tr("Radius"), m_sizeRow);
    m_shape = new QComboBox(this);
    m_shape->addItem(tr("2D disk (this slice)"));
    m_shape->addItem(tr("3D sphere"));
    m_form->addRow(tr("Shape"), m_shape);
    m_range = new QCheckBox(tr("Limit to intensity range"), this);
    m_range->setToolTip(tr("Paint (or erase) only voxels whose image value lies in the range"));
    m_form->addRow(QString(), m_range);
    m_lower = new QDoubleSpinBox(this);
    m_upper = new QDoubleSpinBox(this);
    m_lower->setToolTip(tr("Lowest image value painted"));
    m_upper->setToolTip(tr("Highest image value painted"));
    m_rangeRow = rowOf(this, {{m_lower, 1}, {new QLabel(tr("to")), 0}, {m_upper, 1}});
    m_form->addRow(tr("Values"), m_rangeRow);
    m_seedRange = new QCheckBox(tr("From the value under the pointer"), this);
    m_seedRange->setToolTip(tr("Each stroke takes its range from the value where it starts, plus and minus the "
                               "tolerance"));
    m_seedTolerance = new QDoubleSpinBox(this);
    m_seedTolerance->setPrefix(QStringLiteral("%1 ").arg(QChar(0x00B1)));
    m_seedRow = rowOf(this, {{m_seedRange, 1}, {m_seedTolerance, 0}});
    m_form->addRow(QString(), m_seedRow);

    // Fill.
    m_fillTolerance = new QDoubleSpinBox(this);
    m_fillTolerance->setPrefix(QStringLiteral("%1 ").arg(QChar(0x00B1)));
    m_fillTolerance->setToolTip(tr("The fill takes the connected voxels whose values lie within this distance of the "
                                   "clicked voxel's value"));
    m_form->addRow(tr("Tolerance"), m_fillTolerance);
    m_fillDimension = new QComboBox(this);
    m_fillDimension->addItem(tr("2D (this slice)"));
    m_fillDimension->addItem(tr("3D (all slices)"));
    m_form->addRow(tr("Fill in"), m_fillDimension);

    // Every painting tool.
    m_policy = new QComboBox(this);
    m_policy->addItem(tr("Any unlocked label"));
    m_policy->addItem(tr("Empty voxels only"));
    m_policy->addItem(tr("Only voxels of one label"));
    m_policy->setToolTip(tr("Which voxels the tool may change; locked labels are never changed"));
    m_policyLabelChoice = new QComboBox(this);
    m_policyLabelChoice->setToolTip(tr("The label whose voxels the tool may change"));
    m_form->addRow(tr("Overwrite"), m_policy);
    m_form->addRow(QString(), m_policyLabelChoice);

    for (QDoubleSpinBox* box : {m_size, m_lower, m_upper, m_seedTolerance, m_fillTolerance})
        connect(box, qOverload<double>(&QDoubleSpinBox::valueChanged), this, &ToolOptions::apply);
    for (QComboBox* box : {m_unit, m_shape, m_fillDimension, m_policy, m_policyLabelChoice})
        connect(box, qOverload<int>(&QComboBox::currentIndexChanged), this, &ToolOptions::apply);
    for (QCheckBox* box : {m_range, m_seedRange})
        connect(box, &QCheckBox::toggled, this, &ToolOptions::apply);
    for (BrushTool* tool : {m_tools.brush, m_tools.eraser})
        connect(tool, &BrushTool::settingsChanged, this, &ToolOptions::sync);
    connect(m_tools.fill, &FillTool::settingsChanged, this, &ToolOptions::sync);
    connect(m_tools.lasso, &LassoTool::settingsChanged, this, &ToolOptions::sync);
    connect(m_state, &ViewerState::imageChanged, this, &ToolOptions::onImageChanged);
    onImageChanged();
    sync();
}

void ToolOptions::setActiveTool(SliceTool* tool)
{
    m_active = tool;
    sync();
}

BrushTool* ToolOptions::activeBrush() const
{
    return m_active == m_tools.brush ? m_tools.brush : m_active == m_tools.eraser ? m_tools.eraser : nullptr;
}

OverwritePolicy ToolOptions::activePolicy() const
{
    if (m_active == m_tools.fill)
        return m_tools.fill->settings().policy;
    if (m_active == m_tools.lasso)
        return m_tools.lasso->policy();
    return (activeBrush() ? activeBrush() : m_tools.brush)->settings().policy;
}

void ToolOptions::setLabels(const LabelTable* labels)
{
    const QSignalBlocker blocker(m_policyLabelChoice);
    const int onlyLabel = activePolicy().onlyLabel;
    m_policyLabelChoice->clear();
    if (labels)
        for (const LabelEntry& e : labels->entries())
            m_policyLabelChoice->addItem(swatch(e.colour), QStringLiteral("%1 %2").arg(e.value).arg(e.name), int(e.value));
    const int index = m_policyLabelChoice->findData(onlyLabel);
    m_policyLabelChoice->setCurrentIndex(index >= 0 ? index : 0);
}

void ToolOptions::onImageChanged()
{
    if (!m_state->hasImage())
        return;
    const Volume& image = *m_state->volume();
    // Whole numbers for integer images (CT in HU), three decimals for floating-point ones.
    const bool integer = image.pixelType() == PixelType::Int16;
    const ValueRange range = integer ? ValueRange{-32768.0, 32767.0} : image.valueRange();
    const QString unit = m_state->info().isCT() ? tr(" HU") : QString();
    {
        const QSignalBlocker a(m_lower), b(m_upper), c(m_seedTolerance), d(m_fillTolerance);
        for (QDoubleSpinBox* box : {m_lower, m_upper}) {
            box->setDecimals(integer ? 0 : 3);
            box->setRange(range.minimum, range.maximum);
            box->setSuffix(unit);
        }
        for (QDoubleSpinBox* box : {m_seedTolerance, m_fillTolerance}) {
            box->setDecimals(integer ? 0 : 3);
            box->setRange(0.0, std::max(1.0, range.maximum - range.minimum));
            box->setSuffix(unit);
        }
    }
    // A new image starts the range at the grey values on screen.
    const WindowLevel window = m_state->window();
    for (BrushTool* tool : {m_tools.brush, m_tools.eraser}) {
        BrushSettings s = tool->settings();
        s.lower = std::clamp(window.center - window.width / 2.0, range.minimum, range.maximum);
        s.upper = std::clamp(window.center + window.width / 2.0, range.minimum, range.maximum);
        if (integer) {
            s.lower = std::round(s.lower);
            s.upper = std::round(s.upper);
        }
        tool->setSettings(s);
    }
    sync();
}

void ToolOptions::sync()
{
    BrushTool* brush = activeBrush() ? activeBrush() : m_tools.brush;
    const BrushSettings& s = brush->settings();
    const FillSettings& fill = m_tools.fill->settings();
    const OverwritePolicy policy = activePolicy();
    const QSignalBlocker a(m_size), b(m_unit), c(m_shape), d(m_policy), e(m_policyLabelChoice), f(m_range), g(m_lower),
        h(m_upper), i(m_seedRange), j(m_seedTolerance), k(m_fillTolerance), l(m_fillDimension);
    m_size->setRange(BrushTool::minimumRadius(s.unit), BrushTool::maximumRadius(s.unit));
    m_size->setValue(s.radius);
    m_unit->setCurrentIndex(s.unit == BrushUnit::Millimetres ? 0 : 1);
    m_shape->setCurrentIndex(s.shape == BrushShape::Disk ? 0 : 1);
    m_range->setChecked(s.limitToRange);
    m_lower->setValue(s.lower);
    m_upper->setValue(s.upper);
    m_seedRange->setChecked(brush->seedsRangeFromCursor());
    m_seedTolerance->setValue(brush->seedTolerance());
    m_fillTolerance->setValue(fill.tolerance);
    m_fillDimension->setCurrentIndex(fill.threeD ? 1 : 0);
    m_policy->setCurrentIndex(int(policy.mode));
    const int index = m_policyLabelChoice->findData(int(policy.onlyLabel));
    if (index >= 0)
        m_policyLabelChoice->setCurrentIndex(index);
    updateRows();
}

void ToolOptions::apply()
{
    OverwritePolicy policy;
    policy.mode = OverwriteMode(m_policy->currentIndex());
    policy.onlyLabel = uint16_t(m_policyLabelChoice->currentData().toInt());
    if (m_active == m_tools.fill) {
        FillSettings fill = m_tools.fill->settings();
        fill.tolerance = m_fillTolerance->value();
        fill.threeD = m_fillDimension->currentIndex() == 1;
        fill.policy = policy;
        m_tools.fill->setSettings(fill);
        return;
    }
    if (m_active == m_tools.lasso) {
        m_tools.lasso->setPolicy(policy);
        return;
    }
    BrushTool* tool = activeBrush() ? activeBrush() : m_tools.brush;
    BrushSettings s = tool->settings();
    s.radius = m_size->value();
    s.unit = m_unit->currentIndex() == 0 ? BrushUnit::Millimetres : BrushUnit::Voxels;
    s.shape = m_shape->currentIndex() == 0 ? BrushShape::Disk : BrushShape::Sphere;
    s.policy = policy;
    s.limitToRange = m_range->isChecked();
    s.lower = m_lower->value();
    s.upper = std::max(m_lower->value(), m_upper->value());
    {
        const QSignalBlocker blocker(tool); // one settingsChanged (below) for both changes
        tool->setRangeSeeding(m_seedRange->isChecked(), m_seedTolerance->value());
    }
    tool->setSettings(s);
}

void ToolOptions::updateRows()
{
    const bool brush = activeBrush() != nullptr;
    const bool fill = m_active && m_active == m_tools.fill;
    const bool lasso = m_active && m_active == m_tools.lasso;
    const bool painting = brush || fill || lasso;
    m_form->setRowVisible(m_sizeRow, brush);
    m_form->setRowVisible(m_shape, brush);
    m_form->setRowVisible(m_range, brush);
    m_form->setRowVisible(m_rangeRow, brush && m_range->isChecked());
    m_form->setRowVisible(m_seedRow, brush && m_range->isChecked());
    m_lower->setEnabled(!m_seedRange->isChecked());
    m_upper->setEnabled(!m_seedRange->isChecked());
    m_form->setRowVisible(m_fillTolerance, fill);
    m_form->setRowVisible(m_fillDimension, fill);
    m_form->setRowVisible(m_policy, painting);
    m_form->setRowVisible(m_policyLabelChoice, painting && m_policy->currentIndex() == int(OverwriteMode::LabelOnly));
    QString hint;
    if (!m_active)
        hint = tr("Left button moves the crosshair. Choose a tool to edit.");
    else if (lasso)
        hint = tr("Draw an outline with the left button; it is filled when you let go. Shift at the start erases the "
                  "active label inside. Escape drops it.");
    else if (fill)
        hint = tr("Click a voxel: its connected neighbours within the tolerance of its value get the active label.");
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
    // Rows shown or hidden and a hint of another length change the height this needs at its width: the dock's
    // layout keeps the old one unless told.
    layout()->invalidate();
    updateGeometry();
}

} // namespace delineate
