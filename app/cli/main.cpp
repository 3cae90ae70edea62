// delineate-cli: parses the subcommand and hands over to it. Exit 0 on success, 1 on bad input or usage.
#include "CliSupport.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QTranslator>

#include <exception>
#include <new>

namespace delineate::cli {
int runInfo(const QStringList& arguments);
int runConvert(const QStringList& arguments);
int runMakeSeries(const QStringList& arguments);
int runEdit(const QStringList& arguments);
int runRecover(const QStringList& arguments);
int runSegment(const QStringList& arguments);
int runTrain(const QStringList& arguments);
int runEvaluate(const QStringList& arguments);
int runSynthLabels(const QStringList& arguments);
int runModel(const QStringList& arguments);
int runStore(const QStringList& arguments);
int runModels(const QStringList& arguments);
} // namespace delineate::cli

namespace {

struct Command
{
    const char* name;
    int (*run)(const QStringList&);
    const char* summary;
};

const Command kCommands[] = {
    {"info", delineate::cli::runInfo, QT_TRANSLATE_NOOP("DelineateCli", "PATH [--json]  describe every series of a DICOM folder/file or a volume file")},
    {"convert", delineate::cli::runConvert, QT_TRANSLATE_NOOP("DelineateCli", "INPUT OUTPUT [--reference SERIES]  write a series, volume, label map (onto SERIES' grid) or DICOM SEG as NIfTI, NRRD, MHA or DICOM SEG (.dcm)")},
    {"edit", delineate::cli::runEdit, QT_TRANSLATE_NOOP("DelineateCli", "--reference SERIES --strokes FILE --output MASK  apply brush strokes, journalled")},
    {"recover", delineate::cli::runRecover, QT_TRANSLATE_NOOP("DelineateCli", "--list | --journal J --reference SERIES --output MASK  restore unsaved edits")},
    {"make-series", delineate::cli::runMakeSeries, QT_TRANSLATE_NOOP("DelineateCli", "VOLUME FOLDER  write a volume as a DICOM series (test data)")},
    {"segment", delineate::cli::runSegment, QT_TRANSLATE_NOOP("DelineateCli", "--model M --input IN --output OUT  run a U-Net model")},
    {"train", delineate::cli::runTrain, QT_TRANSLATE_NOOP("DelineateCli", "--data DIR | --store S --output MODEL [--from MODEL]  train or fine-tune a U-Net")},
    {"model", delineate::cli::runModel, QT_TRANSLATE_NOOP("DelineateCli", "MODEL [--json] [--set-modality M ...]  show or edit a model's header")},
    {"evaluate", delineate::cli::runEvaluate, QT_TRANSLATE_NOOP("DelineateCli", "--prediction P --reference R [--json]  Dice, IoU, HD95, surface distance, pixel error")},
    {"synth-labels", delineate::cli::runSynthLabels, QT_TRANSLATE_NOOP("DelineateCli", "--image I --mask M [--atlas A] --output LABELS  the label map for train --synth-labels")},
    {"models", delineate::cli::runModels, QT_TRANSLATE_NOOP("DelineateCli", "ACTION --store S ...  a store's model versions: list, compare, promote, rollback")},
    {"store", delineate::cli::runStore, QT_TRANSLATE_NOOP("DelineateCli", "ACTION --store S ...  the training-sample store: add, list, import, check, set-split, remove, export-dataset")},
};

int usage()
{
    using delineate::cli::CliText;
    QString text = CliText::tr("usage: delineate-cli COMMAND [ARGS]") + QStringLiteral("\n\n") +
                   CliText::tr("commands:") + QLatin1Char('\n');
    for (const Command& command : kCommands)
        text += QStringLiteral("  %1 %2\n").arg(QLatin1String(command.name),
                                                  QCoreApplication::translate("DelineateCli", command.summary));
    text += QLatin1Char('\n') + CliText::tr("'delineate-cli COMMAND --help' describes one command.");
    return delineate::cli::fail(text);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("delineate-cli"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DELINEATE_VERSION));
    QTranslator translator;
    if (translator.load(QLocale(), QStringLiteral("delineate"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(&translator);
    delineate::cli::installCancelOnInterrupt();

    QStringList arguments = QCoreApplication::arguments();
    if (arguments.size() < 2)
        return usage();
    const QString name = arguments.at(1);
    if (name == QLatin1String("--version")) {
        delineate::cli::printLine(delineate::cli::CliText::tr("delineate-cli %1").arg(QCoreApplication::applicationVersion()));
        return 0;
    }
    for (const Command& command : kCommands) {
        if (name == QLatin1String(command.name)) {
            arguments.removeAt(1); // the command's parser sees "delineate-cli ARGS..."
            // For tests: DELINEATE_REPORT_MAPS=FILE saves the process's memory map at the end (which libraries a
            // command mapped: info and convert must never map LibTorch).
            struct MapsReport
            {
                ~MapsReport()
                {
                    const QString target = qEnvironmentVariable("DELINEATE_REPORT_MAPS");
                    if (target.isEmpty())
                        return;
                    QFile maps(QStringLiteral("/proc/self/maps")), out(target);
                    if (maps.open(QIODevice::ReadOnly) && out.open(QIODevice::WriteOnly))
                        out.write(maps.readAll());
                }
            } report;
            try {
                return command.run(arguments);
            } catch (const std::bad_alloc&) {
                return delineate::cli::fail(delineate::cli::CliText::tr("out of memory"));
            } catch (const std::exception& e) {
                return delineate::cli::fail(QString::fromLocal8Bit(e.what()));
            }
        }
    }
    if (name != QLatin1String("--help") && name != QLatin1String("-h"))
        delineate::cli::fail(delineate::cli::CliText::tr("unknown command '%1'").arg(name));
    return usage();
}
