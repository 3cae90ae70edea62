// A loaded segmentation network with its header: a Delineate model file or a TorchScript file with a JSON sidecar.
#pragma once

#include "common/Expected.h"
#include "ml/ModelHeader.h"

#include <QString>

#include <cstdint>
#include <memory>

namespace delineate::ml {

// Model file layout (".dlm"): the 16 bytes "DELINEATE-MODEL\n", the JSON header's byte length (uint64 little
// endian), the JSON header (UTF-8), the weights' byte length (uint64 LE), then the weights as a LibTorch
// serialize archive (parameter and buffer names of UNet). A TorchScript file ("X.pt") reads its header from
// "X.pt.json"; its forward(x: N x C x H x W float) must return logits of N x outputChannels x H x W.
class SegmentationModel
{
public:
    SegmentationModel();
    ~SegmentationModel();
    SegmentationModel(SegmentationModel&&) noexcept;
    SegmentationModel& operator=(SegmentationModel&&) noexcept;

    // A new network with random weights (seeded), described by `header`.
    static Expected<SegmentationModel> create(const ModelHeader& header, uint64_t seed = 1);
    // Reads a model file, or a TorchScript file (.pt, .pts, .torchscript) with its sidecar PATH.json.
    static Expected<SegmentationModel> load(const QString& path);

    // Writes a model file atomically (TorchScript models cannot be written back).
    Expected<void> save(const QString& path) const;
    // An independent copy (its own weights and device state): inference on one while another is trained.
    Expected<SegmentationModel> clone() const;

    bool isValid() const { return m_private != nullptr; }
    const ModelHeader& header() const;
    void setHeader(const ModelHeader& header); // provenance updates; the architecture must not change
    bool isTorchScript() const;
    int64_t parameterCount() const;

    // For the torch code inside core/ml only (see ml/ModelInternals.h).
    struct Private;
    Private& internals() const { return *m_private; }

private:
    std::unique_ptr<Private> m_private;
};

// The sidecar that describes a TorchScript file.
QString torchScriptSidecarPath(const QString& modelPath);

} // namespace delineate::ml
