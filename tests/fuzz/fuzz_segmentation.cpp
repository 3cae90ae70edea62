// The segmentation reader (readSegmentationFile), one binary for two inputs, picked by the name it is started by:
// fuzz_segmentation_nrrd: the bytes are a .seg.nrrd (label values, Slicer's Segment<N>_* fields, layers as
// components); fuzz_segmentation_sidecar: the bytes are the JSON sidecar of a fixed, valid NIfTI mask (written once
// from the real data), so that the fuzzer spends its time on the label table, reviewed slices and AI descriptions.
#include "FuzzSupport.h"

#include "io/SegmentationIO.h"
#include "io/VolumeIO.h"

using namespace delineate;

namespace {
bool g_sidecar = false;
QString g_mask;
}

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::silenceLibraries();
    const QString format = *argc > 0 ? fuzz::formatFromName((*argv)[0], "fuzz_segmentation_") : QString();
    if (format != QLatin1String("nrrd") && format != QLatin1String("sidecar")) {
        fprintf(stderr, "start this target as fuzz_segmentation_nrrd or fuzz_segmentation_sidecar\n");
        std::exit(2);
    }
    g_sidecar = format == QLatin1String("sidecar");
    if (g_sidecar) {
        // The 23 x 38 x 3 label map of dcmqi's test data as a NIfTI mask.
        const QString source = fuzz::dataPath(QStringLiteral("dcmqi-seg/23x38x3/nrrd/label.nrrd"));
        auto labels = readLabelMap(source);
        if (!labels) {
            fprintf(stderr, "fuzz_segmentation_sidecar: %s (set DELINEATE_DATA)\n", qPrintable(labels.error().message));
            std::exit(2);
        }
        g_mask = fuzz::scratch().filePath(QStringLiteral("mask.nii.gz"));
        if (!writeLabelMap(*labels, g_mask))
            std::abort();
    }
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    Expected<SegmentationFile> file = Error::failed(QString());
    if (g_sidecar) {
        fuzz::writeInput(QStringLiteral("mask.json"), data, size);
        file = readSegmentationFile(g_mask);
    } else {
        file = readSegmentationFile(fuzz::writeInput(QStringLiteral("input.seg.nrrd"), data, size));
    }
    if (file && file->layers.empty())
        std::abort(); // a segmentation that reads has at least one layer
    return 0;
}
