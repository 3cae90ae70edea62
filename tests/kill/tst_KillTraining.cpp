// Training on a store under SIGKILL: `delineate-cli train --store S` (checkpoints after every epoch, the best model
// written as it improves, a registry version at the end) and `models promote / rollback` are killed at least 50 times, at
// random moments and inside their writes (the kill harness). After every kill `store check` passes and the registry
// lists only complete versions; the next run resumes the interrupted one from its checkpoint; and every run that
// completes - however many kills and resumes it took - yields weights byte-identical to one uninterrupted run of
// the same options (one thread, float32).
#include "KillHarness.h"
#include "TestData.h"
#include "TrainingTestSupport.h"
#include "ml/ModelHeader.h"
#include "ml/ModelRegistry.h"

#include <QDir>
#include <QDirIterator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace delineate;

namespace {

QStringList trainArguments(const QString& store)
{
    return {QStringLiteral("train"), QStringLiteral("--store"), store, QStringLiteral("--width"), QStringLiteral("8"),
            QStringLiteral("--epochs"), QStringLiteral("5"), QStringLiteral("--steps-per-epoch"), QStringLiteral("2"),
            QStringLiteral("--batch"), QStringLiteral("2"), QStringLiteral("--patch"), QStringLiteral("64"),
            QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--precision"), QStringLiteral("float32"),
            QStringLiteral("--seed"), QStringLiteral("7"), QStringLiteral("--quiet")};
}



} // namespace

class TestKillTraining : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void trainingAndRegistrySurviveSigkill();
};

void TestKillTraining::trainingAndRegistrySurviveSigkill()
{
    DELINEATE_REQUIRE_DATA("isbi2012-membrane/train/label/29.png");
    QTemporaryDir dir;
    const QString store = dir.filePath(QStringLiteral("store"));
    const testing::CliRun import = testing::runCli(
        {QStringLiteral("store"), QStringLiteral("import"), QStringLiteral("--store"), store, QStringLiteral("--data"),
         testing::dataPath(QStringLiteral("isbi2012-membrane/train")), QStringLiteral("--train-range"), QStringLiteral("0-2"),
         QStringLiteral("--quiet")});
    QVERIFY2(import.exitCode == 0 && !import.crashed, import.err.constData());

    // No validation samples: the last epoch's weights are kept (not the best epoch's), so every step of the run shows
    // in the weights compared below. The reference: one uninterrupted run on a copy of the store.
    const QString referenceStore = dir.filePath(QStringLiteral("reference"));
    QVERIFY(testing::copyFolder(store, referenceStore));
    const testing::CliRun reference = testing::runCli(trainArguments(referenceStore));
    QVERIFY2(reference.exitCode == 0 && !reference.crashed, reference.err.constData());
    auto referenceRegistry = ml::ModelRegistry::open(referenceStore);
    QVERIFY(referenceRegistry.ok() && referenceRegistry->versions().size() == 1);
    const QByteArray expectedWeights = testing::modelWeights(referenceRegistry->modelPath(QStringLiteral("v1")));
    QVERIFY(expectedWeights.size() > 1000);

    int kills = 0, insideWrites = 0, resumes = 0, completedRuns = 0, completedAfterResume = 0, registryKills = 0;
    quint64 runs = 0;
    for (quint64 seed = 1; seed <= 100 && (kills < 50 || seed <= 50); ++seed, ++runs) {
        auto before = ml::ModelRegistry::open(store);
        QVERIFY2(before.ok(), qPrintable(before.error().message));
        QStringList arguments;
        bool resuming = false;
        const bool registryAction = seed % 5 == 0 && before->versions().size() >= 2;
        if (registryAction) {
            arguments = seed % 10 == 0 ? QStringList{QStringLiteral("models"), QStringLiteral("rollback"), QStringLiteral("--store"), store}
                                       : QStringList{QStringLiteral("models"), QStringLiteral("promote"), QStringLiteral("--store"), store,
                                                     QStringLiteral("--version"), before->versions().at(int(seed / 5) % before->versions().size()).version};
        } else {
            arguments = trainArguments(store);
            if (before->hasInterruptedRun()) {
                arguments << QStringLiteral("--resume");
                resuming = true;
                ++resumes;
            }
        }
        const bool targeted = seed % 2 == 0 || registryAction;
        // Some resumed runs are left to finish, so that completed runs include ones made of several processes.
        const bool spared = resuming && seed % 4 == 3;
        const testing::KillRun run = testing::runAndKill(testing::cliPath(), arguments, dir.filePath(QStringLiteral("phases.log")),
                                                         seed, targeted && !spared, registryAction ? 1 : 1 + int(seed % 6),
                                                         spared ? 1000000 : 4000, 20);
        qInfo("seed %llu: %s %s, %s (%s)", seed, qPrintable(arguments.at(0)), qPrintable(arguments.at(1)),
              run.killed ? "killed" : "finished", qPrintable(run.landedIn));
        kills += run.killed ? 1 : 0;
        insideWrites += run.killed && run.landedInsideAWrite() ? 1 : 0;
        registryKills += run.killed && registryAction ? 1 : 0;
        if (!run.killed && !registryAction) // a rollback with no earlier promotion is refused, rightly
            QVERIFY2(run.exitCode == 0, qPrintable(QStringLiteral("seed %1: exit %2").arg(seed).arg(run.exitCode)));

        const testing::CliRun check = testing::runCli({QStringLiteral("store"), QStringLiteral("check"), QStringLiteral("--store"), store});
        QVERIFY2(check.exitCode == 0 && !check.crashed, qPrintable(QStringLiteral("seed %1: %2").arg(seed).arg(QString::fromUtf8(check.err))));
        auto after = ml::ModelRegistry::open(store);
        QVERIFY2(after.ok(), qPrintable(after.error().message));
        QVERIFY2(after->versions().size() >= before->versions().size(), "a version was lost");
        QVERIFY2(after->versions().size() <= before->versions().size() + 1, "more than one version from one run");
        for (const ml::ModelVersion& version : after->versions()) {
            auto header = ml::readModelHeader(after->modelPath(version.version));
            QVERIFY2(header.ok(), qPrintable(QStringLiteral("seed %1: %2").arg(seed).arg(header.error().message)));
        }
        QVERIFY2(after->versions().isEmpty() || after->find(after->active()), "no active version, or an unknown one");
        if (after->versions().size() > before->versions().size()) {
            // A run completed: its weights are the uninterrupted run's, whatever happened before.
            ++completedRuns;
            completedAfterResume += resuming ? 1 : 0;
            QVERIFY2(testing::modelWeights(after->modelPath(after->versions().last().version)) == expectedWeights,
                     qPrintable(QStringLiteral("seed %1: the completed run's weights differ from the uninterrupted run's").arg(seed)));
            QVERIFY2(!after->hasInterruptedRun(), "a completed run left its checkpoint");
        }
        // Nothing of the killed writer is left behind in the registry.
        QVERIFY(QDir(QDir(store).filePath(QStringLiteral("models"))).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot)
                    .filter(QRegularExpression(QStringLiteral("^\\."))).isEmpty());
    }
    qInfo("%d kills in %llu runs, %d inside a write, %d of a registry update; %d resumes, %d completed runs (%d of them "
          "resumed)", kills, runs, insideWrites, registryKills, resumes, completedRuns, completedAfterResume);
    QVERIFY(kills >= 50);
    QVERIFY(insideWrites >= kills / 2);
    QVERIFY(registryKills >= 3);
    QVERIFY(resumes >= 5);
    QVERIFY(completedRuns >= 2);
    QVERIFY(completedAfterResume >= 2);
}

QTEST_GUILESS_MAIN(TestKillTraining)
#include "tst_KillTraining.moc"
