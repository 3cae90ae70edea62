// The model file's header without an engine (core/ml/ModelHeader, no LibTorch): the shipped models' headers read
// as their own bytes say (the layout and the JSON decoded here independently, with QJsonDocument and the byte
// offsets of the format), refusals of damaged files and headers naming the file, and the header rewrite that must
// leave the weights byte for byte as they were.
#include "ml/ModelHeader.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include <cmath>

using namespace delineate;
using namespace delineate::ml;

namespace {

const QString kModels = QStringLiteral(DELINEATE_SOURCE_DIR "/resources/models");

QByteArray fileBytes(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bool writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(bytes) == bytes.size();
}

uint64_t littleEndian64(const QByteArray& bytes, qsizetype at)
{
    uint64_t value = 0;
    for (int i = 7; i >= 0; --i)
        value = (value << 8) | uint8_t(bytes[at + i]);
    return value;
}

QByteArray withLength(QByteArray bytes, qsizetype at, uint64_t value)
{
    for (int i = 0; i < 8; ++i)
        bytes[at + i] = char((value >> (8 * i)) & 0xff);
    return bytes;
}

// The JSON header of a .dlm, found by the format's own rule: 16 bytes of magic, the length as uint64 little endian.
QJsonObject rawHeader(const QByteArray& bytes)
{
    const uint64_t length = littleEndian64(bytes, 16);
    return QJsonDocument::fromJson(bytes.mid(24, qsizetype(length))).object();
}

} // namespace

class TestModelHeader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shippedHeadersAreReadAsWritten_data();
    void shippedHeadersAreReadAsWritten();
    void damagedFilesAreRefusedByName();
    void badHeadersAreRefusedByName_data();
    void badHeadersAreRefusedByName();
    void rewriteKeepsTheWeights();
    void axialModelsFollowTheHeadFootAxis();
};

void TestModelHeader::shippedHeadersAreReadAsWritten_data()
{
    QTest::addColumn<QString>("path");
    const QStringList files = QDir(kModels).entryList({QStringLiteral("*.dlm")}, QDir::Files, QDir::Name);
    QVERIFY2(files.size() >= 2, qPrintable(kModels));
    for (const QString& name : files)
        QTest::newRow(qPrintable(name)) << QDir(kModels).filePath(name);
}

void TestModelHeader::shippedHeadersAreReadAsWritten()
{
    QFETCH(QString, path);
    const QByteArray bytes = fileBytes(path);
    QVERIFY(bytes.startsWith("DELINEATE-MODEL\n"));
    const uint64_t headerLength = littleEndian64(bytes, 16);
    const qsizetype weightsAt = 24 + qsizetype(headerLength) + 8;
    const uint64_t weightsLength = littleEndian64(bytes, 24 + qsizetype(headerLength));
    QCOMPARE(qsizetype(weightsAt + qsizetype(weightsLength)), bytes.size());
    const QJsonObject json = rawHeader(bytes);
    QVERIFY(!json.isEmpty());

    auto header = readModelHeader(path);
    QVERIFY2(header.ok(), header.ok() ? "" : qPrintable(header.error().message));
    auto layout = parseModelFile(bytes, path);
    QVERIFY2(layout.ok(), layout.ok() ? "" : qPrintable(layout.error().message));
    QCOMPARE(layout->weightsOffset, weightsAt);
    QCOMPARE(layout->weightsLength, qsizetype(weightsLength));

    for (const ModelHeader* h : {&*header, &layout->header}) {
        QCOMPARE(h->name, json.value(QStringLiteral("name")).toString());
        QCOMPARE(h->version, json.value(QStringLiteral("version")).toString());
        QCOMPARE(h->modality, json.value(QStringLiteral("modality")).toString());
        const QJsonObject a = json.value(QStringLiteral("architecture")).toObject();
        QCOMPARE(h->architecture.depth, a.value(QStringLiteral("depth")).toInt());
        QCOMPARE(h->architecture.baseWidth, a.value(QStringLiteral("base_width")).toInt());
        QCOMPARE(h->architecture.outputChannels, a.value(QStringLiteral("output_channels")).toInt());
        QCOMPARE(h->architecture.convolutionsPerLevel, a.value(QStringLiteral("convolutions_per_level")).toInt());
        const QString norm = a.value(QStringLiteral("normalization")).toString();
        QCOMPARE(h->architecture.normalization, norm == QLatin1String("instance") ? Normalization::InstanceNorm
                                                : norm == QLatin1String("batch")  ? Normalization::BatchNorm
                                                : norm == QLatin1String("group")  ? Normalization::GroupNorm
                                                                                  : Normalization::None);
        QCOMPARE(h->axialSlices, json.value(QStringLiteral("slice_plane")).toString() == QLatin1String("axial"));
        QCOMPARE(h->weightsPrecision, json.value(QStringLiteral("weights_precision")).toString(QStringLiteral("float32")));
        const QJsonArray spacing = json.value(QStringLiteral("spacing_mm")).toArray();
        if (spacing.size() == 2) {
            QCOMPARE(h->spacing[0], spacing[0].toDouble());
            QCOMPARE(h->spacing[1], spacing[1].toDouble());
        }
        const QJsonArray classes = json.value(QStringLiteral("classes")).toArray();
        QCOMPARE(h->classes.size(), classes.size());
        for (int i = 0; i < classes.size(); ++i) {
            QCOMPARE(h->classes[i].value, classes[i].toObject().value(QStringLiteral("value")).toInt());
            QCOMPARE(h->classes[i].name, classes[i].toObject().value(QStringLiteral("name")).toString());
            QCOMPARE(h->classValue(i), h->classes[i].value);
        }
        const QJsonObject provenance = json.value(QStringLiteral("provenance")).toObject();
        QCOMPARE(h->provenance.dataSetHash, provenance.value(QStringLiteral("data_set_sha256")).toString());
        QCOMPARE(h->provenance.created, provenance.value(QStringLiteral("created")).toString());
        QCOMPARE(h->provenance.metrics, provenance.value(QStringLiteral("metrics")).toObject());
        QCOMPARE(h->provenance.notes, provenance.value(QStringLiteral("notes")).toString());
        QCOMPARE(h->provenance.dataSetDescription, provenance.value(QStringLiteral("data_set")).toString());
        QVERIFY(!h->provenance.dataSetDescription.isEmpty()); // the shipped models say what they were trained on
        QCOMPARE(h->versionText(), h->version.isEmpty() ? h->provenance.created : h->version);
    }
    // What the header writes back reads back the same.
    auto again = ModelHeader::fromJson(header->toJson(), path);
    QVERIFY(again.ok());
    QCOMPARE(again->toJson(), header->toJson());
}

void TestModelHeader::damagedFilesAreRefusedByName()
{
    const QString em = QDir(kModels).filePath(QStringLiteral("em-membranes.dlm"));
    const QByteArray good = fileBytes(em);
    QVERIFY(good.size() > 1000);
    const uint64_t headerLength = littleEndian64(good, 16);
    QTemporaryDir dir;
    const struct { const char* name; QByteArray bytes; const char* phrase; } damaged[] = {
        {"magic.dlm", QByteArray("NOT-A-MODEL-FILE") + good.mid(16), "does not start with DELINEATE-MODEL"},
        {"header-cut.dlm", good.left(24 + qsizetype(headerLength) / 2), "truncated (in its header)"},
        {"header-huge.dlm", withLength(good, 16, uint64_t(1) << 40), "truncated (in its header)"},
        {"weights-cut.dlm", good.left(good.size() - 100), "truncated or has trailing bytes"},
        {"trailing.dlm", good + QByteArray(10, '\0'), "truncated or has trailing bytes"},
        {"empty.dlm", QByteArray(), "DELINEATE-MODEL"},
    };
    for (const auto& d : damaged) {
        const QString path = dir.filePath(QLatin1String(d.name));
        QVERIFY(writeBytes(path, d.bytes));
        auto read = readModelHeader(path);
        QVERIFY2(!read.ok(), d.name);
        QVERIFY2(read.error().message.contains(path) && read.error().message.contains(QLatin1String(d.phrase)),
                 qPrintable(read.error().message));
        auto parsed = parseModelFile(d.bytes, path);
        QVERIFY2(!parsed.ok(), d.name);
        QVERIFY2(parsed.error().message.contains(path), qPrintable(parsed.error().message));
    }
    auto missing = readModelHeader(dir.filePath(QStringLiteral("none.dlm")));
    QVERIFY(!missing.ok() && missing.error().message.contains(QLatin1String("no such model file")));
    // A TorchScript file needs its JSON sidecar, whose format must say so.
    const QString script = dir.filePath(QStringLiteral("model.pt"));
    QVERIFY(writeBytes(script, QByteArray("PK not read here")));
    auto noSidecar = readModelHeader(script);
    QVERIFY(!noSidecar.ok() && noSidecar.error().message.contains(script + QStringLiteral(".json")));
    QVERIFY(writeBytes(script + QStringLiteral(".json"), QJsonDocument(rawHeader(good)).toJson()));
    auto wrongFormat = readModelHeader(script);
    QVERIFY(!wrongFormat.ok());
    QVERIFY2(wrongFormat.error().message.contains(QLatin1String("format must be 'torchscript'")), qPrintable(wrongFormat.error().message));
    QJsonObject scriptHeader = rawHeader(good);
    scriptHeader.insert(QStringLiteral("format"), QStringLiteral("torchscript"));
    QVERIFY(writeBytes(script + QStringLiteral(".json"), QJsonDocument(scriptHeader).toJson()));
    auto sidecar = readModelHeader(script);
    QVERIFY2(sidecar.ok(), sidecar.ok() ? "" : qPrintable(sidecar.error().message));
    QCOMPARE(sidecar->name, scriptHeader.value(QStringLiteral("name")).toString());
}

void TestModelHeader::badHeadersAreRefusedByName_data()
{
    QTest::addColumn<QString>("pointer"); // "key" or "object/key" in the EM model's header
    QTest::addColumn<QJsonValue>("value"); // undefined: remove the key
    QTest::addColumn<QString>("phrase");
    QTest::newRow("format") << "format" << QJsonValue(QStringLiteral("onnx")) << "format 'onnx'";
    QTest::newRow("format version") << "format_version" << QJsonValue(9) << "format_version 9";
    QTest::newRow("depth") << "architecture/depth" << QJsonValue(9) << "out of range";
    QTest::newRow("width missing") << "architecture/base_width" << QJsonValue(QJsonValue::Undefined) << "'base_width' is missing";
    QTest::newRow("normalization") << "architecture/normalization" << QJsonValue(QStringLiteral("layer")) << "unknown normalization 'layer'";
    QTest::newRow("activation") << "architecture/activation" << QJsonValue(QStringLiteral("tanh")) << "unknown activation 'tanh'";
    QTest::newRow("sigmoid outputs") << "architecture/output_channels" << QJsonValue(3) << "one output channel, not 3";
    QTest::newRow("window") << "input_normalization/upper" << QJsonValue(-5.0) << "must exceed lower";
    QTest::newRow("input kind") << "input_normalization/kind" << QJsonValue(QStringLiteral("minmax")) << "'minmax' is not 'window' or 'zscore'";
    QTest::newRow("spacing") << "spacing_mm" << QJsonValue(QJsonArray{-1.0, 1.0}) << "negative spacing_mm";
    QTest::newRow("slice plane") << "slice_plane" << QJsonValue(QStringLiteral("oblique")) << "slice_plane 'oblique'";
    QTest::newRow("precision") << "weights_precision" << QJsonValue(QStringLiteral("int8")) << "weights_precision 'int8'";
    QTest::newRow("tile") << "tile_size" << QJsonValue(100) << "out of range";
    QTest::newRow("slice axis") << "slice_axis" << QJsonValue(3) << "out of range";
    QTest::newRow("classes") << "classes" << QJsonValue(QJsonArray{}) << "0 classes listed, the architecture has 2";
}

void TestModelHeader::badHeadersAreRefusedByName()
{
    QFETCH(QString, pointer);
    QFETCH(QJsonValue, value);
    QFETCH(QString, phrase);
    const QString em = QDir(kModels).filePath(QStringLiteral("em-membranes.dlm"));
    QJsonObject json = rawHeader(fileBytes(em));
    QVERIFY(ModelHeader::fromJson(json, em).ok());
    const QStringList parts = pointer.split(QLatin1Char('/'));
    if (parts.size() == 1) {
        QVERIFY(json.contains(parts[0]) || !value.isUndefined());
        if (value.isUndefined())
            json.remove(parts[0]);
        else
            json.insert(parts[0], value);
    } else {
        QJsonObject inner = json.value(parts[0]).toObject();
        QVERIFY(!inner.isEmpty());
        if (value.isUndefined())
            inner.remove(parts[1]);
        else
            inner.insert(parts[1], value);
        json.insert(parts[0], inner);
    }
    const QString origin = QStringLiteral("/models/damaged-header.dlm");
    auto parsed = parseModelHeaderJson(QJsonDocument(json).toJson(), origin);
    QVERIFY(!parsed.ok());
    QVERIFY2(parsed.error().message.contains(origin) && parsed.error().message.contains(phrase), qPrintable(parsed.error().message));
    auto notJson = parseModelHeaderJson(QByteArray("{\"name\": "), origin);
    QVERIFY(!notJson.ok() && notJson.error().message.contains(QLatin1String("not valid JSON")));
}

void TestModelHeader::rewriteKeepsTheWeights()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("em.dlm"));
    QVERIFY(QFile::copy(QDir(kModels).filePath(QStringLiteral("em-membranes.dlm")), path));
    const QByteArray before = fileBytes(path);
    auto layoutBefore = parseModelFile(before, path);
    QVERIFY(layoutBefore.ok());
    const QByteArray weights = before.mid(layoutBefore->weightsOffset, layoutBefore->weightsLength);

    ModelHeader header = layoutBefore->header;
    header.name = QStringLiteral("EM membranes, renamed with a much longer name than before so that the weights move");
    header.version = QStringLiteral("2026-11-27.test");
    header.provenance.notes += QStringLiteral(" Rewritten by tst_ModelHeader.");
    QVERIFY(rewriteModelHeader(path, header).ok());
    const QByteArray after = fileBytes(path);
    QCOMPARE(rawHeader(after).value(QStringLiteral("name")).toString(), header.name);
    const uint64_t headerLength = littleEndian64(after, 16);
    QVERIFY(24 + qsizetype(headerLength) + 8 != layoutBefore->weightsOffset); // the weights did move
    QCOMPARE(after.mid(24 + qsizetype(headerLength) + 8), weights);
    auto reread = readModelHeader(path);
    QVERIFY(reread.ok());
    QCOMPARE(reread->version, header.version);

    // What describes the weights cannot change; the file stays as it was.
    ModelHeader deeper = *reread;
    deeper.architecture.depth += 1;
    auto refused = rewriteModelHeader(path, deeper);
    QVERIFY(!refused.ok());
    QVERIFY2(refused.error().message.contains(path) && refused.error().message.contains(QLatin1String("cannot be changed")),
             qPrintable(refused.error().message));
    ModelHeader fewer = *reread;
    fewer.classes.removeLast();
    QVERIFY(!rewriteModelHeader(path, fewer).ok());
    QCOMPARE(fileBytes(path), after);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("em.dlm")}); // no temporary left
}

void TestModelHeader::axialModelsFollowTheHeadFootAxis()
{
    auto brain = readModelHeader(QDir(kModels).filePath(QStringLiteral("brain-mask-t1.dlm")));
    auto em = readModelHeader(QDir(kModels).filePath(QStringLiteral("em-membranes.dlm")));
    QVERIFY(brain.ok() && em.ok());
    QVERIFY(brain->axialSlices);
    QVERIFY(!em->axialSlices);
    // Three storage orders of one head (LPS): axial (rows along P, slices along S), sagittal (slices along L, rows
    // along S), coronal (slices along P). The head-foot axis is the voxel axis whose direction column is nearest S.
    const struct { const char* name; Matrix3 direction; int headFoot; } orders[] = {
        {"axial", Matrix3{{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}}, 2},
        {"sagittal", Matrix3{{{0, 0, 1}, {1, 0, 0}, {0, -1, 0}}}, 1},
        {"coronal", Matrix3{{{1, 0, 0}, {0, 0, 1}, {0, -1, 0}}}, 1},
        {"sagittal, slices head-foot last", Matrix3{{{0, 0.1, 0.995}, {0.995, 0, 0}, {0, 0.995, -0.1}}}, 1},
        {"tilted axial", Matrix3{{{1, 0, 0}, {0, 0.966, -0.259}, {0, 0.259, 0.966}}}, 2},
    };
    for (const auto& order : orders) {
        const ImageGeometry geometry({64, 64, 32}, Vector3{1, 1, 1}, Vector3{0, 0, 0}, order.direction);
        // The expectation from the matrix: the column (voxel axis) with the largest |S| component.
        int expected = 0;
        for (int c = 1; c < 3; ++c)
            if (std::abs(order.direction[2][std::size_t(c)]) > std::abs(order.direction[2][std::size_t(expected)]))
                expected = c;
        QCOMPARE(expected, order.headFoot);
        QVERIFY2(brain->sliceAxisFor(geometry) == order.headFoot, order.name);
        QVERIFY2(em->sliceAxisFor(geometry) == em->sliceAxis, order.name);
    }
}

QTEST_GUILESS_MAIN(TestModelHeader)
#include "tst_ModelHeader.moc"
