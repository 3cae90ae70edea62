// One DICOM file as the loader takes it: the header scan (readDicomFileHeader through scanDicom, as for a file
// given on the command line or dropped on the window), then every series found loaded into a volume (pixel
// decoding for every transfer syntax, rescale, geometry). The loader's memory ceiling is lowered to 1 GiB so that
// a refused memory bomb reads as a refusal, not as the fuzzer's out-of-memory.
#include "FuzzSupport.h"

#include "dicom/DicomScanner.h"
#include "dicom/SeriesLoader.h"
#include "jobs/JobControl.h"

using namespace delineate;

extern "C" int LLVMFuzzerInitialize(int*, char***)
{
    fuzz::silenceLibraries();
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString path = fuzz::writeInput(QStringLiteral("input.dcm"), data, size);
    SimpleJobControl control;
    auto scan = scanDicom(path, control);
    if (!scan)
        return 0;
    SeriesLoadOptions options;
    options.memoryLimitBytes = uint64_t(1) << 30;
    for (const SeriesInfo& series : scan->allSeries()) {
        auto loaded = loadSeries(series, control, options);
        if (loaded && loaded->volume.isEmpty())
            std::abort(); // a series that loads must hold voxels
    }
    return 0;
}
