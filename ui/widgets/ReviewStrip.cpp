// Review strip: reviewed slices and the current slice of one view, click to go to a slice.
#include "widgets/ReviewStrip.h"

#include "image/Segmentation.h"
#include "model/SegmentationLayer.h"
#include "model/ViewerState.h"
#include "widgets/SliceView.h"

#include <QHelpEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>
#include <cmath>

namespace delineate {

namespace {
constexpr double kMargin = 2.0; // above the first row and below the last
} // namespace

ReviewStrip::ReviewStrip(SliceView* view) : QWidget(view), m_view(view)
{
    setObjectName(QStringLiteral("ReviewStrip"));
    setCursor(Qt::PointingHandCursor);
    setAttribute(Qt::WA_NoMousePropagation);
    connect(view->state(), &ViewerState::cursorChanged, this, qOverload<>(&QWidget::update));
    connect(view->state(), &ViewerState::imageChanged, this, &ReviewStrip::refresh);
    refresh();
}

void ReviewStrip::setSegmentationLayer(SegmentationLayer* layer)
{
    if (m_layer)
        disconnect(m_layer, nullptr, this, nullptr);
    m_layer = layer;
    if (m_layer)
        connect(m_layer, &SegmentationLayer::reviewedSlicesChanged, this, qOverload<>(&QWidget::update));
    update();
}

int64_t ReviewStrip::sliceCount() const
{
    return m_view->hasImage() ? m_view->model().sliceCount() : 0;
}

bool ReviewStrip::isWanted() const
{
    return sliceCount() > 1 && !m_view->showsAcquired(); // reviews are of the regularised slices
}

void ReviewStrip::refresh()
{
    setVisible(isWanted());
    update();
}

QRectF ReviewStrip::sliceRect(int64_t slice) const
{
    const int64_t count = std::max<int64_t>(1, sliceCount());
    const double rowHeight = (height() - 2 * kMargin) / double(count);
    const double top = kMargin + double(count - 1 - slice) * rowHeight;
    return {0.0, top, double(width()), rowHeight};
}

int64_t ReviewStrip::sliceAt(double y) const
{
    const int64_t count = sliceCount();
    if (count <= 0)
        return 0;
    const double rowHeight = (height() - 2 * kMargin) / double(count);
    const int64_t fromTop = int64_t(std::floor((y - kMargin) / rowHeight));
    return std::clamp<int64_t>(count - 1 - fromTop, 0, count - 1);
}

void ReviewStrip::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0, 0, 0, 150));
    const int64_t count = sliceCount();
    if (count <= 0)
        return;
    const int axis = m_view->model().sliceAxis();
    const Segmentation* segmentation = m_layer ? m_layer->segmentation() : nullptr;
    if (segmentation) {
        // Runs of consecutive reviewed slices as one rectangle each, at least a pixel high so a single slice of a
        // 500-slice axis still shows.
        const std::vector<int64_t> reviewed = segmentation->reviewedSlices().slices(axis);
        for (std::size_t n = 0; n < reviewed.size();) {
            std::size_t end = n + 1;
            while (end < reviewed.size() && reviewed[end] == reviewed[end - 1] + 1)
                ++end;
            QRectF run = sliceRect(reviewed[end - 1]).united(sliceRect(reviewed[n])).adjusted(1, 0, -1, 0);
            if (run.height() < 1.0)
                run.setHeight(1.0);
            painter.fillRect(run, reviewedColour());
            n = end;
        }
    }
    // The slice on screen: a frame around its row where rows are tall (its review mark stays visible inside), a
    // bright bar two pixels high where they are thin.
    const QColor marker(255, 230, 80);
    QRectF current = sliceRect(m_view->currentSlice());
    if (current.height() > 6.0) {
        painter.setPen(QPen(marker, 2));
        painter.setBrush(Qt::NoBrush);
        painter.drawRect(current.adjusted(1, 1, -1, -1));
    } else {
        if (current.height() < 2.0)
            current = QRectF(current.left(), current.center().y() - 1.0, current.width(), 2.0);
        painter.fillRect(current, marker);
    }
}

void ReviewStrip::goTo(double y)
{
    if (!m_view->hasImage())
        return;
    ViewerState::Index cursor = m_view->state()->cursor();
    cursor[std::size_t(m_view->model().sliceAxis())] = sliceAt(y);
    m_view->state()->setCursor(cursor);
}

void ReviewStrip::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton)
        goTo(event->position().y());
    event->accept();
}

void ReviewStrip::mouseMoveEvent(QMouseEvent* event)
{
    if (event->buttons() & Qt::LeftButton)
        goTo(event->position().y());
    event->accept();
}

bool ReviewStrip::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip && isWanted()) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int64_t slice = sliceAt(help->pos().y());
        const Segmentation* segmentation = m_layer ? m_layer->segmentation() : nullptr;
        const bool reviewed = segmentation && segmentation->reviewedSlices().isReviewed(m_view->model().sliceAxis(), slice);
        QToolTip::showText(help->globalPos(),
                           (reviewed ? tr("Slice %1 of %2: reviewed") : tr("Slice %1 of %2: not reviewed"))
                                   .arg(slice + 1)
                                   .arg(sliceCount())
                               + QLatin1Char('\n') + tr("Click to go to a slice; R marks the slice on screen reviewed."),
                           this);
        return true;
    }
    return QWidget::event(event);
}

} // namespace delineate
