// Reads /proc/self/stat (start time), /proc/uptime and /proc/self/status (VmRSS).
#include "StartupReport.h"

#include "ml/EngineLoader.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

#include <cmath>

#include <unistd.h>

namespace delineate {

namespace {

QByteArray readProc(const char* path)
{
    QFile file(QString::fromLatin1(path));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

QString startupReport()
{
    // Field 22 of /proc/self/stat is the start time in clock ticks since boot; the command name (field 2) may hold
    // spaces, so count from its closing parenthesis.
    const QByteArray stat = readProc("/proc/self/stat");
    const QList<QByteArray> fields = stat.mid(stat.lastIndexOf(')') + 2).split(' ');
    const double started = fields.size() > 19 ? fields[19].toDouble() / double(sysconf(_SC_CLK_TCK)) : 0.0;
    const double uptime = readProc("/proc/uptime").split(' ').value(0).toDouble();
    double rssMb = 0.0;
    for (const QByteArray& line : readProc("/proc/self/status").split('\n'))
        if (line.startsWith("VmRSS:"))
            rssMb = line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    const QJsonObject report{{QStringLiteral("startup_s"), std::round((uptime - started) * 1000.0) / 1000.0},
                             {QStringLiteral("startup_rss_mb"), std::round(rssMb * 10.0) / 10.0},
                             {QStringLiteral("torch_mapped"), ml::EngineLoader::torchIsMapped()}};
    return QString::fromUtf8(QJsonDocument(report).toJson(QJsonDocument::Compact));
}

} // namespace delineate
