// QSettings keys and defaults in one place.
#include "AppSettings.h"

#include <QSettings>

namespace delineate {

namespace {
QString readChoice(const char* key, const QString& fallback, const QStringList& allowed)
{
    const QString value = QSettings().value(QLatin1String(key), fallback).toString();
    return allowed.contains(value) ? value : fallback;
}
} // namespace

QString AppSettings::language()
{
    return readChoice("ui/language", QStringLiteral("system"),
                      {QStringLiteral("system"), QStringLiteral("en"), QStringLiteral("zh_CN")});
}

void AppSettings::setLanguage(const QString& language)
{
    QSettings().setValue(QStringLiteral("ui/language"), language);
}

QString AppSettings::defaultLayout()
{
    return readChoice("view/layout", QStringLiteral("1x3"), {QStringLiteral("1x3"), QStringLiteral("2x2"), QStringLiteral("1x1")});
}

void AppSettings::setDefaultLayout(const QString& layout)
{
    QSettings().setValue(QStringLiteral("view/layout"), layout);
}

QByteArray AppSettings::windowState()
{
    return QSettings().value(QStringLiteral("window/state")).toByteArray();
}

void AppSettings::setWindowState(const QByteArray& state)
{
    QSettings().setValue(QStringLiteral("window/state"), state);
}

QString AppSettings::interpolation()
{
    return readChoice("view/interpolation", QStringLiteral("nearest"),
                      {QStringLiteral("nearest"), QStringLiteral("linear")});
}

void AppSettings::setInterpolation(const QString& interpolation)
{
    QSettings().setValue(QStringLiteral("view/interpolation"), interpolation);
}

QString AppSettings::inferenceDevice()
{
    return readChoice("inference/device", QStringLiteral("auto"),
                      {QStringLiteral("auto"), QStringLiteral("cpu"), QStringLiteral("cuda")});
}

void AppSettings::setInferenceDevice(const QString& device)
{
    QSettings().setValue(QStringLiteral("inference/device"), device);
}

QString AppSettings::inferencePrecision()
{
    return readChoice("inference/precision", QStringLiteral("auto"),
                      {QStringLiteral("auto"), QStringLiteral("float32"), QStringLiteral("bfloat16")});
}

void AppSettings::setInferencePrecision(const QString& precision)
{
    QSettings().setValue(QStringLiteral("inference/precision"), precision);
}

QStringList AppSettings::recentPaths()
{
    return QSettings().value(QStringLiteral("files/recent")).toStringList();
}

void AppSettings::addRecentPath(const QString& path)
{
    QStringList paths = recentPaths();
    paths.removeAll(path);
    paths.prepend(path);
    while (paths.size() > kMaxRecent)
        paths.removeLast();
    QSettings().setValue(QStringLiteral("files/recent"), paths);
}

void AppSettings::clearRecentPaths()
{
    QSettings().remove(QStringLiteral("files/recent"));
}

} // namespace delineate
