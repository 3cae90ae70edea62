// The measurements of the image on screen, as a table (name, slice, value) for the Measurements panel and the list
// the views draw. Each series keeps its own for the session: switching series and back brings them back. Values are
// computed when a measurement is added or edited, never on paint. No widgets here.
#pragma once

#include "common/Expected.h"
#include "measure/Measurement.h"
#include "measure/MeasurementFile.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QString>

#include <memory>
#include <vector>

namespace delineate {

class ViewerState;
class Volume;

class MeasurementList : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { NameColumn, SliceColumn, ValueColumn, ColumnCount };

    explicit MeasurementList(ViewerState* state, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = QModelIndex()) const override;
    int columnCount(const QModelIndex& parent = QModelIndex()) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const std::vector<Measurement>& measurements() const;
    const Measurement* find(int id) const;
    int rowOf(int id) const;

    // Adds a complete measurement (its points on the image on screen); returns its id, 0 when there is no image.
    int add(Measurement measurement);
    // Moves point `point` of measurement `id` (continuous voxel index on its slice) and measures it again.
    void movePoint(int id, int point, const Vector3& position);
    // Replaces every point (a whole measurement moved) and measures it again.
    void setPoints(int id, std::vector<Vector3> points);
    void remove(int id);
    void clear(); // of the series on screen

    // The measurement chosen in the panel or by a click on a view; its handles are drawn (0: none).
    int selectedId() const { return m_selected; }
    void setSelectedId(int id);

    // "12.3 mm", "Mean 41.2 HU, SD 12.0, min 3, max 80, area 152.4 mm²", "37.5°" (translated).
    QString valueText(const Measurement& measurement) const;
    // The short text drawn beside a measurement on the image.
    QString shortValueText(const Measurement& measurement) const;
    QString name(const Measurement& measurement) const; // "Ruler 1" (translated)
    // What a reader must know about these numbers on this series (regularised, anisotropic voxels), one per line.
    QStringList notes() const;

    // The series on screen and its measurements, for the JSON file.
    MeasurementSet toSet() const;
    // The measurements of a file onto the series on screen (added to those there); refused when the file's grid is
    // not the series' grid. Returns how many were added.
    Expected<int> addFromSet(const MeasurementSet& set);
    // Beside the study: the study folder (or the volume file's folder), named after the series.
    QString suggestedFilePath() const;

Q_SIGNALS:
    // Anything drawn changed (added, moved, removed, selection, another series): views repaint.
    void changed();
    void selectionChanged(int id);

private:
    void onImageChanged();
    std::vector<Measurement>& current();
    QString unit() const;

    ViewerState* m_state;
    QString m_key; // the series on screen (its source, series key and grid)
    QHash<QString, std::vector<Measurement>> m_bySeries;
    QHash<QString, int> m_nextId;
    int m_selected = 0;
};

} // namespace delineate
