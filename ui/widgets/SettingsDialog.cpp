// The preferences form; each combo box stores the settings key of its choice as item data.
#include "widgets/SettingsDialog.h"

#include "AppSettings.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace delineate {

namespace {
void selectData(QComboBox* box, const QString& value)
{
    const int index = box->findData(value);
    box->setCurrentIndex(index >= 0 ? index : 0);
}
} // namespace

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent), m_language(new QComboBox(this)), m_layout(new QComboBox(this)),
      m_interpolation(new QComboBox(this))
{
    setWindowTitle(tr("Settings"));
    // Language names are written in their own language, as every program does, so that anyone can find theirs.
    m_language->addItem(tr("System language"), QStringLiteral("system"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("中文（简体）"), QStringLiteral("zh_CN"));
    m_layout->addItem(tr("Three views side by side (1 x 3)"), QStringLiteral("1x3"));
    m_layout->addItem(tr("Three views and information (2 x 2)"), QStringLiteral("2x2"));
    m_layout->addItem(tr("One view, the one last used (1 x 1)"), QStringLiteral("1x1"));
    m_interpolation->addItem(tr("Nearest neighbour (voxels visible)"), QStringLiteral("nearest"));
    m_interpolation->addItem(tr("Linear (smooth)"), QStringLiteral("linear"));
    selectData(m_language, AppSettings::language());
    selectData(m_layout, AppSettings::defaultLayout());
    selectData(m_interpolation, AppSettings::interpolation());

    auto* form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("Default &layout:"), m_layout);
    form->addRow(tr("Display &interpolation:"), m_interpolation);
    auto* note = new QLabel(tr("A new language applies the next time Delineate starts."), this);
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

bool SettingsDialog::save()
{
    const QString language = m_language->currentData().toString();
    const bool languageChanged = language != AppSettings::language();
    AppSettings::setLanguage(language);
    AppSettings::setDefaultLayout(m_layout->currentData().toString());
    AppSettings::setInterpolation(m_interpolation->currentData().toString());
    return languageChanged;
}

} // namespace delineate
