// Shared by the libFuzzer targets: a private scratch folder, the fuzzer's bytes as a file with a given name, quiet
// libraries (their warnings would flood the fuzzer's output), and the real data folder for targets that need a
// fixed partner file (the series a DICOM SEG refers to).
#pragma once

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QTemporaryDir>
#include <QtGlobal>

#include <dcmtk/oflog/oflog.h>
#include <itkObject.h>
#include <itkOutputWindow.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

namespace delineate::fuzz {

inline QTemporaryDir& scratch()
{
    static QTemporaryDir* dir = [] {
        auto* d = new QTemporaryDir(QDir::tempPath() + QStringLiteral("/delineate-fuzz-XXXXXX"));
        if (!d->isValid())
            std::abort();
        return d;
    }();
    return *dir;
}

// Writes `bytes` to `name` in the scratch folder and returns its path.
inline QString writeInput(const QString& name, const char* bytes, std::size_t size)
{
    const QString path = scratch().filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(bytes, qint64(size)) != qint64(size))
        std::abort();
    file.close();
    return path;
}

inline QString writeInput(const QString& name, const uint8_t* data, std::size_t size)
{
    return writeInput(name, reinterpret_cast<const char*>(data), size);
}

// The real data (DELINEATE_DATA, default ../shared/data from the working folder).
inline QString dataPath(const QString& relative)
{
    const QByteArray root = qgetenv("DELINEATE_DATA");
    return QDir(root.isEmpty() ? QStringLiteral("../shared/data") : QString::fromLocal8Bit(root)).filePath(relative);
}

// The part of the program's name after `prefix` ("fuzz_volume_niigz" -> "niigz"): the format a multi-format target
// reads, chosen by the link it was started through (tests/fuzz/CMakeLists.txt).
inline QString formatFromName(const char* argv0, const char* prefix)
{
    const QString name = QString::fromLocal8Bit(argv0).section(QLatin1Char('/'), -1);
    const QString start = QString::fromLatin1(prefix);
    return name.startsWith(start) ? name.mid(start.size()) : QString();
}

inline void silenceLibraries()
{
    // FUZZ_VERBOSE=1 keeps Qt's, DCMTK's and ITK's messages (to see why an input is refused).
    if (qEnvironmentVariableIntValue("FUZZ_VERBOSE") != 0)
        return;
    qInstallMessageHandler([](QtMsgType type, const QMessageLogContext&, const QString& message) {
        if (type == QtFatalMsg) {
            fprintf(stderr, "qFatal: %s\n", qPrintable(message));
            std::abort();
        }
    });
    OFLog::configure(OFLogger::FATAL_LOG_LEVEL);
    itk::Object::GlobalWarningDisplayOff();
}

} // namespace delineate::fuzz
