// The comparison's place in the main window: a stacked central area and the second series' load.
#include "widgets/SideBySide.h"

#include "image/Volume.h"
#include "model/ComparisonLink.h"
#include "model/StudyLoader.h"
#include "model/ViewerState.h"
#include "widgets/ComparisonView.h"
#include "widgets/SliceView.h"

#include <QMainWindow>
#include <QStackedWidget>

namespace delineate {

SideBySide::SideBySide(QMainWindow* window, ViewerState* main, StudyLoader* loader, SegmentationLayer* segmentation)
    : QObject(window), m_main(main), m_loader(loader), m_stack(new QStackedWidget(window)),
      m_normal(window->takeCentralWidget()), m_view(new ComparisonView(main, m_stack))
{
    m_stack->addWidget(m_normal);
    m_stack->addWidget(m_view);
    m_stack->setCurrentWidget(m_normal);
    window->setCentralWidget(m_stack);
    m_view->setSegmentationLayer(segmentation);
    connect(m_loader, &StudyLoader::comparisonImageReady, this, &SideBySide::show);
    connect(m_view, &ComparisonView::closeRequested, this, &SideBySide::leave);
    // Another image on screen without its partner would compare two unrelated things.
    connect(m_main, &ViewerState::imageChanged, this, [this]() {
        if (!m_main->hasImage())
            leave();
    });
}

bool SideBySide::isActive() const
{
    return m_stack->currentWidget() == m_view;
}

void SideBySide::compareWith(const QString& seriesKey)
{
    m_loader->loadComparisonSeries(seriesKey);
}

void SideBySide::show(std::shared_ptr<const Volume> volume, const ImageInfo& info, const WindowLevel& automaticWindow)
{
    if (!volume || volume->isEmpty() || !m_main->hasImage())
        return;
    m_view->otherState()->setImage(std::move(volume), info, automaticWindow);
    m_view->link()->syncOtherToMain();
    const bool wasActive = isActive();
    m_stack->setCurrentWidget(m_view);
    m_view->mainView()->setFocus();
    if (!wasActive)
        Q_EMIT activeChanged(true);
}

void SideBySide::leave()
{
    if (!isActive())
        return;
    m_stack->setCurrentWidget(m_normal);
    m_view->otherState()->clear(); // frees the second volume
    Q_EMIT activeChanged(false);
}

} // namespace delineate
