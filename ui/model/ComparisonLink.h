// Links the slices of two images shown side by side (a scan and its prior, two phases): scrolling one moves the
// other to the slice at the same patient position when both share a frame of reference, else to the same relative
// slice, and says which. No widgets here.
#pragma once

#include "image/SliceMatch.h"
#include "model/SliceViewModel.h"

#include <QObject>
#include <QString>

namespace delineate {

class ViewerState;

class ComparisonLink : public QObject
{
    Q_OBJECT
public:
    enum class Mode { Position, SliceFraction, Off };

    // `main` is the image the segmentation, tools and AI work on; `other` the one compared with it.
    ComparisonLink(ViewerState* main, ViewerState* other, QObject* parent = nullptr);

    // The view whose slices are linked (its slice axis in each image).
    void setOrientation(ViewOrientation orientation);
    ViewOrientation orientation() const { return m_orientation; }
    // The user's "Link scrolling" switch.
    void setEnabled(bool enabled);
    bool isEnabled() const { return m_enabled; }

    // Position when both images carry the same FrameOfReferenceUID, SliceFraction for any other pair, Off when
    // switched off or an image is missing.
    Mode mode() const;
    // One line for the user: how the views are linked, and what to beware of (not registered, another patient, the
    // position lying beyond the other image's slices).
    QString note() const;
    // The last match by position (from the main image to the other); meaningful in Position mode.
    const SliceMatch& lastMatch() const { return m_lastMatch; }

    // Moves `other` to follow `main` now (as when the comparison opens).
    void syncOtherToMain();

    // Whether two images may be linked by patient position: both name the same, non-empty frame of reference.
    static bool sharesFrameOfReference(const ViewerState& a, const ViewerState& b);

Q_SIGNALS:
    void noteChanged(const QString& note);

private:
    void follow(ViewerState* from, ViewerState* to);
    void emitNoteIfChanged();

    ViewerState* m_main;
    ViewerState* m_other;
    ViewOrientation m_orientation = ViewOrientation::Axial;
    bool m_enabled = true;
    bool m_following = false; // guards against the followed image moving the first one back
    SliceMatch m_lastMatch;
    QString m_note;
};

} // namespace delineate
