// delineate: the desktop viewer. Restarts itself once for passive OpenMP waiting, parses `delineate [PATH]`, installs
// translations, builds the main window, starts.
#include "AppSettings.h"
#include "LanguageSetup.h"
#include "widgets/AiPanel.h"
#include "widgets/MainWindow.h"
#include "widgets/ViewerPanel.h"

#include "StartupReport.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTimer>

#include <cstdio>
#include <cstdlib>

#include <unistd.h>

namespace {

// OpenMP threads that wait for work should sleep, not spin, or the engine's idle threads take the cores the window
// needs. libgomp reads OMP_WAIT_POLICY once, when it is loaded, and it is loaded before main() (Qt6Core -> libb2 ->
// libgomp): setting the variable now is too late for this process. So when it is unset, set it and start this
// program again in the same process (same pid and arguments). The marker keeps that to one restart even if the
// variable did not stick.
void restartWithPassiveOpenMpWaiting(char* argv[])
{
    constexpr const char* kMarker = "DELINEATE_RESTARTED_FOR_OPENMP";
    const bool restarted = std::getenv(kMarker) != nullptr;
    ::unsetenv(kMarker); // not inherited by the processes the viewer starts
    if (restarted || std::getenv("OMP_WAIT_POLICY"))
        return;
    if (::setenv("OMP_WAIT_POLICY", "PASSIVE", 1) != 0 || ::setenv(kMarker, "1", 1) != 0)
        return;
    ::execv("/proc/self/exe", argv);
    // No /proc: go on with spinning OpenMP threads rather than not at all.
    ::unsetenv(kMarker);
    std::fputs("delineate: could not restart with OMP_WAIT_POLICY=PASSIVE; idle engine threads will spin\n", stderr);
}

} // namespace

int main(int argc, char* argv[])
{
    restartWithPassiveOpenMpWaiting(argv);
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Delineate"));
    QApplication::setApplicationName(QStringLiteral("Delineate"));
    QApplication::setApplicationVersion(QStringLiteral(DELINEATE_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Delineate: medical image segmentation"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("PATH"), QStringLiteral("DICOM folder or file, or a volume file"));
    // Hidden options for documentation screenshots and scripted checks.
    QCommandLineOption screenshot(QStringLiteral("screenshot"), QStringLiteral("Save a grab of the window and quit."),
                                  QStringLiteral("FILE"));
    QCommandLineOption language(QStringLiteral("language"), QStringLiteral("system, en or zh_CN (this run only)."),
                                QStringLiteral("LANGUAGE"));
    QCommandLineOption preset(QStringLiteral("window"), QStringLiteral("Window preset key (auto, brain, lung, ...)."),
                              QStringLiteral("PRESET"));
    QCommandLineOption layout(QStringLiteral("layout"), QStringLiteral("1x3 or 2x2 (this run only)."),
                              QStringLiteral("LAYOUT"));
    QCommandLineOption model(QStringLiteral("model"), QStringLiteral("Model to select in the AI panel (.dlm or .pt)."),
                             QStringLiteral("MODEL"));
    parser.addOption(model);
    // For bench/ai: once the first image is on screen, print start-up time, memory and whether LibTorch is mapped.
    QCommandLineOption reportStartup(QStringLiteral("report-startup"),
                                     QStringLiteral("Print start-up figures as JSON when the first image is shown, then quit."));
    reportStartup.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOption(reportStartup);
    for (QCommandLineOption* option : {&screenshot, &language, &preset, &layout}) {
        option->setFlags(QCommandLineOption::HiddenFromHelp);
        parser.addOption(*option);
    }
    parser.process(app);

    delineate::installTranslations(parser.isSet(language) ? parser.value(language) : delineate::AppSettings::language());

    delineate::MainWindow window;
    if (parser.isSet(layout))
        window.viewerPanel()->setLayoutMode(delineate::ViewerPanel::layoutFromKey(parser.value(layout)));
    if (parser.isSet(preset))
        window.setInitialPreset(parser.value(preset));
    if (parser.isSet(model)) {
        window.aiPanel()->chooseModel(parser.value(model)); // reads the header only: no engine yet
        window.aiPanel()->raise();                          // its tab in front: view, segment, correct
    }
    if (parser.isSet(screenshot)) {
        window.saveScreenshotWhenLoaded(parser.value(screenshot));
        QObject::connect(&window, &delineate::MainWindow::screenshotSaved, &app,
                         [](bool ok) { QCoreApplication::exit(ok ? 0 : 1); });
    }
    if (parser.isSet(reportStartup)) {
        QObject::connect(&window, &delineate::MainWindow::imageShown, &app, [&app]() {
            // Let the first paint happen, then report.
            QTimer::singleShot(0, &app, []() {
                std::fputs(qPrintable(delineate::startupReport() + QLatin1Char('\n')), stdout);
                std::fflush(stdout);
                QCoreApplication::exit(0);
            });
        });
    }
    window.show();
    if (!parser.positionalArguments().isEmpty())
        window.openPath(parser.positionalArguments().constFirst());
    return app.exec();
}
