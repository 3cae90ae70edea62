// Stroke files: parsing with line-numbered errors, and replay through the brush and the edit path.
#include "edit/StrokeScript.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace delineate {

namespace {
class StrokeText
{
    Q_DECLARE_TR_FUNCTIONS(StrokeScript)
};
} // namespace

Expected<QVector<Stroke>> parseStrokes(const QByteArray& text, const QString& origin)
{
    QVector<Stroke> strokes;
    const QList<QByteArray> lines = text.split('\n');
    for (int n = 0; n < lines.size(); ++n) {
        const QByteArray line = lines[n].trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const auto bad = [&](const QString& why) {
            return Error::failed(StrokeText::tr("%1, line %2: %3").arg(origin).arg(n + 1).arg(why));
        };
        QJsonParseError parseError;
        const QJsonDocument json = QJsonDocument::fromJson(line, &parseError);
        if (!json.isObject())
            return bad(StrokeText::tr("not a JSON object (%1)").arg(parseError.errorString()));
        const QJsonObject o = json.object();
        Stroke stroke;
        BrushSettings& s = stroke.settings;
        const int label = o.value(QStringLiteral("label")).toInt(-1);
        if (label < 0 || label > 65535)
            return bad(StrokeText::tr("\"label\" must be a number from 0 to 65535"));
        s.label = uint16_t(label);
        s.radius = o.value(QStringLiteral("radius")).toDouble(-1.0);
        if (!(s.radius > 0.0) || s.radius > 1000.0)
            return bad(StrokeText::tr("\"radius\" must be a positive number"));
        const QString unit = o.value(QStringLiteral("unit")).toString(QStringLiteral("mm"));
        if (unit != QLatin1String("mm") && unit != QLatin1String("voxels"))
            return bad(StrokeText::tr("\"unit\" must be mm or voxels"));
        s.unit = unit == QLatin1String("mm") ? BrushUnit::Millimetres : BrushUnit::Voxels;
        const QString shape = o.value(QStringLiteral("shape")).toString(QStringLiteral("disk"));
        if (shape != QLatin1String("disk") && shape != QLatin1String("sphere"))
            return bad(StrokeText::tr("\"shape\" must be disk or sphere"));
        s.shape = shape == QLatin1String("disk") ? BrushShape::Disk : BrushShape::Sphere;
        s.sliceAxis = o.value(QStringLiteral("axis")).toInt(2);
        if (s.sliceAxis < 0 || s.sliceAxis > 2)
            return bad(StrokeText::tr("\"axis\" must be 0, 1 or 2"));
        s.erase = o.value(QStringLiteral("erase")).toBool(false);
        const QString overwrite = o.value(QStringLiteral("overwrite")).toString(QStringLiteral("all"));
        if (overwrite == QLatin1String("all")) {
            s.policy.mode = OverwriteMode::All;
        } else if (overwrite == QLatin1String("empty")) {
            s.policy.mode = OverwriteMode::EmptyOnly;
        } else if (overwrite.startsWith(QLatin1String("label:"))) {
            bool ok = false;
            const int only = overwrite.mid(6).toInt(&ok);
            if (!ok || only < 0 || only > 65535)
                return bad(StrokeText::tr("\"overwrite\" label:N needs a label number"));
            s.policy = {OverwriteMode::LabelOnly, uint16_t(only)};
        } else {
            return bad(StrokeText::tr("\"overwrite\" must be all, empty or label:N"));
        }
        const QJsonArray points = o.value(QStringLiteral("points")).toArray();
        if (points.isEmpty())
            return bad(StrokeText::tr("\"points\" must list at least one [i, j, k]"));
        for (const QJsonValue& p : points) {
            const QJsonArray xyz = p.toArray();
            if (xyz.size() != 3 || !xyz[0].isDouble() || !xyz[1].isDouble() || !xyz[2].isDouble())
                return bad(StrokeText::tr("each point must be [i, j, k]"));
            stroke.points.append({xyz[0].toDouble(), xyz[1].toDouble(), xyz[2].toDouble()});
        }
        strokes.append(stroke);
    }
    return strokes;
}

Expected<QString> applyStroke(SegmentationDocument& document, const Stroke& stroke)
{
    if (auto usable = checkBrush(document.labels(), stroke.settings); !usable)
        return usable.error();
    document.beginEdit(EditKind::Manual, QString());
    paintDab(document, stroke.settings, stroke.points.first());
    int dabs = 1;
    for (int n = 1; n < stroke.points.size(); ++n)
        dabs += paintLine(document, stroke.settings, stroke.points[n - 1], stroke.points[n]);
    const QString description = brushDescription(document.labels(), stroke.settings, dabs);
    if (auto committed = document.commitEdit(description); !committed)
        return committed.error();
    return description;
}

} // namespace delineate
