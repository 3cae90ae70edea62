// Filling the study tree from a ScanResult and turning double-clicks into load requests.
#include "widgets/StudyBrowser.h"

#include "dicom/DicomSeries.h"
#include "model/ImageInfo.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QFontMetrics>
#include <QHeaderView>
#include <QIcon>
#include <QImage>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPixmap>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace delineate {

namespace {

enum Column { NameColumn, ModalityColumn, SlicesColumn, ColumnCount };
enum Role { KindRole = Qt::UserRole, KeyRole, FileRole, DetailsRole };
enum ItemKind { PatientItem = 1, StudyItem, SeriesItem, ObjectItem, WarningItem, UnreadableItem, VolumeFileItem, SkippedItem };

constexpr int kIconSize = 48;

} // namespace

StudyBrowser::StudyBrowser(QWidget* parent) : QDockWidget(tr("Studies"), parent), m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("StudyBrowser"));
    m_tree->setColumnCount(ColumnCount);
    m_tree->setHeaderLabels({tr("Name"), tr("Modality"), tr("Images")});
    m_tree->setIconSize(QSize(kIconSize, kIconSize));
    m_tree->setUniformRowHeights(false);
    m_tree->setAlternatingRowColors(true);
    m_tree->setIndentation(14);
    // Fixed narrow columns sized for their longest usual content ("RTSTRUCT" is elided, a date is not), so that
    // the description keeps the room whatever odd value some file holds.
    QHeaderView* header = m_tree->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    const QFontMetrics metrics(m_tree->font());
    const int padding = 16;
    const int widths[ColumnCount] = {0, metrics.horizontalAdvance(QStringLiteral("MRX")),
                                     metrics.horizontalAdvance(QStringLiteral("0000"))};
    for (int c = ModalityColumn; c < ColumnCount; ++c) {
        header->setSectionResizeMode(c, QHeaderView::Fixed);
        const int title = QFontMetrics(header->font()).horizontalAdvance(m_tree->headerItem()->text(c));
        header->resizeSection(c, std::max(widths[c], title) + padding);
    }
    // The tree and, under it while a failure or warning is selected, its whole text.
    auto* content = new QWidget(this);
    auto* layout = new QVBoxLayout(content);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree, 1);
    m_details = new QLabel(content);
    m_details->setObjectName(QStringLiteral("StudyBrowserDetails"));
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setFrameShape(QFrame::StyledPanel);
    m_details->setMargin(4);
    m_details->hide();
    layout->addWidget(m_details);
    setWidget(content);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* item) { showDetailsOf(item); });
    connect(m_tree, &QTreeWidget::itemActivated, this, [this](QTreeWidgetItem* item, int) { onItemActivated(item); });
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, [this](const QPoint& where) {
        if (QMenu* menu = createContextMenu(m_tree->itemAt(where), this)) {
            menu->setAttribute(Qt::WA_DeleteOnClose);
            menu->popup(m_tree->viewport()->mapToGlobal(where));
        }
    });
}

void StudyBrowser::clear()
{
    m_tree->clear();
    showDetailsOf(nullptr);
    m_seriesItems.clear();
    m_volumeItems.clear();
}

void StudyBrowser::addWarningItems(QTreeWidgetItem* parent, const QStringList& warnings)
{
    for (const QString& warning : warnings) {
        bool present = false;
        for (int n = 0; n < parent->childCount() && !present; ++n)
            present = parent->child(n)->toolTip(NameColumn) == warning;
        if (present)
            continue;
        // No icon: the browser's icon size is the thumbnails', far too big for a warning mark.
        auto* item = new QTreeWidgetItem(parent, {QStringLiteral("\u26A0 ") + warning});
        item->setData(NameColumn, KindRole, WarningItem);
        item->setForeground(NameColumn, QColor(190, 110, 0));
        item->setToolTip(NameColumn, warning);
        item->setData(NameColumn, DetailsRole, warning);
        item->setFirstColumnSpanned(true);
    }
    if (!warnings.isEmpty()) {
        parent->setToolTip(NameColumn, parent->toolTip(NameColumn) + QLatin1Char('\n') + warnings.join(QLatin1Char('\n')));
        parent->setExpanded(true);
    }
}

void StudyBrowser::showScan(const ScanResult& scan)
{
    clear();
    for (const PatientInfo& patient : scan.patients) {
        QString name = formatPersonName(patient.patientName);
        if (name.isEmpty())
            name = tr("(no name)");
        auto* patientItem = new QTreeWidgetItem(m_tree, {patient.patientId.isEmpty()
                                                             ? name
                                                             : tr("%1 (ID %2)").arg(name, patient.patientId)});
        patientItem->setData(NameColumn, KindRole, PatientItem);
        if (!patient.patientBirthDate.isEmpty())
            patientItem->setToolTip(NameColumn, tr("Born %1").arg(formatDicomDate(patient.patientBirthDate)));
        for (const StudyInfo& study : patient.studies) {
            // The date leads: it is how a clinician tells a patient's studies apart.
            QString title = study.studyDescription.isEmpty() ? tr("Study") : study.studyDescription;
            if (!study.studyDate.isEmpty())
                title = formatDicomDate(study.studyDate) + QStringLiteral("  ") + title;
            auto* studyItem = new QTreeWidgetItem(patientItem, {title});
            studyItem->setData(NameColumn, KindRole, StudyItem);
            if (!study.accessionNumber.isEmpty())
                studyItem->setToolTip(NameColumn, tr("Accession number %1").arg(study.accessionNumber));
            for (const SeriesInfo& series : study.series) {
                // SeriesDescription, else ProtocolName (the number leads the line in any case).
                QString description = series.displayDescription().isEmpty() ? tr("(no description)")
                                                                            : series.displayDescription();
                if (!series.subSeriesLabel.isEmpty())
                    description += QStringLiteral(" [%1]").arg(series.subSeriesLabel);
                auto* item = new QTreeWidgetItem(studyItem);
                item->setText(NameColumn, tr("%1: %2").arg(series.seriesNumber).arg(description));
                item->setText(ModalityColumn, series.modality);
                item->setText(SlicesColumn, QString::number(series.frameCount()));
                item->setTextAlignment(SlicesColumn, Qt::AlignRight | Qt::AlignVCenter);
                item->setData(NameColumn, KindRole, SeriesItem);
                item->setData(NameColumn, KeyRole, series.key);
                item->setToolTip(NameColumn, tr("%1 x %2, %3; double-click to open")
                                                 .arg(series.columns)
                                                 .arg(series.rows)
                                                 .arg(series.transferSyntax));
                item->setSizeHint(NameColumn, QSize(kIconSize, kIconSize + 4));
                if (series.lossyCompressed)
                    addWarningItems(item, {tr("Lossy compressed")});
                addWarningItems(item, series.warnings);
                m_seriesItems.insert(series.key, item);
            }
            for (const NonImageObject& object : study.nonImageObjects) {
                const QString description = object.seriesDescription.isEmpty() ? QFileInfo(object.file).fileName()
                                                                                : object.seriesDescription;
                auto* item = new QTreeWidgetItem(studyItem, {tr("%1: %2").arg(object.kind, description)});
                item->setText(ModalityColumn, object.modality);
                item->setData(NameColumn, KindRole, ObjectItem);
                item->setData(NameColumn, KeyRole, object.kind);
                item->setData(NameColumn, FileRole, object.file);
                item->setToolTip(NameColumn, object.kind == QLatin1String("SEG")
                                                 ? tr("%1; double-click to open it on the series it segments").arg(QDir::toNativeSeparators(object.file))
                                                 : QDir::toNativeSeparators(object.file));
            }
            studyItem->setExpanded(true);
        }
        patientItem->setExpanded(true);
    }
    if (!scan.unreadable.isEmpty()) {
        auto* group = new QTreeWidgetItem(m_tree, {tr("%n file(s) could not be read", nullptr, int(scan.unreadable.size()))});
        group->setForeground(NameColumn, QColor(190, 110, 0));
        group->setFirstColumnSpanned(true);
        group->setToolTip(NameColumn, tr("Select a file to read the whole reason below the list."));
        for (const UnreadableFile& file : scan.unreadable) {
            // The reasons name the file first; the line already does.
            QString reason = file.reason;
            if (reason.startsWith(file.path + QLatin1String(": ")))
                reason = reason.mid(file.path.size() + 2);
            auto* item = new QTreeWidgetItem(group, {tr("%1: %2").arg(QFileInfo(file.path).fileName(), reason)});
            item->setData(NameColumn, KindRole, UnreadableItem);
            item->setData(NameColumn, FileRole, file.path);
            item->setData(NameColumn, DetailsRole, QDir::toNativeSeparators(file.path) + QStringLiteral("\n\n") + reason);
            // Rich text wraps: the whole reason, however long.
            item->setToolTip(NameColumn, QStringLiteral("<p>%1</p><p>%2</p>")
                                             .arg(QDir::toNativeSeparators(file.path).toHtmlEscaped(), reason.toHtmlEscaped()));
            item->setFirstColumnSpanned(true);
        }
    }
    if (!scan.nonDicomFiles.isEmpty()) {
        // Text files, sidecars and the like are expected beside images: counted, not listed as failures.
        auto* skipped = new QTreeWidgetItem(m_tree, {tr("%n non-DICOM file(s) skipped", nullptr, int(scan.nonDicomFiles.size()))});
        skipped->setForeground(NameColumn, QColor(130, 130, 130));
        skipped->setFirstColumnSpanned(true);
        skipped->setData(NameColumn, KindRole, SkippedItem);
        QStringList names;
        for (const QString& path : scan.nonDicomFiles.mid(0, 30))
            names << QFileInfo(path).fileName().toHtmlEscaped();
        if (scan.nonDicomFiles.size() > 30)
            names << tr("and %n more", nullptr, int(scan.nonDicomFiles.size() - 30));
        skipped->setToolTip(NameColumn, tr("<p>Not DICOM (no DICOM preamble or elements), so not part of a study:</p><p>%1</p>")
                                            .arg(names.join(QStringLiteral("<br>"))));
        skipped->setData(NameColumn, DetailsRole, tr("Not DICOM (no DICOM preamble or elements), so not part of a study:\n%1")
                                                       .arg(scan.nonDicomFiles.join(QLatin1Char('\n'))));
    }
}

QString StudyBrowser::details() const
{
    return m_details->isVisible() ? m_details->text() : QString();
}

void StudyBrowser::showDetailsOf(QTreeWidgetItem* item)
{
    // The whole text of a failure, warning or skipped-files line, which the tree may cut off, word-wrapped.
    const QString text = item ? item->data(NameColumn, DetailsRole).toString() : QString();
    m_details->setText(text);
    m_details->setVisible(!text.isEmpty());
}

void StudyBrowser::showVolumeFile(const QString& path)
{
    clear();
    addVolumeFiles({path});
}

void StudyBrowser::addVolumeFiles(const QStringList& paths)
{
    if (paths.isEmpty())
        return;
    auto* group = new QTreeWidgetItem(m_tree, {tr("Volume files")});
    group->setFirstColumnSpanned(true);
    for (const QString& path : paths) {
        auto* item = new QTreeWidgetItem(group, {QFileInfo(path).fileName()});
        item->setData(NameColumn, KindRole, VolumeFileItem);
        item->setData(NameColumn, FileRole, path);
        item->setToolTip(NameColumn, tr("%1; double-click to open").arg(QDir::toNativeSeparators(path)));
        item->setSizeHint(NameColumn, QSize(kIconSize, kIconSize + 4));
        m_volumeItems.insert(path, item);
    }
    group->setExpanded(true);
}

void StudyBrowser::setIconFrom(QTreeWidgetItem* item, const QImage& image)
{
    // Centred on a square canvas so that every row lines up whatever the image's aspect.
    QImage square(kIconSize, kIconSize, QImage::Format_RGB32);
    square.fill(Qt::black);
    const QImage scaled = image.scaled(kIconSize, kIconSize, Qt::KeepAspectRatio, Qt::SmoothTransformation);
    QPainter(&square).drawImage((kIconSize - scaled.width()) / 2, (kIconSize - scaled.height()) / 2, scaled);
    item->setIcon(NameColumn, QIcon(QPixmap::fromImage(square)));
}

void StudyBrowser::setThumbnail(const QString& seriesKey, const QImage& image)
{
    if (QTreeWidgetItem* item = m_seriesItems.value(seriesKey); item && !image.isNull())
        setIconFrom(item, image);
}

void StudyBrowser::setVolumeThumbnail(const QString& path, const QImage& image)
{
    if (QTreeWidgetItem* item = m_volumeItems.value(path); item && !image.isNull())
        setIconFrom(item, image);
}

void StudyBrowser::addSeriesWarnings(const QString& seriesKey, const QStringList& warnings)
{
    if (QTreeWidgetItem* item = m_seriesItems.value(seriesKey))
        addWarningItems(item, warnings);
}

void StudyBrowser::setCurrent(const QString& seriesKeyOrPath)
{
    m_currentKey = seriesKeyOrPath;
    QTreeWidgetItem* current = nullptr;
    for (const auto* items : {&m_seriesItems, &m_volumeItems})
        for (auto it = items->cbegin(); it != items->cend(); ++it) {
            QFont font = it.value()->font(NameColumn);
            font.setBold(it.key() == seriesKeyOrPath);
            it.value()->setFont(NameColumn, font);
            if (it.key() == seriesKeyOrPath)
                current = it.value();
        }
    if (current)
        m_tree->setCurrentItem(current);
}

QMenu* StudyBrowser::createContextMenu(QTreeWidgetItem* item, QWidget* parent)
{
    if (!item || item->data(NameColumn, KindRole).toInt() != SeriesItem)
        return nullptr;
    const QString key = item->data(NameColumn, KeyRole).toString();
    auto* menu = new QMenu(parent);
    menu->addAction(tr("Open"), this, [this, key]() { Q_EMIT seriesActivated(key); });
    QAction* compare = menu->addAction(tr("Compare Side by Side"), this, [this, key]() { Q_EMIT compareRequested(key); });
    // Beside the series on screen: not beside itself, and not when nothing is on screen.
    compare->setEnabled(!m_currentKey.isEmpty() && key != m_currentKey);
    return menu;
}

void StudyBrowser::onItemActivated(QTreeWidgetItem* item)
{
    const int kind = item->data(NameColumn, KindRole).toInt();
    if (kind == SeriesItem)
        Q_EMIT seriesActivated(item->data(NameColumn, KeyRole).toString());
    else if (kind == VolumeFileItem)
        Q_EMIT volumeFileActivated(item->data(NameColumn, FileRole).toString());
    else if (kind == ObjectItem)
        Q_EMIT nonImageObjectActivated(item->data(NameColumn, KeyRole).toString(),
                                       item->data(NameColumn, FileRole).toString(), item->text(NameColumn));
}

} // namespace delineate
