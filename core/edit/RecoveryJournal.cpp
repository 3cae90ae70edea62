// Journal file format: the 16-byte magic, then records framed as
//   u32 'DJRC' | u8 type | 3 reserved bytes | u64 payload length | u32 CRC-32 of the payload | payload
// Types: 1 identity, 2 base snapshot, 3 edit, 4 undo, 5 redo, 6 amend (replaces the last done edit). Each append is one fdatasync'ed write.
#include "edit/RecoveryJournal.h"

#include "common/Compression.h"
#include "common/PhaseTrace.h"
#include "edit/SegmentationSnapshot.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QStandardPaths>

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace delineate {

namespace {

class JournalText
{
    Q_DECLARE_TR_FUNCTIONS(RecoveryJournal)
};

constexpr char kMagic[17] = "DELINEATE-JRNL1\n";
constexpr uint32_t kRecordMagic = 0x43524a44; // "DJRC"
constexpr std::size_t kFrameSize = 4 + 4 + 8 + 4;
enum RecordType : uint8_t { Identity = 1, Base = 2, Edit = 3, Undo = 4, Redo = 5, Amend = 6 };

QString systemError()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

Expected<void> writeAll(int fd, const char* data, std::size_t size, const QString& path)
{
    while (size > 0) {
        const ssize_t n = ::write(fd, data, size);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return Error::failed(JournalText::tr("%1: cannot write the recovery journal (%2)").arg(path, systemError()));
        }
        data += n;
        size -= std::size_t(n);
    }
    return {};
}

QByteArray frame(uint8_t type, const QByteArray& payload)
{
    ByteWriter out;
    out.reserve(qsizetype(kFrameSize) + payload.size());
    out.u32(kRecordMagic);
    out.u8(type);
    out.u8(0);
    out.u8(0);
    out.u8(0);
    out.u64(uint64_t(payload.size()));
    out.u32(crc32Of(payload.constData(), std::size_t(payload.size())));
    out.raw(payload.constData(), std::size_t(payload.size()));
    return out.take();
}

QByteArray identityPayload(const JournalIdentity& identity, const QDateTime& created)
{
    ByteWriter out;
    out.string(identity.seriesHash);
    out.string(identity.summary);
    out.i64(created.toMSecsSinceEpoch());
    return out.take();
}

} // namespace

QString RecoveryJournal::defaultFolder()
{
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("Delineate/recovery"));
}

Expected<void> RecoveryJournal::prepareFolder(const QString& folder)
{
    if (!QDir().mkpath(folder))
        return Error::failed(JournalText::tr("%1: cannot create the recovery folder").arg(folder));
    if (::chmod(QFile::encodeName(folder).constData(), 0700) != 0)
        return Error::failed(JournalText::tr("%1: cannot make the recovery folder private (%2)").arg(folder, systemError()));
    return {};
}

Expected<QString> RecoveryJournal::seriesIdentityHash(const QString& folder, const QString& seriesKey,
                                                      const ImageGeometry& geometry)
{
    if (auto prepared = prepareFolder(folder); !prepared)
        return prepared.error();
    const QString saltPath = QDir(folder).filePath(QStringLiteral("salt"));
    QByteArray salt;
    QFile saltFile(saltPath);
    if (saltFile.open(QIODevice::ReadOnly))
        salt = saltFile.readAll();
    if (salt.size() != 32) {
        salt.resize(32);
        QRandomGenerator::system()->generate(reinterpret_cast<quint32*>(salt.data()),
                                             reinterpret_cast<quint32*>(salt.data() + 32));
        const QString temporary = saltPath + QStringLiteral(".new");
        const int fd = ::open(QFile::encodeName(temporary).constData(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        if (fd < 0)
            return Error::failed(JournalText::tr("%1: cannot write (%2)").arg(temporary, systemError()));
        auto written = writeAll(fd, salt.constData(), std::size_t(salt.size()), temporary);
        ::fsync(fd);
        ::close(fd);
        if (!written)
            return written.error();
        if (::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(saltPath).constData()) != 0)
            return Error::failed(JournalText::tr("%1: cannot write (%2)").arg(saltPath, systemError()));
    }
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(salt);
    hash.addData(seriesKey.toUtf8());
    ByteWriter grid;
    SegmentationSnapshot::writeGeometry(grid, geometry);
    hash.addData(grid.data());
    return QString::fromLatin1(hash.result().toHex());
}

Expected<int> RecoveryJournal::openLocked(const QString& path, bool create)
{
    const int flags = create ? (O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC) : (O_RDWR | O_CLOEXEC);
    const int fd = ::open(QFile::encodeName(path).constData(), flags, 0600);
    if (fd < 0)
        return Error::failed(JournalText::tr("%1: cannot open the recovery journal (%2)").arg(path, systemError()));
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return Error::failed(JournalText::tr("%1: the recovery journal is in use by another Delineate").arg(path));
    }
    return fd;
}

Expected<std::unique_ptr<RecoveryJournal>> RecoveryJournal::create(const QString& folder,
                                                                   const JournalIdentity& identity,
                                                                   const Segmentation& base)
{
    if (auto prepared = prepareFolder(folder); !prepared)
        return prepared.error();
    const QString name = QStringLiteral("%1-%2-%3.djournal")
                             .arg(identity.seriesHash.left(16),
                                  QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMddhhmmss")))
                             .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0'));
    std::unique_ptr<RecoveryJournal> journal(new RecoveryJournal);
    journal->m_folder = folder;
    journal->m_path = QDir(folder).filePath(name);
    journal->m_identity = identity;
    auto fd = openLocked(journal->m_path, true);
    if (!fd)
        return fd.error();
    journal->m_fd = *fd;
    QByteArray start(kMagic, 16);
    start += frame(Identity, identityPayload(identity, QDateTime::currentDateTimeUtc()));
    start += frame(Base, SegmentationSnapshot::write(base));
    auto written = writeAll(journal->m_fd, start.constData(), std::size_t(start.size()), journal->m_path);
    if (!written || ::fdatasync(journal->m_fd) != 0) {
        const Error error = written ? Error::failed(JournalText::tr("%1: cannot write the recovery journal (%2)")
                                                         .arg(journal->m_path, systemError()))
                                    : written.error();
        journal->discard();
        return error;
    }
    // The new directory entry must survive a power cut too.
    if (const int dir = ::open(QFile::encodeName(folder).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC); dir >= 0) {
        ::fsync(dir);
        ::close(dir);
    }
    return journal;
}

RecoveryJournal::~RecoveryJournal()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

Expected<void> RecoveryJournal::appendRecord(uint8_t type, const QByteArray& payload)
{
    if (m_fd < 0)
        return Error::failed(JournalText::tr("the recovery journal is closed"));
    const QByteArray bytes = frame(type, payload);
    const off_t before = ::lseek(m_fd, 0, SEEK_END);
    const QString number = QString::number(m_records + 1);
    phase::mark("journal-begin", number);
    // Two writes with the test delay between them, so that kill tests can cut a record in the middle.
    const std::size_t half = std::size_t(bytes.size()) / 2;
    auto written = writeAll(m_fd, bytes.constData(), half, m_path);
    if (written) {
        phase::testDelay();
        written = writeAll(m_fd, bytes.constData() + half, std::size_t(bytes.size()) - half, m_path);
    }
    if (written && ::fdatasync(m_fd) != 0)
        written = Error::failed(JournalText::tr("%1: cannot write the recovery journal (%2)").arg(m_path, systemError()));
    if (!written) {
        // Leave the journal as it was (complete records only), so a later append is still readable.
        if (before >= 0 && ::ftruncate(m_fd, before) == 0)
            ::fdatasync(m_fd);
        return written;
    }
    ++m_records;
    phase::mark("journal-end", number);
    return {};
}

Expected<void> RecoveryJournal::appendEdit(const EditRecord& record)
{
    return appendRecord(Edit, record.serialize());
}

Expected<void> RecoveryJournal::appendAmend(const EditRecord& record)
{
    return appendRecord(Amend, record.serialize());
}

Expected<void> RecoveryJournal::appendUndo()
{
    return appendRecord(Undo, QByteArray());
}

Expected<void> RecoveryJournal::appendRedo()
{
    return appendRecord(Redo, QByteArray());
}

Expected<void> RecoveryJournal::rebase(const Segmentation& current)
{
    const QString temporary = m_path + QStringLiteral(".new");
    ::unlink(QFile::encodeName(temporary).constData());
    auto fd = openLocked(temporary, true);
    if (!fd)
        return fd.error();
    QByteArray start(kMagic, 16);
    start += frame(Identity, identityPayload(m_identity, QDateTime::currentDateTimeUtc()));
    start += frame(Base, SegmentationSnapshot::write(current));
    phase::mark("journal-rebase-begin");
    auto written = writeAll(*fd, start.constData(), std::size_t(start.size()), temporary);
    if (written && ::fdatasync(*fd) != 0)
        written = Error::failed(JournalText::tr("%1: cannot write the recovery journal (%2)").arg(temporary, systemError()));
    if (written && ::rename(QFile::encodeName(temporary).constData(), QFile::encodeName(m_path).constData()) != 0)
        written = Error::failed(JournalText::tr("%1: cannot replace the recovery journal (%2)").arg(m_path, systemError()));
    if (!written) {
        ::close(*fd);
        ::unlink(QFile::encodeName(temporary).constData());
        return written;
    }
    ::close(m_fd);
    m_fd = *fd;
    m_records = 0;
    phase::mark("journal-rebase-end");
    return {};
}

void RecoveryJournal::discard()
{
    if (!m_path.isEmpty())
        ::unlink(QFile::encodeName(m_path).constData());
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
}

namespace {

struct Frame
{
    uint8_t type = 0;
    QByteArray payload;
};

// Reads the next frame at `position`; an incomplete or damaged frame returns an error (the cut).
Expected<Frame> nextFrame(const QByteArray& file, qint64& position, bool verify)
{
    if (file.size() - position < qint64(kFrameSize))
        return Error::failed(JournalText::tr("an incomplete record header"));
    ByteReader in(file.constData() + position, kFrameSize);
    const uint32_t magic = in.u32();
    Frame f;
    f.type = in.u8();
    in.u8();
    in.u8();
    in.u8();
    const uint64_t length = in.u64();
    const uint32_t crc = in.u32();
    if (magic != kRecordMagic || f.type < Identity || f.type > Amend)
        return Error::failed(JournalText::tr("a damaged record header"));
    if (length > uint64_t(file.size() - position - qint64(kFrameSize)))
        return Error::failed(JournalText::tr("a record cut short (%1 of %2 bytes)")
                                 .arg(file.size() - position - qint64(kFrameSize))
                                 .arg(length));
    const char* payload = file.constData() + position + qint64(kFrameSize);
    if (verify && crc32Of(payload, std::size_t(length)) != crc)
        return Error::failed(JournalText::tr("a record whose checksum does not match"));
    f.payload = QByteArray(payload, qsizetype(length));
    position += qint64(kFrameSize) + qint64(length);
    return f;
}

Expected<QByteArray> readWhole(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::failed(JournalText::tr("%1: cannot read the recovery journal (%2)").arg(path, file.errorString()));
    QByteArray bytes = file.readAll();
    if (bytes.size() < 16 || !bytes.startsWith(QByteArray(kMagic, 16)))
        return Error::failed(JournalText::tr("%1: not a Delineate recovery journal").arg(path));
    return bytes;
}

Expected<JournalIdentity> readIdentity(const QByteArray& payload, QDateTime* created)
{
    ByteReader in(payload);
    JournalIdentity identity;
    identity.seriesHash = in.string();
    identity.summary = in.string();
    const qint64 ms = in.i64();
    if (!in.ok())
        return Error::failed(JournalText::tr("the journal's identity record is damaged"));
    if (created)
        *created = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    return identity;
}

} // namespace

Expected<RecoveredJournal> readJournal(const QString& path)
{
    auto bytes = readWhole(path);
    if (!bytes)
        return bytes.error();
    qint64 position = 16;
    RecoveredJournal result;
    result.path = path;
    auto identityFrame = nextFrame(*bytes, position, true);
    if (!identityFrame || identityFrame->type != Identity)
        return Error::failed(JournalText::tr("%1: the journal has no identity record").arg(path));
    auto identity = readIdentity(identityFrame->payload, &result.created);
    if (!identity)
        return Error::failed(QStringLiteral("%1: %2").arg(path, identity.error().message));
    result.identity = *identity;
    auto baseFrame = nextFrame(*bytes, position, true);
    if (!baseFrame || baseFrame->type != Base)
        return Error::failed(JournalText::tr("%1: the journal has no complete base snapshot").arg(path));
    auto base = SegmentationSnapshot::read(baseFrame->payload);
    if (!base)
        return Error::failed(QStringLiteral("%1: %2").arg(path, base.error().message));
    Segmentation segmentation = std::move(base).value();
    std::vector<std::shared_ptr<const EditRecord>> done, undone;

    while (position < bytes->size()) {
        const qint64 start = position;
        auto f = nextFrame(*bytes, position, true);
        QString problem;
        if (!f) {
            problem = f.error().message;
        } else if (f->type == Edit) {
            auto record = EditRecord::deserialize(f->payload, segmentation.voxelCount());
            if (!record) {
                problem = record.error().message;
            } else {
                record->aiBefore = segmentation.sharedAiResult();
                if (auto applied = record->apply(segmentation, true); !applied) {
                    problem = applied.error().message;
                } else {
                    done.push_back(std::make_shared<const EditRecord>(std::move(record).value()));
                    undone.clear();
                }
            }
        } else if (f->type == Amend) {
            auto record = EditRecord::deserialize(f->payload, segmentation.voxelCount());
            if (!record || done.empty()) {
                problem = record ? JournalText::tr("an amendment with no edit to amend") : record.error().message;
            } else {
                // The amended step's before-states are the replaced step's; applied forwards it sets the states after.
                record->aiBefore = done.back()->aiBefore;
                if (auto applied = record->apply(segmentation, true); !applied) {
                    problem = applied.error().message;
                } else {
                    done.back() = std::make_shared<const EditRecord>(std::move(record).value());
                    undone.clear();
                }
            }
        } else if (f->type == Undo) {
            if (done.empty()) {
                problem = JournalText::tr("an undo with nothing to undo");
            } else if (auto applied = done.back()->apply(segmentation, false); !applied) {
                problem = applied.error().message;
            } else {
                undone.push_back(done.back());
                done.pop_back();
            }
        } else if (f->type == Redo) {
            if (undone.empty()) {
                problem = JournalText::tr("a redo with nothing to redo");
            } else if (auto applied = undone.back()->apply(segmentation, true); !applied) {
                problem = applied.error().message;
            } else {
                done.push_back(undone.back());
                undone.pop_back();
            }
        } else {
            problem = JournalText::tr("an unexpected record");
        }
        if (!problem.isEmpty()) {
            result.cut = true;
            result.cutOffset = start;
            result.cutReason = problem;
            break;
        }
        ++result.recordsRead;
    }
    result.segmentation = std::move(segmentation);
    result.doneEdits = std::move(done);
    return result;
}

QVector<JournalListing> listJournals(const QString& folder)
{
    QVector<JournalListing> listings;
    const QFileInfoList files = QDir(folder).entryInfoList({QStringLiteral("*.djournal")}, QDir::Files, QDir::Time);
    for (const QFileInfo& info : files) {
        const QByteArray name = QFile::encodeName(info.absoluteFilePath());
        const int fd = ::open(name.constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            continue;
        const bool inUse = ::flock(fd, LOCK_SH | LOCK_NB) != 0;
        ::close(fd);
        if (inUse)
            continue;
        auto bytes = readWhole(info.absoluteFilePath());
        if (!bytes)
            continue;
        qint64 position = 16;
        auto identityFrame = nextFrame(*bytes, position, true);
        if (!identityFrame || identityFrame->type != Identity)
            continue;
        auto identity = readIdentity(identityFrame->payload, nullptr);
        if (!identity)
            continue;
        JournalListing listing{info.absoluteFilePath(), *identity, info.lastModified().toUTC(), 0};
        while (position < bytes->size()) {
            auto f = nextFrame(*bytes, position, false);
            if (!f)
                break;
            if (f->type == Edit)
                ++listing.edits;
        }
        listings << listing;
    }
    return listings;
}

} // namespace delineate
