// Siemens CSA header (private tag (0029,xx10)): named elements with string items, as in the "SV10" layout.
#pragma once

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

#include <cstddef>

namespace delineate {

struct SiemensCsaHeader
{
    QHash<QString, QStringList> elements;

    int integer(const QString& name, int fallback = 0) const;
    QVector<double> numbers(const QString& name) const;
};

// Parses both the "SV10" (CSA2) and the older CSA1 layout; malformed input yields what could be read.
SiemensCsaHeader parseSiemensCsaHeader(const char* data, std::size_t length);

} // namespace delineate
