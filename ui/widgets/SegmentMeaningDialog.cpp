// The coded-meaning picker over core's terminology lists.
#include "widgets/SegmentMeaningDialog.h"

#include "image/SegmentTerminology.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace delineate {

namespace {
constexpr int kTypeIndexRole = Qt::UserRole;

QString codeText(const CodedConcept& concept)
{
    return QStringLiteral("%1 %2").arg(concept.scheme, concept.code);
}
} // namespace

SegmentMeaningDialog::SegmentMeaningDialog(const QString& segmentName, const CodedMeaning& current, QWidget* parent)
    : QDialog(parent), m_category(new QComboBox(this)), m_types(new QTreeWidget(this)), m_summary(new QLabel(this))
{
    setObjectName(QStringLiteral("SegmentMeaningDialog"));
    setWindowTitle(tr("Meaning of %1").arg(segmentName));
    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(tr("What the segment is, as DICOM codes it (segmented property category and type, "
                                "SNOMED CT). Files and DICOM SEG exports carry it."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    auto* form = new QFormLayout;
    for (const CodedConcept& category : segmentCategories())
        if (!segmentTypes(category).isEmpty()) // a category with nothing to choose in it would be a dead end
            m_category->addItem(QStringLiteral("%1 (%2)").arg(categoryDisplayName(category), codeText(category)),
                            category.code);
    form->addRow(tr("Category"), m_category);
    layout->addLayout(form);
    m_types->setColumnCount(2);
    m_types->setHeaderLabels({tr("Type"), tr("SNOMED CT code")});
    m_types->setRootIsDecorated(false);
    m_types->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_types->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_types->header()->setStretchLastSection(false);
    layout->addWidget(m_types, 1);
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_category, qOverload<int>(&QComboBox::currentIndexChanged), this, &SegmentMeaningDialog::fillTypes);
    connect(m_types, &QTreeWidget::currentItemChanged, this, [this, buttons]() {
        buttons->button(QDialogButtonBox::Ok)->setEnabled(m_types->currentItem() != nullptr);
        updateSummary();
    });
    connect(m_types, &QTreeWidget::itemDoubleClicked, this, &QDialog::accept);
    resize(520, 460);

    if (!selectType(current.type.code)) {
        const int category = m_category->findData(current.category.code);
        m_category->setCurrentIndex(category >= 0 ? category : 0);
        fillTypes();
    }
    buttons->button(QDialogButtonBox::Ok)->setEnabled(m_types->currentItem() != nullptr);
}

QVector<TerminologyType> SegmentMeaningDialog::currentTypes() const
{
    const QString code = m_category->currentData().toString();
    for (const CodedConcept& category : segmentCategories())
        if (category.code == code)
            return segmentTypes(category);
    return {};
}

void SegmentMeaningDialog::fillTypes()
{
    m_types->clear();
    const QVector<TerminologyType> types = currentTypes();
    for (int n = 0; n < types.size(); ++n) {
        auto* item = new QTreeWidgetItem(m_types, {types.at(n).displayName, codeText(types.at(n).type)});
        item->setData(0, kTypeIndexRole, n);
        item->setToolTip(0, types.at(n).type.meaning);
    }
    updateSummary();
}

CodedMeaning SegmentMeaningDialog::meaning() const
{
    CodedMeaning meaning;
    const QTreeWidgetItem* item = m_types->currentItem();
    if (!item)
        return meaning;
    const QVector<TerminologyType> types = currentTypes();
    const int n = item->data(0, kTypeIndexRole).toInt();
    if (n < 0 || n >= types.size())
        return meaning;
    meaning.category = types.at(n).category;
    meaning.type = types.at(n).type;
    return meaning;
}

bool SegmentMeaningDialog::selectType(const QString& code)
{
    if (code.isEmpty())
        return false;
    for (const TerminologyType& type : allSegmentTypes()) {
        if (type.type.code != code)
            continue;
        const int category = m_category->findData(type.category.code);
        if (category < 0)
            continue;
        if (m_category->currentIndex() != category)
            m_category->setCurrentIndex(category); // refills the types
        else if (m_types->topLevelItemCount() == 0)
            fillTypes();
        for (int n = 0; n < m_types->topLevelItemCount(); ++n)
            if (m_types->topLevelItem(n)->text(1) == codeText(type.type)) {
                m_types->setCurrentItem(m_types->topLevelItem(n));
                return true;
            }
    }
    return false;
}

void SegmentMeaningDialog::updateSummary()
{
    const CodedMeaning chosen = meaning();
    if (chosen.type.isEmpty()) {
        m_summary->setText(tr("Choose a type."));
        return;
    }
    m_summary->setText(tr("Category: %1 (%2)\nType: %3 (%4)")
                           .arg(chosen.category.meaning, codeText(chosen.category), chosen.type.meaning,
                                codeText(chosen.type)));
}

} // namespace delineate
