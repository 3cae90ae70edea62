// Model files: round trip, damaged and mismatched files as errors, TorchScript with a sidecar.
#include "ml/Inference.h"
#include "ml/ModelInternals.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace delineate;
using namespace delineate::ml;

namespace {

ModelHeader smallHeader()
{
    ModelHeader h;
    h.name = QStringLiteral("test");
    h.architecture = UNetArchitecture::recommended();
    h.architecture.baseWidth = 4;
    h.architecture.depth = 3;
    h.classes = {ClassInfo{0, QStringLiteral("background"), QStringLiteral("#000000")},
                 ClassInfo{255, QStringLiteral("object"), QStringLiteral("#ff0000")}};
    h.provenance.epochs = 7;
    h.provenance.metrics = QJsonObject{{QStringLiteral("val_mean_dice"), 0.5}};
    return h;
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    f.open(QIODevice::ReadOnly);
    return f.readAll();
}

void writeAll(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(bytes);
}

} // namespace

class TestModelFile : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString path(const char* name) const { return m_dir.filePath(QLatin1String(name)); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        at::set_num_threads(2);
    }

    void saveAndLoad()
    {
        auto model = SegmentationModel::create(smallHeader(), 5);
        QVERIFY(model.ok());
        // Train-mode batch-norm statistics change the buffers; they must survive the file too.
        {
            auto& net = model->internals().network;
            net->train();
            torch::NoGradGuard noGrad;
            net->forward(torch::rand({2, 1, 16, 16}) * 3.0);
            net->eval();
        }
        QVERIFY(model->save(path("m.dlm")).ok());
        auto loaded = SegmentationModel::load(path("m.dlm"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.error().message));
        QCOMPARE(loaded->header().name, QStringLiteral("test"));
        QCOMPARE(loaded->header().architecture.baseWidth, 4);
        QCOMPARE(loaded->header().classes.size(), 2);
        QCOMPARE(loaded->header().classes[1].value, 255);
        QCOMPARE(loaded->header().provenance.epochs, 7);
        QCOMPARE(loaded->header().provenance.metrics.value(QStringLiteral("val_mean_dice")).toDouble(), 0.5);
        QCOMPARE(loaded->parameterCount(), model->parameterCount());
        torch::NoGradGuard noGrad;
        const auto input = torch::rand({1, 1, 16, 16});
        model->internals().network->eval();
        loaded->internals().network->eval();
        const auto a = model->internals().network->forward(input);
        const auto b = loaded->internals().network->forward(input);
        QVERIFY((a - b).abs().max().item<float>() < 1e-6f);
    }

    void halfPrecisionFile()
    {
        ModelHeader recommended = smallHeader();
        recommended.architecture = UNetArchitecture::recommended(); // big enough for the weights to dominate the file
        auto model = SegmentationModel::create(recommended, 9);
        QVERIFY(model.ok());
        QVERIFY(model->save(path("full.dlm")).ok());
        ModelHeader h = model->header();
        h.weightsPrecision = QStringLiteral("float16");
        model->setHeader(h);
        QVERIFY(model->save(path("half.dlm")).ok());
        QVERIFY(QFileInfo(path("half.dlm")).size() < QFileInfo(path("full.dlm")).size() * 0.75);
        auto loaded = SegmentationModel::load(path("half.dlm"));
        QVERIFY2(loaded.ok(), qPrintable(loaded.error().message));
        QCOMPARE(loaded->header().weightsPrecision, QStringLiteral("float16"));
        torch::NoGradGuard noGrad;
        model->internals().network->eval();
        loaded->internals().network->eval();
        const auto input = torch::rand({1, 1, 16, 16});
        const auto a = torch::sigmoid(model->internals().network->forward(input));
        const auto b = torch::sigmoid(loaded->internals().network->forward(input));
        QVERIFY((a - b).abs().max().item<float>() < 1e-2f);
        QVERIFY(loaded->internals().network->parameters()[0].dtype() == torch::kFloat);
    }

    void damagedFilesAreErrors_data()
    {
        QTest::addColumn<int>("damage");
        QTest::addColumn<QString>("expected");
        QTest::newRow("truncated weights") << 0 << QStringLiteral("truncated");
        QTest::newRow("truncated header") << 1 << QStringLiteral("truncated");
        QTest::newRow("not a model") << 2 << QStringLiteral("not a Delineate model file");
        QTest::newRow("wrong width in header") << 3 << QStringLiteral("do not fit");
        QTest::newRow("header not JSON") << 4 << QStringLiteral("not valid JSON");
        QTest::newRow("missing architecture") << 5 << QStringLiteral("architecture field");
        QTest::newRow("corrupt weights") << 6 << QStringLiteral("cannot read the weights");
        QTest::newRow("missing file") << 7 << QStringLiteral("no such model file");
    }
    void damagedFilesAreErrors()
    {
        QFETCH(int, damage);
        QFETCH(QString, expected);
        auto model = SegmentationModel::create(smallHeader(), 5);
        QVERIFY(model.ok());
        QVERIFY(model->save(path("good.dlm")).ok());
        const QByteArray good = readAll(path("good.dlm"));
        const QString damaged = path("damaged.dlm");
        const int headerStart = 16 + 8;
        qsizetype headerLength = 0;
        for (int i = 0; i < 8; ++i)
            headerLength |= qsizetype(uint8_t(good[16 + i])) << (8 * i);
        const QByteArray json = good.mid(headerStart, headerLength);
        auto withHeader = [&](const QByteArray& newJson) {
            QByteArray bytes = good.left(16);
            for (int i = 0; i < 8; ++i)
                bytes.append(char((uint64_t(newJson.size()) >> (8 * i)) & 0xff));
            return bytes + newJson + good.mid(headerStart + json.size());
        };
        switch (damage) {
        case 0: writeAll(damaged, good.left(good.size() - 1000)); break;
        case 1: writeAll(damaged, good.left(60)); break;
        case 2: writeAll(damaged, QByteArray("PK\x03\x04 this is some other file")); break;
        case 3: {
            QJsonObject h = QJsonDocument::fromJson(json).object();
            QJsonObject a = h.value(QStringLiteral("architecture")).toObject();
            a.insert(QStringLiteral("base_width"), 8);
            h.insert(QStringLiteral("architecture"), a);
            writeAll(damaged, withHeader(QJsonDocument(h).toJson()));
            break;
        }
        case 4: writeAll(damaged, withHeader(QByteArray("{\"format\": ").append(json.size() - 11, ' '))); break;
        case 5: {
            QJsonObject h = QJsonDocument::fromJson(json).object();
            h.remove(QStringLiteral("architecture"));
            writeAll(damaged, withHeader(QJsonDocument(h).toJson()));
            break;
        }
        case 6: {
            QByteArray bytes = good;
            for (qsizetype i = headerStart + json.size() + 8; i < bytes.size(); i += 7)
                bytes[i] = char(bytes[i] ^ 0x5a);
            writeAll(damaged, bytes);
            break;
        }
        case 7: QFile::remove(damaged); break;
        }
        auto loaded = SegmentationModel::load(damaged);
        QVERIFY(!loaded.ok());
        QVERIFY2(loaded.error().message.contains(expected), qPrintable(loaded.error().message));
        QVERIFY2(loaded.error().message.contains(damaged), qPrintable(loaded.error().message));
    }

    void torchScriptModel()
    {
        // A TorchScript module written from C++: one 3x3 convolution that maps the input to logits.
        torch::jit::Module script("PointConvolution");
        auto weight = torch::zeros({1, 1, 3, 3});
        weight[0][0][1][1] = 20.0f;
        script.register_parameter("weight", weight, false);
        script.register_parameter("bias", torch::full({1}, -10.0f), false);
        script.define(R"JIT(
def forward(self, x):
    return torch.conv2d(x, self.weight, self.bias, [1, 1], [1, 1])
)JIT");
        const QString file = path("point.pt");
        script.save(QFile::encodeName(file).toStdString());

        // Without its sidecar it is refused with a message naming the sidecar.
        QFile::remove(torchScriptSidecarPath(file));
        auto missing = SegmentationModel::load(file);
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error().message.contains(QStringLiteral("point.pt.json")), qPrintable(missing.error().message));

        ModelHeader h = smallHeader();
        h.format = QStringLiteral("torchscript");
        h.architecture.depth = 1;
        h.tileSize = 16;
        writeAll(torchScriptSidecarPath(file), QJsonDocument(h.toJson()).toJson());
        auto loaded = SegmentationModel::load(file);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error().message));
        QVERIFY(loaded->isTorchScript());
        QCOMPARE(loaded->parameterCount(), 10);
        QVERIFY(!loaded->save(path("back.dlm")).ok());

        // It segments: probability = sigmoid(20 * v / 255 - 10), label 255 where v >= 127.5; tiled (16 < 40).
        ImageGeometry g({40, 30, 2}, {1, 1, 1}, {0, 0, 0}, {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}});
        Volume volume(g, PixelType::Int16);
        for (std::size_t i = 0; i < volume.voxelCount(); ++i)
            volume.int16Data()[i] = int16_t((i * 37) % 256);
        SimpleJobControl control;
        InferenceOptions options;
        options.threads = 2;
        auto result = segmentVolume(volume, *loaded, options, control);
        QVERIFY2(result.ok(), qPrintable(result.error().message));
        QVERIFY(result->probabilities.geometry().sameGridAs(g));
        double worst = 0.0;
        int wrongLabels = 0;
        for (std::size_t i = 0; i < volume.voxelCount(); ++i) {
            const double v = volume.int16Data()[i];
            const double expected = 1.0 / (1.0 + std::exp(-(20.0 * v / 255.0 - 10.0)));
            worst = std::max(worst, std::abs(expected - result->probabilities.float32Data()[i]));
            wrongLabels += result->labels.data()[i] != (expected >= 0.5 ? 255 : 0);
        }
        QVERIFY2(worst < 1e-4, qPrintable(QString::number(worst)));
        QCOMPARE(wrongLabels, 0);

        // A sidecar that promises more outputs than the module gives is refused at load time.
        h.architecture.activation = OutputActivation::Softmax;
        h.architecture.outputChannels = 3;
        h.classes.append(ClassInfo{2, QStringLiteral("third"), QStringLiteral("#00ff00")});
        writeAll(torchScriptSidecarPath(file), QJsonDocument(h.toJson()).toJson());
        auto mismatched = SegmentationModel::load(file);
        QVERIFY(!mismatched.ok());
        QVERIFY2(mismatched.error().message.contains(QStringLiteral("forward() returned shape")),
                 qPrintable(mismatched.error().message));
    }
};

QTEST_GUILESS_MAIN(TestModelFile)
#include "tst_ModelFile.moc"
