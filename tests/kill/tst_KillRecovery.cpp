// Kill test of the edit journal and the atomic saves: delineate-cli edit applies 20 random brush strokes to dcmqi's
// CT, saving every 5, and is SIGKILLed at random moments and inside writes (at least 50 kills, seeds and landing
// places logged, at least half inside a journal record, a temporary file or a journal rebase). After each kill,
// `delineate-cli recover` must restore every completed edit (the state after c strokes, with c between the strokes
// whose journal record was synced and those whose record was begun), and the saved mask must be exactly the last
// finished save or the save in progress, never a torn file or an older save. The expected states are replayed here,
// in process, from the same stroke file.
#include "TestData.h"
#include "kill/KillHarness.h"

#include "edit/SegmentationDocument.h"
#include "edit/StrokeScript.h"
#include "io/ImageSource.h"
#include "io/SegmentationIO.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>

#include <vector>

using namespace delineate;

namespace {

constexpr int kStrokes = 20;
constexpr int kSaveEvery = 5;
constexpr int kKillsWanted = 50;

QByteArray randomStrokes(quint64 seed, const ImageGeometry& g)
{
    QRandomGenerator random(seed);
    QByteArray text;
    for (int n = 0; n < kStrokes; ++n) {
        const int label = 1 + int(random.bounded(3));
        const double radius = 2.0 + random.bounded(5.0);
        const bool sphere = random.bounded(2) == 1;
        const int points = 2 + int(random.bounded(3));
        QByteArray list;
        for (int p = 0; p < points; ++p) {
            if (p)
                list += ", ";
            list += QStringLiteral("[%1, %2, %3]")
                        .arg(40 + random.bounded(int(g.size()[0]) - 80))
                        .arg(40 + random.bounded(int(g.size()[1]) - 80))
                        .arg(random.bounded(int(g.size()[2])))
                        .toUtf8();
        }
        text += QStringLiteral("{\"label\": %1, \"radius\": %2, \"shape\": \"%3\", \"points\": [%4]}\n")
                    .arg(label)
                    .arg(radius, 0, 'f', 2)
                    .arg(sphere ? QStringLiteral("sphere") : QStringLiteral("disk"))
                    .arg(QString::fromUtf8(list))
                    .toUtf8();
    }
    return text;
}

bool sameLayers(const std::vector<LabelLayer>& layers, const Segmentation& s)
{
    return layers.size() == 1 && s.layerCount() == 1 && layers.front() == s.layer(0);
}

} // namespace

class TestKillRecovery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyCompletedEditSurvivesSigkill();
};

void TestKillRecovery::everyCompletedEditSurvivesSigkill()
{
    DELINEATE_REQUIRE_DATA("dcmqi-seg/ct-3slice");
    const QString cli = testing::cliPath();
    QVERIFY2(QFileInfo::exists(cli), "DELINEATE_CLI must name delineate-cli");
    const QString series = testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice"));
    SimpleJobControl control;
    auto ct = loadOneSeries(series, QString(), control);
    QVERIFY(ct.ok());
    const ImageGeometry grid = ct->volume.geometry();

    int kills = 0, inside = 0, attempts = 0, cuts = 0;
    QMap<QString, int> landings;
    for (quint64 seed = 1; kills < kKillsWanted && attempts < 2 * kKillsWanted; ++seed, ++attempts) {
        QTemporaryDir work;
        QVERIFY(work.isValid());
        const QString strokesPath = work.filePath(QStringLiteral("strokes.jsonl"));
        const QByteArray strokeText = randomStrokes(seed, grid);
        QFile strokesFile(strokesPath);
        QVERIFY(strokesFile.open(QIODevice::WriteOnly));
        strokesFile.write(strokeText);
        strokesFile.close();
        const QString output = work.filePath(QStringLiteral("mask.nii.gz"));
        const QString journals = work.filePath(QStringLiteral("recovery"));

        // Odd seeds aim at a write in progress (a journal record, a temporary file or a rebase); even seeds kill at
        // a random time within the run (about 1.3 s).
        const bool targeted = seed % 2 == 1;
        QRandomGenerator pick(seed * 7919);
        const int targetWrite = 1 + int(pick.bounded(kStrokes + 2 * (kStrokes / kSaveEvery)));
        const testing::KillRun run = testing::runAndKill(
            cli,
            {QStringLiteral("edit"), QStringLiteral("--reference"), series, QStringLiteral("--strokes"), strokesPath,
             QStringLiteral("--output"), output, QStringLiteral("--save-every"), QString::number(kSaveEvery),
             QStringLiteral("--journal-dir"), journals},
            work.filePath(QStringLiteral("phases.log")), seed, targeted, targetWrite, 1600, 10);
        if (!run.killed) {
            QCOMPARE(run.exitCode, 0);
            continue;
        }
        ++kills;
        inside += run.landedInsideAWrite() ? 1 : 0;
        ++landings[run.landedIn];

        // Replay the strokes here: states[c] is the segmentation after c strokes.
        auto strokes = parseStrokes(strokeText, strokesPath);
        QVERIFY(strokes.ok());
        SegmentationDocument replay{Segmentation(grid)};
        std::vector<Segmentation> states{replay.segmentation()};
        for (const Stroke& stroke : *strokes) {
            QVERIFY(applyStroke(replay, stroke).ok());
            states.push_back(replay.segmentation());
        }
        const int completed = run.count(QStringLiteral("journal-end"));
        const int begun = run.count(QStringLiteral("journal-begin"));
        const int savesDone = run.count(QStringLiteral("temp-end ") + output);
        const int savesBegun = run.count(QStringLiteral("temp-begin ") + output);

        // Recovery restores every completed edit.
        const QStringList left = QDir(journals).entryList({QStringLiteral("*.djournal")}, QDir::Files);
        int restored = -1;
        bool cut = false;
        if (left.isEmpty()) {
            // Only before the journal existed (nothing done yet) or after the clean end discarded it.
            QVERIFY2(completed == 0 || completed == kStrokes, qPrintable(QStringLiteral("seed %1: no journal after %2 edits").arg(seed).arg(completed)));
            restored = completed;
        } else {
            QCOMPARE(left.size(), 1);
            const QString recovered = work.filePath(QStringLiteral("recovered.nii.gz"));
            const testing::CliRun recover = testing::runCli({QStringLiteral("recover"), QStringLiteral("--journal"),
                                                             QDir(journals).filePath(left.first()), QStringLiteral("--reference"),
                                                             series, QStringLiteral("--output"), recovered, QStringLiteral("--json")});
            QVERIFY2(!recover.crashed && recover.exitCode == 0, recover.err.constData());
            const QJsonObject summary = QJsonDocument::fromJson(recover.out).object();
            cut = summary.value(QStringLiteral("cut")).toBool();
            cuts += cut ? 1 : 0;
            auto file = readSegmentationFile(recovered);
            QVERIFY(file.ok());
            for (int c = completed; c <= std::min(begun, kStrokes); ++c)
                if (sameLayers(file->layers, states[std::size_t(c)]))
                    restored = c;
            QVERIFY2(restored >= 0, qPrintable(QStringLiteral("seed %1: the recovered mask is not the state after %2..%3 strokes")
                                                   .arg(seed).arg(completed).arg(begun)));
        }

        // The saved mask is the last finished save (save n holds the first n * kSaveEvery strokes), or the save in
        // progress when the kill came after its rename but before its end was logged; absent before any save.
        if (QFileInfo::exists(output)) {
            auto saved = readSegmentationFile(output);
            QVERIFY2(saved.ok(), qPrintable(QStringLiteral("seed %1: torn save: %2").arg(seed).arg(saved.error().message)));
            const bool lastFinished = savesDone > 0 && sameLayers(saved->layers, states[std::size_t(savesDone * kSaveEvery)]);
            const bool inProgress = savesBegun > savesDone
                                    && sameLayers(saved->layers, states[std::size_t(savesBegun * kSaveEvery)]);
            QVERIFY2(lastFinished || inProgress,
                     qPrintable(QStringLiteral("seed %1: the saved mask is neither save %2 (finished) nor save %3 (begun)")
                                    .arg(seed).arg(savesDone).arg(savesBegun)));
        } else {
            QCOMPARE(savesDone, 0);
        }
        qInfo("seed %llu: %s kill in %s, %d edits synced, %d begun, %d saves, recovered %d%s", seed,
              run.targeted ? "targeted" : "random", qPrintable(run.landedIn), completed, begun, savesDone, restored,
              cut ? " (journal cut mid-record, reported)" : "");
    }
    qInfo("%d kills in %d runs; %d inside a write; %d journals cut mid-record", kills, attempts, inside, cuts);
    for (auto it = landings.begin(); it != landings.end(); ++it)
        qInfo("  landed in %s: %d", qPrintable(it.key()), it.value());
    QVERIFY(kills >= kKillsWanted);
    QVERIFY2(inside * 2 >= kills, qPrintable(QStringLiteral("only %1 of %2 kills inside a write").arg(inside).arg(kills)));
    QVERIFY(cuts > 0); // some kills cut a record in half, and recovery coped
}

QTEST_GUILESS_MAIN(TestKillRecovery)
#include "tst_KillRecovery.moc"
