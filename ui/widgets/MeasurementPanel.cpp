// Measurements dock over MeasurementList and MeasureTool.
#include "widgets/MeasurementPanel.h"

#include "measure/MeasurementFile.h"
#include "model/MeasurementList.h"
#include "model/ViewerState.h"
#include "tools/MeasureTool.h"
#include "widgets/ViewerPanel.h"

#include <QButtonGroup>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QFontMetrics>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>

namespace delineate {

MeasurementPanel::MeasurementPanel(MeasurementList* list, MeasureTool* tool, ViewerPanel* views, ViewerState* state,
                                   QWidget* parent)
    : QDockWidget(parent), m_list(list), m_tool(tool), m_views(views), m_state(state)
{
    setObjectName(QStringLiteral("MeasurementPanel"));
    setWindowTitle(tr("Measurements"));
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);

    auto* tools = new QHBoxLayout;
    tools->setSpacing(2);
    m_buttons = new QButtonGroup(this);
    m_buttons->setExclusive(false); // none checked while another tool (or navigation) is active
    const auto makeButton = [&](const QString& text, const QString& tip, MeasurementKind kind) {
        auto* button = new QToolButton(body);
        button->setText(text);
        button->setToolTip(tip);
        button->setCheckable(true);
        button->setToolButtonStyle(Qt::ToolButtonTextOnly);
        m_buttons->addButton(button, int(kind));
        tools->addWidget(button);
    };
    makeButton(tr("Ruler"), tr("Ruler (M): drag from one point to the other; the length is in mm"), MeasurementKind::Ruler);
    makeButton(tr("Rectangle"), tr("Rectangle region (Shift+R): drag a corner to the opposite one"), MeasurementKind::Rectangle);
    makeButton(tr("Ellipse"), tr("Ellipse region (Shift+E): drag the corners of the box around it"), MeasurementKind::Ellipse);
    makeButton(tr("Angle"), tr("Angle (Shift+A): click the first end, the vertex, then the second end"), MeasurementKind::Angle);
    tools->addStretch(1);
    layout->addLayout(tools);

    m_table = new QTableView(body);
    m_table->setModel(m_list);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(true);
    m_table->verticalHeader()->hide();
    // Name and slice keep one line (wide enough for "Rectangle 99", "Sagittal 999"); the value wraps.
    const QFontMetrics metrics(m_table->font());
    const int nameWidth = std::max({metrics.horizontalAdvance(tr("Rectangle %1").arg(99)),
                                    metrics.horizontalAdvance(tr("Ellipse %1").arg(99)),
                                    metrics.horizontalAdvance(m_list->headerData(MeasurementList::NameColumn, Qt::Horizontal).toString())});
    m_table->horizontalHeader()->resizeSection(MeasurementList::NameColumn, nameWidth + 16);
    m_table->horizontalHeader()->resizeSection(MeasurementList::SliceColumn,
                                               metrics.horizontalAdvance(tr("Sagittal %1").arg(999)) + 16);
    m_table->horizontalHeader()->setSectionResizeMode(MeasurementList::ValueColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_table, 1);

    m_notes = new QLabel(body);
    m_notes->setWordWrap(true);
    m_notes->setStyleSheet(QStringLiteral("color: #d08000;"));
    layout->addWidget(m_notes);

    auto* buttons = new QHBoxLayout;
    m_delete = new QPushButton(tr("Delete"), body);
    m_delete->setToolTip(tr("Delete the selected measurement (Del)"));
    m_save = new QPushButton(tr("Save..."), body);
    m_save->setToolTip(tr("Save the measurements of this series as a JSON file beside the study"));
    auto* open = new QPushButton(tr("Open..."), body);
    open->setToolTip(tr("Add the measurements of a JSON file saved on this series"));
    buttons->addWidget(m_delete);
    buttons->addStretch(1);
    buttons->addWidget(open);
    buttons->addWidget(m_save);
    layout->addLayout(buttons);
    setWidget(body);

    connect(m_buttons, &QButtonGroup::idClicked, this, [this](int id) {
        if (m_buttons->button(id)->isChecked())
            chooseTool(MeasurementKind(id));
        else
            m_views->setTool(nullptr);
    });
    connect(m_views, &ViewerPanel::toolChanged, this, &MeasurementPanel::syncButtons);
    connect(m_delete, &QPushButton::clicked, this, &MeasurementPanel::deleteSelected);
    connect(m_save, &QPushButton::clicked, this, &MeasurementPanel::saveDialog);
    connect(open, &QPushButton::clicked, this, &MeasurementPanel::openDialog);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        if (m_syncing || !current.isValid())
            return;
        const int id = m_list->data(m_list->index(current.row(), 0), Qt::UserRole).toInt();
        m_list->setSelectedId(id);
        showSelected(id);
    });
    connect(m_list, &MeasurementList::selectionChanged, this, [this](int id) {
        m_syncing = true;
        const int row = m_list->rowOf(id);
        if (row >= 0)
            m_table->selectRow(row);
        else
            m_table->clearSelection();
        m_syncing = false;
        m_delete->setEnabled(id != 0);
    });
    connect(m_list, &MeasurementList::changed, this, &MeasurementPanel::updateNotes);
    connect(m_state, &ViewerState::imageChanged, this, &MeasurementPanel::updateNotes);
    m_delete->setEnabled(false);
    updateNotes();
}

QMenu* MeasurementPanel::createMenu(QWidget* parent)
{
    auto* menu = new QMenu(tr("&Measure"), parent);
    const auto toolAction = [&](const QString& text, const QKeySequence& key, MeasurementKind kind) {
        QAction* action = menu->addAction(text, this, [this, kind]() { chooseTool(kind); });
        action->setShortcut(key);
    };
    toolAction(tr("&Ruler"), QKeySequence(Qt::Key_M), MeasurementKind::Ruler);
    toolAction(tr("Rec&tangle Region"), QKeySequence(Qt::SHIFT | Qt::Key_R), MeasurementKind::Rectangle);
    toolAction(tr("&Ellipse Region"), QKeySequence(Qt::SHIFT | Qt::Key_E), MeasurementKind::Ellipse);
    toolAction(tr("&Angle"), QKeySequence(Qt::SHIFT | Qt::Key_A), MeasurementKind::Angle);
    menu->addSeparator();
    QAction* remove = menu->addAction(tr("&Delete Measurement"), this, &MeasurementPanel::deleteSelected);
    remove->setShortcut(QKeySequence(Qt::Key_Delete));
    menu->addAction(tr("Delete All on This Series"), m_list, &MeasurementList::clear);
    menu->addSeparator();
    menu->addAction(tr("&Save Measurements..."), this, &MeasurementPanel::saveDialog);
    menu->addAction(tr("&Open Measurements..."), this, &MeasurementPanel::openDialog);
    menu->addSeparator();
    QAction* dock = toggleViewAction();
    dock->setText(tr("Measurements &Panel"));
    menu->addAction(dock);
    return menu;
}

void MeasurementPanel::chooseTool(MeasurementKind kind)
{
    m_tool->setKind(kind);
    show();
    raise();
    m_views->setTool(m_tool);
    syncButtons(); // the same tool with another kind emits no toolChanged
}

void MeasurementPanel::syncButtons()
{
    const bool active = m_views->tool() == m_tool;
    for (QAbstractButton* button : m_buttons->buttons())
        button->setChecked(active && m_buttons->id(button) == int(m_tool->kind()));
}

void MeasurementPanel::warn(const QString& text)
{
    // Window-modal and not blocking, as the main window's errors.
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Measurements"), text, QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
    Q_EMIT message(text);
}

bool MeasurementPanel::deleteSelected()
{
    const int id = m_list->selectedId();
    if (id == 0)
        return false;
    const Measurement* m = m_list->find(id);
    const QString name = m ? m_list->name(*m) : QString();
    m_list->remove(id);
    Q_EMIT message(tr("%1 deleted.").arg(name));
    return true;
}

void MeasurementPanel::showSelected(int id)
{
    // Brings the measurement's slice on screen in the views that show its axis.
    const Measurement* m = m_list->find(id);
    if (!m || !m_state->hasImage())
        return;
    ViewerState::Index cursor = m_state->cursor();
    if (cursor[std::size_t(m->sliceAxis)] != m->slice) {
        cursor[std::size_t(m->sliceAxis)] = m->slice;
        m_state->setCursor(cursor);
    }
}

void MeasurementPanel::updateNotes()
{
    const QStringList notes = m_list->notes();
    m_notes->setText(notes.join(QLatin1Char('\n')));
    m_notes->setVisible(!notes.isEmpty());
    m_save->setEnabled(m_state->hasImage() && m_list->rowCount() > 0);
}

void MeasurementPanel::saveDialog()
{
    if (m_list->rowCount() == 0) {
        Q_EMIT message(tr("There are no measurements on this series to save."));
        return;
    }
    QString file = QFileDialog::getSaveFileName(this, tr("Save Measurements"), m_list->suggestedFilePath(),
                                                tr("Measurements (*.json)"));
    if (file.isEmpty())
        return;
    if (!file.endsWith(QLatin1String(".json"), Qt::CaseInsensitive))
        file += QStringLiteral(".json");
    saveTo(file);
}

bool MeasurementPanel::saveTo(const QString& path)
{
    auto written = writeMeasurements(path, m_list->toSet());
    if (!written) {
        warn(written.error().message);
        return false;
    }
    Q_EMIT message(tr("Saved %n measurement(s) to %1", nullptr, m_list->rowCount()).arg(QDir::toNativeSeparators(path)));
    return true;
}

void MeasurementPanel::openDialog()
{
    const QString suggested = m_list->suggestedFilePath();
    const QString file = QFileDialog::getOpenFileName(this, tr("Open Measurements"), suggested,
                                                      tr("Measurements (*.json)"));
    if (!file.isEmpty())
        openFrom(file);
}

bool MeasurementPanel::openFrom(const QString& path)
{
    auto read = readMeasurements(path);
    Expected<int> added = read ? m_list->addFromSet(*read) : Expected<int>(read.error());
    if (!added) {
        warn(added.error().message);
        return false;
    }
    Q_EMIT message(tr("Added %n measurement(s) from %1", nullptr, *added).arg(QDir::toNativeSeparators(path)));
    return true;
}

} // namespace delineate
