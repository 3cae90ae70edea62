// The recovery journal: every committed edit, undo and redo comes back after the process is gone; a journal cut in
// the middle of a record restores every complete record and says where it was cut; files are private and carry
// no series identifier; a live session's journal is not offered for recovery.
#include "TestData.h"

#include "edit/Brush.h"
#include "edit/LabelEdits.h"
#include "edit/RecoveryJournal.h"
#include "edit/SegmentationDocument.h"
#include "io/VolumeIO.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace delineate;

namespace {

const QString kColin = QStringLiteral("/usr/share/mricron/templates/ch2.nii.gz");
const QString kSeriesKey = QStringLiteral("1.2.826.0.1.3680043.8.498.12345678901234567890");

BrushSettings sphere(uint16_t label, double radius = 4.0)
{
    BrushSettings s;
    s.radius = radius;
    s.shape = BrushShape::Sphere;
    s.label = label;
    return s;
}

void stroke(SegmentationDocument& document, const BrushSettings& s, const Vector3& from, const Vector3& to)
{
    document.beginEdit(EditKind::Manual, QString());
    paintDab(document, s, from);
    const int dabs = 1 + paintLine(document, s, from, to);
    QVERIFY(document.commitEdit(brushDescription(document.labels(), s, dabs)).ok());
}

} // namespace

class TestRecoveryJournal : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void everyCommittedEditComesBack();
    void cutRecordRestoresEveryCompleteOne_data();
    void cutRecordRestoresEveryCompleteOne();
    void damagedChecksumStopsThere();
    void rebaseAfterSaveStartsFromTheSavedState();
    void filesArePrivateAndAnonymous();
    void liveJournalIsNotListed();
    void restoredEditsCanBeUndone();
    void amendedStepIsOneUndoAndReplays();
    void reviewedSlicesAreUndoableAndJournalled();

private:
    ImageGeometry m_grid;
    QTemporaryDir m_folder;
};

void TestRecoveryJournal::initTestCase()
{
    DELINEATE_REQUIRE_PACKAGED(kColin);
    auto colin = readVolume(kColin);
    QVERIFY(colin.ok());
    m_grid = colin->geometry();
    QVERIFY(m_folder.isValid());
}

void TestRecoveryJournal::everyCommittedEditComesBack()
{
    const QString folder = m_folder.filePath(QStringLiteral("all"));
    auto hash = RecoveryJournal::seriesIdentityHash(folder, kSeriesKey, m_grid);
    QVERIFY(hash.ok());
    SegmentationDocument document{Segmentation(m_grid)};
    auto journal = RecoveryJournal::create(folder, {*hash, QStringLiteral("MR, 181 x 217 x 181")}, document.segmentation());
    QVERIFY2(journal.ok(), qPrintable(journal.error().message));
    const QString path = (*journal)->path();
    document.attachJournal(std::move(journal).value());

    stroke(document, sphere(1), {40, 40, 40}, {60, 50, 45});
    stroke(document, sphere(2), {100, 100, 100}, {110, 120, 90});
    LabelTable table = document.labels();
    LabelEntry liver = *table.find(2);
    liver.name = QStringLiteral("Liver");
    liver.colour = 0x123456;
    table.set(liver);
    QVERIFY(document.setLabelTable(table, QStringLiteral("Rename")).ok());
    stroke(document, sphere(3), {70, 150, 60}, {90, 150, 60});
    QVERIFY(document.undo());
    QVERIFY(document.undo());
    QVERIFY(document.redo());
    BrushSettings erase = sphere(1, 3.0);
    erase.erase = true;
    stroke(document, erase, {45, 42, 41}, {55, 48, 44});

    auto recovered = readJournal(path);
    QVERIFY2(recovered.ok(), qPrintable(recovered.error().message));
    QVERIFY(!recovered->cut);
    QCOMPARE(recovered->recordsRead, 8); // 5 edits, 2 undos, 1 redo
    QCOMPARE(recovered->identity.seriesHash, *hash);
    QVERIFY(recovered->segmentation == document.segmentation());
    QCOMPARE(recovered->segmentation.labels().find(2)->name, QStringLiteral("Liver"));
    QCOMPARE(int(recovered->doneEdits.size()), document.history().position());
}

void TestRecoveryJournal::cutRecordRestoresEveryCompleteOne_data()
{
    QTest::addColumn<int>("bytesKept"); // of the last record; -1 = its whole frame header only
    QTest::newRow("header only") << 10;
    QTest::newRow("frame without payload") << 20;
    QTest::newRow("half a record") << -2;
    QTest::newRow("all but the last byte") << -1;
}

void TestRecoveryJournal::cutRecordRestoresEveryCompleteOne()
{
    QFETCH(int, bytesKept);
    const QString folder = m_folder.filePath(QStringLiteral("cut"));
    auto hash = RecoveryJournal::seriesIdentityHash(folder, kSeriesKey, m_grid);
    QVERIFY(hash.ok());
    SegmentationDocument document{Segmentation(m_grid)};
    auto journal = RecoveryJournal::create(folder, {*hash, QString()}, document.segmentation());
    QVERIFY(journal.ok());
    const QString path = (*journal)->path();
    document.attachJournal(std::move(journal).value());
    stroke(document, sphere(1), {40, 40, 40}, {60, 50, 45});
    stroke(document, sphere(2), {80, 80, 80}, {90, 100, 70});
    const Segmentation afterTwo = document.segmentation();
    const qint64 sizeAfterTwo = QFileInfo(path).size();
    stroke(document, sphere(3), {120, 60, 100}, {140, 80, 110});
    const qint64 fullSize = QFileInfo(path).size();
    const qint64 lastRecord = fullSize - sizeAfterTwo;
    const qint64 keep = bytesKept == -1 ? lastRecord - 1 : bytesKept == -2 ? lastRecord / 2 : bytesKept;
    document.attachJournal(nullptr); // closes the journal as a killed process would leave it

    QFile file(path);
    QVERIFY(file.exists());
    QVERIFY(file.resize(sizeAfterTwo + keep));
    auto recovered = readJournal(path);
    QVERIFY2(recovered.ok(), qPrintable(recovered.error().message));
    QVERIFY(recovered->cut);
    QCOMPARE(recovered->cutOffset, sizeAfterTwo);
    QVERIFY(!recovered->cutReason.isEmpty());
    QCOMPARE(recovered->recordsRead, 2);
    QVERIFY(recovered->segmentation == afterTwo);
}

void TestRecoveryJournal::damagedChecksumStopsThere()
{
    const QString folder = m_folder.filePath(QStringLiteral("crc"));
    auto hash = RecoveryJournal::seriesIdentityHash(folder, kSeriesKey, m_grid);
    SegmentationDocument document{Segmentation(m_grid)};
    auto journal = RecoveryJournal::create(folder, {*hash, QString()}, document.segmentation());
    QVERIFY(journal.ok());
    const QString path = (*journal)->path();
    document.attachJournal(std::move(journal).value());
    stroke(document, sphere(1), {40, 40, 40}, {60, 50, 45});
    const Segmentation afterOne = document.segmentation();
    const qint64 sizeAfterOne = QFileInfo(path).size();
    stroke(document, sphere(2), {80, 80, 80}, {90, 100, 70});
    document.attachJournal(nullptr);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadWrite));
    QVERIFY(file.seek(sizeAfterOne + 40)); // inside the second record's payload
    char byte = 0;
    QVERIFY(file.getChar(&byte));
    QVERIFY(file.seek(sizeAfterOne + 40));
    QVERIFY(file.putChar(char(byte ^ 0x5a)));
    file.close();
    auto recovered = readJournal(path);
    QVERIFY(recovered.ok());
    QVERIFY(recovered->cut);
    QVERIFY2(recovered->cutReason.contains(QStringLiteral("checksum")), qPrintable(recovered->cutReason));
    QCOMPARE(recovered->recordsRead, 1);
    QVERIFY(recovered->segmentation == afterOne);
}

void TestRecoveryJournal::rebaseAfterSaveStartsFromTheSavedState()
{
    const QString folder = m_folder.filePath(QStringLiteral("rebase"));
    auto hash = RecoveryJournal::seriesIdentityHash(folder, kSeriesKey, m_grid);
    SegmentationDocument document{Segmentation(m_grid)};
    auto journal = RecoveryJournal::create(folder, {*hash, QString()}, document.segmentation());
    QVERIFY(journal.ok());
    const QString path = (*journal)->path();
    document.attachJournal(std::move(journal).value());
    stroke(document, sphere(1), {40, 40, 40}, {60, 50, 45});
    stroke(document, sphere(2), {80, 80, 80}, {90, 100, 70});
    QVERIFY(document.isModified());
    document.markSaved();
    QVERIFY(!document.isModified());
    const qint64 rebasedSize = QFileInfo(path).size();
    stroke(document, sphere(3), {120, 60, 100}, {140, 80, 110});
    auto recovered = readJournal(path);
    QVERIFY(recovered.ok());
    QCOMPARE(recovered->recordsRead, 1); // only the edit after the save is replayed, onto the saved state
    QVERIFY(recovered->segmentation == document.segmentation());
    QVERIFY(QFileInfo(path).size() > rebasedSize);
    // Discarding (saved and closed) removes it.
    document.discardJournal();
    QVERIFY(!QFileInfo::exists(path));
}

void TestRecoveryJournal::filesArePrivateAndAnonymous()
{
    const QString folder = m_folder.filePath(QStringLiteral("private"));
    auto hash = RecoveryJournal::seriesIdentityHash(folder, kSeriesKey, m_grid);
    QVERIFY(hash.ok());
    QCOMPARE(hash->size(), 64);
    auto again = RecoveryJournal::seriesIdentityHash(folder, kSeriesKey, m_grid);
    QCOMPARE(*again, *hash); // stable within one folder
    auto other = RecoveryJournal::seriesIdentityHash(m_folder.filePath(QStringLiteral("other")), kSeriesKey, m_grid);
    QVERIFY(*other != *hash); // salted per folder
    SegmentationDocument document{Segmentation(m_grid)};
    auto journal = RecoveryJournal::create(folder, {*hash, QStringLiteral("MR")}, document.segmentation());
    QVERIFY(journal.ok());
    const QString path = (*journal)->path();
    document.attachJournal(std::move(journal).value());
    stroke(document, sphere(1), {40, 40, 40}, {60, 50, 45});

    struct stat info {};
    QCOMPARE(::stat(QFile::encodeName(folder).constData(), &info), 0);
    QCOMPARE(int(info.st_mode & 0777), 0700);
    QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
    QCOMPARE(int(info.st_mode & 0077), 0);
    QCOMPARE(::stat(QFile::encodeName(QDir(folder).filePath(QStringLiteral("salt"))).constData(), &info), 0);
    QCOMPARE(int(info.st_mode & 0077), 0);
    QVERIFY(!path.contains(kSeriesKey));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(!bytes.contains(kSeriesKey.toUtf8()));
    QVERIFY(!bytes.contains(QByteArray("12345678901234567890")));
}

void TestRecoveryJournal::liveJournalIsNotListed()
{
    const QString folder = m_folder.filePath(QStringLiteral("listing"));
    auto hash = RecoveryJournal::seriesIdentityHash(folder, kSeriesKey, m_grid);
    SegmentationDocument live{Segmentation(m_grid)};
    auto journal = RecoveryJournal::create(folder, {*hash, QStringLiteral("live")}, live.segmentation());
    QVERIFY(journal.ok());
    live.attachJournal(std::move(journal).value());
    stroke(live, sphere(1), {40, 40, 40}, {60, 50, 45});
    QVERIFY(listJournals(folder).isEmpty()); // held by this live session

    {
        SegmentationDocument crashed{Segmentation(m_grid)};
        auto second = RecoveryJournal::create(folder, {*hash, QStringLiteral("left behind")}, crashed.segmentation());
        QVERIFY(second.ok());
        crashed.attachJournal(std::move(second).value());
        stroke(crashed, sphere(2), {80, 80, 80}, {90, 100, 70});
        stroke(crashed, sphere(2), {10, 80, 80}, {20, 100, 70});
        crashed.attachJournal(nullptr); // released without discarding: what a killed process leaves
    }
    const QVector<JournalListing> found = listJournals(folder);
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.first().identity.summary, QStringLiteral("left behind"));
    QCOMPARE(found.first().identity.seriesHash, *hash);
    QCOMPARE(found.first().edits, 2);
}

void TestRecoveryJournal::restoredEditsCanBeUndone()
{
    const QString folder = m_folder.filePath(QStringLiteral("restore"));
    auto hash = RecoveryJournal::seriesIdentityHash(folder, kSeriesKey, m_grid);
    QString path;
    Segmentation afterOne, afterTwo;
    {
        SegmentationDocument document{Segmentation(m_grid)};
        auto journal = RecoveryJournal::create(folder, {*hash, QString()}, document.segmentation());
        QVERIFY(journal.ok());
        path = (*journal)->path();
        document.attachJournal(std::move(journal).value());
        stroke(document, sphere(1), {40, 40, 40}, {60, 50, 45});
        afterOne = document.segmentation();
        stroke(document, sphere(2), {80, 80, 80}, {90, 100, 70});
        afterTwo = document.segmentation();
        document.attachJournal(nullptr);
    }
    auto recovered = readJournal(path);
    QVERIFY(recovered.ok());
    SegmentationDocument restored{recovered->segmentation};
    restored.adoptRestoredEdits(recovered->doneEdits);
    QVERIFY(restored.segmentation() == afterTwo);
    QVERIFY(restored.isModified());
    QVERIFY(restored.undo());
    QVERIFY(restored.segmentation() == afterOne);
    QVERIFY(restored.redo());
    QVERIFY(restored.segmentation() == afterTwo);
}

void TestRecoveryJournal::amendedStepIsOneUndoAndReplays()
{
    // An edit amended twice (the AI panel's threshold changes): one history step whose undo restores the state
    // before the first, and a journal that replays to the same state and undoes the same way.
    const QString folder = m_folder.filePath(QStringLiteral("amend"));
    auto hash = RecoveryJournal::seriesIdentityHash(folder, kSeriesKey, m_grid);
    SegmentationDocument document{Segmentation(m_grid)};
    auto journal = RecoveryJournal::create(folder, {*hash, QString()}, document.segmentation());
    QVERIFY(journal.ok());
    const QString path = (*journal)->path();
    document.attachJournal(std::move(journal).value());
    stroke(document, sphere(1), {40, 40, 40}, {60, 50, 45});
    const Segmentation beforeAmended = document.segmentation();
    stroke(document, sphere(2, 6.0), {100, 100, 100}, {110, 110, 100});
    // Amend: grow label 2 elsewhere and shrink it where it was.
    document.beginEdit(EditKind::Manual, QString());
    paintDab(document, sphere(2, 5.0), {130, 100, 100});
    BrushSettings erase = sphere(2, 4.0);
    erase.erase = true;
    erase.policy.mode = OverwriteMode::LabelOnly;
    paintDab(document, erase, {100, 100, 100});
    QVERIFY(document.commitEditAmendingLast(QStringLiteral("Amended")).ok());
    document.beginEdit(EditKind::Manual, QString());
    paintDab(document, sphere(2, 3.0), {70, 150, 100});
    QVERIFY(document.commitEditAmendingLast(QStringLiteral("Amended twice")).ok());
    const Segmentation afterAmended = document.segmentation();
    QCOMPARE(document.history().size(), 2);
    QCOMPARE(document.history().at(1).description, QStringLiteral("Amended twice"));

    auto recovered = readJournal(path);
    QVERIFY2(recovered.ok(), qPrintable(recovered.error().message));
    QVERIFY(!recovered->cut);
    QVERIFY(recovered->segmentation == afterAmended);
    QCOMPARE(int(recovered->doneEdits.size()), 2);

    QVERIFY(document.undo());
    QVERIFY(document.segmentation() == beforeAmended);
    QVERIFY(document.redo());
    QVERIFY(document.segmentation() == afterAmended);
    QVERIFY(document.undo());
    auto afterUndo = readJournal(path);
    QVERIFY(afterUndo.ok());
    QVERIFY(afterUndo->segmentation == beforeAmended);

    SegmentationDocument restored{recovered->segmentation};
    restored.adoptRestoredEdits(recovered->doneEdits);
    QVERIFY(restored.undo());
    QVERIFY(restored.segmentation() == beforeAmended);
}

void TestRecoveryJournal::reviewedSlicesAreUndoableAndJournalled()
{
    // Slices marked reviewed are part of the segmentation's state: each marking is one undo step, the journal
    // replays it, and a rebase after saving keeps the marks in the snapshot.
    const QString folder = m_folder.filePath(QStringLiteral("review"));
    auto hash = RecoveryJournal::seriesIdentityHash(folder, kSeriesKey, m_grid);
    SegmentationDocument document{Segmentation(m_grid)};
    auto journal = RecoveryJournal::create(folder, {*hash, QString()}, document.segmentation());
    QVERIFY(journal.ok());
    const QString path = (*journal)->path();
    document.attachJournal(std::move(journal).value());
    stroke(document, sphere(1), {40, 40, 40}, {60, 50, 45});
    QVERIFY(setSlicesReviewed(document, 2, 38, 47, true).ok());
    QVERIFY(setSlicesReviewed(document, 0, 50, 50, true).ok());
    QVERIFY(setSlicesReviewed(document, 2, 40, 41, false).ok());
    QCOMPARE(document.history().size(), 4);
    QCOMPARE(document.history().at(1).description, QStringLiteral("Slice 39-48 (k) reviewed"));
    const std::vector<int64_t> expectedK{38, 39, 42, 43, 44, 45, 46, 47};
    QCOMPARE(document.segmentation().reviewedSlices().slices(2), expectedK);
    QCOMPARE(document.segmentation().reviewedSlices().slices(0), std::vector<int64_t>{50});
    QCOMPARE(document.segmentation().reviewedSlices().count(1), int64_t(0));
    // Marking an already reviewed slice again changes nothing and makes no step.
    QVERIFY(setSlicesReviewed(document, 0, 50, 50, true).ok());
    QCOMPARE(document.history().size(), 4);
    // Out of the grid: refused.
    QVERIFY(!setSlicesReviewed(document, 2, 0, m_grid.size()[2], true).ok());

    auto recovered = readJournal(path);
    QVERIFY2(recovered.ok(), qPrintable(recovered.error().message));
    QVERIFY(recovered->segmentation == document.segmentation());
    QCOMPARE(recovered->segmentation.reviewedSlices().slices(2), expectedK);

    QVERIFY(document.undo());
    QVERIFY(document.undo());
    QCOMPARE(document.segmentation().reviewedSlices().count(0), int64_t(0));
    QCOMPARE(document.segmentation().reviewedSlices().count(2), int64_t(10));
    QVERIFY(document.undo());
    QVERIFY(document.segmentation().reviewedSlices().isEmpty());
    QVERIFY(document.redo());
    QCOMPARE(document.segmentation().reviewedSlices().count(2), int64_t(10));
    auto afterUndo = readJournal(path);
    QVERIFY(afterUndo.ok());
    QVERIFY(afterUndo->segmentation == document.segmentation());

    // A save rebases the journal onto a snapshot of the current state, marks included.
    document.markSaved();
    auto rebased = readJournal(path);
    QVERIFY(rebased.ok());
    QCOMPARE(rebased->recordsRead, 0);
    QCOMPARE(rebased->segmentation.reviewedSlices().count(2), int64_t(10));
    QVERIFY(rebased->segmentation == document.segmentation());
}

QTEST_GUILESS_MAIN(TestRecoveryJournal)
#include "tst_RecoveryJournal.moc"
