// delineate-cli edit (brush strokes from a file onto a series' segmentation, journalled like the app's edits) and
// recover (list recovery journals, or restore one onto its series).
#include "CliSupport.h"

#include "edit/RecoveryJournal.h"
#include "edit/SegmentationDocument.h"
#include "edit/StrokeScript.h"
#include "io/ImageSource.h"
#include "io/SegmentationIO.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonObject>

namespace delineate::cli {

namespace {

class EditCommandsText
{
    Q_DECLARE_TR_FUNCTIONS(EditCommands)
};

QString describeSize(const ImageGeometry& g)
{
    return QStringLiteral("%1 x %2 x %3").arg(g.size()[0]).arg(g.size()[1]).arg(g.size()[2]);
}

} // namespace

int runEdit(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(EditCommandsText::tr(
        "Apply brush strokes from a file (one JSON object per line, see docs/editing.md) to a segmentation of a "
        "series. Every stroke is one edit, written to a recovery journal before the next starts."));
    parser.addOptions({
        {QStringLiteral("reference"), EditCommandsText::tr("The image series (DICOM folder/file or volume file)."), QStringLiteral("SERIES")},
        {QStringLiteral("series"), EditCommandsText::tr("Which series of SERIES (key or 1-based index)."), QStringLiteral("KEY")},
        {QStringLiteral("mask"), EditCommandsText::tr("Start from this label file (default: empty)."), QStringLiteral("MASK")},
        {QStringLiteral("strokes"), EditCommandsText::tr("The stroke file."), QStringLiteral("FILE")},
        {QStringLiteral("output"), EditCommandsText::tr("Label file to write (.nii.gz, .nrrd, ...)."), QStringLiteral("OUT")},
        {QStringLiteral("save-every"), EditCommandsText::tr("Also save OUT after every N strokes."), QStringLiteral("N")},
        {QStringLiteral("journal-dir"), EditCommandsText::tr("Recovery folder (default: the app's)."), QStringLiteral("DIR")},
        {QStringLiteral("json"), EditCommandsText::tr("Print a JSON summary.")},
    });
    if (const auto stop = parseWithRequired(parser, arguments,
                                            {QStringLiteral("reference"), QStringLiteral("strokes"), QStringLiteral("output")}))
        return *stop;
    const QString output = parser.value(QStringLiteral("output"));
    if (!isSegmentationFileName(output))
        return fail(EditCommandsText::tr("%1: unsupported label file type (use .nii.gz, .nii, .seg.nrrd, .nrrd or .mha)").arg(output));
    int saveEvery = 0;
    if (parser.isSet(QStringLiteral("save-every"))) {
        bool ok = false;
        saveEvery = parser.value(QStringLiteral("save-every")).toInt(&ok);
        if (!ok || saveEvery < 1)
            return fail(EditCommandsText::tr("--save-every needs a positive number"));
    }
    QFile strokeFile(parser.value(QStringLiteral("strokes")));
    if (!strokeFile.open(QIODevice::ReadOnly))
        return fail(EditCommandsText::tr("%1: cannot read (%2)").arg(strokeFile.fileName(), strokeFile.errorString()));
    auto strokes = parseStrokes(strokeFile.readAll(), strokeFile.fileName());
    if (!strokes)
        return fail(strokes.error().message);

    ConsoleJobControl control(true);
    auto series = loadOneSeries(parser.value(QStringLiteral("reference")), parser.value(QStringLiteral("series")), control);
    if (!series)
        return fail(series.error().message);
    const ImageGeometry& grid = series->volume.geometry();
    Segmentation start(grid);
    if (parser.isSet(QStringLiteral("mask"))) {
        auto file = readSegmentationFile(parser.value(QStringLiteral("mask")));
        if (!file)
            return fail(file.error().message);
        auto attached = attachToSeries(*file, grid, QFileInfo(parser.value(QStringLiteral("reference"))).fileName(), false);
        if (!attached)
            return fail(attached.error().message);
        start = std::move(attached).value();
    }
    SegmentationDocument document(std::move(start));

    const QString folder = parser.isSet(QStringLiteral("journal-dir")) ? parser.value(QStringLiteral("journal-dir"))
                                                                       : RecoveryJournal::defaultFolder();
    auto hash = RecoveryJournal::seriesIdentityHash(folder, series->info.key, grid);
    if (!hash)
        return fail(hash.error().message);
    auto journal = RecoveryJournal::create(
        folder, {*hash, QStringLiteral("%1, %2").arg(series->info.modality, describeSize(grid))}, document.segmentation());
    if (!journal)
        return fail(journal.error().message);
    document.attachJournal(std::move(journal).value());

    QJsonArray applied;
    for (int n = 0; n < strokes->size(); ++n) {
        auto description = applyStroke(document, strokes->at(n));
        if (!description)
            return fail(EditCommandsText::tr("%1, stroke %2: %3").arg(strokeFile.fileName()).arg(n + 1).arg(description.error().message));
        applied.append(*description);
        if (saveEvery > 0 && (n + 1) % saveEvery == 0 && n + 1 < strokes->size()) {
            if (auto written = writeSegmentationFile(document.segmentation(), output); !written)
                return fail(written.error().message);
            document.markSaved();
        }
    }
    if (auto written = writeSegmentationFile(document.segmentation(), output); !written)
        return fail(written.error().message);
    document.markSaved();
    document.discardJournal(); // a clean end leaves nothing to recover
    if (parser.isSet(QStringLiteral("json")))
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("strokes"), applied},
                                            {QStringLiteral("output"), output},
                                            {QStringLiteral("hand_edited_voxels"), qint64(document.segmentation().handEditedCount())}}));
    return Success;
}

int runRecover(const QStringList& arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(EditCommandsText::tr(
        "List the recovery journals left by sessions that did not end cleanly, or restore one onto its series."));
    parser.addOptions({
        {QStringLiteral("list"), EditCommandsText::tr("List the journals in the recovery folder.")},
        {QStringLiteral("journal-dir"), EditCommandsText::tr("Recovery folder (default: the app's)."), QStringLiteral("DIR")},
        {QStringLiteral("journal"), EditCommandsText::tr("The journal to restore."), QStringLiteral("FILE")},
        {QStringLiteral("reference"), EditCommandsText::tr("Its image series (DICOM folder/file or volume file)."), QStringLiteral("SERIES")},
        {QStringLiteral("series"), EditCommandsText::tr("Which series of SERIES (key or 1-based index)."), QStringLiteral("KEY")},
        {QStringLiteral("output"), EditCommandsText::tr("Label file to write the restored segmentation to."), QStringLiteral("OUT")},
        {QStringLiteral("json"), EditCommandsText::tr("Machine-readable output.")},
    });
    if (const auto stop = parseWithRequired(parser, arguments, {}))
        return *stop;
    const bool json = parser.isSet(QStringLiteral("json"));
    if (parser.isSet(QStringLiteral("list"))) {
        const QString folder = parser.isSet(QStringLiteral("journal-dir")) ? parser.value(QStringLiteral("journal-dir"))
                                                                           : RecoveryJournal::defaultFolder();
        QJsonArray list;
        for (const JournalListing& listing : listJournals(folder)) {
            list.append(QJsonObject{{QStringLiteral("journal"), listing.path},
                                    {QStringLiteral("series_hash"), listing.identity.seriesHash},
                                    {QStringLiteral("summary"), listing.identity.summary},
                                    {QStringLiteral("modified"), listing.modified.toString(Qt::ISODate)},
                                    {QStringLiteral("edits"), listing.edits}});
            if (!json)
                printLine(QStringLiteral("%1  %2  %3  %4").arg(listing.path, listing.identity.summary,
                                                               listing.modified.toString(Qt::ISODate),
                                                               EditCommandsText::tr("%1 edits").arg(listing.edits)));
        }
        if (json)
            printJson(QJsonDocument(list));
        return Success;
    }
    for (const char* name : {"journal", "reference", "output"})
        if (parser.value(QLatin1String(name)).isEmpty())
            return fail(CliText::tr("--%1 is required (see --help)").arg(QLatin1String(name)));
    const QString path = parser.value(QStringLiteral("journal"));
    const QString output = parser.value(QStringLiteral("output"));
    if (!isSegmentationFileName(output))
        return fail(EditCommandsText::tr("%1: unsupported label file type (use .nii.gz, .nii, .seg.nrrd, .nrrd or .mha)").arg(output));
    auto recovered = readJournal(path);
    if (!recovered)
        return fail(recovered.error().message);
    ConsoleJobControl control(true);
    auto series = loadOneSeries(parser.value(QStringLiteral("reference")), parser.value(QStringLiteral("series")), control);
    if (!series)
        return fail(series.error().message);
    auto hash = RecoveryJournal::seriesIdentityHash(QFileInfo(path).absolutePath(), series->info.key, series->volume.geometry());
    if (!hash)
        return fail(hash.error().message);
    if (*hash != recovered->identity.seriesHash)
        return fail(EditCommandsText::tr("%1: the journal belongs to another series than %2").arg(path, parser.value(QStringLiteral("reference"))));
    if (auto written = writeSegmentationFile(recovered->segmentation, output); !written)
        return fail(written.error().message);
    if (json) {
        QJsonArray edits;
        for (const auto& record : recovered->doneEdits)
            edits.append(record->description);
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("records"), recovered->recordsRead},
                                            {QStringLiteral("edits"), edits},
                                            {QStringLiteral("cut"), recovered->cut},
                                            {QStringLiteral("cut_offset"), recovered->cutOffset},
                                            {QStringLiteral("cut_reason"), recovered->cutReason},
                                            {QStringLiteral("output"), output}}));
    } else {
        printLine(EditCommandsText::tr("%1 records restored to %2").arg(recovered->recordsRead).arg(output));
        if (recovered->cut)
            printWarning(EditCommandsText::tr("%1 ends in an incomplete record at byte %2 (%3); every complete record before it was restored")
                             .arg(path)
                             .arg(recovered->cutOffset)
                             .arg(recovered->cutReason));
    }
    return Success;
}

} // namespace delineate::cli
