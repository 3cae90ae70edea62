// Following one ViewerState's crosshair with another's: by patient position or by relative slice.
#include "model/ComparisonLink.h"

#include "image/Volume.h"
#include "model/ViewerState.h"

#include <algorithm>
#include <cmath>

namespace delineate {

namespace {

int sliceAxisOf(const ViewerState& state, ViewOrientation orientation)
{
    SliceViewModel model(orientation);
    model.setGeometry(state.volume()->geometry());
    return model.sliceAxis();
}

} // namespace

ComparisonLink::ComparisonLink(ViewerState* main, ViewerState* other, QObject* parent)
    : QObject(parent), m_main(main), m_other(other)
{
    connect(m_main, &ViewerState::cursorChanged, this, [this]() { follow(m_main, m_other); });
    connect(m_other, &ViewerState::cursorChanged, this, [this]() { follow(m_other, m_main); });
    connect(m_main, &ViewerState::imageChanged, this, &ComparisonLink::emitNoteIfChanged);
    connect(m_other, &ViewerState::imageChanged, this, &ComparisonLink::emitNoteIfChanged);
}

bool ComparisonLink::sharesFrameOfReference(const ViewerState& a, const ViewerState& b)
{
    const QString& uid = a.info().frameOfReferenceUid;
    return !uid.isEmpty() && uid == b.info().frameOfReferenceUid && a.info().orientationKnown
           && b.info().orientationKnown;
}

ComparisonLink::Mode ComparisonLink::mode() const
{
    if (!m_enabled || !m_main->hasImage() || !m_other->hasImage())
        return Mode::Off;
    return sharesFrameOfReference(*m_main, *m_other) ? Mode::Position : Mode::SliceFraction;
}

void ComparisonLink::setOrientation(ViewOrientation orientation)
{
    m_orientation = orientation;
    syncOtherToMain();
}

void ComparisonLink::setEnabled(bool enabled)
{
    m_enabled = enabled;
    syncOtherToMain();
    emitNoteIfChanged();
}

void ComparisonLink::syncOtherToMain()
{
    follow(m_main, m_other);
    emitNoteIfChanged();
}

void ComparisonLink::follow(ViewerState* from, ViewerState* to)
{
    const Mode linked = mode();
    if (m_following || linked == Mode::Off)
        return;
    m_following = true;
    const int fromAxis = sliceAxisOf(*from, m_orientation);
    const int toAxis = sliceAxisOf(*to, m_orientation);
    const ImageGeometry& fromGeometry = from->volume()->geometry();
    const ImageGeometry& toGeometry = to->volume()->geometry();
    ViewerState::Index cursor = to->cursor();
    if (linked == Mode::Position) {
        // The crosshair's patient position: the slice along the view normal, and the in-plane point with it, so that
        // both crosshairs mark the same place in the patient.
        const Vector3 point = from->cursorPhysical();
        const SliceMatch match = nearestSliceTo(toGeometry, toAxis, point);
        const Vector3 index = toGeometry.physicalToIndex(point);
        for (int axis = 0; axis < 3; ++axis)
            cursor[std::size_t(axis)] = axis == toAxis ? match.slice : int64_t(std::lround(index[std::size_t(axis)]));
    } else {
        cursor[std::size_t(toAxis)] =
            matchSliceByFraction(fromGeometry, fromAxis, int(from->cursor()[std::size_t(fromAxis)]), toGeometry, toAxis);
    }
    to->setCursor(cursor); // clamped into the image
    if (linked == Mode::Position) {
        // Where the main image's crosshair lies relative to the other image's slices (for the note).
        m_lastMatch = nearestSliceTo(m_other->volume()->geometry(), sliceAxisOf(*m_other, m_orientation),
                                     m_main->cursorPhysical());
    }
    m_following = false;
    emitNoteIfChanged();
}

QString ComparisonLink::note() const
{
    QString text;
    switch (mode()) {
    case Mode::Off:
        text = tr("Scrolling not linked");
        break;
    case Mode::SliceFraction:
        text = tr("Not registered (different frames of reference): linked by slice number, not by position");
        break;
    case Mode::Position:
        text = m_lastMatch.withinImage
                   ? tr("Same frame of reference: linked by patient position")
                   : tr("Same frame of reference; this position is %1 mm beyond the compared series' slices")
                         .arg(m_lastMatch.distanceMm, 0, 'f', 1);
        break;
    }
    if (m_main->hasImage() && m_other->hasImage()) {
        const QString& a = m_main->info().patientId;
        const QString& b = m_other->info().patientId;
        if (!a.isEmpty() && !b.isEmpty() && a != b)
            text = tr("Different patients (ID %1 and %2). %3").arg(a, b, text);
    }
    return text;
}

void ComparisonLink::emitNoteIfChanged()
{
    const QString text = note();
    if (text == m_note)
        return;
    m_note = text;
    Q_EMIT noteChanged(text);
}

} // namespace delineate
