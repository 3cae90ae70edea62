// The patient banner drawn in a view's top corners: who, which study and series, and a loud "lossy" flag.
#pragma once

#include <QCoreApplication>
#include <QStringList>

class QPainter;
class QRect;

namespace delineate {

struct ImageInfo;

class PatientBanner
{
    Q_DECLARE_TR_FUNCTIONS(PatientBanner)

public:
    // Formats (and translates) the lines once per image, not on every repaint.
    void setInfo(const ImageInfo& info);
    void paint(QPainter& painter, const QRect& area) const;

    QStringList leftLines() const { return m_left; }
    QStringList rightLines() const { return m_right; }
    bool showsLossyFlag() const { return m_lossy; }
    static QString lossyText();

private:
    QStringList m_left;  // patient: name, ID, birth date and sex
    QStringList m_right; // study date, study and series description
    bool m_lossy = false;
};

} // namespace delineate
