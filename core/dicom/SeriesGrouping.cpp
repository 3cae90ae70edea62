// Patient/study/series grouping and the dcm2niix-style split of a series into 3D sub-series.
#include "dicom/SeriesGrouping.h"

#include "image/ImageGeometry.h"

#include <QCoreApplication>
#include <QHash>
#include <QMap>

#include <algorithm>
#include <cmath>

namespace delineate {

namespace {

// Translation context "SeriesGrouping" (lupdate reads it from the macro).
class SeriesGroupingText
{
    Q_DECLARE_TR_FUNCTIONS(SeriesGrouping)
};

struct FrameRecord
{
    const DicomFileHeader* header = nullptr;
    DicomFrameRef frame;
    int rows = 0, columns = 0;
    QString splitKey;   // size, orientation, echo, temporal position, stack
    QString splitLabel; // what distinguishes this record's group, for the user
};

QString orientationKey(const std::array<double, 6>& o)
{
    QStringList parts;
    for (double v : o)
        parts << QString::number(std::round(v * 1e4) / 1e4, 'f', 4);
    return parts.join(QLatin1Char(','));
}

// For people: "1,0,0,0,0,-1".
QString orientationText(const std::array<double, 6>& o)
{
    QStringList parts;
    for (double v : o)
        parts << QString::number(std::round(v * 1e3) / 1e3 + 0.0, 'g', 3);
    return parts.join(QLatin1Char(','));
}

// A warning about some files, naming the first of them so that the user can find it.
QString namedWarning(const QString& firstFile, int fileCount, const QString& text)
{
    if (fileCount <= 1)
        return SeriesGroupingText::tr("%1: %2").arg(firstFile, text);
    return SeriesGroupingText::tr("%1 and %n other file(s): %2", nullptr, fileCount - 1).arg(firstFile, text);
}

// Tiles of a Siemens mosaic as frames: the stored position is the corner of the whole mosaic, as if it were one
// image; each tile's position follows from the tile grid, the slice normal and the slice spacing.
void appendMosaicFrames(const DicomFileHeader& h, QVector<FrameRecord>& records)
{
    const int grid = int(std::ceil(std::sqrt(double(h.mosaicImages))));
    const int tileRows = h.rows / grid, tileColumns = h.columns / grid;
    const Vector3 rowDirection{h.orientation[0], h.orientation[1], h.orientation[2]};
    const Vector3 columnDirection{h.orientation[3], h.orientation[4], h.orientation[5]};
    Vector3 normal = h.hasMosaicSliceNormal ? normalized(Vector3{h.mosaicSliceNormal[0], h.mosaicSliceNormal[1],
                                                                 h.mosaicSliceNormal[2]})
                                            : normalized(cross(rowDirection, columnDirection));
    const double sliceSpacing = h.nominalSliceStep();
    const double shiftColumns = (h.columns - tileColumns) / 2.0 * h.pixelSpacing[1];
    const double shiftRows = (h.rows - tileRows) / 2.0 * h.pixelSpacing[0];
    Vector3 first{};
    for (int a = 0; a < 3; ++a)
        first[a] = h.position[a] + rowDirection[a] * shiftColumns + columnDirection[a] * shiftRows;
    for (int t = 0; t < h.mosaicImages; ++t) {
        FrameRecord r;
        r.header = &h;
        r.rows = tileRows;
        r.columns = tileColumns;
        r.frame.file = h.path;
        r.frame.mosaicTile = t;
        r.frame.orientation = h.orientation;
        r.frame.rescaleSlope = h.rescaleSlope;
        r.frame.rescaleIntercept = h.rescaleIntercept;
        r.frame.instanceNumber = t + 1;
        r.frame.sopInstanceUid = h.sopInstanceUid;
        r.frame.sopClassUid = h.sopClassUid;
        for (int a = 0; a < 3; ++a)
            r.frame.position[a] = first[a] + normal[a] * sliceSpacing * t;
        // Each mosaic file is one volume (one time point of an fMRI or diffusion series).
        r.splitKey = QStringLiteral("mosaic|") + h.path;
        r.splitLabel = SeriesGroupingText::tr("volume %1").arg(h.instanceNumber);
        records << r;
    }
}

QVector<FrameRecord> frameRecords(const QVector<const DicomFileHeader*>& files)
{
    QVector<FrameRecord> records;
    for (const DicomFileHeader* h : files) {
        if (h->mosaicImages > 1 && h->rows > 0) {
            appendMosaicFrames(*h, records);
            continue;
        }
        if (!h->enhancedFrames.isEmpty()) {
            for (int f = 0; f < h->enhancedFrames.size(); ++f) {
                FrameRecord r;
                r.header = h;
                r.rows = h->rows;
                r.columns = h->columns;
                r.frame = h->enhancedFrames[f];
                r.frame.sopInstanceUid = h->sopInstanceUid;
                r.frame.sopClassUid = h->sopClassUid;
                const int stack = h->enhancedStackKeys.value(f);
                r.splitKey = QStringLiteral("enhanced|%1|%2").arg(h->path).arg(stack);
                r.splitLabel = h->enhancedStackLabels.value(stack);
                records << r;
            }
            continue;
        }
        for (int f = 0; f < h->numberOfFrames; ++f) {
            FrameRecord r;
            r.header = h;
            r.rows = h->rows;
            r.columns = h->columns;
            r.frame.file = h->path;
            r.frame.frameIndex = f;
            r.frame.position = h->position;
            r.frame.orientation = h->orientation;
            r.frame.hasImagePlane = h->hasImagePlane;
            r.frame.rawPixelOffset = h->numberOfFrames == 1 ? h->rawPixelOffset : -1;
            r.frame.rawPixelsSigned = h->pixelRepresentation == 1;
            if (h->numberOfFrames > 1) {
                // Classic multi-frame (NM, US, old MR): one position for all frames; frames follow the normal.
                const double step = h->nominalSliceStep();
                const Vector3 normal = normalized(cross({h->orientation[0], h->orientation[1], h->orientation[2]},
                                                        {h->orientation[3], h->orientation[4], h->orientation[5]}));
                // RT Dose says where each frame lies (GridFrameOffsetVector: relative to the first frame when its
                // first value is 0, else coordinates along the normal, the first frame's included).
                const std::vector<double>& offsets = h->gridFrameOffsets;
                const double along = int(offsets.size()) == h->numberOfFrames ? offsets[std::size_t(f)] - offsets.front()
                                                                                : step * f;
                for (int a = 0; a < 3; ++a)
                    r.frame.position[a] = h->position[a] + normal[a] * along;
            }
            r.frame.rescaleSlope = h->rescaleSlope;
            r.frame.rescaleIntercept = h->rescaleIntercept;
            r.frame.instanceNumber = h->instanceNumber;
            r.frame.sopInstanceUid = h->sopInstanceUid;
            r.frame.sopClassUid = h->sopClassUid;
            QStringList key{QStringLiteral("%1x%2").arg(h->columns).arg(h->rows), orientationKey(h->orientation),
                            QStringLiteral("e%1").arg(h->echoNumber), QString::number(h->echoTime, 'f', 3),
                            QStringLiteral("t%1").arg(h->temporalPosition)};
            r.splitKey = key.join(QLatin1Char('|'));
            records << r;
        }
    }
    return records;
}

bool isLocalizer(const DicomFileHeader& h)
{
    return h.imageType.contains(QLatin1String("LOCALIZER"), Qt::CaseInsensitive) ||
           h.imageType.contains(QLatin1String("SCOUT"), Qt::CaseInsensitive);
}

QString positionKey(const DicomFrameRef& f)
{
    return QStringLiteral("%1,%2,%3")
        .arg(std::round(f.position[0] * 100.0) / 100.0)
        .arg(std::round(f.position[1] * 100.0) / 100.0)
        .arg(std::round(f.position[2] * 100.0) / 100.0);
}

bool hasDuplicatePositions(const QVector<FrameRecord>& group)
{
    QSet<QString> seen;
    for (const FrameRecord& r : group)
        if (!r.header->hasImagePlane || r.frame.mosaicTile >= 0)
            return false;
        else if (seen.contains(positionKey(r.frame)))
            return true;
        else
            seen.insert(positionKey(r.frame));
    return false;
}

// Splits `group` by `keyOf` when that removes duplicate positions (multi-echo, dynamic or repeated acquisitions).
template <typename KeyOf>
bool splitBy(QVector<QVector<FrameRecord>>& groups, int index, KeyOf keyOf, const QString& labelFormat)
{
    const QVector<FrameRecord> group = groups[index];
    QMap<QString, QVector<FrameRecord>> parts;
    for (const FrameRecord& r : group)
        parts[keyOf(r)] << r;
    if (parts.size() < 2)
        return false;
    groups.removeAt(index);
    int insertAt = index;
    for (auto it = parts.begin(); it != parts.end(); ++it) {
        for (FrameRecord& r : it.value())
            r.splitLabel = labelFormat.arg(it.key());
        groups.insert(insertAt++, it.value());
    }
    return true;
}

// Slices that repeat the same positions with nothing in their headers to tell the repeats apart (no echo, time,
// acquisition or image type): when every position repeats equally often, each repeat is one volume, in instance
// number order, as dcm2niix makes the volumes of a 4D series. Returns the warning, or empty when it did not split.
QString splitRepeats(QVector<QVector<FrameRecord>>& groups, int index)
{
    QVector<FrameRecord> group = groups[index];
    QHash<QString, int> countOfPosition;
    for (const FrameRecord& r : group)
        ++countOfPosition[positionKey(r.frame)];
    const int repeats = countOfPosition.begin().value();
    for (int count : countOfPosition)
        if (count != repeats)
            return {};
    if (repeats < 2)
        return {};
    std::stable_sort(group.begin(), group.end(), [](const FrameRecord& a, const FrameRecord& b) {
        if (a.frame.instanceNumber != b.frame.instanceNumber)
            return a.frame.instanceNumber < b.frame.instanceNumber;
        return a.frame.file < b.frame.file;
    });
    QVector<QVector<FrameRecord>> parts(repeats);
    QHash<QString, int> seen;
    for (FrameRecord r : group) {
        const int repeat = seen[positionKey(r.frame)]++;
        r.splitLabel = SeriesGroupingText::tr("repeat %1").arg(repeat + 1);
        parts[repeat] << r;
    }
    groups.removeAt(index);
    for (int p = 0; p < repeats; ++p)
        groups.insert(index + p, parts[p]);
    const int repeated = int(group.size()) - int(countOfPosition.size());
    return namedWarning(parts[1].first().frame.file, repeated,
                        SeriesGroupingText::tr("%n slice(s) repeat the position of another slice with no echo, time, acquisition or "
                                               "image type to tell them apart; split by instance number into %1 volumes",
                                               nullptr, repeated)
                            .arg(repeats));
}

// Copies of one image (the same SOP Instance UID and frame: a folder beside its backup) are one slice, not two.
QVector<FrameRecord> withoutCopies(const QVector<FrameRecord>& records, QStringList& warnings)
{
    QVector<FrameRecord> kept;
    QSet<QString> seen;
    QStringList copies;
    for (const FrameRecord& r : records) {
        if (r.frame.sopInstanceUid.isEmpty()) {
            kept << r;
            continue;
        }
        const QString key = QStringLiteral("%1|%2|%3").arg(r.frame.sopInstanceUid).arg(r.frame.frameIndex).arg(r.frame.mosaicTile);
        if (seen.contains(key)) {
            if (!copies.contains(r.frame.file))
                copies << r.frame.file;
            continue;
        }
        seen.insert(key);
        kept << r;
    }
    if (!copies.isEmpty())
        warnings << namedWarning(copies.first(), int(copies.size()),
                                 SeriesGroupingText::tr("a copy of an image already in the series (same SOP Instance UID); ignored"));
    return kept;
}

// The files' own warnings (an invalid spacing replaced, ...), each once, naming the first file that has it.
QStringList fileWarnings(const QVector<FrameRecord>& group)
{
    QStringList order;
    QHash<QString, QPair<QString, int>> firstFileAndCount;
    QSet<const DicomFileHeader*> seen;
    for (const FrameRecord& r : group) {
        if (seen.contains(r.header))
            continue;
        seen.insert(r.header);
        for (const QString& w : r.header->warnings) {
            auto it = firstFileAndCount.find(w);
            if (it == firstFileAndCount.end()) {
                firstFileAndCount.insert(w, {r.header->path, 1});
                order << w;
            } else {
                ++it->second;
            }
        }
    }
    QStringList result;
    for (const QString& w : order)
        result << namedWarning(firstFileAndCount[w].first, firstFileAndCount[w].second, w);
    return result;
}

} // namespace

QVector<SeriesInfo> splitSeries(const QVector<const DicomFileHeader*>& files)
{
    QVector<SeriesInfo> result;
    if (files.isEmpty())
        return result;
    QStringList seriesNotes; // about the whole series, given to every sub-series
    const DicomFileHeader& first = *files.first();
    if (first.seriesInstanceUid.isEmpty()) {
        // De-identification tools may blank the UIDs; the files were grouped by what is left (groupDicomHeaders).
        QStringList missing;
        if (first.studyInstanceUid.isEmpty())
            missing << QStringLiteral("Study Instance UID");
        missing << QStringLiteral("Series Instance UID");
        if (first.seriesNumber == 0)
            missing << QStringLiteral("Series Number");
        seriesNotes << namedWarning(first.path, int(files.size()),
                                    SeriesGroupingText::tr("Instance UIDs missing (%1 blank); the files were grouped into one series by "
                                                           "frame of reference, modality, series number and description, orientation "
                                                           "and size, as dcm2niix does")
                                        .arg(missing.join(QStringLiteral(", "))));
    }
    const QVector<FrameRecord> records = withoutCopies(frameRecords(files), seriesNotes);

    // First split: keys that always separate volumes.
    QVector<QVector<FrameRecord>> groups;
    QHash<QString, int> groupOfKey;
    for (const FrameRecord& r : records) {
        auto it = groupOfKey.find(r.splitKey);
        if (it == groupOfKey.end()) {
            it = groupOfKey.insert(r.splitKey, groups.size());
            groups.append(QVector<FrameRecord>());
        }
        groups[it.value()] << r;
    }

    // Then: duplicate positions are a split by acquisition, trigger time or image type, not an error.
    for (int g = 0; g < groups.size(); ++g) {
        if (!hasDuplicatePositions(groups[g]))
            continue;
        if (splitBy(groups, g, [](const FrameRecord& r) { return QString::number(r.header->acquisitionNumber); },
                    SeriesGroupingText::tr("acquisition %1")) &&
            !hasDuplicatePositions(groups[g]))
            continue;
        if (splitBy(groups, g, [](const FrameRecord& r) { return QString::number(r.header->triggerTime); },
                    SeriesGroupingText::tr("trigger %1 ms")) &&
            !hasDuplicatePositions(groups[g]))
            continue;
        if (splitBy(groups, g, [](const FrameRecord& r) { return r.header->imageType; }, SeriesGroupingText::tr("type %1")) &&
            !hasDuplicatePositions(groups[g]))
            continue;
        const QString repeated = splitRepeats(groups, g);
        if (!repeated.isEmpty())
            seriesNotes << repeated;
    }

    // Localizers (by image type, or a few slices in another orientation beside a real stack) are set aside.
    int largest = 0;
    for (const auto& group : groups)
        largest = std::max(largest, int(group.size()));
    QStringList setAside;
    QVector<QVector<FrameRecord>> kept;
    for (const auto& group : groups) {
        const bool localizer = isLocalizer(*group.first().header) ||
                               (groups.size() > 1 && group.size() <= 3 && largest >= 10 &&
                                group.first().frame.mosaicTile < 0 && group.first().header->enhancedFrames.isEmpty());
        if (localizer && groups.size() > 1)
            setAside << namedWarning(group.first().frame.file, int(group.size()),
                                     SeriesGroupingText::tr("%n localizer image(s) set aside", nullptr, int(group.size())));
        else
            kept << group;
    }
    if (kept.isEmpty()) {
        // A series of nothing but localizers (a scout series) is what the user asked to see: keep it whole.
        kept = groups;
        setAside.clear();
    }

    // What differs between the sub-series, to label them by it.
    QSet<QString> sizes, orientations, echoes, times;
    for (const auto& group : kept) {
        const FrameRecord& r = group.first();
        sizes << QStringLiteral("%1x%2").arg(r.columns).arg(r.rows);
        orientations << orientationKey(r.frame.orientation);
        echoes << QString::number(r.header->echoNumber);
        times << QString::number(r.header->temporalPosition);
    }
    const QString baseKey = first.seriesInstanceUid.isEmpty() ? QStringLiteral("(no series UID) ") + first.path
                                                              : first.seriesInstanceUid;
    for (int g = 0; g < kept.size(); ++g) {
        const auto& group = kept[g];
        const DicomFileHeader& h = *group.first().header;
        SeriesInfo s;
        s.key = baseKey + (kept.size() > 1 ? QStringLiteral("#%1").arg(g + 1) : QString());
        s.patientName = first.patientName;
        s.patientId = first.patientId;
        s.patientBirthDate = first.patientBirthDate;
        s.patientSex = first.patientSex;
        s.studyInstanceUid = first.studyInstanceUid;
        s.studyDate = first.studyDate;
        s.studyTime = first.studyTime;
        s.studyDescription = first.studyDescription;
        s.accessionNumber = first.accessionNumber;
        s.seriesInstanceUid = first.seriesInstanceUid;
        s.frameOfReferenceUid = h.frameOfReferenceUid;
        s.seriesDescription = first.seriesDescription;
        s.modality = h.modality;
        s.bodyPart = h.bodyPart;
        s.protocolName = h.protocolName;
        s.seriesNumber = h.seriesNumber;
        s.windows = h.windows;
        s.padding = h.paddingRange(group.first().frame.rescaleSlope, group.first().frame.rescaleIntercept);
        s.transferSyntax = h.transferSyntaxUid;
        s.photometric = h.photometric;
        s.rows = group.first().rows;
        s.columns = group.first().columns;
        s.pixelSpacing = h.pixelSpacing;
        s.sliceThickness = h.sliceThickness;
        s.spacingBetweenSlices = h.spacingBetweenSlices;
        s.enhancedMultiFrame = !h.enhancedFrames.isEmpty();
        s.mosaic = group.first().frame.mosaicTile >= 0;
        if (kept.size() > 1) {
            QString label = group.first().splitLabel;
            if (label.isEmpty()) {
                // Name only what varies between the sub-series; when nothing listed varies, say what this one is.
                const bool anyVaries = sizes.size() > 1 || orientations.size() > 1 || echoes.size() > 1 || times.size() > 1;
                const QStringList differs = {
                    !anyVaries || sizes.size() > 1 ? QStringLiteral("%1x%2").arg(s.columns).arg(s.rows) : QString(),
                    orientations.size() > 1 ? SeriesGroupingText::tr("orientation %1").arg(orientationText(group.first().frame.orientation)) : QString(),
                    h.echoNumber > 0 && (!anyVaries || echoes.size() > 1) ? SeriesGroupingText::tr("echo %1").arg(h.echoNumber) : QString(),
                    h.temporalPosition > 0 && (!anyVaries || times.size() > 1) ? SeriesGroupingText::tr("time %1").arg(h.temporalPosition) : QString()};
                QStringList nonEmpty;
                for (const QString& d : differs)
                    if (!d.isEmpty())
                        nonEmpty << d;
                label = nonEmpty.join(QStringLiteral(", "));
            }
            s.subSeriesLabel = label;
            s.warnings << SeriesGroupingText::tr("series split into %1 sub-series; this one: %2").arg(kept.size()).arg(label);
            // Slices of one series in several orientations are usually a mistake of the export, not a protocol.
            if (orientations.size() > 1 && group.first().frame.mosaicTile < 0 && h.enhancedFrames.isEmpty())
                s.warnings << namedWarning(group.first().frame.file, int(group.size()),
                                           SeriesGroupingText::tr("the slices of this series lie in %n different orientation(s); "
                                                                  "split into one sub-series per orientation",
                                                                  nullptr, int(orientations.size())));
        }
        for (const FrameRecord& r : group) {
            s.lossyCompressed = s.lossyCompressed || r.header->lossyCompressed;
            s.frames << r.frame;
        }
        s.warnings << seriesNotes << setAside << fileWarnings(group);
        result << s;
    }
    return result;
}

namespace {

// Slices whose Series Instance UID was blanked (de-identification tools do) belong together when everything else
// that dcm2niix compares agrees: study, frame of reference, modality, manufacturer, series number, description and
// protocol, original/derived, size and orientation. Acquisition numbers do not separate them (dcm2niix stacks
// across them too); where acquisitions repeat positions, splitSeries separates them.
QString blankUidSeriesKey(const DicomFileHeader& h, const QString& studyKey)
{
    return QStringList{QStringLiteral("(no series UID)"), studyKey, h.frameOfReferenceUid, h.modality, h.manufacturer,
                       QString::number(h.seriesNumber), h.seriesDescription, h.protocolName,
                       h.imageType.section(QLatin1Char('\\'), 0, 0), QStringLiteral("%1x%2").arg(h.columns).arg(h.rows),
                       h.hasImagePlane ? orientationKey(h.orientation) : QStringLiteral("no plane")}
        .join(QLatin1Char('\x1f'));
}

} // namespace

ScanResult groupDicomHeaders(const QVector<DicomFileHeader>& headers)
{
    ScanResult result;
    // Order of first appearance is kept for patients and studies; series are sorted by number.
    QMap<QString, QVector<const DicomFileHeader*>> filesOfSeries;
    QHash<QString, QString> studyOfSeries;
    QMap<QString, QVector<const DicomFileHeader*>> nonImagesOfStudy;
    QStringList patientOrder, studyOrder;
    QHash<QString, QString> patientOfStudy;
    QHash<QString, const DicomFileHeader*> firstOfStudy, firstOfPatient;
    for (const DicomFileHeader& h : headers) {
        const QString patientKey = h.patientId + QLatin1Char('\x1f') + h.patientName;
        // Without a Study Instance UID, a study is what one patient had at one date and time (as dcm2niix compares).
        const QString studyKey = h.studyInstanceUid.isEmpty()
                                     ? QStringList{QStringLiteral("(no study)"), patientKey, h.studyDate, h.studyTime}.join(QLatin1Char('\x1f'))
                                     : h.studyInstanceUid;
        if (!firstOfPatient.contains(patientKey)) {
            firstOfPatient.insert(patientKey, &h);
            patientOrder << patientKey;
        }
        if (!firstOfStudy.contains(studyKey)) {
            firstOfStudy.insert(studyKey, &h);
            studyOrder << studyKey;
            patientOfStudy.insert(studyKey, patientKey);
        }
        if (h.isImage) {
            const QString seriesKey = h.seriesInstanceUid.isEmpty() ? blankUidSeriesKey(h, studyKey) : h.seriesInstanceUid;
            filesOfSeries[seriesKey] << &h;
            studyOfSeries.insert(seriesKey, studyKey);
        } else {
            nonImagesOfStudy[studyKey] << &h;
        }
    }
    QHash<QString, int> patientIndex;
    for (const QString& key : patientOrder) {
        const DicomFileHeader* h = firstOfPatient.value(key);
        PatientInfo p;
        p.patientName = h->patientName;
        p.patientId = h->patientId;
        p.patientBirthDate = h->patientBirthDate;
        p.patientSex = h->patientSex;
        patientIndex.insert(key, result.patients.size());
        result.patients << p;
    }
    QHash<QString, QPair<int, int>> studyIndex;
    for (const QString& key : studyOrder) {
        const DicomFileHeader* h = firstOfStudy.value(key);
        StudyInfo s;
        s.studyInstanceUid = h->studyInstanceUid;
        s.studyDate = h->studyDate;
        s.studyDescription = h->studyDescription;
        s.accessionNumber = h->accessionNumber;
        const int p = patientIndex.value(patientOfStudy.value(key));
        studyIndex.insert(key, {p, int(result.patients[p].studies.size())});
        result.patients[p].studies << s;
    }
    for (auto it = filesOfSeries.begin(); it != filesOfSeries.end(); ++it) {
        const auto where = studyIndex.value(studyOfSeries.value(it.key()));
        result.patients[where.first].studies[where.second].series << splitSeries(it.value());
    }
    for (auto it = nonImagesOfStudy.begin(); it != nonImagesOfStudy.end(); ++it) {
        const auto where = studyIndex.value(it.key());
        for (const DicomFileHeader* h : it.value()) {
            NonImageObject o;
            o.file = h->path;
            o.sopClassUid = h->sopClassUid;
            o.kind = h->nonImageKind;
            o.modality = h->modality;
            o.seriesInstanceUid = h->seriesInstanceUid;
            o.seriesDescription = h->seriesDescription;
            o.studyInstanceUid = h->studyInstanceUid;
            o.patientId = h->patientId;
            result.patients[where.first].studies[where.second].nonImageObjects << o;
        }
    }
    for (PatientInfo& p : result.patients)
        for (StudyInfo& s : p.studies)
            std::stable_sort(s.series.begin(), s.series.end(), [](const SeriesInfo& a, const SeriesInfo& b) {
                return a.seriesNumber < b.seriesNumber;
            });
    return result;
}

QVector<SeriesInfo> ScanResult::allSeries() const
{
    QVector<SeriesInfo> all;
    for (const PatientInfo& p : patients)
        for (const StudyInfo& s : p.studies)
            all << s.series;
    return all;
}

QVector<NonImageObject> ScanResult::allNonImageObjects() const
{
    QVector<NonImageObject> all;
    for (const PatientInfo& p : patients)
        for (const StudyInfo& s : p.studies)
            all << s.nonImageObjects;
    return all;
}

const SeriesInfo* ScanResult::findSeries(const QString& key) const
{
    for (const PatientInfo& p : patients)
        for (const StudyInfo& s : p.studies)
            for (const SeriesInfo& series : s.series)
                if (series.key == key)
                    return &series;
    return nullptr;
}

} // namespace delineate
