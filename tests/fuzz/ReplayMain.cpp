// Replays inputs through the fuzz targets without libFuzzer, in the normal test build (GCC; under the address pass
// in CI): fuzz_replay TARGET PATH... runs every file under each PATH (folders are walked) once through TARGET's
// LLVMFuzzerTestOneInput, after its LLVMFuzzerInitialize, as libFuzzer would run one input. tst_fuzzreplay feeds
// it the seed corpora made from the real data and, on a machine that has fuzzed, the saved corpus and the inputs
// that once failed (build-fuzz/fuzz). Each target's source is compiled with its entry points renamed (CMake), so
// that one binary holds them all.
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QStringList>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>

#define DELINEATE_REPLAY_TARGET(name)                                                                                 \
    extern "C" int replay_##name##_init(int*, char***);                                                               \
    extern "C" int replay_##name##_one(const uint8_t*, size_t);
DELINEATE_REPLAY_TARGET(dicom_file)
DELINEATE_REPLAY_TARGET(dicom_seg)
DELINEATE_REPLAY_TARGET(volume)
DELINEATE_REPLAY_TARGET(segmentation)
DELINEATE_REPLAY_TARGET(model_header)
DELINEATE_REPLAY_TARGET(journal)

namespace {

struct Target
{
    const char* name;     // as scripts/fuzz names it
    const char* program;  // the name the fuzz binary is started by (multi-format targets read their format from it)
    int (*init)(int*, char***);
    int (*one)(const uint8_t*, size_t);
};

const Target kTargets[] = {
    {"dicom_file", "fuzz_dicom_file", replay_dicom_file_init, replay_dicom_file_one},
    {"dicom_seg", "fuzz_dicom_seg", replay_dicom_seg_init, replay_dicom_seg_one},
    {"volume_nii", "fuzz_volume_nii", replay_volume_init, replay_volume_one},
    {"volume_niigz", "fuzz_volume_niigz", replay_volume_init, replay_volume_one},
    {"volume_nrrd", "fuzz_volume_nrrd", replay_volume_init, replay_volume_one},
    {"volume_mha", "fuzz_volume_mha", replay_volume_init, replay_volume_one},
    {"segmentation_nrrd", "fuzz_segmentation_nrrd", replay_segmentation_init, replay_segmentation_one},
    {"segmentation_sidecar", "fuzz_segmentation_sidecar", replay_segmentation_init, replay_segmentation_one},
    {"model_header", "fuzz_model_header", replay_model_header_init, replay_model_header_one},
    {"journal", "fuzz_journal", replay_journal_init, replay_journal_one},
};

QStringList inputsUnder(const QString& path)
{
    const QFileInfo info(path);
    if (info.isFile())
        return {info.absoluteFilePath()};
    QStringList files;
    QDirIterator it(path, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    std::sort(files.begin(), files.end());
    return files;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc < 3) {
        fprintf(stderr, "usage: fuzz_replay TARGET PATH...\n");
        return 2;
    }
    const Target* target = nullptr;
    for (const Target& t : kTargets)
        if (std::strcmp(t.name, argv[1]) == 0)
            target = &t;
    if (!target) {
        fprintf(stderr, "fuzz_replay: unknown target %s\n", argv[1]);
        return 2;
    }
    // No application object: the targets run without one under libFuzzer too.
    char program[64];
    std::snprintf(program, sizeof program, "%s", target->program);
    char* fakeArgv[] = {program, nullptr};
    int fakeArgc = 1;
    char** fakeArgvPointer = fakeArgv;
    target->init(&fakeArgc, &fakeArgvPointer);
    int replayed = 0;
    for (int i = 2; i < argc; ++i) {
        for (const QString& input : inputsUnder(QString::fromLocal8Bit(argv[i]))) {
            QFile file(input);
            if (!file.open(QIODevice::ReadOnly)) {
                fprintf(stderr, "fuzz_replay: %s cannot be read\n", qPrintable(input));
                return 1;
            }
            const QByteArray bytes = file.readAll();
            target->one(reinterpret_cast<const uint8_t*>(bytes.constData()), std::size_t(bytes.size()));
            ++replayed;
        }
    }
    printf("fuzz_replay: %s: %d inputs replayed\n", target->name, replayed);
    return replayed > 0 ? 0 : 1;
}
