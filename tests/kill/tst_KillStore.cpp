// The training store under SIGKILL: `delineate-cli store import` killed 50 times, at random moments and inside its
// writes (the kill harness). Afterwards `store check` passes (leftovers of the killed writer are removed), and every
// sample the store lists is complete: its image and mask are one of the imported pairs, byte for byte.
#include "KillHarness.h"
#include "TestData.h"
#include "ml/TrainingData.h"
#include "ml/TrainingStore.h"

#include <QDir>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace delineate;

class TestKillStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void importSurvivesSigkill();
};

void TestKillStore::importSurvivesSigkill()
{
    DELINEATE_REQUIRE_DATA("isbi2012-membrane/train/label/29.png");
    const QString data = testing::dataPath(QStringLiteral("isbi2012-membrane/train"));
    SimpleJobControl control;
    auto pairs = ml::loadTrainingPairs(data, {0, 1, 2, 3, 24, 25}, false, control);
    QVERIFY(pairs.ok());
    QTemporaryDir dir;
    int kills = 0, insideWrites = 0, storesChecked = 0, samplesChecked = 0;
    for (quint64 seed = 1; seed <= 50; ++seed) {
        const QString store = dir.filePath(QStringLiteral("store-%1").arg(seed));
        const bool targeted = seed % 2 == 0;
        const testing::KillRun run = testing::runAndKill(
            testing::cliPath(),
            {QStringLiteral("store"), QStringLiteral("import"), QStringLiteral("--store"), store, QStringLiteral("--data"), data,
             QStringLiteral("--train-range"), QStringLiteral("0-3"), QStringLiteral("--val-range"), QStringLiteral("24-25"),
             QStringLiteral("--quiet")},
            dir.filePath(QStringLiteral("phases.log")), seed, targeted, 1 + int(seed % 19), 900, 15);
        qInfo("seed %llu: %s, %s", seed, run.killed ? "killed" : "finished", qPrintable(run.landedIn));
        kills += run.killed ? 1 : 0;
        insideWrites += run.killed && run.landedInsideAWrite() ? 1 : 0;
        if (!QFileInfo::exists(QDir(store).filePath(QStringLiteral("store.json"))))
            continue; // killed before the store existed: nothing to check
        const testing::CliRun check = testing::runCli({QStringLiteral("store"), QStringLiteral("check"), QStringLiteral("--store"), store});
        QVERIFY2(check.exitCode == 0 && !check.crashed, qPrintable(QStringLiteral("seed %1: %2").arg(seed).arg(QString::fromUtf8(check.err))));
        ++storesChecked;
        auto opened = TrainingStore::open(store, false);
        QVERIFY2(opened.ok(), qPrintable(opened.error().message));
        for (const SampleRecord& sample : opened->samples()) {
            auto stored = opened->load(sample);
            QVERIFY2(stored.ok(), qPrintable(stored.error().message));
            bool matches = false;
            for (const ml::TrainingPair& pair : *pairs)
                matches = matches ||
                          (pair.labels.voxelCount() == stored->second.voxelCount() &&
                           std::equal(pair.labels.data(), pair.labels.data() + pair.labels.voxelCount(), stored->second.data()) &&
                           pair.image.voxelCount() == stored->first.voxelCount());
            QVERIFY2(matches, qPrintable(QStringLiteral("seed %1: sample %2 is none of the imported pairs").arg(seed).arg(sample.id)));
            ++samplesChecked;
        }
        // Nothing of the killed writer is left behind.
        QVERIFY(QDir(QDir(store).filePath(QStringLiteral("samples"))).entryList(QDir::Dirs | QDir::Hidden | QDir::NoDotAndDotDot)
                    .filter(QRegularExpression(QStringLiteral("^\\."))).isEmpty());
    }
    qInfo("%d kills in 50 runs, %d inside a write; %d stores checked, %d samples verified", kills, insideWrites, storesChecked,
          samplesChecked);
    QVERIFY(kills >= 40);
    QVERIFY(insideWrites >= 20);
    QVERIFY(samplesChecked > 0);
}

QTEST_GUILESS_MAIN(TestKillStore)
#include "tst_KillStore.moc"
