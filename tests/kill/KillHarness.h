// A reusable kill harness: runs a Delineate program with the phase log on (DELINEATE_PHASE_LOG) and a stretched
// middle of every write (DELINEATE_TEST_WRITE_DELAY_MS), and SIGKILLs it either at a random moment or as soon as
// it is inside the n-th write ("*-begin" logged, its "*-end" not yet). What it logged tells the test which edits
// and saves completed before the kill, and where the kill landed. Seeds make every run reproducible.
#pragma once

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRandomGenerator>
#include <QStringList>
#include <QThread>

#include <csignal>
#include <sys/types.h>

namespace delineate::testing {

struct KillRun
{
    quint64 seed = 0;
    bool targeted = false;   // aimed at a write in progress rather than at a random time
    bool killed = false;     // false when the program ended first
    int exitCode = 0;        // when not killed
    QStringList phases;      // the phase log, one entry per line
    QString landedIn;        // "journal record", "temp file", "journal rebase" or "between writes"

    int count(const QString& phase) const
    {
        int n = 0;
        for (const QString& line : phases)
            if (line == phase || line.startsWith(phase + QLatin1Char(' ')))
                ++n;
        return n;
    }
    bool landedInsideAWrite() const { return landedIn != QLatin1String("between writes"); }
};

inline QString landingPlace(const QStringList& phases)
{
    if (phases.isEmpty())
        return QStringLiteral("between writes");
    const QString last = phases.constLast();
    if (last.startsWith(QLatin1String("journal-begin")))
        return QStringLiteral("journal record");
    if (last.startsWith(QLatin1String("journal-rebase-begin")))
        return QStringLiteral("journal rebase");
    if (last.startsWith(QLatin1String("temp-begin")))
        return QStringLiteral("temp file");
    return QStringLiteral("between writes");
}

inline QStringList readPhaseLog(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines;
}

// Runs `program arguments` and kills it. Targeted runs kill inside the `targetWrite`-th write (1-based, counting
// every "*-begin" line); untargeted runs kill after a random delay in [maxMs / 8, maxMs) ms.
inline KillRun runAndKill(const QString& program, const QStringList& arguments, const QString& phaseLog, quint64 seed,
                          bool targeted, int targetWrite, int maxMs, int writeDelayMs)
{
    KillRun run;
    run.seed = seed;
    run.targeted = targeted;
    QFile::remove(phaseLog);
    QProcess process;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("DELINEATE_PHASE_LOG"), phaseLog);
    environment.insert(QStringLiteral("DELINEATE_TEST_WRITE_DELAY_MS"), QString::number(writeDelayMs));
    process.setProcessEnvironment(environment);
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start(program, arguments);
    if (!process.waitForStarted(10000))
        return run;
    QRandomGenerator random(seed);
    const qint64 deadline = targeted ? 60000 : random.bounded(qint64(maxMs) / 8, qint64(maxMs));
    QElapsedTimer clock;
    clock.start();
    bool fire = false;
    while (process.state() == QProcess::Running && !fire) {
        if (targeted) {
            const QStringList lines = readPhaseLog(phaseLog);
            int begins = 0;
            for (const QString& line : lines)
                if (line.section(QLatin1Char(' '), 0, 0).endsWith(QLatin1String("-begin")))
                    ++begins;
            fire = begins >= targetWrite && landingPlace(lines) != QLatin1String("between writes");
        }
        fire = fire || clock.elapsed() >= deadline;
        if (!fire) {
            process.waitForFinished(0);
            QThread::usleep(500);
        }
    }
    if (process.state() == QProcess::Running) {
        ::kill(pid_t(process.processId()), SIGKILL);
        process.waitForFinished(10000);
        run.killed = true;
    } else {
        run.exitCode = process.exitCode();
    }
    run.phases = readPhaseLog(phaseLog);
    run.landedIn = run.killed ? landingPlace(run.phases) : QStringLiteral("between writes");
    return run;
}

} // namespace delineate::testing
