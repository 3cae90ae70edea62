// Overlap counting for evaluation and for validation during training.
#include "ml/OverlapMetrics.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace delineate::ml {

void OverlapCounter::add(const uint8_t* prediction, const uint8_t* reference, std::size_t count)
{
    for (std::size_t i = 0; i < count; ++i) {
        ++m_reference[reference[i]];
        ++m_prediction[prediction[i]];
        if (reference[i] == prediction[i])
            ++m_intersection[reference[i]];
    }
    m_voxels += int64_t(count);
}

OverlapReport OverlapCounter::report() const
{
    OverlapReport report;
    report.voxels = m_voxels;
    int64_t matched = 0;
    for (int v = 0; v < 256; ++v) {
        matched += m_intersection[std::size_t(v)];
        if (m_reference[std::size_t(v)] == 0)
            continue;
        ClassOverlap c;
        c.value = v;
        c.reference = m_reference[std::size_t(v)];
        c.prediction = m_prediction[std::size_t(v)];
        c.intersection = m_intersection[std::size_t(v)];
        c.dice = 2.0 * double(c.intersection) / double(c.reference + c.prediction);
        c.iou = double(c.intersection) / double(c.reference + c.prediction - c.intersection);
        report.classes.append(c);
    }
    report.mismatched = m_voxels - matched;
    report.pixelError = m_voxels ? double(report.mismatched) / double(m_voxels) : 0.0;
    return report;
}

QJsonObject OverlapReport::toJson() const
{
    QJsonArray list;
    for (const ClassOverlap& c : classes)
        list.append(QJsonObject{{QStringLiteral("label"), c.value},
                                {QStringLiteral("dice"), c.dice},
                                {QStringLiteral("iou"), c.iou},
                                {QStringLiteral("reference_voxels"), double(c.reference)},
                                {QStringLiteral("predicted_voxels"), double(c.prediction)}});
    return QJsonObject{{QStringLiteral("classes"), list},
                       {QStringLiteral("voxels"), double(voxels)},
                       {QStringLiteral("pixel_error"), pixelError}};
}

Expected<OverlapReport> compareLabelMaps(const LabelMap& prediction, const LabelMap& reference,
                                         const QString& predictionName, const QString& referenceName)
{
    if (prediction.geometry().size() != reference.geometry().size() ||
        !prediction.geometry().sameGridAs(reference.geometry()))
        return Error::failed(QCoreApplication::translate("OverlapMetrics", "%1 and %2 are not on the same voxel grid "
                                                                           "(size, spacing, origin or direction differ)")
                                 .arg(predictionName, referenceName));
    OverlapCounter counter;
    counter.add(prediction.data(), reference.data(), reference.voxelCount());
    return counter.report();
}

} // namespace delineate::ml
