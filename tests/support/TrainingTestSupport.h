// Helpers of the training tests: copying a store (as a kill leaves it, or to compare two fine-tunes from the same
// start), and the weights section of a model file (equal bytes mean equal weights, whatever the header's times).
#pragma once

#include <QByteArray>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QString>

namespace delineate::testing {

// The store may be written while it is copied (a checkpoint's temporary file renamed into place after it was
// listed): a file gone by the time it is copied is skipped, as a kill at that moment would not have left it either.
inline bool copyFolder(const QString& from, const QString& to)
{
    QDirIterator it(from, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        const QString target = QDir(to).filePath(QDir(from).relativeFilePath(path));
        if (!QDir().mkpath(QFileInfo(target).absolutePath()))
            return false;
        if (!QFile::copy(path, target) && QFileInfo::exists(path))
            return false;
    }
    return true;
}

// The layout is SegmentationModel.h's: the 16-byte magic, the header's length (uint64 LE) and the header, the
// weights' length (uint64 LE) and the weights. Empty when the file is shorter than it says.
inline QByteArray modelWeights(const QString& modelPath)
{
    QFile file(modelPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray all = file.readAll();
    const auto u64 = [&](qsizetype at) {
        quint64 v = 0;
        for (int i = 7; i >= 0; --i)
            v = (v << 8) | quint8(all.at(at + i));
        return qsizetype(v);
    };
    if (all.size() < 24)
        return {};
    const qsizetype weightsAt = 24 + u64(16);
    if (weightsAt < 24 || all.size() < weightsAt + 8 || all.size() < weightsAt + 8 + u64(weightsAt))
        return {};
    return all.mid(weightsAt + 8, u64(weightsAt));
}

} // namespace delineate::testing
