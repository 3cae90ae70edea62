// The training-sample store: the EM stack's agreed split kept on import, duplicates refused, the split frozen across
// reopening and additions, the correction effort against the kept AI result, damage found by check, the nnU-Net
// export against the format's documented rules, and no identifier of a DICOM source in any file of the store.
#include "TestData.h"
#include "WrittenFiles.h"
#include "edit/AiMerge.h"
#include "edit/Brush.h"
#include "edit/LabelEdits.h"
#include "edit/SegmentationDocument.h"
#include "image/ProbabilityMap.h"
#include "io/ImageSource.h"
#include "io/VolumeIO.h"
#include "ml/TrainingData.h"
#include "ml/ModelRegistry.h"
#include "ml/TrainingStore.h"

#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <dcmtk/dcmdata/dcdeftag.h>
#include <dcmtk/dcmdata/dcfilefo.h>

using namespace delineate;

namespace {

const ImageGeometry kGrid({40, 36, 12}, {0.8, 0.8, 2.0}, {0, 0, 0}, {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}});

Volume ramp(int seed)
{
    Volume image(kGrid, PixelType::Int16);
    for (std::size_t o = 0; o < image.voxelCount(); ++o)
        image.int16Data()[o] = int16_t((o * 7 + std::size_t(seed) * 131) % 1000);
    return image;
}

LabelMap blob(int64_t ci, int64_t cj, int64_t ck, int64_t r, uint8_t value)
{
    LabelMap labels(kGrid);
    const auto& s = kGrid.size();
    for (int64_t k = 0; k < s[2]; ++k)
        for (int64_t j = 0; j < s[1]; ++j)
            for (int64_t i = 0; i < s[0]; ++i)
                if (std::abs(i - ci) <= r && std::abs(j - cj) <= r && std::abs(k - ck) <= r / 2)
                    labels.data()[std::size_t(i + s[0] * (j + s[1] * k))] = value;
    return labels;
}

} // namespace

class TestTrainingStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void emImportKeepsTheAgreedSplit();
    void splitIsFrozenAcrossReopeningAndAdditions();
    void acceptMeasuresTheCorrectionEffort();
    void reviewedSlicesOnlyNeedsReviewedSlices();
    void checkFindsDamageAndLeftovers();
    void nnUnetExportFollowsTheFormat();
    void noSourceIdentifierReachesTheStore();
    void registryVersionsPromoteAndRollBack();
};

void TestTrainingStore::emImportKeepsTheAgreedSplit()
{
    DELINEATE_REQUIRE_DATA("isbi2012-membrane/train/label/29.png");
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("store"));
    auto store = TrainingStore::open(folder, true);
    QVERIFY2(store.ok(), qPrintable(store.error().message));
    ImportOptions options;
    options.trainIndices = *ml::parseIndexRanges(QStringLiteral("0-23"));
    options.validationIndices = *ml::parseIndexRanges(QStringLiteral("24-29"));
    SimpleJobControl control;
    auto imported = store->importPairs(testing::dataPath(QStringLiteral("isbi2012-membrane/train")), options, control);
    QVERIFY2(imported.ok(), qPrintable(imported.error().message));
    QCOMPARE(imported->size(), 30);
    QCOMPARE(store->count(SplitRole::Train), 24);
    QCOMPARE(store->count(SplitRole::Validation), 6);
    // The import's order is the pairs' order: sample n is slice n, and its split is the agreed one.
    for (int n = 0; n < 30; ++n)
        QCOMPARE(store->roleOf(imported->at(n)), n < 24 ? SplitRole::Train : SplitRole::Validation);
    // Slices 24-29 are one contiguous block: one group.
    QSet<QString> validationGroups;
    for (int n = 24; n < 30; ++n)
        validationGroups.insert(imported->at(n).group);
    QCOMPARE(validationGroups.size(), 1);
    // The same slices again: duplicates, refused naming the sample.
    auto again = store->importPairs(testing::dataPath(QStringLiteral("isbi2012-membrane/train")), options, control);
    QVERIFY(!again.ok());
    QVERIFY2(again.error().message.contains(imported->first().id), qPrintable(again.error().message));
    // Reopened: the same samples and split; every file as recorded.
    auto reopened = TrainingStore::open(folder, false);
    QVERIFY(reopened.ok());
    QCOMPARE(reopened->samples().size(), 30);
    QCOMPARE(reopened->count(SplitRole::Validation), 6);
    QVERIFY(reopened->check().isEmpty());
    // A stored pair reads back as the PNGs it came from.
    auto pairs = ml::loadTrainingPairs(testing::dataPath(QStringLiteral("isbi2012-membrane/train")), {27}, false, control);
    QVERIFY(pairs.ok());
    auto stored = reopened->load(*reopened->find(imported->at(27).id));
    QVERIFY(stored.ok());
    QCOMPARE(stored->second.voxelCount(), pairs->first().labels.voxelCount());
    QVERIFY(std::equal(stored->second.data(), stored->second.data() + stored->second.voxelCount(), pairs->first().labels.data()));
}

void TestTrainingStore::splitIsFrozenAcrossReopeningAndAdditions()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("store"));
    auto store = TrainingStore::open(folder, true);
    QVERIFY(store.ok());
    QMap<QString, SplitRole> roles;
    for (int p = 0; p < 10; ++p) {
        SampleIdentity who{QStringLiteral("patient-%1").arg(p), QStringLiteral("1.2.3.%1").arg(p), QStringLiteral("1.2.3.%1.1").arg(p)};
        auto added = store->add(ramp(p), blob(10 + p, 12, 6, 4, 1), who, {});
        QVERIFY2(added.ok(), qPrintable(added.error().message));
        roles[added->id] = store->roleOf(*added);
    }
    // Two of ten patients validate (at most a fifth, and never the first).
    QCOMPARE(store->count(SplitRole::Validation), 2);
    QCOMPARE(store->roleOf(store->samples().first()), SplitRole::Train);
    // A second scan of patient 3 joins patient 3's side.
    SampleIdentity again{QStringLiteral("patient-3"), QStringLiteral("1.2.3.99"), QStringLiteral("1.2.3.99.1")};
    auto second = store->add(ramp(99), blob(20, 20, 6, 3, 1), again, {});
    QVERIFY(second.ok());
    const SampleRecord* first3 = nullptr;
    for (const SampleRecord& s : store->samples())
        if (s.group == second->group && s.id != second->id)
            first3 = &s;
    QVERIFY(first3);
    QCOMPARE(store->roleOf(*second), store->roleOf(*first3));
    // Reopened after more additions: every earlier sample keeps its side.
    for (int p = 10; p < 14; ++p)
        QVERIFY(store->add(ramp(p), blob(12, 10 + p, 6, 4, 1), {QStringLiteral("patient-%1").arg(p), {}, {}}, {}).ok());
    auto reopened = TrainingStore::open(folder, false);
    QVERIFY(reopened.ok());
    for (auto it = roles.begin(); it != roles.end(); ++it)
        QCOMPARE(reopened->roleOf(*reopened->find(it.key())), it.value());
    // A change by the user is recorded and versions the split.
    const int version = reopened->splitVersion();
    const QString someone = roles.firstKey();
    const SplitRole to = roles.first() == SplitRole::Train ? SplitRole::Validation : SplitRole::Train;
    QVERIFY(reopened->setRole(someone, to).ok());
    auto after = TrainingStore::open(folder, false);
    QCOMPARE(after->roleOf(*after->find(someone)), to);
    QCOMPARE(after->splitVersion(), version + 1);
    QCOMPARE(after->splitChanges().size(), 1);
    QCOMPARE(after->splitChanges().first().to, to);
}

void TestTrainingStore::acceptMeasuresTheCorrectionEffort()
{
    // An AI result (a sphere), corrected by hand (a dab added, a dab erased), accepted.
    SegmentationDocument document{Segmentation(kGrid)};
    Volume p(kGrid, PixelType::Float32);
    const auto& s = kGrid.size();
    for (int64_t k = 0; k < s[2]; ++k)
        for (int64_t j = 0; j < s[1]; ++j)
            for (int64_t i = 0; i < s[0]; ++i) {
                const double dx = (i - 20) * 0.8, dy = (j - 18) * 0.8, dz = (k - 6) * 2.0;
                p.float32Data()[p.offset(i, j, k)] = dx * dx + dy * dy + dz * dz <= 64.0 ? 1.0f : 0.0f;
            }
    auto map = ProbabilityMap::fromResult(p, LabelMap(kGrid), 1, false);
    QVERIFY(map.ok());
    AiMergeOptions ai;
    ai.modelName = QStringLiteral("Sphere net");
    ai.modelVersion = QStringLiteral("7");
    ai.labelFor = {{1, 1}};
    document.beginEdit(EditKind::Ai, QStringLiteral("AI"));
    mergeAiResult(document, *map, ai, VoxelBox::everything(kGrid), true);
    document.commitEdit();
    BrushSettings brush;
    brush.label = 1;
    brush.radius = 2.0;
    brush.shape = BrushShape::Sphere;
    document.beginEdit(EditKind::Manual, QString());
    paintDab(document, brush, {31, 18, 6});
    brush.erase = true;
    paintDab(document, brush, {20, 12, 6});
    document.commitEdit();

    // The oracle: the kept AI result against the final labels, counted here.
    const Segmentation& final = document.segmentation();
    QVERIFY(final.aiResult());
    int64_t changed = 0, a = 0, b = 0, both = 0;
    for (std::size_t o = 0; o < final.voxelCount(); ++o) {
        const bool x = final.aiResult()->layers.front().at(o) != 0, y = final.labelAt(0, o) != 0;
        changed += x != y ? 1 : 0;
        a += x;
        b += y;
        both += x && y;
    }
    QVERIFY(changed > 0);
    QTemporaryDir dir;
    auto store = TrainingStore::open(dir.filePath(QStringLiteral("store")), true);
    AcceptOptions options;
    options.editor = QStringLiteral("A. Annotator");
    auto accepted = store->accept(ramp(1), final, {}, options);
    QVERIFY2(accepted.ok(), qPrintable(accepted.error().message));
    QCOMPARE(accepted->effortVoxelsChanged, changed);
    QCOMPARE(accepted->effortDice, 2.0 * double(both) / double(a + b));
    QCOMPARE(accepted->model, QStringLiteral("Sphere net 7"));
    QCOMPARE(accepted->editor, QStringLiteral("A. Annotator"));
    auto stored = store->load(*accepted);
    QVERIFY(stored.ok());
    for (std::size_t o = 0; o < final.voxelCount(); ++o)
        QCOMPARE(int(stored->second.data()[o]), int(final.labelAt(0, o)));
}

void TestTrainingStore::reviewedSlicesOnlyNeedsReviewedSlices()
{
    SegmentationDocument document{Segmentation(kGrid)};
    BrushSettings brush;
    brush.label = 1;
    brush.radius = 3.0;
    document.beginEdit(EditKind::Manual, QString());
    paintDab(document, brush, {20, 18, 4});
    document.commitEdit();
    QTemporaryDir dir;
    auto store = TrainingStore::open(dir.filePath(QStringLiteral("store")), true);
    AcceptOptions options;
    options.reviewedSlicesOnly = true;
    auto refused = store->accept(ramp(2), document.segmentation(), {}, options);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(QLatin1String("reviewed")), qPrintable(refused.error().message));
    QVERIFY(setSlicesReviewed(document, 2, 3, 5, true).ok());
    auto accepted = store->accept(ramp(2), document.segmentation(), {}, options);
    QVERIFY2(accepted.ok(), qPrintable(accepted.error().message));
    QCOMPARE(accepted->slices, (QVector<int64_t>{3, 4, 5}));
    QCOMPARE(accepted->sliceAxis, 2);
    // Training reads those three slices only: the same voxels as the image and mask there.
    SimpleJobControl control;
    auto sets = store->trainingSets(control);
    QVERIFY2(sets.ok(), qPrintable(sets.error().message));
    QCOMPARE(sets->train.size(), 1);
    const ml::TrainingPair& pair = sets->train.first();
    QCOMPARE(pair.image.geometry().size(), (std::array<int64_t, 3>{40, 36, 3}));
    const Volume image = ramp(2);
    for (int64_t n = 0; n < 3; ++n)
        for (int64_t j = 0; j < 36; ++j)
            for (int64_t i = 0; i < 40; ++i) {
                QCOMPARE(pair.image.value(i, j, n), image.value(i, j, 3 + n));
                QCOMPARE(int(pair.labels.at(pair.image.offset(i, j, n))), int(document.segmentation().labelAt(0, image.offset(i, j, 3 + n))));
            }
}

void TestTrainingStore::checkFindsDamageAndLeftovers()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("store"));
    auto store = TrainingStore::open(folder, true);
    auto added = store->add(ramp(3), blob(10, 10, 6, 3, 2), {}, {});
    QVERIFY(added.ok());
    QVERIFY(store->check().isEmpty());
    // A mask changed behind the store's back, and a folder left by a killed write.
    const QString label = QDir(folder).filePath(QStringLiteral("samples/%1/label.nii.gz").arg(added->id));
    LabelMap other = blob(12, 10, 6, 3, 2);
    QVERIFY(writeLabelMap(other, label).ok());
    // Left by a writer that is gone (no such process) and by one that runs (this one).
    const QString dead = QDir(folder).filePath(QStringLiteral("samples/.incoming-deadbeef-4194301-0001"));
    const QString live = QDir(folder).filePath(QStringLiteral("samples/.incoming-cafe-%1-0002").arg(QCoreApplication::applicationPid()));
    QVERIFY(QDir().mkpath(dead));
    QVERIFY(QDir().mkpath(live));
    auto reopened = TrainingStore::open(folder, false);
    const QVector<StoreProblem> problems = reopened->check();
    QCOMPARE(problems.size(), 1);
    QStringList text;
    for (const StoreProblem& p : problems)
        text << p.path + QStringLiteral(": ") + p.problem;
    QVERIFY2(text.filter(QStringLiteral("label.nii.gz")).filter(QStringLiteral("differs")).size() == 1, qPrintable(text.join('\n')));
    // The dead writer's leftover is gone, the running writer's is left alone.
    QVERIFY(!QFileInfo::exists(dead));
    QVERIFY(QFileInfo::exists(live));
}

// nnU-Net v2's documented raw format: imagesTr/{case}_0000.nii.gz and labelsTr/{case}.nii.gz, label values
// consecutive from 0 and named in dataset.json with channel_names, labels, numTraining and file_ending; each image
// and its label on the same geometry.
void TestTrainingStore::nnUnetExportFollowsTheFormat()
{
    QTemporaryDir dir;
    auto store = TrainingStore::open(dir.filePath(QStringLiteral("store")), true);
    SampleRecord named;
    named.labels = {{255, QStringLiteral("interior")}};
    QVERIFY(store->add(ramp(4), blob(10, 10, 6, 3, 255), {QStringLiteral("p1"), {}, {}}, named).ok());
    QVERIFY(store->add(ramp(5), blob(20, 12, 6, 3, 255), {QStringLiteral("p2"), {}, {}}, named).ok());
    SampleRecord two;
    two.labels = {{255, QStringLiteral("interior")}, {7, QStringLiteral("nucleus")}};
    LabelMap mixed = blob(20, 12, 6, 4, 255);
    LabelMap inner = blob(20, 12, 6, 1, 7);
    for (std::size_t o = 0; o < mixed.voxelCount(); ++o)
        if (inner.data()[o])
            mixed.data()[o] = 7;
    QVERIFY(store->add(ramp(6), mixed, {QStringLiteral("p3"), {}, {}}, two).ok());
    const QString out = dir.filePath(QStringLiteral("nnUNet_raw"));
    auto cases = store->exportNnUnet(out, 501, QStringLiteral("Blobs"), QStringLiteral("CT"));
    QVERIFY2(cases.ok(), qPrintable(cases.error().message));
    QCOMPARE(*cases, 3);
    const QDir root(QDir(out).filePath(QStringLiteral("Dataset501_Blobs")));
    QFile datasetFile(root.filePath(QStringLiteral("dataset.json")));
    QVERIFY(datasetFile.open(QIODevice::ReadOnly));
    const QJsonObject dataset = QJsonDocument::fromJson(datasetFile.readAll()).object();
    QCOMPARE(dataset.value(QStringLiteral("channel_names")).toObject().value(QStringLiteral("0")).toString(), QStringLiteral("CT"));
    QCOMPARE(dataset.value(QStringLiteral("numTraining")).toInt(), 3);
    QCOMPARE(dataset.value(QStringLiteral("file_ending")).toString(), QStringLiteral(".nii.gz"));
    const QJsonObject labels = dataset.value(QStringLiteral("labels")).toObject();
    QCOMPARE(labels.value(QStringLiteral("background")).toInt(), 0);
    QSet<int> values;
    for (const QString& key : labels.keys())
        values.insert(labels.value(key).toInt());
    QCOMPARE(values, (QSet<int>{0, 1, 2})); // consecutive from 0
    const QRegularExpression imageName(QStringLiteral("^(.+)_0000\\.nii\\.gz$"));
    const QStringList images = root.entryList({QStringLiteral("*")}, QDir::Files, QDir::Name).isEmpty()
                                   ? QStringList() : QDir(root.filePath(QStringLiteral("imagesTr"))).entryList(QDir::Files);
    QCOMPARE(images.size(), 3);
    for (const QString& image : images) {
        const auto match = imageName.match(image);
        QVERIFY2(match.hasMatch(), qPrintable(image));
        const QString label = root.filePath(QStringLiteral("labelsTr/") + match.captured(1) + QStringLiteral(".nii.gz"));
        QVERIFY2(QFile::exists(label), qPrintable(label));
        auto volume = readVolume(root.filePath(QStringLiteral("imagesTr/") + image));
        auto mask = readLabelMap(label);
        QVERIFY(volume.ok() && mask.ok());
        QVERIFY(volume->geometry().sameGridAs(mask->geometry(), 1e-6));
        for (std::size_t o = 0; o < mask->voxelCount(); ++o)
            QVERIFY(values.contains(mask->data()[o]));
    }
    QFile splitsFile(root.filePath(QStringLiteral("splits_final.json")));
    QVERIFY(splitsFile.open(QIODevice::ReadOnly));
    const QJsonArray splits = QJsonDocument::fromJson(splitsFile.readAll()).array();
    QCOMPARE(splits.size(), 1);
    QCOMPARE(splits[0].toObject().value(QStringLiteral("train")).toArray().size() +
                 splits[0].toObject().value(QStringLiteral("val")).toArray().size(), 3);
}

// A copy of a real series given distinctive identifiers with dcmodify, loaded, segmented and accepted: no file of the
// store holds any of them (as written, with ^ as a space, the date in ISO form) or any UID of the series.
void TestTrainingStore::noSourceIdentifierReachesTheStore()
{
    DELINEATE_REQUIRE_DATA("dcmqi-seg/ct-3slice");
    if (QStandardPaths::findExecutable(QStringLiteral("dcmodify")).isEmpty()) {
        if (testing::runningInCi())
            QFAIL("dcmodify (dcmtk) is missing");
        QSKIP("dcmodify (dcmtk) is not installed");
    }
    QTemporaryDir dir;
    const QString series = dir.filePath(QStringLiteral("series"));
    QVERIFY(QDir().mkpath(series));
    const QDir source(testing::dataPath(QStringLiteral("dcmqi-seg/ct-3slice")));
    QStringList files;
    for (const QString& name : source.entryList(QDir::Files)) {
        QVERIFY(QFile::copy(source.filePath(name), QDir(series).filePath(name)));
        files << QDir(series).filePath(name);
    }
    const QStringList values{QStringLiteral("Qorvath^Zelinda"), QStringLiteral("PID-77316-QX"), QStringLiteral("19410203"),
                             QStringLiteral("ACC-998172"), QStringLiteral("Qwertzberg Clinic")};
    QProcess modify;
    modify.start(QStringLiteral("dcmodify"),
                 QStringList{QStringLiteral("-nb"), QStringLiteral("-i"), QStringLiteral("(0010,0010)=") + values[0], QStringLiteral("-i"),
                             QStringLiteral("(0010,0020)=") + values[1], QStringLiteral("-i"), QStringLiteral("(0010,0030)=") + values[2],
                             QStringLiteral("-i"), QStringLiteral("(0008,0050)=") + values[3], QStringLiteral("-i"),
                             QStringLiteral("(0008,0080)=") + values[4]} + files);
    QVERIFY(modify.waitForFinished(60000));
    QCOMPARE(modify.exitCode(), 0);
    SimpleJobControl control;
    auto loaded = loadOneSeries(series, QString(), control);
    QVERIFY2(loaded.ok(), qPrintable(loaded.error().message));
    QCOMPARE(loaded->info.patientId, values[1]); // the modification took
    QStringList forbidden = values;
    forbidden << QStringLiteral("Qorvath Zelinda") << QStringLiteral("1941-02-03") << loaded->info.studyInstanceUid
              << loaded->info.seriesInstanceUid;
    for (const DicomFrameRef& frame : loaded->sourceFrames)
        forbidden << frame.sopInstanceUid;
    DcmFileFormat first;
    QVERIFY(first.loadFile(QFile::encodeName(files.first()).constData()).good());
    OFString frameOfReference;
    if (first.getDataset()->findAndGetOFString(DCM_FrameOfReferenceUID, frameOfReference).good())
        forbidden << QString::fromLatin1(frameOfReference.c_str());

    SegmentationDocument document{Segmentation(loaded->volume.geometry())};
    BrushSettings brush;
    brush.label = 1;
    brush.radius = 20.0;
    document.beginEdit(EditKind::Manual, QString());
    paintDab(document, brush, {256, 256, 1});
    document.commitEdit();
    const QString folder = dir.filePath(QStringLiteral("store"));
    auto store = TrainingStore::open(folder, true);
    SampleIdentity identity{loaded->info.patientId, loaded->info.studyInstanceUid, loaded->info.seriesInstanceUid};
    AcceptOptions options;
    options.editor = QStringLiteral("Editor");
    auto accepted = store->accept(loaded->volume, document.segmentation(), identity, options);
    QVERIFY2(accepted.ok(), qPrintable(accepted.error().message));
    QVERIFY(store->exportNnUnet(dir.filePath(QStringLiteral("export")), 7, QStringLiteral("Ct"), QStringLiteral("CT")).ok());
    int searched = 0;
    for (const QString& where : {folder, dir.filePath(QStringLiteral("export"))})
        for (const auto& [path, bytes] : testing::everyFileUnder(where)) {
            ++searched;
            for (const QString& value : forbidden)
                QVERIFY2(!bytes.contains(value.toUtf8()), qPrintable(QStringLiteral("%1 holds %2").arg(path, value)));
        }
    QVERIFY(searched >= 6);
}

void TestTrainingStore::registryVersionsPromoteAndRollBack()
{
    QTemporaryDir dir;
    const QString folder = dir.filePath(QStringLiteral("store"));
    QVERIFY(TrainingStore::open(folder, true).ok());
    // Any file stands for a model here: the registry copies bytes and never reads weights.
    const QString fileA = dir.filePath(QStringLiteral("a.dlm")), fileB = dir.filePath(QStringLiteral("b.dlm"));
    for (const auto& [path, bytes] : {std::pair<QString, QByteArray>{fileA, "model A"}, std::pair<QString, QByteArray>{fileB, "model B"}}) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(bytes);
    }
    auto registry = ml::ModelRegistry::open(folder);
    QVERIFY2(registry.ok(), qPrintable(registry.error().message));
    ml::ModelVersion info;
    info.splitVersion = 3;
    info.metrics = QJsonObject{{QStringLiteral("val_mean_dice"), 0.5}};
    auto v1 = registry->add(fileA, info);
    QVERIFY(v1.ok());
    QCOMPARE(v1->version, QStringLiteral("v1"));
    QCOMPARE(registry->active(), QStringLiteral("v1")); // the first version is active
    info.parent = QStringLiteral("v1");
    auto v2 = registry->add(fileB, info);
    QCOMPARE(v2->version, QStringLiteral("v2"));
    QCOMPARE(registry->active(), QStringLiteral("v1")); // a new version is not promoted by itself
    QVERIFY(!registry->promote(QStringLiteral("v7")).ok());
    QVERIFY(registry->promote(QStringLiteral("v2")).ok());
    // A version interrupted while being written is not a version.
    QVERIFY(QDir().mkpath(QDir(folder).filePath(QStringLiteral("models/.incoming-v3-0000"))));
    auto reopened = ml::ModelRegistry::open(folder);
    QVERIFY(reopened.ok());
    QCOMPARE(reopened->versions().size(), 2);
    QCOMPARE(reopened->active(), QStringLiteral("v2"));
    QCOMPARE(reopened->find(QStringLiteral("v2"))->parent, QStringLiteral("v1"));
    QCOMPARE(reopened->find(QStringLiteral("v2"))->splitVersion, 3);
    QFile copied(reopened->modelPath(QStringLiteral("v2")));
    QVERIFY(copied.open(QIODevice::ReadOnly));
    QCOMPARE(copied.readAll(), QByteArray("model B"));
    auto back = reopened->rollback();
    QVERIFY(back.ok());
    QCOMPARE(*back, QStringLiteral("v1"));
    QCOMPARE(ml::ModelRegistry::open(folder)->active(), QStringLiteral("v1"));
    QVERIFY(!reopened->rollback().ok()); // nothing before v1
    // The next version continues the numbering.
    QCOMPARE(reopened->add(fileA, info)->version, QStringLiteral("v3"));
}

QTEST_GUILESS_MAIN(TestTrainingStore)
#include "tst_TrainingStore.moc"
