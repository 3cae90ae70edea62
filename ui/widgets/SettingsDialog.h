// Preferences: language, default layout, display interpolation and where the network runs, saved with AppSettings.
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
    QComboBox* deviceBox() const { return m_device; }
    QComboBox* precisionBox() const { return m_precision; }

private:
    QComboBox* m_language;
    QComboBox* m_layout;
    QComboBox* m_interpolation;
    QComboBox* m_device;
    QComboBox* m_precision;
};

} // namespace delineate
