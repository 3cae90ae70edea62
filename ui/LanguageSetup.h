// Installs Delineate's and Qt's own translations for the chosen language before any widget is built.
#pragma once

#include <QLocale>
#include <QString>

namespace delineate {

// `language` is "system", "en" or "zh_CN" (AppSettings::language()). Returns the locale in use.
// Delineate's strings come from :/i18n (embedded), Qt's from QLibraryInfo::TranslationsPath (qt6-translations-l10n).
QLocale installTranslations(const QString& language);

} // namespace delineate
