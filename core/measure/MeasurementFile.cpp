// JSON of a series' measurements: points as voxel indices and LPS mm, the derived values, the grid they lie on.
#include "measure/MeasurementFile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

namespace delineate {

namespace {

class MeasurementFileText
{
    Q_DECLARE_TR_FUNCTIONS(MeasurementFile)
};

const QString kFormat = QStringLiteral("delineate-measurements");
constexpr int kVersion = 1;

QJsonArray toArray(const Vector3& v)
{
    return QJsonArray{v[0], v[1], v[2]};
}

QJsonArray toArray(const std::array<int64_t, 3>& v)
{
    return QJsonArray{qint64(v[0]), qint64(v[1]), qint64(v[2])};
}

bool fromArray(const QJsonValue& value, Vector3& out)
{
    const QJsonArray array = value.toArray();
    if (array.size() != 3)
        return false;
    for (int n = 0; n < 3; ++n) {
        if (!array.at(n).isDouble())
            return false;
        out[std::size_t(n)] = array.at(n).toDouble();
    }
    return true;
}

bool kindFromKey(const QString& key, MeasurementKind& kind)
{
    for (MeasurementKind k : {MeasurementKind::Ruler, MeasurementKind::Rectangle, MeasurementKind::Ellipse, MeasurementKind::Angle})
        if (measurementKindKey(k) == key) {
            kind = k;
            return true;
        }
    return false;
}

} // namespace

QString measurementKindKey(MeasurementKind kind)
{
    switch (kind) {
    case MeasurementKind::Ruler:
        return QStringLiteral("ruler");
    case MeasurementKind::Rectangle:
        return QStringLiteral("rectangle");
    case MeasurementKind::Ellipse:
        return QStringLiteral("ellipse");
    case MeasurementKind::Angle:
        return QStringLiteral("angle");
    }
    return QString();
}

QByteArray measurementsToJson(const MeasurementSet& set)
{
    const ImageGeometry& g = set.geometry;
    QJsonArray direction;
    for (int r = 0; r < 3; ++r)
        direction.append(QJsonArray{g.direction()[r][0], g.direction()[r][1], g.direction()[r][2]});
    QJsonObject image{{QStringLiteral("source"), set.source},
                      {QStringLiteral("seriesInstanceUid"), set.seriesInstanceUid},
                      {QStringLiteral("seriesDescription"), set.seriesDescription},
                      {QStringLiteral("modality"), set.modality},
                      {QStringLiteral("unit"), set.unit},
                      {QStringLiteral("regularised"), set.regularised},
                      {QStringLiteral("size"), toArray(g.size())},
                      {QStringLiteral("spacing"), toArray(g.spacing())},
                      {QStringLiteral("origin"), toArray(g.origin())},
                      {QStringLiteral("direction"), direction}};
    QJsonArray items;
    for (const Measurement& m : set.measurements) {
        QJsonArray points, lps;
        for (const Vector3& p : m.points) {
            points.append(toArray(p));
            lps.append(toArray(g.indexToPhysical(p)));
        }
        QJsonObject item{{QStringLiteral("id"), m.id},
                         {QStringLiteral("type"), measurementKindKey(m.kind)},
                         {QStringLiteral("sliceAxis"), m.sliceAxis},
                         {QStringLiteral("sliceIndex"), qint64(m.slice)},
                         {QStringLiteral("points"), points},
                         {QStringLiteral("pointsLps"), lps}};
        if (m.kind == MeasurementKind::Ruler)
            item.insert(QStringLiteral("lengthMm"), m.lengthMm);
        else if (m.kind == MeasurementKind::Angle)
            item.insert(QStringLiteral("angleDegrees"), m.angleDegrees);
        else
            item.insert(QStringLiteral("statistics"),
                        QJsonObject{{QStringLiteral("voxels"), qint64(m.statistics.voxels)},
                                    {QStringLiteral("mean"), m.statistics.mean},
                                    {QStringLiteral("sd"), m.statistics.standardDeviation},
                                    {QStringLiteral("min"), m.statistics.minimum},
                                    {QStringLiteral("max"), m.statistics.maximum},
                                    {QStringLiteral("areaMm2"), m.statistics.areaMm2}});
        items.append(item);
    }
    const QJsonObject root{{QStringLiteral("format"), kFormat},
                           {QStringLiteral("version"), kVersion},
                           {QStringLiteral("image"), image},
                           {QStringLiteral("measurements"), items}};
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

Expected<MeasurementSet> measurementsFromJson(const QByteArray& json, const QString& name)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    const QString where = QDir::toNativeSeparators(name);
    if (document.isNull())
        return Error::failed(MeasurementFileText::tr("%1 is not a JSON file (%2).").arg(where, parseError.errorString()));
    const QJsonObject root = document.object();
    if (root.value(QStringLiteral("format")).toString() != kFormat)
        return Error::failed(MeasurementFileText::tr("%1 is not a Delineate measurement file.").arg(where));
    if (root.value(QStringLiteral("version")).toInt() > kVersion)
        return Error::failed(MeasurementFileText::tr("%1 was written by a newer Delineate (format version %2).")
                                 .arg(where)
                                 .arg(root.value(QStringLiteral("version")).toInt()));
    MeasurementSet set;
    const QJsonObject image = root.value(QStringLiteral("image")).toObject();
    set.source = image.value(QStringLiteral("source")).toString();
    set.seriesInstanceUid = image.value(QStringLiteral("seriesInstanceUid")).toString();
    set.seriesDescription = image.value(QStringLiteral("seriesDescription")).toString();
    set.modality = image.value(QStringLiteral("modality")).toString();
    set.unit = image.value(QStringLiteral("unit")).toString();
    set.regularised = image.value(QStringLiteral("regularised")).toBool();
    Vector3 size{}, spacing{}, origin{};
    Matrix3 direction{};
    const QJsonArray rows = image.value(QStringLiteral("direction")).toArray();
    bool ok = fromArray(image.value(QStringLiteral("size")), size) && fromArray(image.value(QStringLiteral("spacing")), spacing)
              && fromArray(image.value(QStringLiteral("origin")), origin) && rows.size() == 3;
    for (int r = 0; ok && r < 3; ++r) {
        Vector3 row{};
        ok = fromArray(rows.at(r), row);
        direction[std::size_t(r)] = row;
    }
    if (!ok)
        return Error::failed(MeasurementFileText::tr("%1 does not describe the image's grid (size, spacing, origin, direction).").arg(where));
    set.geometry = ImageGeometry({int64_t(size[0]), int64_t(size[1]), int64_t(size[2])}, spacing, origin, direction);
    const QJsonArray items = root.value(QStringLiteral("measurements")).toArray();
    for (int n = 0; n < items.size(); ++n) {
        const QJsonObject item = items.at(n).toObject();
        Measurement m;
        m.id = item.value(QStringLiteral("id")).toInt();
        m.sliceAxis = item.value(QStringLiteral("sliceAxis")).toInt(-1);
        m.slice = item.value(QStringLiteral("sliceIndex")).toInteger(-1);
        const QJsonArray points = item.value(QStringLiteral("points")).toArray();
        bool good = kindFromKey(item.value(QStringLiteral("type")).toString(), m.kind) && m.sliceAxis >= 0
                    && m.sliceAxis < 3 && m.slice >= 0 && points.size() == pointCount(m.kind);
        for (int p = 0; good && p < points.size(); ++p) {
            Vector3 point{};
            good = fromArray(points.at(p), point);
            m.points.push_back(point);
        }
        if (!good)
            return Error::failed(MeasurementFileText::tr("Measurement %1 of %2 is incomplete or of an unknown type.").arg(n + 1).arg(where));
        set.measurements.push_back(std::move(m));
    }
    return set;
}

Expected<void> writeMeasurements(const QString& path, const MeasurementSet& set)
{
    QSaveFile file(path);
    const QString where = QDir::toNativeSeparators(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error::failed(MeasurementFileText::tr("Cannot write %1: %2").arg(where, file.errorString()));
    const QByteArray json = measurementsToJson(set);
    if (file.write(json) != json.size() || !file.commit())
        return Error::failed(MeasurementFileText::tr("Cannot write %1: %2").arg(where, file.errorString()));
    return {};
}

Expected<MeasurementSet> readMeasurements(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::failed(MeasurementFileText::tr("Cannot read %1: %2").arg(QDir::toNativeSeparators(path), file.errorString()));
    return measurementsFromJson(file.readAll(), path);
}

} // namespace delineate
