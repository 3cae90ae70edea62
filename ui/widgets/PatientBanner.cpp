// Banner lines from ImageInfo, and their drawing in the view's top corners.
#include "widgets/PatientBanner.h"

#include "model/ImageInfo.h"
#include "widgets/ViewText.h"

#include <QCoreApplication>
#include <QFontMetrics>
#include <QPainter>
#include <QRect>

namespace delineate {

QString PatientBanner::lossyText()
{
    return tr("LOSSY COMPRESSED");
}

void PatientBanner::setInfo(const ImageInfo& info)
{
    m_left.clear();
    m_right.clear();
    const QString name = formatPersonName(info.patientName);
    if (!name.isEmpty())
        m_left << name;
    if (!info.patientId.isEmpty())
        m_left << tr("ID: %1").arg(info.patientId);
    QStringList birthAndSex;
    if (!info.patientBirthDate.isEmpty())
        birthAndSex << tr("Born: %1").arg(formatDicomDate(info.patientBirthDate));
    if (!info.patientSex.isEmpty())
        birthAndSex << tr("Sex: %1").arg(formatSex(info.patientSex));
    if (!birthAndSex.isEmpty())
        m_left << birthAndSex.join(QStringLiteral("  "));

    if (!info.studyDate.isEmpty())
        m_right << tr("Study: %1").arg(formatDicomDate(info.studyDate));
    if (!info.studyDescription.isEmpty())
        m_right << info.studyDescription;
    QString series = info.title();
    if (!info.modality.isEmpty())
        series = QStringLiteral("%1 (%2)").arg(series, info.modality);
    if (!series.isEmpty())
        m_right << series;
    m_lossy = info.lossyCompressed;
}

void PatientBanner::paint(QPainter& painter, const QRect& area) const
{
    // Each corner gets a little under half the width so that the top orientation letter stays free.
    const int maxWidth = std::max(40, area.width() * 2 / 5);
    const QColor colour(235, 235, 235);
    ViewText::drawLines(painter, area, Qt::AlignLeft | Qt::AlignTop, m_left, colour, maxWidth);
    ViewText::drawLines(painter, area, Qt::AlignRight | Qt::AlignTop, m_right, colour, maxWidth);
    if (!m_lossy)
        return;
    // Lossy compression can hide small findings: the flag is drawn as a red label nobody overlooks.
    QFont bold = painter.font();
    bold.setBold(true);
    painter.save();
    painter.setFont(bold);
    const QFontMetrics metrics(bold);
    const QString text = lossyText();
    const int textWidth = metrics.horizontalAdvance(text) + 10;
    const QRect flag(area.right() - textWidth, area.top() + m_right.size() * QFontMetrics(painter.font()).height() + 4,
                     textWidth, metrics.height() + 2);
    painter.fillRect(flag, QColor(200, 20, 20, 230));
    painter.setPen(Qt::white);
    painter.drawText(flag, Qt::AlignCenter, text);
    painter.restore();
}

} // namespace delineate
