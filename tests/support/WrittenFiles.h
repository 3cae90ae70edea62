// What a session wrote, for the privacy tests: every file under a folder (hidden ones too), gzip files also
// decompressed, so that a search for an identifier sees what a reader of the file would.
#pragma once

#include <QByteArray>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QVector>

namespace delineate::testing {

struct WrittenFile
{
    QString path;
    QByteArray bytes;
};

inline QVector<WrittenFile> everyFileUnder(const QString& folder)
{
    QVector<WrittenFile> files;
    QDirIterator it(folder, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        files.append({path, file.readAll()});
        if (path.endsWith(QLatin1String(".gz"))) {
            QProcess zcat;
            zcat.start(QStringLiteral("zcat"), {path});
            zcat.waitForFinished(60000);
            files.append({path + QStringLiteral(" (decompressed)"), zcat.readAllStandardOutput()});
        }
    }
    return files;
}

} // namespace delineate::testing
