// What every delineate-cli command shares: error messages on stderr, progress on stderr, JSON on stdout.
#pragma once

#include "jobs/JobControl.h"

#include <QCoreApplication>
#include <QCommandLineParser>
#include <QJsonDocument>
#include <QString>
#include <QStringList>

#include <optional>

namespace delineate::cli {

// Translation context of the command line's own messages.
class CliText
{
    Q_DECLARE_TR_FUNCTIONS(DelineateCli)
};

enum ExitCode { Success = 0, Failure = 1 };

// Parses `arguments`; returns an exit code when the command should stop here (a parse error: Failure with the
// message; --help: Success after printing the help), nothing when the command should go on.
std::optional<int> parseCommandLine(QCommandLineParser& parser, const QStringList& arguments);

// parseCommandLine (with --help added) that also refuses a missing value of any option in `required`.
std::optional<int> parseWithRequired(QCommandLineParser& parser, const QStringList& arguments, const QStringList& required);

// Writes "delineate-cli: <message>" to stderr and returns Failure.
int fail(const QString& message);
void printLine(const QString& text);            // stdout
void printJson(const QJsonDocument& document);  // stdout, indented
void printWarning(const QString& text);         // stderr

// Progress as a single rewritten line on stderr (only when stderr is a terminal or `verbose`).
class ConsoleJobControl : public JobControl
{
public:
    explicit ConsoleJobControl(bool quiet = false);
    ~ConsoleJobControl() override;
    void reportProgress(double fraction, const QString& message) override;
    void publish(const QVariantMap& intermediate) override;
    bool isCancelled() const override;

private:
    bool m_quiet;
    bool m_terminal;
    int m_lastPercent = -1;
};

// Installs SIGINT/SIGTERM handlers that ask running jobs to cancel instead of killing the process.
void installCancelOnInterrupt();

} // namespace delineate::cli
