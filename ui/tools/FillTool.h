// The fill (region grow) tool in the views: a click seeds core's regionGrow at the voxel under the pointer, in the
// slice on screen (2D) or through the volume (3D), within a tolerance of the seed's value; one click is one edit.
#pragma once

#include "edit/Brush.h"
#include "edit/SegmentationDocument.h"
#include "tools/SliceTool.h"

#include <functional>

namespace delineate {

class SegmentationLayer;

struct FillSettings
{
    double tolerance = 50.0; // in the image's units (HU for CT)
    bool threeD = false;
    OverwritePolicy policy;
};

class FillTool : public SliceTool
{
    Q_OBJECT
public:
    // `ensureDocument` returns the document to fill into, creating one when there is none (null: cannot fill).
    FillTool(SegmentationLayer* layer, std::function<SegmentationDocument*()> ensureDocument, QObject* parent = nullptr);

    QString name() const override;
    const FillSettings& settings() const { return m_settings; }
    void setSettings(const FillSettings& settings);

    bool mousePress(SliceView& view, QMouseEvent* event) override;
    bool mouseMove(SliceView& view, QMouseEvent* event) override;
    bool mouseRelease(SliceView& view, QMouseEvent* event) override;
    void paint(QPainter& painter, const SliceView& view) override;

    static double maximumTolerance() { return 100000.0; }

Q_SIGNALS:
    void settingsChanged();
    // A fill was committed (its history text).
    void filled(const QString& description);

private:
    SegmentationLayer* m_layer;
    std::function<SegmentationDocument*()> m_ensureDocument;
    FillSettings m_settings;
};

} // namespace delineate
