// Where tests find real data: DELINEATE_DATA (environment, then the CMake default), and Debian-packaged files.
#pragma once

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QTest>

namespace delineate::testing {

inline QString dataRoot()
{
    const auto env = QProcessEnvironment::systemEnvironment();
    QString root = env.value(QStringLiteral("DELINEATE_DATA"));
    if (root.isEmpty())
        root = env.value(QStringLiteral("DELINEATE_DATA_DEFAULT"));
    return QDir::cleanPath(root);
}

inline bool runningInCi()
{
    return QProcessEnvironment::systemEnvironment().value(QStringLiteral("CI")) == QLatin1String("true");
}

inline QString dataPath(const QString& relative)
{
    return QDir(dataRoot()).filePath(relative);
}

inline QString cliPath()
{
    return QProcessEnvironment::systemEnvironment().value(QStringLiteral("DELINEATE_CLI"));
}

// One run of delineate-cli: exit code, whether it died by a signal, and its output.
struct CliRun
{
    int exitCode = -1;
    bool crashed = true;
    QByteArray out, err;
};

inline CliRun runCli(const QStringList& arguments, int timeoutMs = 300000)
{
    QProcess process;
    process.start(cliPath(), arguments);
    CliRun run;
    if (!process.waitForFinished(timeoutMs))
        return run;
    run.crashed = process.exitStatus() != QProcess::NormalExit;
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

} // namespace delineate::testing

// Skips (or, with CI=true, fails) the current test when a DELINEATE_DATA item is missing.
#define DELINEATE_REQUIRE_DATA(relative)                                                                      \
    do {                                                                                                      \
        const QString delineateNeeded = delineate::testing::dataPath(relative);                               \
        if (!QFileInfo::exists(delineateNeeded)) {                                                            \
            const QString delineateWhy = QStringLiteral("test data %1 not found; set DELINEATE_DATA to the "  \
                                                        "shared data folder").arg(delineateNeeded);           \
            if (delineate::testing::runningInCi())                                                            \
                QFAIL(qPrintable(delineateWhy));                                                              \
            QSKIP(qPrintable(delineateWhy));                                                                  \
        }                                                                                                     \
    } while (false)

// Debian-packaged data is installed by scripts/test, so its absence is always a failure.
#define DELINEATE_REQUIRE_PACKAGED(path)                                                                      \
    do {                                                                                                      \
        if (!QFileInfo::exists(path))                                                                         \
            QFAIL(qPrintable(QStringLiteral("%1 not found: install the Debian package that provides it "      \
                                            "(scripts/test does)").arg(path)));                               \
    } while (false)
