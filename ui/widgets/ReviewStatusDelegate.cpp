// Combo-box editor of a segment's review status.
#include "widgets/ReviewStatusDelegate.h"

#include "image/LabelTable.h"

#include <QComboBox>
#include <QTimer>

namespace delineate {

QWidget* ReviewStatusDelegate::createEditor(QWidget* parent, const QStyleOptionViewItem& option,
                                            const QModelIndex& index) const
{
    Q_UNUSED(option);
    Q_UNUSED(index);
    auto* combo = new QComboBox(parent);
    combo->setObjectName(QStringLiteral("ReviewStatusEditor"));
    for (ReviewStatus status :
         {ReviewStatus::NotStarted, ReviewStatus::InProgress, ReviewStatus::Completed, ReviewStatus::Flagged})
        combo->addItem(reviewStatusName(status), int(status));
    // A choice from the list is final: no Enter needed.
    auto* self = const_cast<ReviewStatusDelegate*>(this);
    connect(combo, &QComboBox::activated, self, [self, combo]() {
        Q_EMIT self->commitData(combo);
        Q_EMIT self->closeEditor(combo);
    });
    return combo;
}

void ReviewStatusDelegate::setEditorData(QWidget* editor, const QModelIndex& index) const
{
    auto* combo = qobject_cast<QComboBox*>(editor);
    if (!combo)
        return;
    const int found = combo->findData(index.data(StatusRole).toInt());
    combo->setCurrentIndex(found >= 0 ? found : 0);
}

void ReviewStatusDelegate::setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const
{
    auto* combo = qobject_cast<QComboBox*>(editor);
    if (!combo || combo->currentData().toInt() == index.data(StatusRole).toInt())
        return;
    // One role only: the panel rebuilds the row (text included) from the label table after the edit. Later, not
    // now: that rebuild removes the row, and the view is still closing this editor.
    QTimer::singleShot(0, model, [model, row = QPersistentModelIndex(index), status = combo->currentData()]() {
        if (row.isValid())
            model->setData(row, status, StatusRole);
    });
}

} // namespace delineate
