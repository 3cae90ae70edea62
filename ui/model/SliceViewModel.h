// How one view (axial, coronal or sagittal) shows a volume's own voxel grid: which voxel axes run along the screen,
// which are flipped for the radiological convention, and the orientation letters at the edges. No widgets here.
#pragma once

#include "image/ImageGeometry.h"
#include "image/SlicePlane.h"

#include <QImage>
#include <QPointF>
#include <QRect>
#include <QRgb>
#include <QString>

#include <array>
#include <cstdint>

namespace delineate {

class DisplayLut;
class LabelLayer;
class Volume;

enum class ViewOrientation { Axial = 0, Coronal = 1, Sagittal = 2 };
enum class LabelDrawing { Fill, Outline };

class SliceViewModel
{
public:
    explicit SliceViewModel(ViewOrientation orientation = ViewOrientation::Axial);

    ViewOrientation orientation() const { return m_orientation; }
    static QString orientationName(ViewOrientation orientation); // translated

    // Chooses, as ITK-SNAP does, the voxel axis nearest to each anatomical axis of this view; never resamples.
    void setGeometry(const ImageGeometry& geometry);
    const ImageGeometry& geometry() const { return m_geometry; }

    int columnAxis() const { return m_axes[0]; } // voxel axis running left to right on screen
    int rowAxis() const { return m_axes[1]; }    // voxel axis running top to bottom on screen
    int sliceAxis() const { return m_axes[2]; }  // voxel axis through the screen
    bool columnsFlipped() const { return m_flipped[0]; }
    bool rowsFlipped() const { return m_flipped[1]; }
    int columns() const { return int(m_geometry.size()[m_axes[0]]); }
    int rows() const { return int(m_geometry.size()[m_axes[1]]); }
    int sliceCount() const { return int(m_geometry.size()[m_axes[2]]); }
    double columnSpacing() const { return m_geometry.spacing()[m_axes[0]]; }
    double rowSpacing() const { return m_geometry.spacing()[m_axes[1]]; }

    // Image coordinates: column/row in [0, columns) x [0, rows), voxel centres at +0.5.
    QPointF imagePoint(const Vector3& index) const;
    // Continuous voxel index of an image point on slice `slice`.
    Vector3 voxelIndex(const QPointF& imagePoint, double slice) const;
    // Nearest voxel of an image point, clamped into the volume.
    std::array<int64_t, 3> nearestVoxel(const QPointF& imagePoint, int64_t slice) const;

    // Anatomical letters (R/L/A/P/S/I, several for an oblique direction) for the screen edge.
    QString edgeLabel(Qt::Edge edge) const;
    bool isOblique() const { return m_geometry.isOblique(); }

    // Fills `target` (Format_RGB32, columns x rows; reallocated if needed) with one slice through `lut`.
    void extractSlice(const Volume& volume, int slice, const DisplayLut& lut, QImage& target) const;
    // Fills `target` (Format_ARGB32_Premultiplied) with the colours of one label layer's slice: `colours` has an entry
    // per value (256, or 65536 for a wide layer; transparent for hidden labels). Outline keeps only the voxels on a
    // label's boundary within the slice. With `over`, only coloured pixels are written (later layers over earlier).
    // Returns whether anything visible was drawn.
    // With a valid `region` (image coordinates) only that part of `target` is rewritten; `target` must then already
    // have the slice's size.
    bool extractLabels(const LabelLayer& layer, int slice, const QRgb* colours, LabelDrawing drawing, bool over,
                       QImage& target, const QRect& region = QRect()) const;
    // The part of this view's image (columns x rows) that a box of voxels covers on slice `slice`; empty when the
    // box does not cross the slice.
    QRect imageRegion(const std::array<int64_t, 3>& lower, const std::array<int64_t, 3>& upper, int slice) const;

    // The slice as the screen shows it (columns left to right, rows top to bottom), for tools and overlays.
    const SlicePlane& plane() const { return m_plane; }

private:
    static QString lettersFor(const Vector3& direction);

    ViewOrientation m_orientation;
    ImageGeometry m_geometry;
    std::array<int, 3> m_axes{0, 1, 2};
    std::array<bool, 2> m_flipped{false, false};
    SlicePlane m_plane;
};

} // namespace delineate
