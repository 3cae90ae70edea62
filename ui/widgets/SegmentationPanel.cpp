// Segmentation dock: tool choice and options, the label list with its statistics, review and meaning, the active
// label's operations and the overlay controls.
#include "widgets/SegmentationPanel.h"

#include "edit/LabelEdits.h"
#include "edit/SegmentationDocument.h"
#include "image/SegmentTerminology.h"
#include "model/SegmentationLayer.h"
#include "model/SegmentationSession.h"
#include "tools/BrushTool.h"
#include "tools/FillTool.h"
#include "tools/LassoTool.h"
#include "widgets/LabelOperationsBox.h"
#include "widgets/ReviewStatusDelegate.h"
#include "widgets/SegmentMeaningDialog.h"
#include "widgets/ViewerPanel.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QColorDialog>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSlider>
#include <QTableWidget>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace delineate {

namespace {

QColor colourOf(uint32_t rgb)
{
    return QColor(int((rgb >> 16) & 0xff), int((rgb >> 8) & 0xff), int(rgb & 0xff));
}

QIcon swatch(uint32_t rgb)
{
    QPixmap pixmap(16, 16);
    pixmap.fill(colourOf(rgb));
    return QIcon(pixmap);
}

QTableWidgetItem* readOnlyItem(const QString& text)
{
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

// The translated name of a coded type when it is one of the offered ones, else its code meaning.
QString typeDisplayName(const CodedConcept& type)
{
    for (const TerminologyType& offered : allSegmentTypes())
        if (offered.type.code == type.code && offered.type.scheme == type.scheme)
            return offered.displayName;
    return type.meaning;
}

} // namespace

SegmentationPanel::SegmentationPanel(SegmentationSession* session, SegmentationLayer* layer, ViewerState* state,
                                     ViewerPanel* views, const EditingTools& tools, QWidget* parent)
    : QDockWidget(parent), m_session(session), m_layer(layer), m_state(state), m_views(views), m_tools(tools)
{
    setObjectName(QStringLiteral("SegmentationPanel"));
    setWindowTitle(tr("Segmentation"));
    // Statistics follow the strokes as they are drawn, at most once per event-loop pass (the counts themselves are
    // kept by the segmentation: reading them costs nothing).
    m_statisticsTimer = new QTimer(this);
    m_statisticsTimer->setSingleShot(true);
    m_statisticsTimer->setInterval(0);
    connect(m_statisticsTimer, &QTimer::timeout, this, &SegmentationPanel::updateStatistics);
    buildUi();
    connect(m_session, &SegmentationSession::documentChanged, this, [this]() {
        if (SegmentationDocument* document = m_session->document()) {
            connect(document, &SegmentationDocument::labelTableChanged, this, &SegmentationPanel::rebuildTable,
                    Qt::UniqueConnection);
            connect(document, &SegmentationDocument::historyChanged, this, &SegmentationPanel::updateStatistics,
                    Qt::UniqueConnection);
            connect(document, &SegmentationDocument::voxelsChanged, m_statisticsTimer, qOverload<>(&QTimer::start),
                    Qt::UniqueConnection);
        }
        rebuildTable();
        updateEnabled();
    });
    connect(m_session, &SegmentationSession::modifiedChanged, this, &SegmentationPanel::updateEnabled);
    connect(m_layer, &SegmentationLayer::activeLabelChanged, this, &SegmentationPanel::rebuildTable);
    for (SliceTool* tool : std::initializer_list<SliceTool*>{m_tools.brush, m_tools.eraser, m_tools.fill, m_tools.lasso})
        connect(tool, &SliceTool::message, this, &SegmentationPanel::message);
    connect(m_operations, &LabelOperationsBox::message, this, &SegmentationPanel::message);
    // Another tool chosen elsewhere (the AI panel's box): the tool buttons follow.
    connect(m_views, &ViewerPanel::toolChanged, this, [this](SliceTool* tool) {
        ToolKind kind = ToolKind::Navigate;
        if (tool == m_tools.brush)
            kind = ToolKind::Brush;
        else if (tool == m_tools.eraser)
            kind = ToolKind::Eraser;
        else if (tool == m_tools.fill)
            kind = ToolKind::Fill;
        else if (tool == m_tools.lasso)
            kind = ToolKind::Lasso;
        m_tool = kind;
        const QSignalBlocker blocker(m_toolButtons);
        if (QAbstractButton* button = m_toolButtons->button(int(kind)))
            button->setChecked(true);
        m_options->setActiveTool(tool);
        updateEnabled();
    });
    rebuildTable();
    updateEnabled();
}

void SegmentationPanel::buildUi()
{
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);

    // Tools.
    auto* toolRow = new QHBoxLayout;
    toolRow->setSpacing(2);
    m_toolButtons = new QButtonGroup(this);
    const auto makeTool = [&](const QString& text, const QString& tip, ToolKind kind) {
        auto* button = new QToolButton(body);
        button->setText(text);
        button->setToolTip(tip);
        button->setCheckable(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        button->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
        m_toolButtons->addButton(button, int(kind));
        toolRow->addWidget(button);
        return button;
    };
    makeTool(tr("Navigate"), tr("Navigate (N): left button moves the crosshair"), ToolKind::Navigate)->setChecked(true);
    makeTool(tr("Brush"), tr("Brush (B): paint the active label; [ and ] change the size"), ToolKind::Brush);
    makeTool(tr("Eraser"), tr("Eraser (E): erase labels; [ and ] change the size"), ToolKind::Eraser);
    makeTool(tr("Fill"), tr("Fill (G): click to fill the connected voxels whose values lie within the tolerance of the "
                            "clicked voxel's value"),
             ToolKind::Fill);
    makeTool(tr("Lasso"), tr("Lasso (L): draw an outline on the slice; it is filled with the active label when you "
                             "let go. Hold Shift as you start to erase the active label inside instead"),
             ToolKind::Lasso);
    connect(m_toolButtons, &QButtonGroup::idClicked, this, [this](int id) { setActiveTool(ToolKind(id)); });
    layout->addLayout(toolRow);

    m_options = new ToolOptions(m_state, m_tools, body);
    layout->addWidget(m_options);

    // Labels.
    m_labelsLabel = new QLabel(tr("Labels (1-9 select; double-click a colour, review status or meaning to change it)"),
                               body);
    m_labelsLabel->setWordWrap(true);
    layout->addWidget(m_labelsLabel);
    m_table = new QTableWidget(0, ColumnCount, body);
    m_table->setHorizontalHeaderLabels({QString(), tr("Value"), tr("Name"), tr("Visible"), tr("Locked"), tr("Voxels"),
                                        tr("Volume\n(ml)"), tr("Review"), tr("Meaning")});
    m_table->horizontalHeaderItem(VoxelsColumn)->setToolTip(tr("Voxels of the label, updated after every edit"));
    m_table->horizontalHeaderItem(VolumeColumn)->setToolTip(tr("Volume of the label in millilitres"));
    m_table->horizontalHeaderItem(ReviewColumn)->setToolTip(tr("How far the review of this segment has got"));
    m_table->horizontalHeaderItem(MeaningColumn)
        ->setToolTip(tr("What the segment is (DICOM category and type with SNOMED CT codes); saved with it"));
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->setItemDelegateForColumn(ReviewColumn, new ReviewStatusDelegate(m_table));
    layout->addWidget(m_table, 1);
    connect(m_table, &QTableWidget::itemChanged, this, &SegmentationPanel::onItemChanged);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, &SegmentationPanel::onCellDoubleClicked);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &SegmentationPanel::onSelectionChanged);
    auto* buttons = new QHBoxLayout;
    m_add = new QPushButton(tr("Add label"), body);
    m_addOnNewLayer = new QPushButton(tr("New label on its own layer"), body);
    m_addOnNewLayer->setToolTip(tr("Adds a label on a layer of its own, so that it may overlap the other labels "
                                   "(each layer holds one label per voxel); one undo removes both"));
    m_remove = new QPushButton(tr("Remove label"), body);
    buttons->addWidget(m_add);
    buttons->addWidget(m_addOnNewLayer);
    buttons->addWidget(m_remove);
    layout->addLayout(buttons);
    connect(m_add, &QPushButton::clicked, this, &SegmentationPanel::addLabelClicked);
    connect(m_addOnNewLayer, &QPushButton::clicked, this, &SegmentationPanel::addLabelOnNewLayerClicked);
    connect(m_remove, &QPushButton::clicked, this, &SegmentationPanel::removeLabelClicked);

    m_operations = new LabelOperationsBox(m_session, m_layer, m_views, body);
    layout->addWidget(m_operations);

    // Overlay.
    auto* overlayRow = new QHBoxLayout;
    m_show = new QCheckBox(tr("Show (O)"), body);
    m_show->setChecked(m_layer->isVisible());
    m_outline = new QCheckBox(tr("Outline (Shift+O)"), body);
    m_outline->setChecked(m_layer->drawing() == LabelDrawing::Outline);
    overlayRow->addWidget(m_show);
    overlayRow->addWidget(m_outline);
    layout->addLayout(overlayRow);
    auto* opacityRow = new QHBoxLayout;
    m_opacityLabel = new QLabel(tr("Opacity"), body);
    m_opacity = new QSlider(Qt::Horizontal, body);
    m_opacity->setRange(0, 100);
    m_opacity->setValue(int(std::lround(m_layer->opacity() * 100)));
    opacityRow->addWidget(m_opacityLabel);
    opacityRow->addWidget(m_opacity, 1);
    layout->addLayout(opacityRow);
    connect(m_show, &QCheckBox::toggled, m_layer, &SegmentationLayer::setVisible);
    connect(m_outline, &QCheckBox::toggled, this,
            [this](bool on) { m_layer->setDrawing(on ? LabelDrawing::Outline : LabelDrawing::Fill); });
    connect(m_opacity, &QSlider::valueChanged, this, [this](int value) { m_layer->setOpacity(value / 100.0); });
    connect(m_layer, &SegmentationLayer::displayChanged, this, [this]() {
        const QSignalBlocker a(m_show), b(m_outline), c(m_opacity);
        m_show->setChecked(m_layer->isVisible());
        m_outline->setChecked(m_layer->drawing() == LabelDrawing::Outline);
        m_opacity->setValue(int(std::lround(m_layer->opacity() * 100)));
    });

    m_status = new QLabel(body);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    setWidget(body);
}

QToolButton* SegmentationPanel::toolButton(ToolKind tool) const
{
    return qobject_cast<QToolButton*>(m_toolButtons->button(int(tool)));
}

void SegmentationPanel::setActiveTool(ToolKind tool)
{
    m_tool = tool;
    if (QAbstractButton* button = m_toolButtons->button(int(tool)); button && !button->isChecked())
        button->setChecked(true);
    SliceTool* active = nullptr;
    switch (tool) {
    case ToolKind::Brush: active = m_tools.brush; break;
    case ToolKind::Eraser: active = m_tools.eraser; break;
    case ToolKind::Fill: active = m_tools.fill; break;
    case ToolKind::Lasso: active = m_tools.lasso; break;
    case ToolKind::Navigate: break;
    }
    m_views->setTool(active);
    m_options->setActiveTool(active);
    updateEnabled();
}

BrushTool* SegmentationPanel::activeBrush() const
{
    return m_tool == ToolKind::Brush ? m_tools.brush : m_tool == ToolKind::Eraser ? m_tools.eraser : nullptr;
}

void SegmentationPanel::rebuildTable()
{
    m_rebuilding = true;
    m_table->setRowCount(0);
    SegmentationDocument* document = m_session->document();
    if (document) {
        const LabelTable& labels = document->labels();
        m_table->setRowCount(labels.size());
        for (int row = 0; row < labels.size(); ++row) {
            const LabelEntry& e = labels.at(row);
            auto* colour = new QTableWidgetItem(swatch(e.colour), QString());
            colour->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
            colour->setToolTip(colourName(e.colour));
            auto* value = readOnlyItem(QString::number(e.value));
            value->setData(Qt::UserRole, int(e.value));
            value->setToolTip(tr("Label %1, on layer %2").arg(e.value).arg(e.layer + 1));
            auto* name = new QTableWidgetItem(e.name);
            name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable);
            auto* visible = new QTableWidgetItem;
            visible->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            visible->setCheckState(e.visible ? Qt::Checked : Qt::Unchecked);
            auto* locked = new QTableWidgetItem;
            locked->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsUserCheckable);
            locked->setCheckState(e.locked ? Qt::Checked : Qt::Unchecked);
            auto* voxels = readOnlyItem(QString());
            voxels->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            auto* volume = readOnlyItem(QString());
            volume->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            auto* review = new QTableWidgetItem(reviewStatusName(e.review));
            review->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable | Qt::ItemIsEditable);
            review->setData(ReviewStatusDelegate::StatusRole, int(e.review));
            if (e.review == ReviewStatus::Flagged)
                review->setForeground(QColor(220, 120, 0));
            const CodedMeaning meaning = effectiveMeaning(e);
            auto* coded = readOnlyItem(typeDisplayName(meaning.type));
            coded->setToolTip(tr("%1 (%2 %3) / %4 (%5 %6)%7")
                                  .arg(categoryDisplayName(meaning.category), meaning.category.scheme,
                                       meaning.category.code, typeDisplayName(meaning.type), meaning.type.scheme,
                                       meaning.type.code,
                                       e.meaning.isEmpty() ? QStringLiteral("\n")
                                                                 + tr("Not chosen yet: taken from the name. "
                                                                      "Double-click to choose.")
                                                           : QString()));
            if (e.meaning.isEmpty()) {
                QFont font = coded->font();
                font.setItalic(true);
                coded->setFont(font);
            }
            m_table->setItem(row, ColourColumn, colour);
            m_table->setItem(row, ValueColumn, value);
            m_table->setItem(row, NameColumn, name);
            m_table->setItem(row, VisibleColumn, visible);
            m_table->setItem(row, LockedColumn, locked);
            m_table->setItem(row, VoxelsColumn, voxels);
            m_table->setItem(row, VolumeColumn, volume);
            m_table->setItem(row, ReviewColumn, review);
            m_table->setItem(row, MeaningColumn, coded);
            if (e.value == m_layer->activeLabel())
                m_table->selectRow(row);
        }
    }
    m_options->setLabels(document ? &document->labels() : nullptr);
    m_rebuilding = false;
    updateStatistics();
    updateEnabled();
}

void SegmentationPanel::updateStatistics()
{
    m_statisticsTimer->stop();
    SegmentationDocument* document = m_session->document();
    if (!document)
        return;
    const Segmentation& segmentation = document->segmentation();
    const QLocale locale;
    const bool wasRebuilding = m_rebuilding;
    m_rebuilding = true; // the text changes are not the user's edits
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QTableWidgetItem* value = m_table->item(row, ValueColumn);
        QTableWidgetItem* voxels = m_table->item(row, VoxelsColumn);
        QTableWidgetItem* volume = m_table->item(row, VolumeColumn);
        if (!value || !voxels || !volume)
            continue;
        const auto label = uint16_t(value->data(Qt::UserRole).toInt());
        const std::size_t count = segmentation.labelVoxelCount(label);
        const double ml = segmentation.labelVolumeMl(label);
        const QString countText = locale.toString(qulonglong(count));
        // Two decimals show a few voxels of 1 mm (0.001 ml each) as 0.00 rather than as nothing: more for small ones.
        const QString volumeText = locale.toString(ml, 'f', ml > 0.0 && ml < 0.1 ? 3 : 2);
        if (voxels->text() != countText)
            voxels->setText(countText);
        if (volume->text() != volumeText)
            volume->setText(volumeText);
    }
    m_rebuilding = wasRebuilding;
}

void SegmentationPanel::updateEnabled()
{
    const bool document = m_session->document() != nullptr;
    m_remove->setEnabled(document && m_table->currentRow() >= 0);
    if (!document)
        m_status->setText(tr("No segmentation: painting, \"Add label\" or Segmentation > New starts one."));
    else
        m_status->setText(m_session->isModified() ? tr("%1 (unsaved)").arg(m_session->displayName()) : m_session->displayName());
}

void SegmentationPanel::reportIfFailed(const QString& error)
{
    if (!error.isEmpty())
        Q_EMIT message(error);
}

int SegmentationPanel::rowOfLabel(int value) const
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, ValueColumn) && m_table->item(row, ValueColumn)->data(Qt::UserRole).toInt() == value)
            return row;
    return -1;
}

void SegmentationPanel::onItemChanged(QTableWidgetItem* item)
{
    SegmentationDocument* document = m_session->document();
    if (m_rebuilding || !document)
        return;
    const int value = m_table->item(item->row(), ValueColumn)->data(Qt::UserRole).toInt();
    const LabelEntry* old = document->labels().find(value);
    if (!old)
        return;
    LabelEntry entry = *old;
    if (item->column() == NameColumn)
        entry.name = item->text().trimmed();
    else if (item->column() == VisibleColumn)
        entry.visible = item->checkState() == Qt::Checked;
    else if (item->column() == LockedColumn)
        entry.locked = item->checkState() == Qt::Checked;
    else if (item->column() == ReviewColumn)
        entry.review = ReviewStatus(std::clamp(item->data(ReviewStatusDelegate::StatusRole).toInt(), 0, 3));
    else
        return;
    if (entry == *old) {
        if (item->column() == ReviewColumn)
            QTimer::singleShot(0, this, &SegmentationPanel::rebuildTable); // the text shows the status again
        return;
    }
    auto updated = updateLabel(*document, entry);
    if (!updated) {
        reportIfFailed(updated.error().message);
        QTimer::singleShot(0, this, &SegmentationPanel::rebuildTable); // show the table as it is
    }
}

void SegmentationPanel::onCellDoubleClicked(int row, int column)
{
    SegmentationDocument* document = m_session->document();
    if (!document)
        return;
    if (column == MeaningColumn) {
        chooseMeaning(row);
        return;
    }
    if (column != ColourColumn)
        return;
    const int value = m_table->item(row, ValueColumn)->data(Qt::UserRole).toInt();
    const LabelEntry* old = document->labels().find(value);
    if (!old)
        return;
    const QColor chosen = QColorDialog::getColor(colourOf(old->colour), this, tr("Colour of label %1").arg(value));
    if (!chosen.isValid())
        return;
    LabelEntry entry = *old;
    entry.colour = (uint32_t(chosen.red()) << 16) | (uint32_t(chosen.green()) << 8) | uint32_t(chosen.blue());
    if (entry == *old)
        return;
    auto updated = updateLabel(*document, entry);
    reportIfFailed(updated ? QString() : updated.error().message);
}

void SegmentationPanel::chooseMeaning(int row)
{
    SegmentationDocument* document = m_session->document();
    if (!document || row < 0 || row >= m_table->rowCount())
        return;
    const int value = m_table->item(row, ValueColumn)->data(Qt::UserRole).toInt();
    const LabelEntry* old = document->labels().find(value);
    if (!old)
        return;
    SegmentMeaningDialog dialog(labelDisplayName(document->labels(), uint16_t(value)), effectiveMeaning(*old), this);
    if (dialog.exec() != QDialog::Accepted)
        return;
    // The label may have gone while the dialog was open (undo by shortcut is blocked by the modal dialog, but a
    // document change is not impossible): look it up again.
    document = m_session->document();
    old = document ? document->labels().find(value) : nullptr;
    const CodedMeaning chosen = dialog.meaning();
    if (!old || chosen.type.isEmpty() || chosen == old->meaning)
        return;
    LabelEntry entry = *old;
    entry.meaning = chosen;
    auto updated = updateLabel(*document, entry);
    reportIfFailed(updated ? QString() : updated.error().message);
}

void SegmentationPanel::onSelectionChanged()
{
    if (m_rebuilding)
        return;
    const int row = m_table->currentRow();
    if (row >= 0 && m_table->item(row, ValueColumn))
        m_layer->setActiveLabel(uint16_t(m_table->item(row, ValueColumn)->data(Qt::UserRole).toInt()));
    updateEnabled();
}

void SegmentationPanel::addLabelClicked()
{
    if (!m_session->document()) {
        auto created = m_session->createEmpty();
        reportIfFailed(created ? QString() : created.error().message);
        return; // a new segmentation starts with label 1
    }
    auto added = addLabel(*m_session->document());
    if (!added) {
        reportIfFailed(added.error().message);
        return;
    }
    m_layer->setActiveLabel(*added);
}

void SegmentationPanel::addLabelOnNewLayerClicked()
{
    if (!m_session->document()) {
        if (auto created = m_session->createEmpty(); !created) {
            reportIfFailed(created.error().message);
            return;
        }
    }
    auto added = addLabelOnNewLayer(*m_session->document());
    if (!added) {
        reportIfFailed(added.error().message);
        return;
    }
    m_layer->setActiveLabel(*added);
}

void SegmentationPanel::removeLabelClicked()
{
    SegmentationDocument* document = m_session->document();
    const int row = m_table->currentRow();
    if (!document || row < 0)
        return;
    const int value = m_table->item(row, ValueColumn)->data(Qt::UserRole).toInt();
    auto removed = removeLabel(*document, uint16_t(value));
    reportIfFailed(removed ? QString() : removed.error().message);
}

} // namespace delineate
