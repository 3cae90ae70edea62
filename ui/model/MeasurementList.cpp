// Measurements per series, measured on edit; names, values and notes as the panel and the views show them.
#include "model/MeasurementList.h"

#include "image/Volume.h"
#include "io/DicomSeg.h"
#include "model/SliceViewModel.h"
#include "model/ViewerState.h"

#include <QDir>
#include <QFileInfo>

#include <algorithm>

namespace delineate {

namespace {

QString number(double value, int decimals = 1)
{
    return QString::number(value, 'f', decimals);
}

// The view that shows slices normal to voxel axis `sliceAxis`.
ViewOrientation orientationOf(const ImageGeometry& geometry, int sliceAxis)
{
    switch (geometry.nearestAnatomicalAxes()[std::size_t(sliceAxis)]) {
    case 0:
        return ViewOrientation::Sagittal;
    case 1:
        return ViewOrientation::Coronal;
    default:
        return ViewOrientation::Axial;
    }
}

} // namespace

MeasurementList::MeasurementList(ViewerState* state, QObject* parent) : QAbstractTableModel(parent), m_state(state)
{
    connect(m_state, &ViewerState::imageChanged, this, &MeasurementList::onImageChanged);
    onImageChanged();
}

void MeasurementList::onImageChanged()
{
    QString key;
    if (m_state->hasImage()) {
        const ImageGeometry& g = m_state->volume()->geometry();
        // The same series on another grid (e.g. loaded without regularising) must not inherit voxel positions.
        key = QStringLiteral("%1|%2|%3x%4x%5|%6,%7,%8|%9,%10,%11")
                  .arg(m_state->info().sourcePath, m_state->info().seriesKey)
                  .arg(g.size()[0]).arg(g.size()[1]).arg(g.size()[2])
                  .arg(g.spacing()[0], 0, 'g', 6).arg(g.spacing()[1], 0, 'g', 6).arg(g.spacing()[2], 0, 'g', 6)
                  .arg(g.origin()[0], 0, 'g', 6).arg(g.origin()[1], 0, 'g', 6).arg(g.origin()[2], 0, 'g', 6);
    }
    if (key == m_key)
        return;
    beginResetModel();
    m_key = key;
    m_selected = 0;
    endResetModel();
    Q_EMIT selectionChanged(0);
    Q_EMIT changed();
}

std::vector<Measurement>& MeasurementList::current()
{
    return m_bySeries[m_key];
}

const std::vector<Measurement>& MeasurementList::measurements() const
{
    static const std::vector<Measurement> none;
    const auto it = m_bySeries.constFind(m_key);
    return it == m_bySeries.constEnd() ? none : *it;
}

const Measurement* MeasurementList::find(int id) const
{
    for (const Measurement& m : measurements())
        if (m.id == id)
            return &m;
    return nullptr;
}

int MeasurementList::rowOf(int id) const
{
    const auto& list = measurements();
    for (std::size_t row = 0; row < list.size(); ++row)
        if (list[row].id == id)
            return int(row);
    return -1;
}

int MeasurementList::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(measurements().size());
}

int MeasurementList::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant MeasurementList::data(const QModelIndex& index, int role) const
{
    const auto& list = measurements();
    if (!index.isValid() || index.row() >= int(list.size()))
        return QVariant();
    const Measurement& m = list[std::size_t(index.row())];
    if (role == Qt::UserRole)
        return m.id;
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return QVariant();
    switch (index.column()) {
    case NameColumn:
        return name(m);
    case SliceColumn:
        if (!m_state->hasImage())
            return QVariant();
        return tr("%1 %2").arg(SliceViewModel::orientationName(orientationOf(m_state->volume()->geometry(), m.sliceAxis)))
            .arg(m.slice + 1)
            .replace(QLatin1Char(' '), QChar::Nbsp); // one line
    case ValueColumn:
        return valueText(m);
    default:
        return QVariant();
    }
}

QVariant MeasurementList::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QVariant();
    switch (section) {
    case NameColumn:
        return tr("Measurement");
    case SliceColumn:
        return tr("Slice");
    case ValueColumn:
        return tr("Value");
    default:
        return QVariant();
    }
}

int MeasurementList::add(Measurement measurement)
{
    if (!m_state->hasImage() || int(measurement.points.size()) != pointCount(measurement.kind))
        return 0;
    measurement.id = ++m_nextId[m_key];
    measure(*m_state->volume(), measurement);
    auto& list = current();
    beginInsertRows(QModelIndex(), int(list.size()), int(list.size()));
    list.push_back(std::move(measurement));
    endInsertRows();
    Q_EMIT changed();
    return list.back().id;
}

void MeasurementList::movePoint(int id, int point, const Vector3& position)
{
    const Measurement* m = find(id);
    if (!m || point < 0 || point >= int(m->points.size()))
        return;
    std::vector<Vector3> points = m->points;
    points[std::size_t(point)] = position;
    setPoints(id, std::move(points));
}

void MeasurementList::setPoints(int id, std::vector<Vector3> points)
{
    const int row = rowOf(id);
    if (row < 0 || !m_state->hasImage())
        return;
    Measurement& m = current()[std::size_t(row)];
    if (points.size() != m.points.size())
        return;
    for (Vector3& p : points)
        p[std::size_t(m.sliceAxis)] = double(m.slice); // a point never leaves its slice
    m.points = std::move(points);
    measure(*m_state->volume(), m);
    Q_EMIT dataChanged(index(row, 0), index(row, ColumnCount - 1));
    Q_EMIT changed();
}

void MeasurementList::remove(int id)
{
    const int row = rowOf(id);
    if (row < 0)
        return;
    beginRemoveRows(QModelIndex(), row, row);
    current().erase(current().begin() + row);
    endRemoveRows();
    if (m_selected == id)
        setSelectedId(0);
    Q_EMIT changed();
}

void MeasurementList::clear()
{
    if (measurements().empty())
        return;
    beginResetModel();
    current().clear();
    endResetModel();
    setSelectedId(0);
    Q_EMIT changed();
}

void MeasurementList::setSelectedId(int id)
{
    if (id != 0 && rowOf(id) < 0)
        id = 0;
    if (id == m_selected)
        return;
    m_selected = id;
    Q_EMIT selectionChanged(id);
    Q_EMIT changed();
}

QString MeasurementList::unit() const
{
    return m_state->info().isCT() ? QStringLiteral("HU") : QString();
}

QString MeasurementList::name(const Measurement& m) const
{
    switch (m.kind) {
    case MeasurementKind::Ruler:
        return tr("Ruler %1").arg(m.id);
    case MeasurementKind::Rectangle:
        return tr("Rectangle %1").arg(m.id);
    case MeasurementKind::Ellipse:
        return tr("Ellipse %1").arg(m.id);
    case MeasurementKind::Angle:
        return tr("Angle %1").arg(m.id);
    }
    return QString();
}

QString MeasurementList::valueText(const Measurement& m) const
{
    switch (m.kind) {
    case MeasurementKind::Ruler:
        return tr("%1 mm").arg(number(m.lengthMm, m.lengthMm < 10.0 ? 2 : 1));
    case MeasurementKind::Angle:
        return tr("%1°").arg(number(m.angleDegrees));
    case MeasurementKind::Rectangle:
    case MeasurementKind::Ellipse:
        break;
    }
    const RegionStatistics& s = m.statistics;
    if (s.voxels == 0)
        return tr("No voxel centre inside; area %1 mm²").arg(number(s.areaMm2));
    const QString u = unit().isEmpty() ? QString() : QLatin1Char(' ') + unit();
    return tr("Mean %1%2, SD %3, min %4, max %5; area %6 mm² (%n voxel(s))", nullptr, int(s.voxels))
        .arg(number(s.mean), u, number(s.standardDeviation))
        .arg(s.minimum, 0, 'g', 6)
        .arg(s.maximum, 0, 'g', 6)
        .arg(number(s.areaMm2));
}

QString MeasurementList::shortValueText(const Measurement& m) const
{
    if (!m.isRegion())
        return valueText(m);
    const RegionStatistics& s = m.statistics;
    const QString u = unit().isEmpty() ? QString() : QLatin1Char(' ') + unit();
    return tr("%1 ± %2%3\n%4 mm²").arg(number(s.mean), number(s.standardDeviation), u, number(s.areaMm2));
}

QStringList MeasurementList::notes() const
{
    QStringList notes;
    if (!m_state->hasImage())
        return notes;
    const ImageInfo& info = m_state->info();
    if (info.dicomSource && info.dicomSource->regularised)
        notes << tr("This series was resampled on loading (gantry tilt or uneven slice spacing): measurements are "
                    "made on the resampled voxels, not on the acquired images.");
    const ImageGeometry& g = m_state->volume()->geometry();
    if (isAnisotropic(g))
        notes << tr("Voxels are %1 x %2 x %3 mm: lengths and angles are in mm, and region statistics are over the "
                    "voxels of the slice the region is drawn on.")
                     .arg(g.spacing()[0], 0, 'g', 4)
                     .arg(g.spacing()[1], 0, 'g', 4)
                     .arg(g.spacing()[2], 0, 'g', 4);
    return notes;
}

MeasurementSet MeasurementList::toSet() const
{
    MeasurementSet set;
    if (!m_state->hasImage())
        return set;
    const ImageInfo& info = m_state->info();
    set.source = info.sourcePath;
    if (info.dicomSource) {
        set.seriesInstanceUid = info.dicomSource->info.seriesInstanceUid;
        set.regularised = info.dicomSource->regularised;
    }
    set.seriesDescription = info.seriesDescription;
    set.modality = info.modality;
    set.unit = unit();
    set.geometry = m_state->volume()->geometry();
    set.measurements = measurements();
    return set;
}

Expected<int> MeasurementList::addFromSet(const MeasurementSet& set)
{
    if (!m_state->hasImage())
        return Error::failed(tr("Open the series the measurements were made on first."));
    const ImageGeometry& g = m_state->volume()->geometry();
    if (!set.geometry.sameGridAs(g))
        return Error::failed(tr("These measurements were made on another voxel grid (%1 x %2 x %3 voxels) than the "
                                "series on screen (%4 x %5 x %6): they would lie on the wrong anatomy.")
                                 .arg(set.geometry.size()[0]).arg(set.geometry.size()[1]).arg(set.geometry.size()[2])
                                 .arg(g.size()[0]).arg(g.size()[1]).arg(g.size()[2]));
    int added = 0;
    for (Measurement m : set.measurements) {
        if (m.slice >= g.size()[std::size_t(m.sliceAxis)])
            continue;
        if (add(std::move(m)) != 0)
            ++added;
    }
    return added;
}

QString MeasurementList::suggestedFilePath() const
{
    if (!m_state->hasImage())
        return QString();
    const ImageInfo& info = m_state->info();
    const QFileInfo source(info.sourcePath);
    const QDir folder = source.isDir() ? QDir(source.absoluteFilePath()) : source.absoluteDir();
    QString name;
    if (info.seriesKey.isEmpty()) {
        name = source.fileName();
        for (const QString& suffix : {QStringLiteral(".nii.gz"), QStringLiteral(".nii"), QStringLiteral(".nrrd"),
                                      QStringLiteral(".nhdr"), QStringLiteral(".mha"), QStringLiteral(".mhd"), QStringLiteral(".dcm")})
            if (name.endsWith(suffix, Qt::CaseInsensitive)) {
                name.chop(suffix.size());
                break;
            }
        name += QStringLiteral(".measurements.json");
    } else {
        name = QStringLiteral("measurements-series-%1.json").arg(info.seriesNumber);
    }
    return folder.filePath(name);
}

} // namespace delineate
