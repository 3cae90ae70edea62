// FileCheckpointSink: one checkpoint file, replaced atomically.
#include "io/VolumeIO.h"
#include "ml/TrainingTypes.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace delineate::ml {

namespace {

// Translation context "CheckpointSink" (lupdate reads it from the macro).
class CheckpointText
{
    Q_DECLARE_TR_FUNCTIONS(CheckpointSink)
};

} // namespace

Expected<void> FileCheckpointSink::save(const QByteArray& checkpoint)
{
    if (!QDir().mkpath(QFileInfo(m_path).absolutePath()))
        return Error::failed(CheckpointText::tr("%1: cannot create its folder").arg(m_path));
    return writeBytesAtomically(m_path, checkpoint);
}

Expected<QByteArray> FileCheckpointSink::load() const
{
    QFile file(m_path);
    if (!file.exists())
        return QByteArray();
    if (!file.open(QIODevice::ReadOnly))
        return Error::failed(CheckpointText::tr("%1: cannot read the checkpoint (%2)").arg(m_path, file.errorString()));
    return file.readAll();
}

void FileCheckpointSink::discard()
{
    QFile::remove(m_path);
}

} // namespace delineate::ml
