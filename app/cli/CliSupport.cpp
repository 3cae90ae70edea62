// Console output and cancellation for delineate-cli.
#include "CliSupport.h"

#include <QTextStream>
#include <QVariant>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <unistd.h>

namespace delineate::cli {

namespace {
std::atomic<bool> g_interrupted{false};

void onInterrupt(int)
{
    g_interrupted.store(true);
}
} // namespace

std::optional<int> parseCommandLine(QCommandLineParser& parser, const QStringList& arguments)
{
    if (!parser.parse(arguments))
        return fail(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        printLine(parser.helpText());
        return Success;
    }
    return std::nullopt;
}

std::optional<int> parseWithRequired(QCommandLineParser& parser, const QStringList& arguments, const QStringList& required)
{
    parser.addHelpOption();
    if (const auto stop = parseCommandLine(parser, arguments))
        return stop;
    for (const QString& name : required)
        if (parser.value(name).isEmpty())
            return fail(CliText::tr("--%1 is required (see --help)").arg(name));
    return std::nullopt;
}

int fail(const QString& message)
{
    QTextStream(stderr) << "delineate-cli: " << message << Qt::endl;
    return Failure;
}

void printLine(const QString& text)
{
    QTextStream(stdout) << text << Qt::endl;
}

void printJson(const QJsonDocument& document)
{
    QTextStream(stdout) << document.toJson(QJsonDocument::Indented);
}

void printWarning(const QString& text)
{
    QTextStream(stderr) << "warning: " << text << Qt::endl;
}

ConsoleJobControl::ConsoleJobControl(bool quiet) : m_quiet(quiet), m_terminal(isatty(fileno(stderr)) != 0) {}

ConsoleJobControl::~ConsoleJobControl()
{
    if (m_terminal && m_lastPercent >= 0 && !m_quiet)
        QTextStream(stderr) << QStringLiteral("\n");
}

void ConsoleJobControl::reportProgress(double fraction, const QString& message)
{
    if (m_quiet)
        return;
    const int percent = qBound(0, int(fraction * 100.0 + 0.5), 100);
    if (percent == m_lastPercent)
        return;
    m_lastPercent = percent;
    QTextStream err(stderr);
    if (m_terminal)
        err << "\r\033[K" << percent << "% " << message;
    else if (percent % 10 == 0)
        err << percent << "% " << message << Qt::endl;
    err.flush();
}

void ConsoleJobControl::publish(const QVariantMap& intermediate)
{
    if (m_quiet)
        return;
    QStringList parts;
    for (auto it = intermediate.begin(); it != intermediate.end(); ++it)
        parts << QStringLiteral("%1=%2").arg(it.key(), it.value().toString());
    QTextStream err(stderr);
    if (m_terminal)
        err << "\r\033[K";
    err << parts.join(QLatin1Char(' ')) << Qt::endl;
}

bool ConsoleJobControl::isCancelled() const
{
    return g_interrupted.load();
}

void installCancelOnInterrupt()
{
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
}

} // namespace delineate::cli
