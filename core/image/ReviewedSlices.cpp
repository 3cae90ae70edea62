// Reviewed-slice marks: a byte per slice in memory, inclusive ranges in files.
#include "image/ReviewedSlices.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QStringList>

#include <algorithm>

namespace delineate {

namespace {

class ReviewedSlicesText
{
    Q_DECLARE_TR_FUNCTIONS(ReviewedSlices)
};

const char* const kAxisKeys[3] = {"i", "j", "k"};

// Consecutive runs of reviewed slices.
std::vector<std::pair<int64_t, int64_t>> rangesOf(const std::vector<int64_t>& slices)
{
    std::vector<std::pair<int64_t, int64_t>> ranges;
    for (int64_t s : slices) {
        if (!ranges.empty() && ranges.back().second + 1 == s)
            ranges.back().second = s;
        else
            ranges.emplace_back(s, s);
    }
    return ranges;
}

Error outOfRange(const QString& origin, int axis, int64_t first, int64_t last, int64_t size)
{
    return Error::failed(ReviewedSlicesText::tr("%1: reviewed slices %2-%3 along axis %4 lie outside the %5 slices of the image")
                             .arg(origin).arg(first).arg(last).arg(QLatin1String(kAxisKeys[axis])).arg(size));
}

} // namespace

ReviewedSlices::ReviewedSlices(const std::array<int64_t, 3>& size) : m_size(size) {}

bool ReviewedSlices::isReviewed(int axis, int64_t slice) const
{
    if (axis < 0 || axis > 2)
        return false;
    const auto& marks = m_marks[std::size_t(axis)];
    return slice >= 0 && slice < int64_t(marks.size()) && marks[std::size_t(slice)] != 0;
}

void ReviewedSlices::setReviewed(int axis, int64_t slice, bool reviewed)
{
    if (axis < 0 || axis > 2 || slice < 0 || slice >= m_size[std::size_t(axis)])
        return;
    auto& marks = m_marks[std::size_t(axis)];
    if (!reviewed && marks.empty())
        return;
    marks.resize(std::size_t(m_size[std::size_t(axis)]), 0);
    marks[std::size_t(slice)] = reviewed ? 1 : 0;
    if (!reviewed && std::none_of(marks.begin(), marks.end(), [](uint8_t m) { return m != 0; }))
        marks.clear(); // no marks compare equal however they were made
}

int64_t ReviewedSlices::count(int axis) const
{
    if (axis < 0 || axis > 2)
        return 0;
    const auto& marks = m_marks[std::size_t(axis)];
    return int64_t(std::count(marks.begin(), marks.end(), uint8_t(1)));
}

std::vector<int64_t> ReviewedSlices::slices(int axis) const
{
    std::vector<int64_t> out;
    if (axis < 0 || axis > 2)
        return out;
    const auto& marks = m_marks[std::size_t(axis)];
    for (std::size_t s = 0; s < marks.size(); ++s)
        if (marks[s])
            out.push_back(int64_t(s));
    return out;
}

QJsonObject ReviewedSlices::toJson() const
{
    QJsonObject json;
    for (int axis = 0; axis < 3; ++axis) {
        const auto ranges = rangesOf(slices(axis));
        if (ranges.empty())
            continue;
        QJsonArray array;
        for (const auto& [first, last] : ranges)
            array.append(QJsonArray{double(first), double(last)});
        json.insert(QLatin1String(kAxisKeys[axis]), array);
    }
    return json;
}

Expected<ReviewedSlices> ReviewedSlices::fromJson(const QJsonObject& json, const std::array<int64_t, 3>& size,
                                                  const QString& origin)
{
    ReviewedSlices reviewed(size);
    for (int axis = 0; axis < 3; ++axis) {
        const QJsonValue value = json.value(QLatin1String(kAxisKeys[axis]));
        if (value.isUndefined())
            continue;
        if (!value.isArray())
            return Error::failed(ReviewedSlicesText::tr("%1: the reviewed slices are not a list of ranges").arg(origin));
        for (const QJsonValue& range : value.toArray()) {
            const QJsonArray pair = range.toArray();
            if (pair.size() != 2 || !pair[0].isDouble() || !pair[1].isDouble())
                return Error::failed(ReviewedSlicesText::tr("%1: the reviewed slices are not a list of ranges").arg(origin));
            const int64_t first = int64_t(pair[0].toDouble()), last = int64_t(pair[1].toDouble());
            if (first < 0 || last < first || last >= size[std::size_t(axis)])
                return outOfRange(origin, axis, first, last, size[std::size_t(axis)]);
            for (int64_t s = first; s <= last; ++s)
                reviewed.setReviewed(axis, s, true);
        }
    }
    return reviewed;
}

QString ReviewedSlices::toText() const
{
    QStringList parts;
    for (int axis = 0; axis < 3; ++axis) {
        const auto ranges = rangesOf(slices(axis));
        if (ranges.empty())
            continue;
        QStringList items;
        for (const auto& [first, last] : ranges)
            items << (first == last ? QString::number(first) : QStringLiteral("%1-%2").arg(first).arg(last));
        parts << QStringLiteral("%1:%2").arg(QLatin1String(kAxisKeys[axis]), items.join(QLatin1Char(',')));
    }
    return parts.join(QLatin1Char(';'));
}

Expected<ReviewedSlices> ReviewedSlices::fromText(const QString& text, const std::array<int64_t, 3>& size,
                                                  const QString& origin)
{
    ReviewedSlices reviewed(size);
    const auto malformed = [&]() {
        return Error::failed(ReviewedSlicesText::tr("%1: cannot read the reviewed slices '%2'").arg(origin, text));
    };
    for (const QString& part : text.split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const int colon = part.indexOf(QLatin1Char(':'));
        const QString key = part.left(colon).trimmed();
        const int axis = key == QLatin1String("i") ? 0 : key == QLatin1String("j") ? 1 : key == QLatin1String("k") ? 2 : -1;
        if (colon < 0 || axis < 0)
            return malformed();
        for (const QString& item : part.mid(colon + 1).split(QLatin1Char(','), Qt::SkipEmptyParts)) {
            const QStringList ends = item.split(QLatin1Char('-'));
            bool ok1 = false, ok2 = false;
            const int64_t first = ends.value(0).trimmed().toLongLong(&ok1);
            const int64_t last = ends.size() == 2 ? ends[1].trimmed().toLongLong(&ok2) : first;
            if (!ok1 || (ends.size() == 2 && !ok2) || ends.size() > 2)
                return malformed();
            if (first < 0 || last < first || last >= size[std::size_t(axis)])
                return outOfRange(origin, axis, first, last, size[std::size_t(axis)]);
            for (int64_t s = first; s <= last; ++s)
                reviewed.setReviewed(axis, s, true);
        }
    }
    return reviewed;
}

} // namespace delineate
