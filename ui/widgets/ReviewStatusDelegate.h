// The label list's Review column: a combo box of the four review statuses (as in 3D Slicer) as its editor. The chosen
// status is written to the item's StatusRole; the panel turns that into an undoable label-table edit.
#pragma once

#include <QStyledItemDelegate>

namespace delineate {

class ReviewStatusDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int StatusRole = Qt::UserRole + 1; // int(ReviewStatus)

    using QStyledItemDelegate::QStyledItemDelegate;

    QWidget* createEditor(QWidget* parent, const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    void setEditorData(QWidget* editor, const QModelIndex& index) const override;
    void setModelData(QWidget* editor, QAbstractItemModel* model, const QModelIndex& index) const override;
};

} // namespace delineate
