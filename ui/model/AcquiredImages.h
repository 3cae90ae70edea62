// Whether the view in the acquisition plane shows a regularised series on its acquired images, and how those
// images map to the shared crosshair. The regularised volume stays what MPR, editing and AI use. No widgets here.
#pragma once

#include "model/ViewerState.h"

#include <QObject>

namespace delineate {

struct AcquiredSlices;

class AcquiredImages : public QObject
{
    Q_OBJECT
public:
    // The regularised volume keeps the stack's axes (SliceRegularizer): its voxel axis 2 is the stacking
    // direction, so the view with this slice axis is the one in the acquisition (gantry) plane.
    static constexpr int kStackAxis = 2;

    explicit AcquiredImages(ViewerState* state, QObject* parent = nullptr);

    // The image on screen was regularised and its acquired images were kept.
    bool isAvailable() const;
    // The View menu's toggle; it stays set from series to series and applies where images are available.
    bool isRequested() const { return m_requested; }
    void setRequested(bool requested);
    bool isShown() const { return m_requested && isAvailable(); }
    const AcquiredSlices* slices() const; // null when not available
    int count() const;

    // The acquired image whose plane is nearest to the crosshair.
    int sliceNearestCursor() const;
    // The crosshair projected onto acquired image k: continuous (i, j, k) on that image's grid.
    Vector3 cursorOnSlice(int k) const;
    // The regularised volume's voxel nearest to the point at continuous (i, j) of acquired image k.
    ViewerState::Index regularVoxel(double i, double j, int k) const;

Q_SIGNALS:
    // The toggle or the image changed: views re-check what they show.
    void changed();

private:
    ViewerState* m_state;
    bool m_requested = false;
};

} // namespace delineate
