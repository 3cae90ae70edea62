// Label table: lookups, defaults and its JSON form (used by sidecars, NRRD fields, the journal and model headers).
#include "image/LabelTable.h"

#include <QCoreApplication>

#include <algorithm>
#include <array>

namespace delineate {

namespace {

class LabelTableText
{
    Q_DECLARE_TR_FUNCTIONS(LabelTable)
};

// Twenty well-separated colours; label n takes entry (n - 1) mod 20.
constexpr std::array<uint32_t, 20> kPalette{
    0xe6194b, 0x3cb44b, 0xffe119, 0x4363d8, 0xf58231, 0x911eb4, 0x42d4f4, 0xf032e6, 0xbfef45, 0xfabed4,
    0x469990, 0xdcbeff, 0x9a6324, 0xfffac8, 0x800000, 0xaaffc3, 0x808000, 0xffd8b1, 0x2f4fb0, 0xa9a9a9};

} // namespace

QJsonObject CodedConcept::toJson() const
{
    return {{QStringLiteral("code"), code}, {QStringLiteral("scheme"), scheme}, {QStringLiteral("meaning"), meaning}};
}

CodedConcept CodedConcept::fromJson(const QJsonObject& json)
{
    return {json.value(QStringLiteral("code")).toString(), json.value(QStringLiteral("scheme")).toString(),
            json.value(QStringLiteral("meaning")).toString()};
}

QString reviewStatusKey(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::NotStarted:
        return QStringLiteral("not-started");
    case ReviewStatus::InProgress:
        return QStringLiteral("in-progress");
    case ReviewStatus::Completed:
        return QStringLiteral("completed");
    case ReviewStatus::Flagged:
        return QStringLiteral("flagged");
    }
    return {};
}

QString reviewStatusName(ReviewStatus status)
{
    switch (status) {
    case ReviewStatus::NotStarted:
        return LabelTableText::tr("Not started");
    case ReviewStatus::InProgress:
        return LabelTableText::tr("In progress");
    case ReviewStatus::Completed:
        return LabelTableText::tr("Completed");
    case ReviewStatus::Flagged:
        return LabelTableText::tr("Flagged");
    }
    return {};
}

std::optional<ReviewStatus> reviewStatusFromKey(const QString& key)
{
    for (ReviewStatus s : {ReviewStatus::NotStarted, ReviewStatus::InProgress, ReviewStatus::Completed, ReviewStatus::Flagged})
        if (reviewStatusKey(s) == key)
            return s;
    return std::nullopt;
}

QString segmentAlgorithmKey(SegmentAlgorithm algorithm)
{
    switch (algorithm) {
    case SegmentAlgorithm::Manual:
        return QStringLiteral("MANUAL");
    case SegmentAlgorithm::SemiAutomatic:
        return QStringLiteral("SEMIAUTOMATIC");
    case SegmentAlgorithm::Automatic:
        return QStringLiteral("AUTOMATIC");
    }
    return {};
}

std::optional<SegmentAlgorithm> segmentAlgorithmFromKey(const QString& key)
{
    for (SegmentAlgorithm a : {SegmentAlgorithm::Manual, SegmentAlgorithm::SemiAutomatic, SegmentAlgorithm::Automatic})
        if (segmentAlgorithmKey(a) == key)
            return a;
    return std::nullopt;
}

bool LabelEntry::operator==(const LabelEntry& other) const
{
    return value == other.value && name == other.name && colour == other.colour && visible == other.visible
           && locked == other.locked && layer == other.layer && meaning == other.meaning && review == other.review
           && algorithm == other.algorithm && algorithmName == other.algorithmName;
}

uint32_t LabelTable::defaultColour(int value)
{
    if (value <= 0)
        return 0;
    return kPalette[std::size_t((value - 1) % int(kPalette.size()))];
}

QString LabelTable::defaultName(int value)
{
    return LabelTableText::tr("Label %1").arg(value);
}

const LabelEntry* LabelTable::find(int value) const
{
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), value,
                               [](const LabelEntry& e, int v) { return int(e.value) < v; });
    return it != m_entries.end() && int(it->value) == value ? &*it : nullptr;
}

bool LabelTable::isLocked(int value) const
{
    const LabelEntry* e = find(value);
    return e && e->locked;
}

bool LabelTable::isVisible(int value) const
{
    const LabelEntry* e = find(value);
    return !e || e->visible;
}

int LabelTable::layerOf(int value) const
{
    const LabelEntry* e = find(value);
    return e ? e->layer : 0;
}

uint16_t LabelTable::largestValue() const
{
    return m_entries.isEmpty() ? 0 : m_entries.constLast().value;
}

uint16_t LabelTable::nextFreeValue() const
{
    int candidate = 1;
    for (const LabelEntry& e : m_entries) {
        if (int(e.value) != candidate)
            break;
        ++candidate;
    }
    return candidate > 65535 ? 0 : uint16_t(candidate);
}

Expected<void> LabelTable::set(const LabelEntry& entry)
{
    if (entry.value == 0)
        return Error::failed(LabelTableText::tr("Label value 0 is the background and cannot be named."));
    if (entry.layer < 0)
        return Error::failed(LabelTableText::tr("Label %1 has a negative layer number.").arg(entry.value));
    auto it = std::lower_bound(m_entries.begin(), m_entries.end(), entry.value,
                               [](const LabelEntry& e, uint16_t v) { return e.value < v; });
    if (it != m_entries.end() && it->value == entry.value)
        *it = entry;
    else
        m_entries.insert(it, entry);
    return {};
}

LabelEntry LabelTable::makeEntry(uint16_t value) const
{
    LabelEntry e;
    e.value = value;
    e.name = defaultName(value);
    e.colour = defaultColour(value);
    return e;
}

bool LabelTable::remove(int value)
{
    for (int n = 0; n < m_entries.size(); ++n) {
        if (int(m_entries[n].value) == value) {
            m_entries.removeAt(n);
            return true;
        }
    }
    return false;
}

QJsonArray LabelTable::toJson() const
{
    QJsonArray array;
    for (const LabelEntry& e : m_entries) {
        QJsonObject o{{QStringLiteral("value"), int(e.value)},
                      {QStringLiteral("name"), e.name},
                      {QStringLiteral("colour"), colourName(e.colour)},
                      {QStringLiteral("visible"), e.visible},
                      {QStringLiteral("locked"), e.locked},
                      {QStringLiteral("layer"), e.layer},
                      {QStringLiteral("review"), reviewStatusKey(e.review)},
                      {QStringLiteral("algorithm"), segmentAlgorithmKey(e.algorithm)}};
        if (!e.algorithmName.isEmpty())
            o.insert(QStringLiteral("algorithm_name"), e.algorithmName);
        if (!e.meaning.category.isEmpty())
            o.insert(QStringLiteral("category"), e.meaning.category.toJson());
        if (!e.meaning.type.isEmpty())
            o.insert(QStringLiteral("type"), e.meaning.type.toJson());
        if (!e.meaning.typeModifier.isEmpty())
            o.insert(QStringLiteral("type_modifier"), e.meaning.typeModifier.toJson());
        array.append(o);
    }
    return array;
}

Expected<LabelTable> LabelTable::fromJson(const QJsonArray& json, const QString& origin)
{
    LabelTable table;
    for (const QJsonValue& item : json) {
        if (!item.isObject())
            return Error::failed(LabelTableText::tr("%1: a label entry is not a JSON object").arg(origin));
        const QJsonObject o = item.toObject();
        const int value = o.value(QStringLiteral("value")).toInt(-1);
        if (value < 1 || value > 65535)
            return Error::failed(LabelTableText::tr("%1: label value %2 is outside 1..65535").arg(origin).arg(value));
        if (table.contains(value))
            return Error::failed(LabelTableText::tr("%1: label value %2 is listed twice").arg(origin).arg(value));
        LabelEntry e = table.makeEntry(uint16_t(value));
        if (o.contains(QStringLiteral("name")))
            e.name = o.value(QStringLiteral("name")).toString();
        if (o.contains(QStringLiteral("colour"))) {
            const auto colour = parseColourName(o.value(QStringLiteral("colour")).toString());
            if (!colour)
                return Error::failed(LabelTableText::tr("%1: label %2 has an unreadable colour \"%3\"")
                                         .arg(origin)
                                         .arg(value)
                                         .arg(o.value(QStringLiteral("colour")).toString()));
            e.colour = *colour;
        }
        e.visible = o.value(QStringLiteral("visible")).toBool(true);
        e.locked = o.value(QStringLiteral("locked")).toBool(false);
        e.layer = o.value(QStringLiteral("layer")).toInt(0);
        if (e.layer < 0 || e.layer > 255)
            return Error::failed(LabelTableText::tr("%1: label %2 names layer %3").arg(origin).arg(value).arg(e.layer));
        e.review = reviewStatusFromKey(o.value(QStringLiteral("review")).toString()).value_or(ReviewStatus::NotStarted);
        e.algorithm = segmentAlgorithmFromKey(o.value(QStringLiteral("algorithm")).toString()).value_or(SegmentAlgorithm::Manual);
        e.algorithmName = o.value(QStringLiteral("algorithm_name")).toString();
        e.meaning.category = CodedConcept::fromJson(o.value(QStringLiteral("category")).toObject());
        e.meaning.type = CodedConcept::fromJson(o.value(QStringLiteral("type")).toObject());
        e.meaning.typeModifier = CodedConcept::fromJson(o.value(QStringLiteral("type_modifier")).toObject());
        if (auto added = table.set(e); !added)
            return added.error();
    }
    return table;
}

QString colourName(uint32_t rgb)
{
    return QStringLiteral("#%1").arg(rgb & 0xffffff, 6, 16, QLatin1Char('0'));
}

std::optional<uint32_t> parseColourName(const QString& text)
{
    if (text.size() != 7 || !text.startsWith(QLatin1Char('#')))
        return std::nullopt;
    bool ok = false;
    const uint value = text.mid(1).toUInt(&ok, 16);
    if (!ok)
        return std::nullopt;
    return uint32_t(value);
}

} // namespace delineate
