// The list of journals left behind, and restoring or discarding one of them.
#include "widgets/RecoveryDialog.h"

#include "model/SegmentationSession.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace delineate {

RecoveryDialog::RecoveryDialog(SegmentationSession* session, QWidget* parent) : QDialog(parent), m_session(session)
{
    setObjectName(QStringLiteral("RecoveryDialog"));
    setWindowTitle(tr("Recover Unsaved Edits"));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("Edits of these segmentations were not saved when Delineate last ended. A journal is "
                                "restored onto the series it was made on: open that series, then restore it here."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    m_table = new QTableWidget(0, ColumnCount, this);
    m_table->setHorizontalHeaderLabels({tr("Series"), tr("Edits"), tr("Last edit"), tr("State")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    layout->addWidget(m_table, 1);
    m_note = new QLabel(this);
    m_note->setWordWrap(true);
    layout->addWidget(m_note);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_restore = buttons->addButton(tr("Restore"), QDialogButtonBox::AcceptRole);
    m_discard = buttons->addButton(tr("Discard"), QDialogButtonBox::DestructiveRole);
    layout->addWidget(buttons);
    // Restore and Discard act on the selected row; Close closes.
    connect(m_restore, &QPushButton::clicked, this, &RecoveryDialog::restoreSelected);
    connect(m_discard, &QPushButton::clicked, this, &RecoveryDialog::discardSelected);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &RecoveryDialog::updateButtons);
    resize(760, 320);
    rebuild();
}

QString RecoveryDialog::restoredText(const RecoveredJournal& restored)
{
    QString text = tr("Restored %n edit(s).", nullptr, int(restored.doneEdits.size()));
    if (restored.cut)
        text += QLatin1Char(' ') + tr("The journal ended in an incomplete record (%1); every complete edit before it "
                                      "was restored.")
                                       .arg(restored.cutReason);
    return text;
}

bool RecoveryDialog::belongsToOpenSeries(const JournalListing& listing) const
{
    return m_openSeriesJournals.contains(listing.path);
}

void RecoveryDialog::rebuild()
{
    m_listings = m_session->allPendingRecoveries();
    m_openSeriesJournals.clear();
    for (const JournalListing& listing : m_session->pendingRecoveries())
        m_openSeriesJournals << listing.path;
    m_table->setRowCount(int(m_listings.size()));
    for (int row = 0; row < m_listings.size(); ++row) {
        const JournalListing& listing = m_listings.at(row);
        auto* series = new QTableWidgetItem(listing.identity.summary);
        auto* edits = new QTableWidgetItem(QLocale().toString(listing.edits));
        edits->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto* last = new QTableWidgetItem(QLocale().toString(listing.modified.toLocalTime(), QLocale::ShortFormat));
        const bool here = belongsToOpenSeries(listing);
        auto* state = new QTableWidgetItem(here ? tr("Made on the series on screen: ready to restore")
                                                : tr("Open its series (%1) to restore it").arg(listing.identity.summary));
        m_table->setItem(row, SeriesColumn, series);
        m_table->setItem(row, EditsColumn, edits);
        m_table->setItem(row, LastEditColumn, last);
        m_table->setItem(row, StateColumn, state);
    }
    // The journal of the series on screen first comes selected.
    int first = m_listings.isEmpty() ? -1 : 0;
    for (int row = 0; row < m_listings.size(); ++row)
        if (belongsToOpenSeries(m_listings.at(row))) {
            first = row;
            break;
        }
    if (first >= 0)
        m_table->selectRow(first);
    updateButtons();
}

void RecoveryDialog::updateButtons()
{
    const int row = m_table->currentRow();
    const bool selected = row >= 0 && row < m_listings.size() && m_table->selectionModel()->hasSelection();
    const bool here = selected && belongsToOpenSeries(m_listings.at(row));
    const bool busy = m_session->isModified();
    m_restore->setEnabled(here && !busy);
    m_discard->setEnabled(selected);
    if (m_listings.isEmpty())
        m_note->setText(tr("No unsaved edits are waiting."));
    else if (selected && !here)
        m_note->setText(tr("This journal belongs to another series (%1). Open that series; it can then be restored "
                           "here or when it opens.")
                            .arg(m_listings.at(row).identity.summary));
    else if (here && busy)
        m_note->setText(tr("Save or close the segmentation being edited first: restoring replaces it."));
    else
        m_note->clear();
}

void RecoveryDialog::restoreSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_listings.size() || !m_restore->isEnabled())
        return;
    auto restored = m_session->restore(m_listings.at(row));
    if (!restored) {
        m_note->setText(restored.error().message);
        Q_EMIT message(restored.error().message);
        return;
    }
    Q_EMIT message(restoredText(*restored));
    accept();
}

void RecoveryDialog::discardSelected()
{
    const int row = m_table->currentRow();
    if (row < 0 || row >= m_listings.size())
        return;
    m_session->discardRecovery(m_listings.at(row));
    Q_EMIT message(tr("Discarded %n unsaved edit(s).", nullptr, m_listings.at(row).edits));
    rebuild();
}

} // namespace delineate
