// Acquired images of a regularised series: the toggle and the mapping between their slices and the crosshair.
#include "model/AcquiredImages.h"

#include "dicom/AcquiredSlices.h"
#include "image/Volume.h"

#include <cmath>

namespace delineate {

AcquiredImages::AcquiredImages(ViewerState* state, QObject* parent) : QObject(parent), m_state(state)
{
    connect(m_state, &ViewerState::imageChanged, this, &AcquiredImages::changed);
}

bool AcquiredImages::isAvailable() const
{
    return slices() != nullptr;
}

const AcquiredSlices* AcquiredImages::slices() const
{
    const AcquiredSlices* acquired = m_state->hasImage() ? m_state->info().acquiredSlices.get() : nullptr;
    return acquired && acquired->count() > 0 && !acquired->stack.isEmpty() ? acquired : nullptr;
}

int AcquiredImages::count() const
{
    const AcquiredSlices* acquired = slices();
    return acquired ? acquired->count() : 0;
}

void AcquiredImages::setRequested(bool requested)
{
    if (requested == m_requested)
        return;
    m_requested = requested;
    Q_EMIT changed();
}

int AcquiredImages::sliceNearestCursor() const
{
    const AcquiredSlices* acquired = slices();
    return acquired ? acquired->nearestSlice(m_state->cursorPhysical()) : 0;
}

Vector3 AcquiredImages::cursorOnSlice(int k) const
{
    const AcquiredSlices* acquired = slices();
    return acquired ? acquired->indexOnSlice(m_state->cursorPhysical(), k) : Vector3{0, 0, double(k)};
}

ViewerState::Index AcquiredImages::regularVoxel(double i, double j, int k) const
{
    const AcquiredSlices* acquired = slices();
    if (!acquired)
        return m_state->cursor();
    const Vector3 index = m_state->volume()->geometry().physicalToIndex(acquired->physicalPoint(i, j, k));
    return {int64_t(std::llround(index[0])), int64_t(std::llround(index[1])), int64_t(std::llround(index[2]))};
}

} // namespace delineate
