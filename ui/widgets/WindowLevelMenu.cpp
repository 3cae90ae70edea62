// Window/Level menu entries from ViewerState::windowChoices(); Alt+0 automatic, Alt+1..8 the CT presets.
#include "widgets/WindowLevelMenu.h"

#include "model/ViewerState.h"
#include "widgets/ViewerPanel.h"

#include <algorithm>

namespace delineate {

WindowLevelMenu::WindowLevelMenu(ViewerState* state, ViewerPanel* panel, QWidget* parent)
    : QMenu(tr("&Window/Level"), parent), m_state(state), m_panel(panel)
{
    m_invert = new QAction(tr("&Invert"), this);
    m_invert->setCheckable(true);
    m_invert->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_I));
    connect(m_invert, &QAction::toggled, m_state, &ViewerState::setInverted);
    m_reset = new QAction(tr("&Reset View"), this);
    m_reset->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    // Not `this` as the context: QMenu drops every connection from an action to itself when the action is removed,
    // which rebuild() does.
    connect(m_reset, &QAction::triggered, m_reset, [this]() { resetView(); });
    connect(m_state, &ViewerState::imageChanged, this, &WindowLevelMenu::rebuild);
    connect(m_state, &ViewerState::windowChanged, this, &WindowLevelMenu::markCurrent);
    rebuild();
}

void WindowLevelMenu::rebuild()
{
    // Not clear(): it would delete the invert and reset actions, which this menu owns.
    for (QAction* action : actions()) {
        removeAction(action);
        if (action != m_invert && action != m_reset)
            action->deleteLater();
    }
    m_choices.clear();
    const QVector<ViewerState::WindowChoice> choices = m_state->windowChoices();
    for (const ViewerState::WindowChoice& choice : choices) {
        const bool automatic = choice.key == QLatin1String("auto");
        if (automatic && !m_choices.isEmpty())
            addSeparator(); // the scanner's windows first, apart
        QString label = choice.name;
        label.replace(QLatin1Char('&'), QStringLiteral("&&"));
        if (automatic) {
            label = tr("&Automatic (1-99 %)");
        } else if (const WindowLevelPreset* preset = WindowLevelPresets::find(choice.key); preset && choice.presetNumber > 0) {
            label = tr("%1 (W %2, L %3)").arg(label).arg(preset->window.width).arg(preset->window.center);
        }
        QAction* action = addAction(label);
        action->setData(choice.key);
        action->setCheckable(true);
        if (choice.presetNumber >= 0)
            action->setShortcut(QKeySequence(int(Qt::ALT) | (int(Qt::Key_0) + choice.presetNumber)));
        connect(action, &QAction::triggered, this, [this, key = choice.key]() { m_state->applyPreset(key); });
        m_choices << action;
        if (automatic)
            addSeparator();
    }
    // The CT presets' keys stay known to the window, hidden (a hidden action takes no shortcut): Alt+4 on an MR
    // then does nothing rather than something else.
    const bool ctOffered = std::any_of(choices.begin(), choices.end(), [](const auto& c) { return c.presetNumber > 0; });
    if (!ctOffered) {
        int number = 1;
        for (const WindowLevelPreset& preset : WindowLevelPresets::ctPresets()) {
            QAction* hidden = addAction(WindowLevelPresets::displayName(preset));
            hidden->setShortcut(QKeySequence(int(Qt::ALT) | (int(Qt::Key_0) + number++)));
            hidden->setVisible(false);
        }
    }
    addSeparator();
    addAction(m_invert);
    addAction(m_reset);
    markCurrent();
}

void WindowLevelMenu::markCurrent()
{
    const QString key = m_state->presetKey();
    for (QAction* action : std::as_const(m_choices))
        action->setChecked(action->data().toString() == key);
    const QSignalBlocker blocker(m_invert);
    m_invert->setChecked(m_state->inverted());
}

void WindowLevelMenu::resetView()
{
    m_state->setInverted(false);
    m_state->applyPreset(m_state->defaultPresetKey());
    m_panel->fitAll();
}

} // namespace delineate
