// The one source of a segmentation's label names, colours, visibility, locks, layers, coded meanings and review
// status: views, model headers and files all read it from here. Label 0 is the background and never listed.
#pragma once

#include "common/Expected.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QString>
#include <QVector>

#include <cstdint>
#include <optional>

namespace delineate {

// One coded concept (DICOM code sequence item): e.g. ("10200004", "SCT", "Liver").
struct CodedConcept
{
    QString code;
    QString scheme;  // coding scheme designator, "SCT" for SNOMED CT
    QString meaning;

    bool isEmpty() const { return code.isEmpty(); }
    bool operator==(const CodedConcept& other) const
    {
        return code == other.code && scheme == other.scheme && meaning == other.meaning;
    }
    QJsonObject toJson() const;
    static CodedConcept fromJson(const QJsonObject& json);
};

// What a segment is (DICOM SegmentedPropertyCategory / Type, CID 7150 / 7151).
struct CodedMeaning
{
    CodedConcept category;
    CodedConcept type;
    CodedConcept typeModifier;

    bool isEmpty() const { return category.isEmpty() && type.isEmpty(); }
    bool operator==(const CodedMeaning& other) const
    {
        return category == other.category && type == other.type && typeModifier == other.typeModifier;
    }
};

// As in 3D Slicer's segment status.
enum class ReviewStatus { NotStarted, InProgress, Completed, Flagged };
// Who made a segment (DICOM SegmentAlgorithmType).
enum class SegmentAlgorithm { Manual, SemiAutomatic, Automatic };

QString reviewStatusKey(ReviewStatus status);              // "not-started", ... (files)
QString reviewStatusName(ReviewStatus status);             // "Not started", ... (translated)
std::optional<ReviewStatus> reviewStatusFromKey(const QString& key);
QString segmentAlgorithmKey(SegmentAlgorithm algorithm);    // "MANUAL", "SEMIAUTOMATIC", "AUTOMATIC" (as in DICOM)
std::optional<SegmentAlgorithm> segmentAlgorithmFromKey(const QString& key);

struct LabelEntry
{
    uint16_t value = 1;
    QString name;
    uint32_t colour = 0xff0000; // 0xRRGGBB
    bool visible = true;
    bool locked = false;        // no tool and no AI result changes voxels of a locked label
    int layer = 0;              // label layer holding this label's voxels
    CodedMeaning meaning;
    ReviewStatus review = ReviewStatus::NotStarted;
    SegmentAlgorithm algorithm = SegmentAlgorithm::Manual;
    QString algorithmName;      // model name and version for AI segments

    bool operator==(const LabelEntry& other) const;
    bool operator!=(const LabelEntry& other) const { return !(*this == other); }
};

class LabelTable
{
public:
    // Distinct, saturated colours for labels 1, 2, ... (repeating after the palette's end).
    static uint32_t defaultColour(int value);
    static QString defaultName(int value); // "Label 3", translated

    bool isEmpty() const { return m_entries.isEmpty(); }
    int size() const { return m_entries.size(); }
    const QVector<LabelEntry>& entries() const { return m_entries; }
    const LabelEntry& at(int index) const { return m_entries.at(index); }

    const LabelEntry* find(int value) const;
    bool contains(int value) const { return find(value) != nullptr; }
    bool isLocked(int value) const;
    bool isVisible(int value) const;
    int layerOf(int value) const; // 0 for values not in the table
    uint16_t largestValue() const;
    uint16_t nextFreeValue() const; // smallest unused value >= 1 (0 when all 65535 are used)

    // Adds or replaces the entry with the same value (kept sorted by value). Value 0 is refused.
    Expected<void> set(const LabelEntry& entry);
    // A new entry with the default name and colour for `value`.
    LabelEntry makeEntry(uint16_t value) const;
    bool remove(int value);

    QJsonArray toJson() const;
    // `origin` names the file in error messages.
    static Expected<LabelTable> fromJson(const QJsonArray& json, const QString& origin);

    bool operator==(const LabelTable& other) const { return m_entries == other.m_entries; }
    bool operator!=(const LabelTable& other) const { return !(*this == other); }

private:
    QVector<LabelEntry> m_entries; // sorted by value
};

// "#rrggbb" and back.
QString colourName(uint32_t rgb);
std::optional<uint32_t> parseColourName(const QString& text);

} // namespace delineate
