// A volume file through VolumeIO: readVolume (the image) and readLabelMap (the same file as a mask), as the loader
// and the segmentation reader call them. One binary for four formats; the name it is started by picks the file
// name's extension, which is what chooses ITK's reader: fuzz_volume_nii (.nii), fuzz_volume_niigz (.nii.gz),
// fuzz_volume_nrrd (.nrrd), fuzz_volume_mha (.mha, MetaImage).
#include "FuzzSupport.h"

#include "io/VolumeIO.h"

using namespace delineate;

namespace {
QString g_name;
}

extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv)
{
    fuzz::silenceLibraries();
    const QString format = *argc > 0 ? fuzz::formatFromName((*argv)[0], "fuzz_volume_") : QString();
    const QString extension = format == QLatin1String("nii")     ? QStringLiteral(".nii")
                              : format == QLatin1String("niigz") ? QStringLiteral(".nii.gz")
                              : format == QLatin1String("nrrd")  ? QStringLiteral(".nrrd")
                              : format == QLatin1String("mha")   ? QStringLiteral(".mha")
                                                                 : QString();
    if (extension.isEmpty()) {
        fprintf(stderr, "start this target as fuzz_volume_nii, _niigz, _nrrd or _mha\n");
        std::exit(2);
    }
    g_name = QStringLiteral("input") + extension;
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    const QString path = fuzz::writeInput(g_name, data, size);
    auto volume = readVolume(path);
    if (volume && volume->isEmpty())
        std::abort();
    auto labels = readLabelMap(path);
    (void)labels;
    return 0;
}
