// A DICOM SEG read onto the series it refers to: readDicomSegHeader, then readDicomSeg onto dcmqi's three CT slices
// (dcmqi-seg/ct-3slice, loaded once), which the seeds liver.dcm, partial_overlaps.dcm and the sparse label-map SEGs
// reference; SEGs of other series exercise the refusals.
#include "FuzzSupport.h"

#include "io/DicomSeg.h"
#include "io/ImageSource.h"
#include "jobs/JobControl.h"

using namespace delineate;

namespace {
DicomSegSource* g_source = nullptr;
}

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::silenceLibraries();
    SimpleJobControl control;
    auto series = loadOneSeries(fuzz::dataPath(QStringLiteral("dcmqi-seg/ct-3slice")), QString(), control);
    if (!series) {
        fprintf(stderr, "fuzz_dicom_seg: %s (set DELINEATE_DATA)\n", qPrintable(series.error().message));
        std::abort();
    }
    g_source = new DicomSegSource(DicomSegSource::of(*series));
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString path = fuzz::writeInput(QStringLiteral("input.dcm"), data, size);
    auto header = readDicomSegHeader(path);
    if (!header)
        return 0;
    auto file = readDicomSeg(path, *g_source);
    if (file && file->layers.empty())
        std::abort();
    return 0;
}
