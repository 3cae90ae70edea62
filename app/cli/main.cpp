// delineate-cli: parses the subcommand and hands over to it. Exit 0 on success, 1 on bad input or usage.
#include "CliSupport.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTranslator>

#include <exception>
#include <new>

namespace delineate::cli {
int runInfo(const QStringList& arguments);
int runConvert(const QStringList& arguments);
int runMakeSeries(const QStringList& arguments);
#ifdef DELINEATE_HAVE_ML
int runSegment(const QStringList& arguments);
int runTrain(const QStringList& arguments);
int runEvaluate(const QStringList& arguments);
#endif
} // namespace delineate::cli

namespace {

struct Command
{
    const char* name;
    int (*run)(const QStringList&);
    const char* summary;
};

const Command kCommands[] = {
    {"info", delineate::cli::runInfo, "PATH [--json]  describe every series of a DICOM folder/file or a volume file"},
    {"convert", delineate::cli::runConvert, "INPUT OUTPUT  write a DICOM series or volume file as NIfTI, NRRD or MHA"},
    {"make-series", delineate::cli::runMakeSeries, "VOLUME FOLDER  write a volume as a DICOM series (test data)"},
#ifdef DELINEATE_HAVE_ML
    {"segment", delineate::cli::runSegment, "--model M --input IN --output OUT  run a U-Net model"},
    {"train", delineate::cli::runTrain, "--data DIR --output MODEL  train a U-Net"},
    {"evaluate", delineate::cli::runEvaluate, "--prediction P --reference R [--json]  Dice, IoU, pixel error"},
#endif
};

int usage()
{
    QString text = QStringLiteral("usage: delineate-cli COMMAND [ARGS]\n\ncommands:\n");
    for (const Command& command : kCommands)
        text += QStringLiteral("  %1 %2\n").arg(QLatin1String(command.name), QLatin1String(command.summary));
    text += QStringLiteral("\n'delineate-cli COMMAND --help' describes one command.");
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
        delineate::cli::printLine(QStringLiteral("delineate-cli %1").arg(QCoreApplication::applicationVersion()));
        return 0;
    }
    for (const Command& command : kCommands) {
        if (name == QLatin1String(command.name)) {
            arguments.removeAt(1); // the command's parser sees "delineate-cli ARGS..."
            try {
                return command.run(arguments);
            } catch (const std::bad_alloc&) {
                return delineate::cli::fail(QStringLiteral("out of memory"));
            } catch (const std::exception& e) {
                return delineate::cli::fail(QString::fromLocal8Bit(e.what()));
            }
        }
    }
    if (name != QLatin1String("--help") && name != QLatin1String("-h"))
        delineate::cli::fail(QStringLiteral("unknown command '%1'").arg(name));
    return usage();
}
