// delineate-cli store add|list|import|check|set-split|remove|export-dataset --store S ...: the training-sample store
// from the command line, through the same core calls as the application's "Accept correction".
#include "CliSupport.h"

#include "edit/SegmentationDocument.h"
#include "io/DicomSeg.h"
#include "io/ImageSource.h"
#include "io/SegmentationIO.h"
#include "io/VolumeIO.h"
#include "ml/TrainingData.h"
#include "ml/TrainingStore.h"

#include <QJsonArray>
#include <QJsonObject>

namespace delineate::cli {

namespace {

QJsonObject sampleJson(const TrainingStore& store, const SampleRecord& sample)
{
    QJsonObject json = sample.toJson();
    json.insert(QStringLiteral("split"), splitRoleKey(store.roleOf(sample)));
    return json;
}

// A mask for `series`: a label file on its grid or a DICOM SEG of it.
Expected<Segmentation> maskFor(const QString& mask, const LoadedSeries& series)
{
    Expected<SegmentationFile> file = Error::failed(QString());
    if (isDicomSegFile(mask))
        file = readDicomSeg(mask, series);
    else
        file = readSegmentationFile(mask);
    if (!file)
        return file.error();
    for (const QString& note : file->notes)
        printWarning(note);
    return attachToSeries(*file, series.volume.geometry(), series.info.seriesDescription, false);
}

int add(QCommandLineParser& parser, TrainingStore& store)
{
    const QString image = parser.value(QStringLiteral("image"));
    const QString mask = parser.value(QStringLiteral("mask"));
    if (image.isEmpty() || mask.isEmpty())
        return fail(CliText::tr("store add: --image and --mask are required"));
    ConsoleJobControl control(true);
    auto series = loadOneSeries(image, parser.value(QStringLiteral("series")), control);
    if (!series)
        return fail(series.error().message);
    auto segmentation = maskFor(mask, *series);
    if (!segmentation)
        return fail(segmentation.error().message);
    AcceptOptions options;
    options.editor = parser.value(QStringLiteral("editor"));
    options.reviewedSlicesOnly = parser.isSet(QStringLiteral("reviewed-only"));
    const SampleIdentity identity{series->info.patientId, series->info.studyInstanceUid, series->info.seriesInstanceUid};
    auto accepted = store.accept(series->volume, *segmentation, identity, options);
    if (!accepted)
        return fail(accepted.error().message);
    printJson(QJsonDocument(sampleJson(store, *accepted)));
    return Success;
}

int list(QCommandLineParser& parser, const TrainingStore& store)
{
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray samples;
        for (const SampleRecord& s : store.samples())
            samples.append(sampleJson(store, s));
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("samples"), samples},
                                            {QStringLiteral("train"), store.count(SplitRole::Train)},
                                            {QStringLiteral("validation"), store.count(SplitRole::Validation)},
                                            {QStringLiteral("split_version"), store.splitVersion()}}));
        return Success;
    }
    printLine(CliText::tr("%1: %2 sample(s), %3 train, %4 validation (split version %5)")
                  .arg(store.folder())
                  .arg(store.samples().size())
                  .arg(store.count(SplitRole::Train))
                  .arg(store.count(SplitRole::Validation))
                  .arg(store.splitVersion()));
    for (const SampleRecord& s : store.samples())
        printLine(QStringLiteral("%1  %2  %3 x %4 x %5  %6  %7")
                      .arg(s.id, splitRoleKey(store.roleOf(s)).leftJustified(10))
                      .arg(s.size[0]).arg(s.size[1]).arg(s.size[2])
                      .arg(s.added.toUTC().toString(Qt::ISODate), s.model));
    return Success;
}

int import(QCommandLineParser& parser, TrainingStore& store)
{
    const QString data = parser.value(QStringLiteral("data"));
    if (data.isEmpty())
        return fail(CliText::tr("store import: --data FOLDER is required"));
    ImportOptions options;
    options.editor = parser.value(QStringLiteral("editor"));
    options.nonZeroIsForeground = parser.isSet(QStringLiteral("nonzero-foreground"));
    auto train = ml::parseIndexRanges(parser.value(QStringLiteral("train-range")));
    auto validation = ml::parseIndexRanges(parser.value(QStringLiteral("val-range")));
    if (!train)
        return fail(train.error().message);
    if (!validation)
        return fail(validation.error().message);
    options.trainIndices = *train;
    options.validationIndices = *validation;
    ConsoleJobControl control(parser.isSet(QStringLiteral("quiet")));
    auto imported = store.importPairs(data, options, control);
    if (!imported)
        return fail(imported.error().message);
    printJson(QJsonDocument(QJsonObject{{QStringLiteral("imported"), int(imported->size())},
                                        {QStringLiteral("train"), store.count(SplitRole::Train)},
                                        {QStringLiteral("validation"), store.count(SplitRole::Validation)}}));
    return Success;
}

int check(const TrainingStore& store)
{
    const QVector<StoreProblem> problems = store.check();
    for (const StoreProblem& p : problems)
        printWarning(QStringLiteral("%1: %2").arg(p.path, p.problem));
    if (!problems.isEmpty())
        return fail(CliText::tr("%1: %n problem(s) found", nullptr, int(problems.size())).arg(store.folder()));
    printLine(CliText::tr("%1: %2 sample(s), all files as recorded").arg(store.folder()).arg(store.samples().size()));
    return Success;
}

} // namespace

int runStore(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(CliText::tr(
        "The training-sample store. Actions: add (--image SERIES --mask MASK [--reviewed-only]), list [--json], "
        "import (--data FOLDER [--train-range R --val-range R]), check, set-split (--sample ID --split train|validation), "
        "remove (--sample ID), export-dataset (--output DIR --dataset-id N --name NAME [--channel NAME])."));
    parser.addPositionalArgument(QStringLiteral("ACTION"), CliText::tr("add, list, import, check, set-split, remove or export-dataset"));
    parser.addOptions({
        {QStringLiteral("store"), CliText::tr("Store folder (created by the first add or import)."), QStringLiteral("S")},
        {QStringLiteral("image"), CliText::tr("add: the image (DICOM folder/file or volume file)."), QStringLiteral("SERIES")},
        {QStringLiteral("series"), CliText::tr("add: which series of a DICOM folder (key or 1-based index)."), QStringLiteral("KEY")},
        {QStringLiteral("mask"), CliText::tr("add: the accepted mask (label file on the image's grid, or a DICOM SEG)."), QStringLiteral("MASK")},
        {QStringLiteral("reviewed-only"), CliText::tr("add: only the slices marked reviewed in the mask's file train.")},
        {QStringLiteral("editor"), CliText::tr("add, import: the annotator's name recorded with the samples."), QStringLiteral("NAME")},
        {QStringLiteral("data"), CliText::tr("import: a folder with image/ and label/."), QStringLiteral("FOLDER")},
        {QStringLiteral("train-range"), CliText::tr("import: pairs (0-based, natural order) for training, e.g. 0-23."), QStringLiteral("R")},
        {QStringLiteral("val-range"), CliText::tr("import: pairs for validation, e.g. 24-29."), QStringLiteral("R")},
        {QStringLiteral("nonzero-foreground"), CliText::tr("import: a label file's non-zero voxels are label 1.")},
        {QStringLiteral("sample"), CliText::tr("set-split, remove: the sample's id."), QStringLiteral("ID")},
        {QStringLiteral("split"), CliText::tr("set-split: train or validation."), QStringLiteral("SPLIT")},
        {QStringLiteral("output"), CliText::tr("export-dataset: the nnU-Net raw folder to write into."), QStringLiteral("DIR")},
        {QStringLiteral("dataset-id"), CliText::tr("export-dataset: nnU-Net dataset number (1-999)."), QStringLiteral("N")},
        {QStringLiteral("name"), CliText::tr("export-dataset: dataset name."), QStringLiteral("NAME")},
        {QStringLiteral("channel"), CliText::tr("export-dataset: the image channel's name (default: image)."), QStringLiteral("NAME")},
        {QStringLiteral("json"), CliText::tr("list: JSON output.")},
        {QStringLiteral("quiet"), CliText::tr("No progress on stderr.")},
    });
    if (const auto exitCode = parseWithRequired(parser, arguments, {QStringLiteral("store")}))
        return *exitCode;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return fail(CliText::tr("store: one ACTION expected (add, list, import, check, set-split, remove, export-dataset)"));
    const QString action = positional.first();
    static const QStringList actions{QStringLiteral("add"), QStringLiteral("list"), QStringLiteral("import"), QStringLiteral("check"),
                                     QStringLiteral("set-split"), QStringLiteral("remove"), QStringLiteral("export-dataset")};
    if (!actions.contains(action))
        return fail(CliText::tr("store: unknown action '%1'").arg(action));
    const bool creates = action == QLatin1String("add") || action == QLatin1String("import");
    auto store = TrainingStore::open(parser.value(QStringLiteral("store")), creates);
    if (!store)
        return fail(store.error().message);
    if (action == QLatin1String("add"))
        return add(parser, *store);
    if (action == QLatin1String("list"))
        return list(parser, *store);
    if (action == QLatin1String("import"))
        return import(parser, *store);
    if (action == QLatin1String("check"))
        return check(*store);
    const QString sample = parser.value(QStringLiteral("sample"));
    if (action == QLatin1String("set-split")) {
        const auto role = splitRoleFromKey(parser.value(QStringLiteral("split")));
        if (sample.isEmpty() || !role)
            return fail(CliText::tr("store set-split: --sample ID and --split train|validation are required"));
        if (auto set = store->setRole(sample, *role); !set)
            return fail(set.error().message);
        return Success;
    }
    if (action == QLatin1String("remove")) {
        if (sample.isEmpty())
            return fail(CliText::tr("store remove: --sample ID is required"));
        if (auto removed = store->remove(sample); !removed)
            return fail(removed.error().message);
        return Success;
    }
    // export-dataset
    bool idOk = false;
    const int datasetId = parser.value(QStringLiteral("dataset-id")).toInt(&idOk);
    const QString name = parser.value(QStringLiteral("name"));
    if (parser.value(QStringLiteral("output")).isEmpty() || !idOk || name.isEmpty())
        return fail(CliText::tr("store export-dataset: --output DIR, --dataset-id N and --name NAME are required"));
    const QString channel = parser.value(QStringLiteral("channel")).isEmpty() ? QStringLiteral("image") : parser.value(QStringLiteral("channel"));
    auto cases = store->exportNnUnet(parser.value(QStringLiteral("output")), datasetId, name, channel);
    if (!cases)
        return fail(cases.error().message);
    printJson(QJsonDocument(QJsonObject{{QStringLiteral("cases"), *cases}}));
    return Success;
}

} // namespace delineate::cli
