// The Window/Level menu: the windows the image on screen is offered (the scanner's, automatic, CT presets for CT),
// display inversion and resetting the view. Rebuilt whenever another image is shown.
#pragma once

#include <QMenu>

namespace delineate {

class ViewerPanel;
class ViewerState;

class WindowLevelMenu : public QMenu
{
    Q_OBJECT
public:
    WindowLevelMenu(ViewerState* state, ViewerPanel* panel, QWidget* parent = nullptr);

    // The window's choice actions (tests find entries by their data, the preset key).
    QList<QAction*> choiceActions() const { return m_choices; }
    QAction* invertAction() const { return m_invert; }
    QAction* resetViewAction() const { return m_reset; }

    // Back to the window the image opened with, not inverted, every view fitted.
    void resetView();

private:
    void rebuild();
    void markCurrent();

    ViewerState* m_state;
    ViewerPanel* m_panel;
    QList<QAction*> m_choices;
    QAction* m_invert = nullptr;
    QAction* m_reset = nullptr;
};

} // namespace delineate
