// What a model file says about itself: architecture, input normalisation, training geometry, classes, provenance.
#pragma once

#include "common/Expected.h"
#include "image/ImageGeometry.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <array>
#include <cstdint>

namespace delineate::ml {

enum class Normalization { None, BatchNorm, InstanceNorm, GroupNorm };
enum class OutputActivation { Sigmoid, Softmax };

// A U-Net family member. The "simple" preset is the reference SimpleUNet of issue 10.
struct UNetArchitecture
{
    QString preset = QStringLiteral("unet");
    int inputChannels = 1;
    // Output channels: 1 for a binary sigmoid model, the number of classes for softmax.
    int outputChannels = 1;
    int depth = 4;            // number of resolution levels (depth - 1 poolings)
    int baseWidth = 16;       // channels at the first level; doubled at each level below
    int convolutionsPerLevel = 2;
    Normalization normalization = Normalization::BatchNorm;
    double dropout = 0.0;     // channel dropout at the bottleneck during training
    OutputActivation activation = OutputActivation::Sigmoid;

    // The reference SimpleUNet: 32-64-128-256, one convolution per level, no normalisation, sigmoid.
    static UNetArchitecture simple(int inputChannels = 1);
    // The recommended default: 16-32-64-128, two convolutions per level, batch norm.
    static UNetArchitecture recommended(int inputChannels = 1);
    // "simple" or "unet"; an Error names the unknown preset.
    static Expected<UNetArchitecture> fromPreset(const QString& name, int inputChannels = 1);

    // The input size must be a multiple of this (one halving per pooling).
    int sizeMultiple() const { return 1 << (depth - 1); }
    // Multiply-adds x2 for one forward pass on a height x width slice (convolutions only).
    double forwardFlops(int64_t height, int64_t width) const;

    QJsonObject toJson() const;
    static Expected<UNetArchitecture> fromJson(const QJsonObject& json);
};

// How raw voxel values become network input. Window: [lower, upper] -> [0, 1], clipped (CT window, 8-bit EM);
// ZScore: (v - mean) / sd over the whole volume, computed per input volume.
struct IntensityNormalization
{
    enum class Kind { Window, ZScore };
    Kind kind = Kind::Window;
    double lower = 0.0;
    double upper = 255.0;

    QJsonObject toJson() const;
    static Expected<IntensityNormalization> fromJson(const QJsonObject& json);
};

struct ClassInfo
{
    int value = 0;      // label value in label maps (e.g. 255 for EM cell interior)
    QString name;
    QString colour;     // "#rrggbb"
};

struct Provenance
{
    QString dataSetHash;    // SHA-256 over the training files' names and bytes
    QString dataSetDescription;
    int epochs = 0;
    double trainingMinutes = 0.0;
    QJsonObject metrics;    // e.g. {"val_dice_membrane": 0.85}
    QString parentModel;    // file the weights were fine-tuned from, if any
    QString created;        // ISO 8601 UTC
    QString software;       // "delineate 0.1.0 / LibTorch 1.13.1"
    QString notes;          // licence and citation of the data, limitations
};

// The JSON header of a model file (and the sidecar of a TorchScript model).
struct ModelHeader
{
    static constexpr int kFormatVersion = 1;

    QString name;                       // "EM membranes"
    QString version;                    // e.g. "2026-11-25.1"; empty in older files (then the created time serves)
    QString modality;                   // the images it was made for: "MR", "CT", "EM", ... (empty: any)
    QString format = QStringLiteral("delineate-unet"); // or "torchscript"
    UNetArchitecture architecture;
    IntensityNormalization normalization;
    std::array<double, 2> spacing{{0.0, 0.0}}; // in-plane mm (column, row) it was trained at; 0 = any
    int patchSize = 256;                // training crop edge
    int tileSize = 512;                 // inference window edge (slices larger than this are tiled)
    int sliceAxis = 2;                  // voxel axis normal to the slices it was trained on
    // Trained on axial slices of oriented volumes: runs on the slices normal to whichever voxel axis lies nearest
    // the patient's head-foot axis (a sagittally stored 3D T1 is segmented in axial slices too), not on `sliceAxis`.
    bool axialSlices = false;
    QString weightsPrecision = QStringLiteral("float32"); // how the file stores weights: float32 or float16
    QVector<ClassInfo> classes;         // by output index; a binary model has two (background first)
    Provenance provenance;

    // Label value of output class index i; for a binary model, index 1 is "probability >= threshold".
    int classValue(int index) const { return index < classes.size() ? classes[index].value : index; }

    QJsonObject toJson() const;
    // `origin` names the file in error messages.
    static Expected<ModelHeader> fromJson(const QJsonObject& json, const QString& origin);
    // Name and version for people and for the AI results a model leaves in a segmentation.
    QString versionText() const { return version.isEmpty() ? provenance.created : version; }
    // The voxel axis normal to the slices it runs on in a volume of this orientation (see axialSlices).
    int sliceAxisFor(const ImageGeometry& geometry) const;
};

// Where a model file's parts are (".dlm": the 16 bytes "DELINEATE-MODEL\n", the JSON header's length as uint64
// little endian, the JSON, the weights' length, the weights), checked without reading the weights.
struct ModelFileLayout
{
    ModelHeader header;
    qsizetype weightsOffset = 0;
    qsizetype weightsLength = 0;
};
extern const char kModelFileMagic[17];
bool isTorchScriptModelPath(const QString& path); // .pt, .pts, .torchscript
// The header of a model file, or of a TorchScript file's JSON sidecar (PATH.json): reads no weights and needs no
// engine, so the AI panel can show a model before anything is loaded.
Expected<ModelHeader> readModelHeader(const QString& path);
// Parses a whole model file's bytes; `path` names it in messages.
Expected<ModelFileLayout> parseModelFile(const QByteArray& bytes, const QString& path);
Expected<ModelHeader> parseModelHeaderJson(const QByteArray& json, const QString& origin);
// Replaces a model file's header (or a TorchScript file's sidecar) atomically, keeping the weights as they are.
// The architecture, classes and normalisation must not change (they describe the weights).
Expected<void> rewriteModelHeader(const QString& path, const ModelHeader& header);

} // namespace delineate::ml
