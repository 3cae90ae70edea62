// Translator installation: our .qm from resources, qtbase_*.qm from the system's Qt translations.
#include "LanguageSetup.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace delineate {

QLocale installTranslations(const QString& language)
{
    QLocale locale = QLocale::system();
    if (language == QLatin1String("en"))
        locale = QLocale(QLocale::English, QLocale::UnitedStates);
    else if (language == QLatin1String("zh_CN"))
        locale = QLocale(QLocale::Chinese, QLocale::SimplifiedHanScript, QLocale::China);
    QLocale::setDefault(locale);
    const bool english = locale.language() == QLocale::English || locale.language() == QLocale::C;
    if (english)
        locale = QLocale(QLocale::English, QLocale::UnitedStates); // the plural forms of the English source strings

    auto* own = new QTranslator(QCoreApplication::instance());
    if (own->load(locale, QStringLiteral("delineate"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
    else
        delete own;
    if (english)
        return locale; // Qt's own strings are English already
    auto* qt = new QTranslator(QCoreApplication::instance());
    if (qt->load(locale, QStringLiteral("qtbase"), QStringLiteral("_"), QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    else
        delete qt;
    return locale;
}

} // namespace delineate
