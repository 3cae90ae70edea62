// delineate-cli segment, train and evaluate: argument parsing and file handling around the segmentation engine,
// which is loaded (with LibTorch) only when segment or train actually run.
#include "CliSupport.h"

#include "dicom/DicomScanner.h"
#include "dicom/SeriesLoader.h"
#include "image/SegmentTerminology.h"
#include "io/DicomSeg.h"
#include "io/SegmentationIO.h"
#include "io/VolumeIO.h"
#include "ml/EngineLoader.h"
#include "ml/OverlapMetrics.h"
#include "ml/SynthesisLabels.h"
#include "ml/TrainingData.h"
#include "ml/ModelRegistry.h"
#include "ml/VersionComparison.h"
#include "ml/TrainingStore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>
#include <QThread>

#include <algorithm>
#include <optional>

namespace delineate::cli {

namespace {

// Translation context "MlCommands" (lupdate reads it from the macro).
class MlCommandsText
{
    Q_DECLARE_TR_FUNCTIONS(MlCommands)
};

QStringList pngFiles(const QString& folder)
{
    QStringList files = QDir(folder).entryList({QStringLiteral("*.png"), QStringLiteral("*.PNG")}, QDir::Files);
    std::sort(files.begin(), files.end(), ml::naturalLess);
    return files;
}

// Parses and reports the usual failures: unknown options, missing required values.
bool parse(QCommandLineParser& parser, const QStringList& arguments, const QStringList& required, int& exitCode)
{
    if (const auto stop = parseWithRequired(parser, arguments, required)) {
        exitCode = *stop;
        return false;
    }
    return true;
}

int intValue(const QCommandLineParser& parser, const QString& name, int fallback, bool& ok)
{
    if (!parser.isSet(name))
        return fallback;
    bool valid = false;
    const int value = parser.value(name).toInt(&valid);
    if (!valid) {
        fail(MlCommandsText::tr("--%1 expects a whole number, not '%2'").arg(name, parser.value(name)));
        ok = false;
    }
    return value;
}

double doubleValue(const QCommandLineParser& parser, const QString& name, double fallback, bool& ok)
{
    if (!parser.isSet(name))
        return fallback;
    bool valid = false;
    const double value = parser.value(name).toDouble(&valid);
    if (!valid) {
        fail(MlCommandsText::tr("--%1 expects a number, not '%2'").arg(name, parser.value(name)));
        ok = false;
    }
    return value;
}

// A DICOM folder or file: the single image series in it (or the one with the most frames, with a warning).
Expected<LoadedSeries> loadDicomInput(const QString& path, JobControl& control)
{
    auto scan = scanDicom(path, control);
    if (!scan)
        return scan.error();
    const auto series = scan->allSeries();
    if (series.isEmpty())
        return Error::failed(MlCommandsText::tr("%1: no image series found (not a volume file, PNG folder or DICOM series)").arg(path));
    const auto largest = std::max_element(series.begin(), series.end(),
                                          [](const SeriesInfo& a, const SeriesInfo& b) { return a.frameCount() < b.frameCount(); });
    if (series.size() > 1)
        printWarning(MlCommandsText::tr("%1 holds %2 series; segmenting series %3 '%4' (%5 frames)")
                         .arg(path)
                         .arg(series.size())
                         .arg(largest->seriesNumber)
                         .arg(largest->seriesDescription)
                         .arg(largest->frameCount()));
    auto loaded = loadSeries(*largest, control);
    if (!loaded)
        return loaded.error();
    for (const QString& warning : loaded->warnings)
        printWarning(warning);
    return loaded;
}

// The engine's labels as a segmentation of `series`: one segment per class, AUTOMATIC, named after the model.
Expected<Segmentation> segmentationFromResult(const LabelMap& labels, const ml::ModelHeader& header)
{
    std::vector<uint8_t> values(labels.data(), labels.data() + labels.voxelCount());
    LabelTable table;
    for (int c = 1; c < header.classes.size(); ++c) {
        const ml::ClassInfo& info = header.classes[c];
        if (info.value <= 0 || info.value > 255)
            continue;
        LabelEntry entry = table.makeEntry(uint16_t(info.value));
        if (!info.name.isEmpty())
            entry.name = info.name;
        if (auto colour = parseColourName(info.colour))
            entry.colour = *colour;
        entry.meaning = guessSegmentMeaning(entry.name);
        entry.algorithm = SegmentAlgorithm::Automatic;
        entry.algorithmName = (header.name + QLatin1Char(' ') + header.versionText()).trimmed();
        table.set(entry);
    }
    return Segmentation::fromLayers(labels.geometry(), {LabelLayer::fromUInt8(std::move(values))}, table);
}

// Stacks same-size PNG slices into one volume so that inference batches across them.
Expected<Volume> stackPngs(const QString& folder, const QStringList& files)
{
    Volume stacked;
    for (int n = 0; n < files.size(); ++n) {
        const QString path = QDir(folder).filePath(files[n]);
        auto slice = readVolume(path);
        if (!slice)
            return slice.error();
        const auto& size = slice->geometry().size();
        if (n == 0) {
            ImageGeometry g = slice->geometry();
            g.setSize({size[0], size[1], int64_t(files.size())});
            stacked = Volume(g, PixelType::Float32);
        } else if (size[0] != stacked.geometry().size()[0] || size[1] != stacked.geometry().size()[1]) {
            return Error::failed(MlCommandsText::tr("%1 is %2 x %3 but the first PNG in the folder is %4 x %5")
                                     .arg(path)
                                     .arg(size[0])
                                     .arg(size[1])
                                     .arg(stacked.geometry().size()[0])
                                     .arg(stacked.geometry().size()[1]));
        }
        const std::size_t plane = std::size_t(size[0] * size[1]);
        for (std::size_t i = 0; i < plane; ++i)
            stacked.float32Data()[plane * std::size_t(n) + i] = float(slice->valueAt(i));
    }
    return stacked;
}

// --precision: auto (the default), float32 or bfloat16; prints the message and returns false otherwise.
bool precisionValue(const QCommandLineParser& parser, ml::ComputePrecision& precision)
{
    const QString text = parser.value(QStringLiteral("precision"));
    if (text.isEmpty())
        return true;
    const auto parsed = ml::parseComputePrecision(text);
    if (!parsed) {
        fail(MlCommandsText::tr("--precision must be auto, float32 or bfloat16, not '%1'").arg(text));
        return false;
    }
    precision = *parsed;
    return true;
}

} // namespace

int runSegment(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(MlCommandsText::tr("Segment a volume file, a DICOM series or a folder of PNG slices with a U-Net model."));
    parser.addOptions({
        {QStringLiteral("model"), MlCommandsText::tr("Model file (.dlm) or TorchScript file (.pt with .pt.json)."), QStringLiteral("M")},
        {QStringLiteral("input"), MlCommandsText::tr("Volume file, DICOM folder/file, or folder of PNG slices."), QStringLiteral("IN")},
        {QStringLiteral("output"), MlCommandsText::tr("Label map file, a DICOM SEG (.dcm, for DICOM input), or a folder for PNG input."), QStringLiteral("OUT")},
        {QStringLiteral("probabilities"), MlCommandsText::tr("Also write the foreground probability volume here."), QStringLiteral("P")},
        {QStringLiteral("threshold"), MlCommandsText::tr("Probability threshold of a binary model (default 0.5)."), QStringLiteral("T")},
        {QStringLiteral("threads"), MlCommandsText::tr("Intra-op threads (default: all cores)."), QStringLiteral("N")},
        {QStringLiteral("batch"), MlCommandsText::tr("Slices per forward pass (default: about 512x512 pixels per pass)."), QStringLiteral("N")},
        {QStringLiteral("axis"), MlCommandsText::tr("Voxel axis normal to the slices, 0-2 (default: the model's)."), QStringLiteral("A")},
        {QStringLiteral("tile"), MlCommandsText::tr("Sliding-window edge in pixels (default: the model's)."), QStringLiteral("N")},
        {QStringLiteral("device"), MlCommandsText::tr("auto, cpu or cuda (default auto)."), QStringLiteral("D")},
        {QStringLiteral("flips"), MlCommandsText::tr("Average over 4 flips of each slice (4x slower, slightly better).")},
        {QStringLiteral("precision"), MlCommandsText::tr("auto, float32 or bfloat16 convolutions (default auto: bfloat16 where the CPU has it natively)."), QStringLiteral("P")},
        {QStringLiteral("quiet"), MlCommandsText::tr("No progress on stderr.")},
    });
    int exitCode = Failure;
    if (!parse(parser, arguments, {QStringLiteral("model"), QStringLiteral("input"), QStringLiteral("output")}, exitCode))
        return exitCode;
    bool ok = true;
    ml::InferenceOptions options;
    options.threshold = doubleValue(parser, QStringLiteral("threshold"), 0.5, ok);
    options.threads = intValue(parser, QStringLiteral("threads"), 0, ok);
    options.batchSize = intValue(parser, QStringLiteral("batch"), 0, ok);
    options.sliceAxis = intValue(parser, QStringLiteral("axis"), -1, ok);
    options.tileSize = intValue(parser, QStringLiteral("tile"), 0, ok);
    options.device = parser.value(QStringLiteral("device")).isEmpty() ? QStringLiteral("auto") : parser.value(QStringLiteral("device"));
    options.flipAugmentation = parser.isSet(QStringLiteral("flips"));
    if (!precisionValue(parser, options.precision))
        return Failure;
    if (!ok)
        return Failure;
    if (options.sliceAxis > 2 || options.threshold < 0.0 || options.threshold > 1.0)
        return fail(MlCommandsText::tr("--axis must be 0, 1 or 2 and --threshold within [0, 1]"));

    auto engine = ml::EngineLoader::engine();
    if (!engine)
        return fail(engine.error().message);
    auto model = (*engine)->loadModel(parser.value(QStringLiteral("model")));
    if (!model)
        return fail(model.error().message);
    ConsoleJobControl control(parser.isSet(QStringLiteral("quiet")));
    const QString input = parser.value(QStringLiteral("input"));
    const QString output = parser.value(QStringLiteral("output"));
    const QFileInfo inputInfo(input);
    if (!inputInfo.exists())
        return fail(MlCommandsText::tr("%1: no such file or folder").arg(input));

    const QStringList pngs = inputInfo.isDir() ? pngFiles(input) : QStringList();
    const bool segOutput = output.endsWith(QLatin1String(".dcm"), Qt::CaseInsensitive);
    Expected<Volume> volume = Error::failed(QString());
    std::optional<LoadedSeries> dicomSeries;
    if (!pngs.isEmpty()) {
        volume = stackPngs(input, pngs);
    } else if (inputInfo.isFile() && isVolumeFileName(input)) {
        volume = readVolume(input);
    } else {
        auto loaded = loadDicomInput(input, control);
        if (!loaded)
            return fail(loaded.error().message);
        volume = loaded->volume;
        dicomSeries = std::move(loaded.value());
    }
    if (!volume)
        return fail(volume.error().message);
    if (segOutput && !dicomSeries)
        return fail(MlCommandsText::tr("%1: a DICOM SEG output needs a DICOM input series").arg(output));

    auto result = (*engine)->segment(*volume, **model, options, control);
    if (!result)
        return fail(MlCommandsText::tr("%1: %2").arg(input, result.error().message));

    if (!pngs.isEmpty()) {
        if (!QDir().mkpath(output))
            return fail(MlCommandsText::tr("%1: cannot create the output folder").arg(output));
        const auto& size = result->labels.geometry().size();
        ImageGeometry sliceGeometry = result->labels.geometry();
        sliceGeometry.setSize({size[0], size[1], 1});
        const std::size_t plane = std::size_t(size[0] * size[1]);
        for (int n = 0; n < pngs.size(); ++n) {
            LabelMap slice(sliceGeometry);
            std::copy_n(result->labels.data() + plane * std::size_t(n), plane, slice.data());
            if (auto written = writeLabelMap(slice, QDir(output).filePath(pngs[n])); !written)
                return fail(written.error().message);
        }
    } else if (segOutput) {
        auto segmentation = segmentationFromResult(result->labels, (*model)->header());
        if (!segmentation)
            return fail(segmentation.error().message);
        auto report = writeDicomSeg(*segmentation, *dicomSeries, output);
        if (!report)
            return fail(report.error().message);
        for (const QString& note : report->notes)
            printWarning(note);
    } else if (auto written = writeLabelMap(result->labels, output); !written) {
        return fail(written.error().message);
    }
    const QString probabilities = parser.value(QStringLiteral("probabilities"));
    if (!probabilities.isEmpty())
        if (auto written = writeVolume(result->probabilities, probabilities); !written)
            return fail(written.error().message);
    QJsonObject summary{{QStringLiteral("model"), (*model)->header().name},
                        {QStringLiteral("input"), input},
                        {QStringLiteral("output"), output},
                        {QStringLiteral("slices"), result->slices},
                        {QStringLiteral("seconds"), result->seconds},
                        {QStringLiteral("device"), result->device},
                        {QStringLiteral("precision"), ml::computePrecisionName(result->precision)}};
    printJson(QJsonDocument(summary));
    return Success;
}

namespace {

// A label map file, or a DICOM SEG read onto its series (from the SEG's folder) as one label map.
Expected<LabelMap> readLabelMapOrSeg(const QString& path)
{
    if (!isDicomSegFile(path))
        return readLabelMap(path);
    ConsoleJobControl control(true);
    auto read = readDicomSegWithSeries(path, QString(), control);
    if (!read)
        return read.error();
    for (const QString& note : read->file.notes)
        printWarning(note);
    if (read->file.layers.size() != 1)
        return Error::failed(MlCommandsText::tr("%1: its segments overlap (%2 layers), so it is no single label map to compare")
                                 .arg(path).arg(read->file.layers.size()));
    auto segmentation = Segmentation::fromLayers(read->series.volume.geometry(), read->file.layers, read->file.labels);
    if (!segmentation)
        return segmentation.error();
    return segmentation->layerAsLabelMap(0);
}

} // namespace

int runEvaluate(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(MlCommandsText::tr("Per-class Dice, IoU, HD95 and mean surface distance (mm, for volumes), and pixel error, of a predicted label map against a "
                                        "reference (files on the same grid, DICOM SEGs read onto their series, or folders of PNG masks matched by name). "
                                        "Every label value of the reference is a class, 0 included."));
    parser.addOptions({
        {QStringLiteral("prediction"), MlCommandsText::tr("Predicted label map or folder."), QStringLiteral("P")},
        {QStringLiteral("reference"), MlCommandsText::tr("Reference label map or folder."), QStringLiteral("R")},
        {QStringLiteral("json"), MlCommandsText::tr("Print JSON instead of a table.")},
    });
    int exitCode = Failure;
    if (!parse(parser, arguments, {QStringLiteral("prediction"), QStringLiteral("reference")}, exitCode))
        return exitCode;
    const QString prediction = parser.value(QStringLiteral("prediction"));
    const QString reference = parser.value(QStringLiteral("reference"));
    const QFileInfo predictionInfo(prediction), referenceInfo(reference);
    if (!referenceInfo.exists())
        return fail(MlCommandsText::tr("%1: no such file or folder").arg(reference));
    if (!predictionInfo.exists())
        return fail(MlCommandsText::tr("%1: no such file or folder").arg(prediction));
    if (predictionInfo.isDir() != referenceInfo.isDir())
        return fail(MlCommandsText::tr("%1 and %2: compare two files or two folders").arg(prediction, reference));

    ml::OverlapReport report;
    int files = 1;
    if (referenceInfo.isDir()) {
        QStringList names;
        for (const QString& name : QDir(reference).entryList(QDir::Files))
            if (isVolumeFileName(name))
                names << name;
        if (names.isEmpty())
            return fail(MlCommandsText::tr("%1: no label files").arg(reference));
        ml::OverlapCounter counter;
        for (const QString& name : names) {
            const QString p = QDir(prediction).filePath(name), r = QDir(reference).filePath(name);
            if (!QFileInfo::exists(p))
                return fail(MlCommandsText::tr("%1: missing; the reference folder has %2").arg(p, name));
            auto predicted = readLabelMap(p);
            if (!predicted)
                return fail(predicted.error().message);
            auto expected = readLabelMap(r);
            if (!expected)
                return fail(expected.error().message);
            if (predicted->geometry().size() != expected->geometry().size())
                return fail(MlCommandsText::tr("%1 and %2 differ in size").arg(p, r));
            counter.add(predicted->data(), expected->data(), expected->voxelCount());
        }
        report = counter.report();
        files = names.size();
    } else {
        auto predicted = readLabelMapOrSeg(prediction);
        if (!predicted)
            return fail(predicted.error().message);
        auto expected = readLabelMapOrSeg(reference);
        if (!expected)
            return fail(expected.error().message);
        auto compared = ml::compareLabelMaps(*predicted, *expected, prediction, reference);
        if (!compared)
            return fail(compared.error().message);
        report = *compared;
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonObject json = report.toJson();
        json.insert(QStringLiteral("files"), files);
        printJson(QJsonDocument(json));
        return Success;
    }
    printLine(MlCommandsText::tr("%1 file(s), %2 voxels, pixel error %3").arg(files).arg(report.voxels).arg(report.pixelError, 0, 'f', 4));
    for (const ml::ClassOverlap& c : report.classes) {
        QString line = MlCommandsText::tr("label %1: Dice %2  IoU %3  (reference %4, predicted %5 voxels)")
                           .arg(c.value, 3)
                           .arg(c.dice, 0, 'f', 4)
                           .arg(c.iou, 0, 'f', 4)
                           .arg(c.reference)
                           .arg(c.prediction);
        if (c.hd95 >= 0.0)
            line += MlCommandsText::tr("  HD95 %1 mm  mean surface distance %2 mm").arg(c.hd95, 0, 'f', 2).arg(c.meanSurfaceDistance, 0, 'f', 2);
        printLine(line);
    }
    return Success;
}

int runTrain(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        MlCommandsText::tr("Train a U-Net on DIR/image + DIR/label (PNG slices or volumes with the same file names). Without "
           "--epochs or --minutes it trains for %1 minutes. Indices count files in natural name order from 0.")
            .arg(ml::TrainingOptions::kDefaultMinutes));
    parser.addOptions({
        {QStringLiteral("data"), MlCommandsText::tr("Training folder with image/ and label/."), QStringLiteral("DIR")},
        {QStringLiteral("store"), MlCommandsText::tr("Training store (instead of --data): its train and validation splits."), QStringLiteral("S")},
        {QStringLiteral("output"), MlCommandsText::tr("Model file to write (.dlm); rewritten whenever validation improves. With --store optional: every run is also a version of the store's registry."), QStringLiteral("MODEL")},
        {QStringLiteral("val"), MlCommandsText::tr("Validation folder with image/ and label/."), QStringLiteral("DIR")},
        {QStringLiteral("train-range"), MlCommandsText::tr("Training indices in --data, e.g. 0-23 (default all)."), QStringLiteral("R")},
        {QStringLiteral("val-range"), MlCommandsText::tr("Validation indices (in --val, or else in --data), e.g. 24-29."), QStringLiteral("R")},
        {QStringLiteral("from"), MlCommandsText::tr("Fine-tune this model file (with --store: or 'active', the store's active version)."), QStringLiteral("MODEL")},
        {QStringLiteral("arch"), MlCommandsText::tr("simple (reference SimpleUNet) or unet (default)."), QStringLiteral("A")},
        {QStringLiteral("width"), MlCommandsText::tr("Channels at the first level (default: the preset's)."), QStringLiteral("N")},
        {QStringLiteral("depth"), MlCommandsText::tr("Resolution levels (default: the preset's)."), QStringLiteral("N")},
        {QStringLiteral("norm"), MlCommandsText::tr("Normalisation after each convolution: batch (the unet preset's), instance, group or none."), QStringLiteral("N")},
        {QStringLiteral("epochs"), MlCommandsText::tr("Number of epochs."), QStringLiteral("N")},
        {QStringLiteral("minutes"), MlCommandsText::tr("Time budget in minutes (with --epochs: whichever ends first)."), QStringLiteral("M")},
        {QStringLiteral("steps-per-epoch"), MlCommandsText::tr("Optimiser steps per epoch (default 50)."), QStringLiteral("N")},
        {QStringLiteral("batch"), MlCommandsText::tr("Patches per step (default 4)."), QStringLiteral("N")},
        {QStringLiteral("patch"), MlCommandsText::tr("Patch edge in pixels (default 256)."), QStringLiteral("N")},
        {QStringLiteral("lr"), MlCommandsText::tr("Adam learning rate (default 0.001), decayed on a cosine to 2%."), QStringLiteral("LR")},
        {QStringLiteral("loss"), MlCommandsText::tr("dice+bce (default; Dice+CE for several classes) or bce (reference)."), QStringLiteral("L")},
        {QStringLiteral("no-augment"), MlCommandsText::tr("No rotations, warps or intensity changes.")},
        {QStringLiteral("mirror"), MlCommandsText::tr("Mirroring in the augmentation: auto (default: left-right for PNG images, none for volumes), none, horizontal or all (8 flips and 90-degree rotations)."), QStringLiteral("M")},
        {QStringLiteral("average"), MlCommandsText::tr("Decay of the moving average of the weights that is validated and kept (default 0.995; 0 = off)."), QStringLiteral("D")},
        {QStringLiteral("seed"), MlCommandsText::tr("Random seed (default 1)."), QStringLiteral("S")},
        {QStringLiteral("threads"), MlCommandsText::tr("Intra-op threads (default: all cores)."), QStringLiteral("N")},
        {QStringLiteral("precision"), MlCommandsText::tr("auto, float32 or bfloat16 convolutions (default auto: bfloat16 where the CPU has it natively)."), QStringLiteral("P")},
        {QStringLiteral("name"), MlCommandsText::tr("Model name shown to users."), QStringLiteral("NAME")},
        {QStringLiteral("class-names"), MlCommandsText::tr("Comma-separated class names by ascending label value."), QStringLiteral("NAMES")},
        {QStringLiteral("data-description"), MlCommandsText::tr("Provenance text: data source, licence, citation."), QStringLiteral("TEXT")},
        {QStringLiteral("half"), MlCommandsText::tr("Store the weights as float16 (half the file size).")},
        {QStringLiteral("nonzero-labels"), MlCommandsText::tr("Treat every non-zero label voxel as label 1 (e.g. a skull-stripped image).")},
        {QStringLiteral("train-slices"), MlCommandsText::tr("Slices (along the third voxel axis) of volume pairs to train on, e.g. 0-49,65-180 (default: all, or all but --val-slices)."), QStringLiteral("R")},
        {QStringLiteral("val-slices"), MlCommandsText::tr("Slices to validate on; without --val or --val-range they are held back from the training volumes (and from the synthesis)."), QStringLiteral("R")},
        {QStringLiteral("keep"), MlCommandsText::tr("best (default: the weights with the best validation Dice) or last (the last averaged weights; nothing is chosen on the validation slices)."), QStringLiteral("K")},
        {QStringLiteral("synth-labels"), MlCommandsText::tr("Folder of label maps named like the training images: part of the patches become images synthesised from them (random contrast, deformation, resolution, bias, noise). See synth-labels."), QStringLiteral("DIR")},
        {QStringLiteral("synth-fraction"), MlCommandsText::tr("Fraction of synthetic patches with --synth-labels (default 0.5)."), QStringLiteral("F")},
        {QStringLiteral("checkpoint"), MlCommandsText::tr("Keep the whole training state in this file after every epoch (with --store: the registry's interrupted-run file), so that a killed run can be resumed."), QStringLiteral("FILE")},
        {QStringLiteral("resume"), MlCommandsText::tr("Resume the run whose checkpoint is in --checkpoint FILE (or the store's interrupted run), given the same options.")},
        {QStringLiteral("quiet"), MlCommandsText::tr("No progress on stderr.")},
    });
    int exitCode = Failure;
    if (!parse(parser, arguments, {}, exitCode))
        return exitCode;
    const QString storeFolder = parser.value(QStringLiteral("store"));
    if (storeFolder.isEmpty() == parser.value(QStringLiteral("data")).isEmpty())
        return fail(MlCommandsText::tr("train: give either --data DIR or --store S"));
    bool ok = true;
    ml::TrainingOptions options;
    options.dataFolder = parser.value(QStringLiteral("data"));
    options.outputPath = parser.value(QStringLiteral("output"));
    options.validationFolder = parser.value(QStringLiteral("val"));
    options.fromModel = parser.value(QStringLiteral("from"));
    if (parser.isSet(QStringLiteral("arch")))
        options.architecture = parser.value(QStringLiteral("arch"));
    options.baseWidth = intValue(parser, QStringLiteral("width"), 0, ok);
    options.depth = intValue(parser, QStringLiteral("depth"), 0, ok);
    options.normalization = parser.value(QStringLiteral("norm"));
    options.epochs = intValue(parser, QStringLiteral("epochs"), 0, ok);
    options.minutes = doubleValue(parser, QStringLiteral("minutes"), 0.0, ok);
    options.stepsPerEpoch = intValue(parser, QStringLiteral("steps-per-epoch"), options.stepsPerEpoch, ok);
    options.batchSize = intValue(parser, QStringLiteral("batch"), options.batchSize, ok);
    options.patchSize = intValue(parser, QStringLiteral("patch"), options.patchSize, ok);
    options.learningRate = doubleValue(parser, QStringLiteral("lr"), options.learningRate, ok);
    options.weightAveraging = doubleValue(parser, QStringLiteral("average"), options.weightAveraging, ok);
    options.seed = uint64_t(intValue(parser, QStringLiteral("seed"), 1, ok));
    options.threads = intValue(parser, QStringLiteral("threads"), 0, ok);
    options.augment = !parser.isSet(QStringLiteral("no-augment"));
    if (parser.isSet(QStringLiteral("mirror")))
        options.mirroring = parser.value(QStringLiteral("mirror"));
    options.modelName = parser.value(QStringLiteral("name"));
    options.classNames = parser.value(QStringLiteral("class-names")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    options.dataDescription = parser.value(QStringLiteral("data-description"));
    options.nonZeroLabelIsForeground = parser.isSet(QStringLiteral("nonzero-labels"));
    options.halfPrecisionFile = parser.isSet(QStringLiteral("half"));
    options.synthesisFolder = parser.value(QStringLiteral("synth-labels"));
    options.synthesisFraction = doubleValue(parser, QStringLiteral("synth-fraction"), options.synthesisFraction, ok);
    const QString keep = parser.value(QStringLiteral("keep"));
    if (!keep.isEmpty() && keep != QLatin1String("best") && keep != QLatin1String("last"))
        return fail(MlCommandsText::tr("--keep must be best or last, not '%1'").arg(keep));
    options.keepLast = keep == QLatin1String("last");
    if (!precisionValue(parser, options.precision))
        return Failure;
    if (!ok)
        return Failure;
    const QString loss = parser.value(QStringLiteral("loss"));
    if (loss == QLatin1String("bce"))
        options.loss = ml::LossKind::BinaryCrossEntropy;
    else if (!loss.isEmpty() && loss != QLatin1String("dice+bce") && loss != QLatin1String("dice+ce"))
        return fail(MlCommandsText::tr("--loss must be dice+bce or bce, not '%1'").arg(loss));
    if (options.epochs < 0 || options.minutes < 0.0 || options.stepsPerEpoch < 1 || options.batchSize < 1 ||
        options.patchSize < 16 || options.learningRate <= 0.0)
        return fail(MlCommandsText::tr("--epochs, --minutes, --steps-per-epoch, --batch, --patch (>= 16) and --lr must be positive"));
    if (options.weightAveraging < 0.0 || options.weightAveraging >= 1.0)
        return fail(MlCommandsText::tr("--average must be at least 0 and below 1"));
    if (options.synthesisFraction <= 0.0 || options.synthesisFraction > 1.0)
        return fail(MlCommandsText::tr("--synth-fraction must be above 0 and at most 1"));
    if (!options.synthesisFolder.isEmpty() && !QFileInfo(options.synthesisFolder).isDir())
        return fail(MlCommandsText::tr("%1: no such folder").arg(options.synthesisFolder));
    for (const auto& [name, target] : {std::pair<QString, QVector<int>*>{QStringLiteral("train-range"), &options.trainIndices},
                                       std::pair<QString, QVector<int>*>{QStringLiteral("val-range"), &options.validationIndices},
                                       std::pair<QString, QVector<int>*>{QStringLiteral("train-slices"), &options.trainSlices},
                                       std::pair<QString, QVector<int>*>{QStringLiteral("val-slices"), &options.validationSlices}}) {
        auto indices = ml::parseIndexRanges(parser.value(name));
        if (!indices)
            return fail(QStringLiteral("--%1: %2").arg(name, indices.error().message));
        *target = *indices;
    }
    options.resume = parser.isSet(QStringLiteral("resume"));
    if (parser.isSet(QStringLiteral("checkpoint"))) {
        if (!storeFolder.isEmpty())
            return fail(MlCommandsText::tr("train: --checkpoint does not apply to a store (its registry keeps the checkpoint)"));
        options.checkpoints = std::make_shared<ml::FileCheckpointSink>(parser.value(QStringLiteral("checkpoint")));
    } else if (options.resume && storeFolder.isEmpty()) {
        return fail(MlCommandsText::tr("train: --resume needs --checkpoint FILE or --store S"));
    }
    ConsoleJobControl control(parser.isSet(QStringLiteral("quiet")));
    std::optional<ml::ModelRegistry> registry;
    std::optional<TrainingStore> openedStore;
    QString parentVersion;
    if (!storeFolder.isEmpty()) {
        if (!options.trainIndices.isEmpty() || !options.validationIndices.isEmpty() || !options.validationFolder.isEmpty())
            return fail(MlCommandsText::tr("train: --train-range, --val-range and --val do not apply to a store (its split is frozen)"));
        auto store = TrainingStore::open(storeFolder, false);
        if (!store)
            return fail(store.error().message);
        auto models = ml::ModelRegistry::open(storeFolder);
        if (!models)
            return fail(models.error().message);
        registry = std::move(models.value());
        options.checkpoints = registry->checkpoints();
        if (options.fromModel == QLatin1String("active")) {
            if (registry->active().isEmpty())
                return fail(MlCommandsText::tr("%1: the store has no active model to fine-tune").arg(storeFolder));
            parentVersion = registry->active();
            options.fromModel = registry->modelPath(parentVersion);
        } else if (!options.fromModel.isEmpty()) {
            parentVersion = QFileInfo(options.fromModel).fileName();
        }
        if (options.outputPath.isEmpty())
            options.outputPath = QDir(storeFolder).filePath(QStringLiteral("models/.training-%1.dlm").arg(QCoreApplication::applicationPid()));
        auto sets = store->trainingSets(control);
        if (!sets)
            return fail(sets.error().message);
        options.trainingSet = std::move(sets->train);
        options.validationSet = std::move(sets->validation);
        options.dataName = storeFolder;
        if (options.dataDescription.isEmpty())
            options.dataDescription = MlCommandsText::tr("Training store, split version %1: %2 training and %3 validation samples")
                                          .arg(store->splitVersion()).arg(options.trainingSet.size()).arg(options.validationSet.size());
        openedStore = std::move(store.value());
    } else if (options.outputPath.isEmpty()) {
        return fail(MlCommandsText::tr("train: --output MODEL is required with --data"));
    } else if (!QFileInfo(options.dataFolder).isDir()) {
        return fail(MlCommandsText::tr("%1: no such folder").arg(options.dataFolder));
    }

    auto engine = ml::EngineLoader::engine();
    if (!engine)
        return fail(engine.error().message);
    auto result = (*engine)->train(options, control);
    if (!result)
        return fail(result.error().message);
    QJsonObject summary{{QStringLiteral("output"), options.outputPath},
                        {QStringLiteral("epochs"), result->epochs},
                        {QStringLiteral("best_epoch"), result->bestEpoch},
                        {QStringLiteral("seconds"), result->seconds},
                        {QStringLiteral("samples_per_second"), result->samplesPerSecond},
                        {QStringLiteral("precision"), ml::computePrecisionName(result->precision)},
                        {QStringLiteral("parameters"), double(result->model->parameterCount())},
                        {QStringLiteral("best_metrics"), result->bestMetrics}};
    if (registry) {
        // Every run on a store is a version of its registry.
        ml::ModelVersion version;
        version.parent = parentVersion;
        version.splitVersion = openedStore->splitVersion();
        version.metrics = result->bestMetrics;
        version.hyperParameters = QJsonObject{{QStringLiteral("architecture"), options.architecture},
                                              {QStringLiteral("width"), options.baseWidth},
                                              {QStringLiteral("epochs"), result->epochs},
                                              {QStringLiteral("steps_per_epoch"), options.stepsPerEpoch},
                                              {QStringLiteral("batch"), options.batchSize},
                                              {QStringLiteral("patch"), options.patchSize},
                                              {QStringLiteral("learning_rate"), options.learningRate},
                                              {QStringLiteral("seed"), double(options.seed)},
                                              {QStringLiteral("loss"), options.loss == ml::LossKind::BinaryCrossEntropy ? QStringLiteral("bce") : QStringLiteral("dice+ce")}};
        if (auto header = ml::readModelHeader(options.outputPath))
            version.dataHash = header->provenance.dataSetHash;
        auto added = registry->add(options.outputPath, version);
        if (parser.value(QStringLiteral("output")).isEmpty())
            QFile::remove(options.outputPath);
        if (!added)
            return fail(added.error().message);
        summary.insert(QStringLiteral("version"), added->version);
        summary.insert(QStringLiteral("active"), registry->active());
        if (parser.value(QStringLiteral("output")).isEmpty())
            summary.insert(QStringLiteral("output"), registry->modelPath(added->version));
    }
    printJson(QJsonDocument(summary));
    return Success;
}

namespace {

int compareVersions(const TrainingStore& store, const ml::ModelRegistry& registry, const QStringList& versions, bool json,
                    JobControl& control)
{
    if (versions.size() != 2 || !registry.find(versions[0]) || !registry.find(versions[1]))
        return fail(MlCommandsText::tr("models compare: --versions A,B naming two versions of the registry"));
    auto engine = ml::EngineLoader::engine();
    if (!engine)
        return fail(engine.error().message);
    auto comparison = ml::compareVersions(store, registry, **engine, versions[0], versions[1], control);
    if (!comparison)
        return fail(comparison.error().message);
    if (json) {
        QJsonArray cases;
        for (const ml::CaseDice& c : comparison->cases)
            cases.append(QJsonObject{{QStringLiteral("sample"), c.sample}, {versions[0], c.dice[0]}, {versions[1], c.dice[1]}});
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("cases"), cases},
                                            {QStringLiteral("split_version"), comparison->splitVersion},
                                            {QStringLiteral("mean"), QJsonObject{{versions[0], comparison->mean[0]}, {versions[1], comparison->mean[1]}}}}));
        return Success;
    }
    printLine(MlCommandsText::tr("foreground Dice on the %1 validation sample(s) (split version %2)").arg(comparison->cases.size()).arg(comparison->splitVersion));
    printLine(QStringLiteral("%1  %2  %3").arg(MlCommandsText::tr("sample").leftJustified(18), versions[0].leftJustified(8), versions[1]));
    for (const ml::CaseDice& c : comparison->cases)
        printLine(QStringLiteral("%1  %2  %3").arg(c.sample.leftJustified(18)).arg(c.dice[0], -8, 'f', 4).arg(c.dice[1], 0, 'f', 4));
    printLine(QStringLiteral("%1  %2  %3").arg(MlCommandsText::tr("mean").leftJustified(18)).arg(comparison->mean[0], -8, 'f', 4).arg(comparison->mean[1], 0, 'f', 4));
    return Success;
}

} // namespace

int runSynthLabels(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        MlCommandsText::tr("Build the label map that drives image synthesis (train --synth-labels) from an image and a mask on the same "
                           "grid: intensity classes outside the mask (0 the darkest, usually air) and inside it (1D k-means), "
                           "and optionally an atlas' regions, each taking over the voxels of its own dominant tissue class."));
    parser.addOptions({
        {QStringLiteral("image"), MlCommandsText::tr("The image (a volume file)."), QStringLiteral("IMAGE")},
        {QStringLiteral("mask"), MlCommandsText::tr("The mask on the same grid: non-zero voxels are inside."), QStringLiteral("MASK")},
        {QStringLiteral("atlas"), MlCommandsText::tr("An atlas of regions on the same grid (optional)."), QStringLiteral("ATLAS")},
        {QStringLiteral("inside"), MlCommandsText::tr("Intensity classes inside the mask (default 3)."), QStringLiteral("N")},
        {QStringLiteral("outside"), MlCommandsText::tr("Intensity classes outside the mask (default 3)."), QStringLiteral("N")},
        {QStringLiteral("output"), MlCommandsText::tr("The label map to write (.nii.gz, .nrrd, .mha)."), QStringLiteral("OUT")},
        {QStringLiteral("json"), MlCommandsText::tr("Print JSON instead of a table.")},
    });
    int exitCode = Failure;
    if (!parse(parser, arguments, {QStringLiteral("image"), QStringLiteral("mask"), QStringLiteral("output")}, exitCode))
        return exitCode;
    bool ok = true;
    ml::SynthesisLabelOptions options;
    options.classesInside = intValue(parser, QStringLiteral("inside"), options.classesInside, ok);
    options.classesOutside = intValue(parser, QStringLiteral("outside"), options.classesOutside, ok);
    if (!ok)
        return Failure;
    auto image = readVolume(parser.value(QStringLiteral("image")));
    if (!image)
        return fail(image.error().message);
    auto maskVolume = readVolume(parser.value(QStringLiteral("mask")));
    if (!maskVolume)
        return fail(maskVolume.error().message);
    const LabelMap mask = ml::nonZeroMask(*maskVolume);
    std::optional<Volume> atlas;
    if (parser.isSet(QStringLiteral("atlas"))) {
        auto read = readVolume(parser.value(QStringLiteral("atlas")));
        if (!read)
            return fail(read.error().message);
        atlas = std::move(*read);
    }
    ml::SynthesisLabelSummary summary;
    auto labels = ml::makeSynthesisLabels(*image, mask, atlas ? &*atlas : nullptr, options, &summary);
    if (!labels)
        return fail(QStringLiteral("%1: %2").arg(parser.value(QStringLiteral("image")), labels.error().message));
    const QString output = parser.value(QStringLiteral("output"));
    if (auto written = writeLabelMap(*labels, output); !written)
        return fail(written.error().message);
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray classes;
        for (const auto& c : summary.classes)
            classes.append(QJsonObject{{QStringLiteral("label"), c.label},
                                       {QStringLiteral("inside"), c.inside},
                                       {QStringLiteral("atlas_region"), c.atlasRegion},
                                       {QStringLiteral("mean_intensity"), c.meanIntensity},
                                       {QStringLiteral("voxels"), double(c.voxels)}});
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("output"), output}, {QStringLiteral("classes"), classes}}));
        return Success;
    }
    printLine(MlCommandsText::tr("%1: %2 labels").arg(output).arg(summary.classes.size()));
    for (const auto& c : summary.classes)
        printLine(MlCommandsText::tr("label %1: %2, mean %3, %4 voxels")
                      .arg(c.label, 3)
                      .arg(c.atlasRegion != 0 ? MlCommandsText::tr("atlas region %1").arg(c.atlasRegion)
                                              : c.inside ? MlCommandsText::tr("inside") : MlCommandsText::tr("outside"))
                      .arg(c.meanIntensity, 0, 'f', 1)
                      .arg(c.voxels));
    return Success;
}

int runModels(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(MlCommandsText::tr(
        "The model versions of a training store: list, compare (--versions A,B: per-case Dice on the validation split), "
        "promote (--version V: make it the active model), rollback (back to the version active before)."));
    parser.addPositionalArgument(QStringLiteral("ACTION"), MlCommandsText::tr("list, compare, promote or rollback"));
    parser.addOptions({
        {QStringLiteral("store"), MlCommandsText::tr("Training store folder."), QStringLiteral("S")},
        {QStringLiteral("version"), MlCommandsText::tr("promote: the version to make active."), QStringLiteral("V")},
        {QStringLiteral("versions"), MlCommandsText::tr("compare: two versions, comma-separated."), QStringLiteral("A,B")},
        {QStringLiteral("json"), MlCommandsText::tr("JSON output.")},
        {QStringLiteral("quiet"), MlCommandsText::tr("No progress on stderr.")},
    });
    int exitCode = Failure;
    if (!parse(parser, arguments, {QStringLiteral("store")}, exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1)
        return fail(MlCommandsText::tr("models: one ACTION expected (list, compare, promote, rollback)"));
    const QString action = parser.positionalArguments().first();
    const QString storeFolder = parser.value(QStringLiteral("store"));
    auto store = TrainingStore::open(storeFolder, false);
    if (!store)
        return fail(store.error().message);
    auto registry = ml::ModelRegistry::open(storeFolder);
    if (!registry)
        return fail(registry.error().message);
    const bool json = parser.isSet(QStringLiteral("json"));
    if (action == QLatin1String("list")) {
        if (json) {
            QJsonArray versions;
            for (const ml::ModelVersion& v : registry->versions())
                versions.append(v.toJson());
            printJson(QJsonDocument(QJsonObject{{QStringLiteral("versions"), versions},
                                                {QStringLiteral("active"), registry->active()},
                                                {QStringLiteral("history"), QJsonArray::fromStringList(registry->history())}}));
            return Success;
        }
        for (const ml::ModelVersion& v : registry->versions())
            printLine(QStringLiteral("%1%2  %3  %4  %5")
                          .arg(v.version == registry->active() ? QStringLiteral("* ") : QStringLiteral("  "), v.version.leftJustified(5))
                          .arg(v.created.toUTC().toString(Qt::ISODate))
                          .arg(MlCommandsText::tr("parent %1").arg(v.parent.isEmpty() ? QStringLiteral("-") : v.parent))
                          .arg(MlCommandsText::tr("validation Dice %1").arg(v.metrics.value(QStringLiteral("val_mean_dice")).toDouble(), 0, 'f', 4)));
        return Success;
    }
    if (action == QLatin1String("promote")) {
        if (auto promoted = registry->promote(parser.value(QStringLiteral("version"))); !promoted)
            return fail(promoted.error().message);
        return Success;
    }
    if (action == QLatin1String("rollback")) {
        auto back = registry->rollback();
        if (!back)
            return fail(back.error().message);
        printLine(MlCommandsText::tr("active: %1").arg(*back));
        return Success;
    }
    if (action == QLatin1String("compare")) {
        ConsoleJobControl control(parser.isSet(QStringLiteral("quiet")));
        return compareVersions(*store, *registry, parser.value(QStringLiteral("versions")).split(QLatin1Char(','), Qt::SkipEmptyParts),
                               json, control);
    }
    return fail(MlCommandsText::tr("models: unknown action '%1'").arg(action));
}

int runModel(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(MlCommandsText::tr(
        "Show a model's header (no engine is loaded), or change its name, version, modality, notes or slice plane in place."));
    parser.addOptions({
        {QStringLiteral("json"), MlCommandsText::tr("Print the whole header as JSON.")},
        {QStringLiteral("set-name"), MlCommandsText::tr("New name."), QStringLiteral("NAME")},
        {QStringLiteral("set-version"), MlCommandsText::tr("New version text."), QStringLiteral("VERSION")},
        {QStringLiteral("set-modality"), MlCommandsText::tr("The images it is made for (MR, CT, EM, ...; empty: any)."), QStringLiteral("MODALITY")},
        {QStringLiteral("set-notes"), MlCommandsText::tr("New notes (licence, citation, limits)."), QStringLiteral("TEXT")},
        {QStringLiteral("set-slice-plane"), MlCommandsText::tr("axial (run on the slices normal to the voxel axis nearest head-foot, however the volume is stored) or axis (along its slice_axis)."), QStringLiteral("PLANE")},
    });
    parser.addPositionalArgument(QStringLiteral("MODEL"), MlCommandsText::tr("Model file (.dlm) or TorchScript file (.pt with .pt.json)."));
    int exitCode = Failure;
    if (!parse(parser, arguments, {}, exitCode))
        return exitCode;
    if (parser.positionalArguments().size() != 1)
        return fail(MlCommandsText::tr("model: one MODEL file expected"));
    const QString path = parser.positionalArguments().first();
    auto header = ml::readModelHeader(path);
    if (!header)
        return fail(header.error().message);
    bool changed = false;
    for (const auto& [option, field] : {std::pair<QString, QString*>{QStringLiteral("set-name"), &header->name},
                                        std::pair<QString, QString*>{QStringLiteral("set-version"), &header->version},
                                        std::pair<QString, QString*>{QStringLiteral("set-modality"), &header->modality},
                                        std::pair<QString, QString*>{QStringLiteral("set-notes"), &header->provenance.notes}})
        if (parser.isSet(option)) {
            *field = parser.value(option);
            changed = true;
        }
    if (parser.isSet(QStringLiteral("set-slice-plane"))) {
        const QString plane = parser.value(QStringLiteral("set-slice-plane"));
        if (plane != QLatin1String("axial") && plane != QLatin1String("axis"))
            return fail(MlCommandsText::tr("--set-slice-plane must be axial or axis, not '%1'").arg(plane));
        header->axialSlices = plane == QLatin1String("axial");
        changed = true;
    }
    if (changed)
        if (auto written = ml::rewriteModelHeader(path, *header); !written)
            return fail(written.error().message);
    if (parser.isSet(QStringLiteral("json"))) {
        printJson(QJsonDocument(header->toJson()));
        return Success;
    }
    printLine(MlCommandsText::tr("%1 %2 (%3): %4 classes, %5 input channel(s), modality %6")
                  .arg(header->name, header->versionText(), header->architecture.preset)
                  .arg(header->classes.size())
                  .arg(header->architecture.inputChannels)
                  .arg(header->modality.isEmpty() ? MlCommandsText::tr("any") : header->modality));
    return Success;
}

} // namespace delineate::cli
