// Preferences: language, default layout and display interpolation, saved with AppSettings. Where the network runs
// is chosen in the AI panel (ComputeOptions), beside the runs.
#pragma once

#include <QDialog>

class QComboBox;

namespace delineate {

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(QWidget* parent = nullptr);

    // Writes the choices to QSettings; returns true when the language changed (it applies after a restart).
    bool save();

    QComboBox* languageBox() const { return m_language; }
    QComboBox* layoutBox() const { return m_layout; }
    QComboBox* interpolationBox() const { return m_interpolation; }

private:
    QComboBox* m_language;
    QComboBox* m_layout;
    QComboBox* m_interpolation;
};

} // namespace delineate
