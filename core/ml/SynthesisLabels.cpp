// Tissue classes by 1D k-means inside and outside a mask, plus atlas regions: the label map for synthesis.
#include "ml/SynthesisLabels.h"

#include <QCoreApplication>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace delineate::ml {

namespace {

// Translation context "SynthesisLabels" (lupdate reads it from the macro).
class SynthesisLabelsText
{
    Q_DECLARE_TR_FUNCTIONS(SynthesisLabels)
};

int nearest(const QVector<double>& centres, double value)
{
    int best = 0;
    for (int c = 1; c < centres.size(); ++c)
        if (std::abs(value - centres[c]) < std::abs(value - centres[best]))
            best = c;
    return best;
}

} // namespace

Expected<QVector<double>> intensityClusters(const std::vector<float>& values, int classes)
{
    if (classes < 1)
        return Error::failed(SynthesisLabelsText::tr("the number of classes must be at least 1, not %1").arg(classes));
    if (values.empty())
        return Error::failed(SynthesisLabelsText::tr("there are no voxels to divide into classes"));
    const auto [low, high] = std::minmax_element(values.begin(), values.end());
    const double minimum = *low, maximum = *high;
    constexpr int kBins = 1024;
    const double width = (maximum - minimum) / kBins;
    std::vector<int64_t> counts(kBins, 0);
    std::vector<double> sums(kBins, 0.0);
    for (float v : values) {
        const int bin = width > 0.0 ? std::min(kBins - 1, int((double(v) - minimum) / width)) : 0;
        ++counts[std::size_t(bin)];
        sums[std::size_t(bin)] += double(v);
    }
    int occupied = 0;
    for (int64_t c : counts)
        occupied += c > 0 ? 1 : 0;
    if (occupied < classes)
        return Error::failed(SynthesisLabelsText::tr("%1 classes were asked for, but the voxels take only %2 distinct values")
                                 .arg(classes)
                                 .arg(occupied));
    // Start from the centres of equal-count quantile groups.
    QVector<double> centres(classes);
    {
        const int64_t total = int64_t(values.size());
        int64_t seen = 0;
        int group = 0;
        double groupSum = 0.0;
        int64_t groupCount = 0;
        for (int b = 0; b < kBins && group < classes; ++b) {
            seen += counts[std::size_t(b)];
            groupSum += sums[std::size_t(b)];
            groupCount += counts[std::size_t(b)];
            if (seen * classes >= total * (group + 1) && groupCount > 0) {
                centres[group++] = groupSum / double(groupCount);
                groupSum = 0.0;
                groupCount = 0;
            }
        }
        for (; group < classes; ++group) // all remaining mass sat in the last bins
            centres[group] = maximum;
        std::sort(centres.begin(), centres.end());
    }
    for (int iteration = 0; iteration < 200; ++iteration) {
        std::vector<double> classSums(std::size_t(classes), 0.0);
        std::vector<int64_t> classCounts(std::size_t(classes), 0);
        for (int b = 0; b < kBins; ++b) {
            if (counts[std::size_t(b)] == 0)
                continue;
            const int c = nearest(centres, sums[std::size_t(b)] / double(counts[std::size_t(b)]));
            classSums[std::size_t(c)] += sums[std::size_t(b)];
            classCounts[std::size_t(c)] += counts[std::size_t(b)];
        }
        QVector<double> next = centres;
        for (int c = 0; c < classes; ++c)
            if (classCounts[std::size_t(c)] > 0)
                next[c] = classSums[std::size_t(c)] / double(classCounts[std::size_t(c)]);
        std::sort(next.begin(), next.end());
        if (next == centres)
            break;
        centres = next;
    }
    return centres;
}

Expected<LabelMap> makeSynthesisLabels(const Volume& image, const LabelMap& mask, const Volume* atlas,
                                       const SynthesisLabelOptions& options, SynthesisLabelSummary* summary)
{
    const auto size = image.geometry().size();
    if (mask.geometry().size() != size)
        return Error::failed(SynthesisLabelsText::tr("the mask's grid (%1 x %2 x %3) differs from the image's (%4 x %5 x %6)")
                                 .arg(mask.geometry().size()[0]).arg(mask.geometry().size()[1]).arg(mask.geometry().size()[2])
                                 .arg(size[0]).arg(size[1]).arg(size[2]));
    if (atlas && atlas->geometry().size() != size)
        return Error::failed(SynthesisLabelsText::tr("the atlas' grid (%1 x %2 x %3) differs from the image's (%4 x %5 x %6)")
                                 .arg(atlas->geometry().size()[0]).arg(atlas->geometry().size()[1]).arg(atlas->geometry().size()[2])
                                 .arg(size[0]).arg(size[1]).arg(size[2]));
    if (options.classesInside < 1 || options.classesOutside < 1 || options.classesInside + options.classesOutside > 256)
        return Error::failed(SynthesisLabelsText::tr("between 1 and 255 classes inside and outside the mask are needed"));
    const std::size_t count = image.voxelCount();
    std::vector<float> inside, outside;
    for (std::size_t i = 0; i < count; ++i)
        (mask.at(i) ? inside : outside).push_back(float(image.valueAt(i)));
    if (inside.empty() || outside.empty())
        return Error::failed(SynthesisLabelsText::tr("the mask must hold some voxels and leave some out"));
    auto insideCentres = intensityClusters(inside, options.classesInside);
    if (!insideCentres)
        return Error::failed(SynthesisLabelsText::tr("inside the mask: %1").arg(insideCentres.error().message));
    auto outsideCentres = intensityClusters(outside, options.classesOutside);
    if (!outsideCentres)
        return Error::failed(SynthesisLabelsText::tr("outside the mask: %1").arg(outsideCentres.error().message));

    LabelMap labels(image.geometry());
    const int firstInside = options.classesOutside;
    for (std::size_t i = 0; i < count; ++i) {
        const double v = image.valueAt(i);
        labels.data()[i] = uint8_t(mask.at(i) ? firstInside + nearest(*insideCentres, v) : nearest(*outsideCentres, v));
    }

    std::map<int, int> regionLabel; // atlas value -> label
    if (atlas) {
        // The dominant inside class of each region.
        std::map<int, std::vector<int64_t>> classCounts;
        for (std::size_t i = 0; i < count; ++i) {
            const int region = int(std::lround(atlas->valueAt(i)));
            if (region == 0 || !mask.at(i))
                continue;
            auto& counts = classCounts[region];
            counts.resize(std::size_t(options.classesInside), 0);
            ++counts[std::size_t(labels.at(i) - firstInside)];
        }
        std::map<int, int> dominant;
        int next = firstInside + options.classesInside;
        for (const auto& [region, counts] : classCounts) {
            const auto top = std::max_element(counts.begin(), counts.end());
            if (*top < options.minimumRegionVoxels)
                continue;
            if (next > 255)
                return Error::failed(SynthesisLabelsText::tr("the atlas has more regions than labels are left (255 in all)"));
            dominant[region] = int(top - counts.begin()) + firstInside;
            regionLabel[region] = next++;
        }
        for (std::size_t i = 0; i < count; ++i) {
            if (!mask.at(i))
                continue;
            const int region = int(std::lround(atlas->valueAt(i)));
            const auto found = dominant.find(region);
            if (found != dominant.end() && labels.at(i) == found->second)
                labels.data()[i] = uint8_t(regionLabel[region]);
        }
    }

    if (summary) {
        summary->classes.clear();
        const int total = firstInside + options.classesInside + int(regionLabel.size());
        std::vector<double> sums(std::size_t(total), 0.0);
        std::vector<int64_t> voxels(std::size_t(total), 0);
        for (std::size_t i = 0; i < count; ++i) {
            sums[labels.at(i)] += image.valueAt(i);
            ++voxels[labels.at(i)];
        }
        for (int label = 0; label < total; ++label) {
            SynthesisLabelSummary::ClassInfo info;
            info.label = label;
            info.inside = label >= firstInside;
            for (const auto& [region, value] : regionLabel)
                if (value == label)
                    info.atlasRegion = region;
            info.voxels = voxels[std::size_t(label)];
            info.meanIntensity = info.voxels > 0 ? sums[std::size_t(label)] / double(info.voxels) : 0.0;
            summary->classes.append(info);
        }
    }
    return labels;
}

} // namespace delineate::ml
