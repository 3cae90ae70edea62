// The training-sample store: atomic sample folders, pseudonymous provenance, a frozen split, nnU-Net export.
#include "ml/TrainingStore.h"

#include "image/Segmentation.h"
#include "io/VolumeIO.h"
#include "ml/TrainingData.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QSet>

#include <fcntl.h>
#include <csignal>
#include <cerrno>
#include <unistd.h>

#include <algorithm>
#include <map>

namespace delineate {

namespace {

// Translation context "TrainingStore" (lupdate reads it from the macro).
class StoreText
{
    Q_DECLARE_TR_FUNCTIONS(TrainingStore)
};

const char* const kFormat = "delineate-training-store";
const QString kImageFile = QStringLiteral("image.nii.gz");
const QString kLabelFile = QStringLiteral("label.nii.gz");
const QString kSampleFile = QStringLiteral("sample.json");

Expected<QByteArray> fileSha256(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::failed(StoreText::tr("%1: cannot read (%2)").arg(path, file.errorString()));
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (!hash.addData(&file))
        return Error::failed(StoreText::tr("%1: cannot read").arg(path));
    return hash.result().toHex();
}

QJsonArray sliceArray(const QVector<int64_t>& slices)
{
    QJsonArray array;
    for (int64_t s : slices)
        array.append(double(s));
    return array;
}

// The content identity of a sample: its grid, image voxels and mask voxels.
QString contentId(const Volume& image, const LabelMap& labels)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    const auto& size = image.geometry().size();
    hash.addData(QByteArrayView(reinterpret_cast<const char*>(size.data()), sizeof(size)));
    if (image.pixelType() == PixelType::Int16)
        hash.addData(QByteArrayView(reinterpret_cast<const char*>(image.int16Data()), qsizetype(image.voxelCount() * 2)));
    else
        hash.addData(QByteArrayView(reinterpret_cast<const char*>(image.float32Data()), qsizetype(image.voxelCount() * 4)));
    hash.addData(QByteArrayView(reinterpret_cast<const char*>(labels.data()), qsizetype(labels.voxelCount())));
    return QString::fromLatin1(hash.result().toHex().left(16));
}

} // namespace

QString splitRoleKey(SplitRole role)
{
    return role == SplitRole::Validation ? QStringLiteral("validation") : QStringLiteral("train");
}

std::optional<SplitRole> splitRoleFromKey(const QString& key)
{
    if (key == QLatin1String("train"))
        return SplitRole::Train;
    if (key == QLatin1String("validation"))
        return SplitRole::Validation;
    return std::nullopt;
}

QJsonObject SampleRecord::toJson() const
{
    QJsonArray labelList;
    for (const SampleLabel& l : labels)
        labelList.append(QJsonObject{{QStringLiteral("value"), l.value}, {QStringLiteral("name"), l.name}});
    QJsonObject json{{QStringLiteral("id"), id},
                     {QStringLiteral("group"), group},
                     {QStringLiteral("study"), studyKey},
                     {QStringLiteral("series"), seriesKey},
                     {QStringLiteral("size"), QJsonArray{double(size[0]), double(size[1]), double(size[2])}},
                     {QStringLiteral("slice_axis"), sliceAxis},
                     {QStringLiteral("slices"), sliceArray(slices)},
                     {QStringLiteral("labels"), labelList},
                     {QStringLiteral("model"), model},
                     {QStringLiteral("editor"), editor},
                     {QStringLiteral("added"), added.toUTC().toString(Qt::ISODate)},
                     {QStringLiteral("image_sha256"), imageSha256},
                     {QStringLiteral("label_sha256"), labelSha256}};
    if (effortVoxelsChanged >= 0)
        json.insert(QStringLiteral("effort"), QJsonObject{{QStringLiteral("dice"), effortDice},
                                                          {QStringLiteral("voxels_changed"), double(effortVoxelsChanged)},
                                                          {QStringLiteral("fraction_changed"), effortFraction}});
    return json;
}

Expected<SampleRecord> SampleRecord::fromJson(const QJsonObject& json, const QString& origin)
{
    SampleRecord r;
    r.id = json.value(QStringLiteral("id")).toString();
    r.group = json.value(QStringLiteral("group")).toString();
    if (r.id.isEmpty() || r.group.isEmpty())
        return Error::failed(StoreText::tr("%1: not a sample description (no id or group)").arg(origin));
    r.studyKey = json.value(QStringLiteral("study")).toString();
    r.seriesKey = json.value(QStringLiteral("series")).toString();
    const QJsonArray size = json.value(QStringLiteral("size")).toArray();
    if (size.size() == 3)
        r.size = {int64_t(size[0].toDouble()), int64_t(size[1].toDouble()), int64_t(size[2].toDouble())};
    r.sliceAxis = json.value(QStringLiteral("slice_axis")).toInt(2);
    for (const QJsonValue v : json.value(QStringLiteral("slices")).toArray())
        r.slices.append(int64_t(v.toDouble()));
    for (const QJsonValue v : json.value(QStringLiteral("labels")).toArray())
        r.labels.append({v.toObject().value(QStringLiteral("value")).toInt(), v.toObject().value(QStringLiteral("name")).toString()});
    r.model = json.value(QStringLiteral("model")).toString();
    r.editor = json.value(QStringLiteral("editor")).toString();
    r.added = QDateTime::fromString(json.value(QStringLiteral("added")).toString(), Qt::ISODate);
    r.imageSha256 = json.value(QStringLiteral("image_sha256")).toString();
    r.labelSha256 = json.value(QStringLiteral("label_sha256")).toString();
    const QJsonObject effort = json.value(QStringLiteral("effort")).toObject();
    if (!effort.isEmpty()) {
        r.effortDice = effort.value(QStringLiteral("dice")).toDouble(-1.0);
        r.effortVoxelsChanged = int64_t(effort.value(QStringLiteral("voxels_changed")).toDouble(-1.0));
        r.effortFraction = effort.value(QStringLiteral("fraction_changed")).toDouble(-1.0);
    }
    return r;
}

Expected<TrainingStore> TrainingStore::open(const QString& folder, bool create)
{
    TrainingStore store;
    store.m_folder = QDir(folder).absolutePath();
    const QString storeJson = QDir(store.m_folder).filePath(QStringLiteral("store.json"));
    if (!QFileInfo::exists(storeJson)) {
        if (!create)
            return Error::failed(StoreText::tr("%1: not a training store (no store.json)").arg(folder));
        if (QDir(folder).exists() && !QDir(folder).isEmpty())
            return Error::failed(StoreText::tr("%1: the folder exists and is not empty; a new store needs an empty or new folder").arg(folder));
        if (!QDir().mkpath(QDir(store.m_folder).filePath(QStringLiteral("samples"))))
            return Error::failed(StoreText::tr("%1: cannot create the folder").arg(folder));
        // Owner-only: the images are patient data.
        QFile::setPermissions(store.m_folder, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
        store.m_salt.resize(32);
        QRandomGenerator::system()->generate(reinterpret_cast<quint32*>(store.m_salt.data()),
                                             reinterpret_cast<quint32*>(store.m_salt.data() + 32));
        if (auto written = store.writeStoreJson(); !written)
            return written.error();
        return store;
    }
    if (auto loaded = store.load(); !loaded)
        return loaded.error();
    return store;
}

Expected<void> TrainingStore::load()
{
    const QString path = QDir(m_folder).filePath(QStringLiteral("store.json"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Error::failed(StoreText::tr("%1: cannot read (%2)").arg(path, file.errorString()));
    QJsonParseError parseError;
    const QJsonObject json = QJsonDocument::fromJson(file.readAll(), &parseError).object();
    if (parseError.error != QJsonParseError::NoError || json.value(QStringLiteral("format")).toString() != QLatin1String(kFormat))
        return Error::failed(StoreText::tr("%1: not a training store description").arg(path));
    m_salt = QByteArray::fromHex(json.value(QStringLiteral("salt")).toString().toLatin1());
    if (m_salt.size() != 32)
        return Error::failed(StoreText::tr("%1: the store's salt is missing or damaged").arg(path));
    m_splitVersion = json.value(QStringLiteral("split_version")).toInt(1);
    for (const QJsonValue v : json.value(QStringLiteral("groups")).toArray()) {
        const QJsonObject g = v.toObject();
        const auto role = splitRoleFromKey(g.value(QStringLiteral("split")).toString());
        if (!role)
            return Error::failed(StoreText::tr("%1: group %2 has no valid split").arg(path, g.value(QStringLiteral("group")).toString()));
        m_groups.append({g.value(QStringLiteral("group")).toString(), *role});
    }
    for (const QJsonValue v : json.value(QStringLiteral("split_changes")).toArray()) {
        const QJsonObject c = v.toObject();
        SplitChange change;
        change.when = QDateTime::fromString(c.value(QStringLiteral("when")).toString(), Qt::ISODate);
        change.group = c.value(QStringLiteral("group")).toString();
        change.from = splitRoleFromKey(c.value(QStringLiteral("from")).toString()).value_or(SplitRole::Train);
        change.to = splitRoleFromKey(c.value(QStringLiteral("to")).toString()).value_or(SplitRole::Train);
        m_changes.append(change);
    }
    const QDir samples(QDir(m_folder).filePath(QStringLiteral("samples")));
    QStringList ids = samples.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    ids.sort();
    for (const QString& id : ids) {
        if (id.startsWith(QLatin1Char('.')))
            continue; // an interrupted write: check() reports it
        const QString samplePath = samples.filePath(id + QLatin1Char('/') + kSampleFile);
        QFile sampleFile(samplePath);
        if (!sampleFile.open(QIODevice::ReadOnly))
            continue; // check() reports it
        auto record = SampleRecord::fromJson(QJsonDocument::fromJson(sampleFile.readAll()).object(), samplePath);
        if (record)
            m_samples.append(record.value());
    }
    return {};
}

Expected<void> TrainingStore::writeStoreJson() const
{
    QJsonArray groups;
    for (const auto& [group, role] : m_groups)
        groups.append(QJsonObject{{QStringLiteral("group"), group}, {QStringLiteral("split"), splitRoleKey(role)}});
    QJsonArray changes;
    for (const SplitChange& c : m_changes)
        changes.append(QJsonObject{{QStringLiteral("when"), c.when.toUTC().toString(Qt::ISODate)},
                                   {QStringLiteral("group"), c.group},
                                   {QStringLiteral("from"), splitRoleKey(c.from)},
                                   {QStringLiteral("to"), splitRoleKey(c.to)}});
    const QJsonObject json{{QStringLiteral("format"), QLatin1String(kFormat)},
                           {QStringLiteral("version"), 1},
                           {QStringLiteral("salt"), QString::fromLatin1(m_salt.toHex())},
                           {QStringLiteral("split_version"), m_splitVersion},
                           {QStringLiteral("groups"), groups},
                           {QStringLiteral("split_changes"), changes}};
    return writeBytesAtomically(QDir(m_folder).filePath(QStringLiteral("store.json")), QJsonDocument(json).toJson());
}

const SampleRecord* TrainingStore::find(const QString& id) const
{
    for (const SampleRecord& s : m_samples)
        if (s.id == id)
            return &s;
    return nullptr;
}

SplitRole TrainingStore::roleOf(const SampleRecord& sample) const
{
    for (const auto& [group, role] : m_groups)
        if (group == sample.group)
            return role;
    return SplitRole::Train;
}

int TrainingStore::count(SplitRole role) const
{
    return int(std::count_if(m_samples.begin(), m_samples.end(), [&](const SampleRecord& s) { return roleOf(s) == role; }));
}

QString TrainingStore::pseudonym(const QString& value) const
{
    if (value.isEmpty())
        return QString();
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(m_salt);
    hash.addData(value.toUtf8());
    return QString::fromLatin1(hash.result().toHex().left(16));
}

SplitRole TrainingStore::assignNewGroup(const QString& group)
{
    const int groups = m_groups.size() + 1;
    const int validation = int(std::count_if(m_groups.begin(), m_groups.end(), [](const auto& g) { return g.second == SplitRole::Validation; }));
    const bool anyTrain = validation < m_groups.size();
    const SplitRole role = anyTrain && 5 * (validation + 1) <= groups ? SplitRole::Validation : SplitRole::Train;
    m_groups.append({group, role});
    return role;
}

Expected<SampleRecord> TrainingStore::add(const Volume& image, const LabelMap& labels, const SampleIdentity& identity,
                                          const SampleRecord& provenance, std::optional<SplitRole> role)
{
    if (image.isEmpty() || image.geometry().size() != labels.geometry().size())
        return Error::failed(StoreText::tr("The image and the mask differ in size; a training sample needs both on one grid."));
    SampleRecord record = provenance;
    record.id = contentId(image, labels);
    if (const SampleRecord* existing = find(record.id))
        return Error::failed(StoreText::tr("This image and mask are already in the store (sample %1).").arg(existing->id));
    record.size = image.geometry().size();
    record.studyKey = pseudonym(identity.studyInstanceUid);
    record.seriesKey = pseudonym(identity.seriesInstanceUid);
    if (!identity.patientId.isEmpty())
        record.group = QStringLiteral("patient:") + pseudonym(identity.patientId);
    else if (!identity.seriesInstanceUid.isEmpty())
        record.group = QStringLiteral("series:") + record.seriesKey;
    else if (record.group.isEmpty())
        record.group = QStringLiteral("sample:") + record.id;
    if (!record.added.isValid())
        record.added = QDateTime::currentDateTimeUtc();
    if (record.labels.isEmpty()) {
        std::array<bool, 256> present{};
        for (std::size_t o = 0; o < labels.voxelCount(); ++o)
            present[labels.data()[o]] = true;
        for (int v = 1; v < 256; ++v)
            if (present[std::size_t(v)])
                record.labels.append({v, QString()});
    }

    // The group's split first (store.json), then the sample folder appears by one rename.
    const bool known = std::any_of(m_groups.begin(), m_groups.end(), [&](const auto& g) { return g.first == record.group; });
    if (!known) {
        if (role)
            m_groups.append({record.group, *role});
        else
            assignNewGroup(record.group);
        if (auto written = writeStoreJson(); !written) {
            m_groups.removeLast();
            return written.error();
        }
    }
    const QDir samples(QDir(m_folder).filePath(QStringLiteral("samples")));
    // The writer's pid in the name: check() removes leftovers of writers that are gone (killed mid-write).
    const QString incoming = samples.filePath(QStringLiteral(".incoming-%1-%2-%3")
                                                  .arg(record.id)
                                                  .arg(QCoreApplication::applicationPid())
                                                  .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
    if (!QDir().mkpath(incoming))
        return Error::failed(StoreText::tr("%1: cannot create the folder").arg(incoming));
    const auto cleanUp = [&]() { QDir(incoming).removeRecursively(); };
    const QString imagePath = QDir(incoming).filePath(kImageFile), labelPath = QDir(incoming).filePath(kLabelFile);
    if (auto written = writeVolume(image, imagePath); !written) {
        cleanUp();
        return written.error();
    }
    if (auto written = writeLabelMap(labels, labelPath); !written) {
        cleanUp();
        return written.error();
    }
    auto imageHash = fileSha256(imagePath);
    auto labelHash = fileSha256(labelPath);
    if (!imageHash || !labelHash) {
        cleanUp();
        return !imageHash ? imageHash.error() : labelHash.error();
    }
    record.imageSha256 = QString::fromLatin1(*imageHash);
    record.labelSha256 = QString::fromLatin1(*labelHash);
    if (auto written = writeBytesAtomically(QDir(incoming).filePath(kSampleFile), QJsonDocument(record.toJson()).toJson()); !written) {
        cleanUp();
        return written.error();
    }
    syncFolder(incoming);
    const QString destination = samples.filePath(record.id);
    if (::rename(QFile::encodeName(incoming).constData(), QFile::encodeName(destination).constData()) != 0) {
        cleanUp();
        return Error::failed(StoreText::tr("%1: cannot move the new sample into place").arg(destination));
    }
    syncFolder(samples.absolutePath());
    m_samples.append(record);
    return record;
}

Expected<SampleRecord> TrainingStore::accept(const Volume& image, const Segmentation& segmentation,
                                             const SampleIdentity& identity, const AcceptOptions& options)
{
    if (!segmentation.geometry().sameGridAs(image.geometry()))
        return Error::failed(StoreText::tr("The segmentation does not lie on the image's grid."));
    for (int l = 1; l < segmentation.layerCount(); ++l)
        if (!segmentation.layer(l).isAllZero())
            return Error::failed(StoreText::tr("The segmentation has overlapping segments on %1 layers; training needs one label per voxel.")
                                     .arg(segmentation.layerCount()));
    auto labels = segmentation.layerAsLabelMap(0);
    if (!labels)
        return labels.error();
    SampleRecord provenance;
    provenance.editor = options.editor;
    provenance.sliceAxis = options.reviewAxis;
    if (options.reviewedSlicesOnly) {
        const std::vector<int64_t> reviewed = segmentation.reviewedSlices().slices(options.reviewAxis);
        if (reviewed.empty())
            return Error::failed(StoreText::tr("No slice is marked reviewed on this axis: mark the slices you checked, or accept the whole volume."));
        for (int64_t s : reviewed)
            provenance.slices.append(s);
    }
    for (const LabelEntry& entry : segmentation.labels().entries())
        if (entry.value <= 255 && segmentation.labelVoxelCount(entry.value) > 0)
            provenance.labels.append({int(entry.value), entry.name});
    // Correction effort against the kept AI result, over the slices that train.
    if (const AiResult* ai = segmentation.aiResult(); ai && !ai->layers.empty()) {
        provenance.model = (ai->modelName + QLatin1Char(' ') + ai->modelVersion).trimmed();
        const LabelLayer& before = ai->layers.front();
        const auto& size = image.geometry().size();
        int64_t changed = 0, considered = 0, a = 0, b = 0, both = 0;
        const auto visit = [&](std::size_t o) {
            const uint16_t x = before.at(o), y = labels->data()[o];
            ++considered;
            changed += x != y ? 1 : 0;
            a += x != 0 ? 1 : 0;
            b += y != 0 ? 1 : 0;
            both += x != 0 && y != 0 ? 1 : 0;
        };
        if (provenance.slices.isEmpty()) {
            for (std::size_t o = 0; o < segmentation.voxelCount(); ++o)
                visit(o);
        } else {
            for (int64_t s : provenance.slices)
                for (int64_t v = 0; v < size[(options.reviewAxis + 2) % 3]; ++v)
                    for (int64_t u = 0; u < size[(options.reviewAxis + 1) % 3]; ++u) {
                        std::array<int64_t, 3> index{};
                        index[std::size_t(options.reviewAxis)] = s;
                        index[std::size_t((options.reviewAxis + 1) % 3)] = u;
                        index[std::size_t((options.reviewAxis + 2) % 3)] = v;
                        visit(std::size_t(index[0] + size[0] * (index[1] + size[1] * index[2])));
                    }
        }
        provenance.effortVoxelsChanged = changed;
        provenance.effortFraction = considered ? double(changed) / double(considered) : 0.0;
        provenance.effortDice = a + b ? 2.0 * double(both) / double(a + b) : 1.0;
    }
    return add(image, *labels, identity, provenance);
}

Expected<QVector<SampleRecord>> TrainingStore::importPairs(const QString& folder, const ImportOptions& options, JobControl& control)
{
    auto pairs = ml::loadTrainingPairs(folder, {}, options.nonZeroIsForeground, control);
    if (!pairs)
        return pairs.error();
    const int n = pairs->size();
    QVector<int> train = options.trainIndices, validation = options.validationIndices;
    if (train.isEmpty() && validation.isEmpty()) {
        const int validationCount = n > 1 ? std::max(1, int(std::lround(options.validationFraction * n))) : 0;
        for (int i = 0; i < n; ++i)
            (i >= n - validationCount ? validation : train).append(i);
    }
    for (int i : train + validation)
        if (i < 0 || i >= n)
            return Error::failed(StoreText::tr("%1: pair %2 does not exist (the folder holds %3 pairs, numbered from 0)").arg(folder).arg(i).arg(n));
    // One group per contiguous run of indices within a split: neighbouring slices stay on one side.
    const QString stack = QStringLiteral("stack:") + pseudonym(QFileInfo(folder).absoluteFilePath()) + QLatin1Char(':');
    QVector<SampleRecord> added;
    const auto addAll = [&](QVector<int> indices, SplitRole role) -> Expected<void> {
        std::sort(indices.begin(), indices.end());
        int block = 0;
        for (int p = 0; p < indices.size(); ++p) {
            if (control.isCancelled())
                return Error::cancelled();
            if (p > 0 && indices[p] != indices[p - 1] + 1)
                ++block;
            const ml::TrainingPair& pair = pairs->at(indices[p]);
            SampleRecord provenance;
            provenance.group = stack + splitRoleKey(role) + QLatin1Char(':') + QString::number(block);
            provenance.editor = options.editor;
            auto record = add(pair.image, pair.labels, {}, provenance, role);
            if (!record)
                return record.error();
            added.append(record.value());
            control.reportProgress(double(added.size()) / double(std::max(1, int(train.size() + validation.size()))),
                                   StoreText::tr("Importing %1").arg(QFileInfo(pair.imagePath).fileName()));
        }
        return {};
    };
    if (auto done = addAll(train, SplitRole::Train); !done)
        return done.error();
    if (auto done = addAll(validation, SplitRole::Validation); !done)
        return done.error();
    return added;
}

Expected<void> TrainingStore::setRole(const QString& id, SplitRole role)
{
    const SampleRecord* sample = find(id);
    if (!sample)
        return Error::failed(StoreText::tr("No sample %1 in %2").arg(id, m_folder));
    for (auto& group : m_groups)
        if (group.first == sample->group) {
            if (group.second == role)
                return {};
            const SplitChange change{QDateTime::currentDateTimeUtc(), group.first, group.second, role};
            const auto previous = group.second;
            group.second = role;
            m_changes.append(change);
            ++m_splitVersion;
            if (auto written = writeStoreJson(); !written) {
                group.second = previous;
                m_changes.removeLast();
                --m_splitVersion;
                return written.error();
            }
            return {};
        }
    return Error::failed(StoreText::tr("Sample %1 has no split group in %2").arg(id, m_folder));
}

Expected<void> TrainingStore::remove(const QString& id)
{
    const SampleRecord* sample = find(id);
    if (!sample)
        return Error::failed(StoreText::tr("No sample %1 in %2").arg(id, m_folder));
    const QDir samples(QDir(m_folder).filePath(QStringLiteral("samples")));
    // Out of sight in one rename, then deleted.
    const QString doomed = samples.filePath(QStringLiteral(".removed-%1-%2").arg(id).arg(QCoreApplication::applicationPid()));
    if (::rename(QFile::encodeName(samples.filePath(id)).constData(), QFile::encodeName(doomed).constData()) != 0)
        return Error::failed(StoreText::tr("%1: cannot remove the sample").arg(samples.filePath(id)));
    QDir(doomed).removeRecursively();
    m_samples.erase(std::remove_if(m_samples.begin(), m_samples.end(), [&](const SampleRecord& s) { return s.id == id; }), m_samples.end());
    return {};
}

Expected<std::pair<Volume, LabelMap>> TrainingStore::load(const SampleRecord& sample) const
{
    const QDir dir(QDir(m_folder).filePath(QStringLiteral("samples/") + sample.id));
    auto image = readVolume(dir.filePath(kImageFile));
    if (!image)
        return image.error();
    auto labels = readLabelMap(dir.filePath(kLabelFile));
    if (!labels)
        return labels.error();
    return std::make_pair(std::move(image.value()), std::move(labels.value()));
}

namespace {

// Slices `slices` (normal to `axis`) of a volume of `size`, stacked along k: the index of the new voxel (u, v, n)
// in the old volume, u and v running along the two other axes in order.
template <typename T>
std::vector<T> gatherSlices(const T* values, const std::array<int64_t, 3>& size, int axis, const QVector<int64_t>& slices)
{
    const int a = (axis + 1) % 3, b = (axis + 2) % 3;
    const int first = std::min(a, b), second = std::max(a, b);
    std::vector<T> out;
    out.reserve(std::size_t(size[std::size_t(first)] * size[std::size_t(second)] * slices.size()));
    for (int64_t s : slices)
        for (int64_t v = 0; v < size[std::size_t(second)]; ++v)
            for (int64_t u = 0; u < size[std::size_t(first)]; ++u) {
                std::array<int64_t, 3> index{};
                index[std::size_t(axis)] = s;
                index[std::size_t(first)] = u;
                index[std::size_t(second)] = v;
                out.push_back(values[std::size_t(index[0] + size[0] * (index[1] + size[1] * index[2]))]);
            }
    return out;
}

} // namespace

Expected<TrainingStore::TrainingSets> TrainingStore::trainingSets(JobControl& control) const
{
    TrainingSets sets;
    int done = 0;
    for (const SampleRecord& sample : m_samples) {
        if (control.isCancelled())
            return Error::cancelled();
        auto pair = load(sample);
        if (!pair)
            return pair.error();
        ml::TrainingPair training;
        training.imagePath = QStringLiteral("store:") + sample.id;
        training.labelPath = training.imagePath;
        if (sample.slices.isEmpty()) {
            training.image = std::move(pair->first);
            training.labels = std::move(pair->second);
        } else {
            const auto& size = pair->first.geometry().size();
            for (int64_t s : sample.slices)
                if (sample.sliceAxis < 0 || sample.sliceAxis > 2 || s < 0 || s >= size[std::size_t(sample.sliceAxis)])
                    return Error::failed(StoreText::tr("%1: slice %2 lies outside the image").arg(sample.id).arg(s));
            const int a = (sample.sliceAxis + 1) % 3, b = (sample.sliceAxis + 2) % 3;
            const int first = std::min(a, b), second = std::max(a, b);
            const Vector3& spacing = pair->first.geometry().spacing();
            const ImageGeometry grid({size[std::size_t(first)], size[std::size_t(second)], int64_t(sample.slices.size())},
                                     {spacing[std::size_t(first)], spacing[std::size_t(second)], spacing[std::size_t(sample.sliceAxis)]},
                                     {0, 0, 0}, {{{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}});
            const Volume image = pair->first.pixelType() == PixelType::Float32 ? pair->first : pair->first.toFloat32();
            const std::vector<float> values = gatherSlices(image.float32Data(), size, sample.sliceAxis, sample.slices);
            training.image = Volume(grid, PixelType::Float32);
            std::copy(values.begin(), values.end(), training.image.float32Data());
            const std::vector<uint8_t> labels = gatherSlices(pair->second.data(), size, sample.sliceAxis, sample.slices);
            training.labels = LabelMap(grid);
            std::copy(labels.begin(), labels.end(), training.labels.data());
        }
        (roleOf(sample) == SplitRole::Validation ? sets.validation : sets.train).append(std::move(training));
        control.reportProgress(double(++done) / double(m_samples.size()), StoreText::tr("Reading the training store"));
    }
    if (sets.train.isEmpty())
        return Error::failed(StoreText::tr("%1: no sample is in the training split").arg(m_folder));
    return sets;
}

namespace {

// A leftover ".incoming-ID-PID-…", ".removed-ID-PID" or ".training-PID-…" whose writer is no longer running.
bool writerIsGone(const QString& name)
{
    const QStringList parts = name.split(QLatin1Char('-'));
    bool ok = false;
    qint64 pid = 0;
    if (name.startsWith(QLatin1String(".incoming-")) && parts.size() >= 4)
        pid = parts[2].toLongLong(&ok);
    else if (name.startsWith(QLatin1String(".removed-")) && parts.size() >= 3)
        pid = parts[2].toLongLong(&ok);
    else if (name.startsWith(QLatin1String(".training-")) && parts.size() >= 3)
        pid = parts[1].toLongLong(&ok);
    if (!ok || pid <= 0)
        return true; // no pid: an old-style leftover
    return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

} // namespace

QVector<StoreProblem> TrainingStore::check() const
{
    QVector<StoreProblem> problems;
    // Leftovers of writers that were killed are not part of the store: removed here. Those of running writers are
    // left alone (a sample is being added right now).
    for (const QString& sub : {QStringLiteral("samples"), QStringLiteral("models")}) {
        const QDir dir(QDir(m_folder).filePath(sub));
        for (const QString& name : dir.entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden))
            if (name.startsWith(QLatin1Char('.')) && writerIsGone(name)) {
                const QString path = dir.filePath(name);
                if (QFileInfo(path).isDir() ? !QDir(path).removeRecursively() : !QFile::remove(path))
                    problems.append({path, StoreText::tr("left over from an interrupted write and cannot be removed")});
            }
    }
    const QDir samples(QDir(m_folder).filePath(QStringLiteral("samples")));
    for (const QString& name : samples.entryList(QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
        const QString path = samples.filePath(name);
        if (name.startsWith(QLatin1Char('.')))
            continue; // a sample being written by a running process

        const SampleRecord* sample = find(name);
        if (!sample) {
            problems.append({path, StoreText::tr("no readable sample.json")});
            continue;
        }
        const QString wanted[2] = {sample->imageSha256, sample->labelSha256};
        const QString files[2] = {kImageFile, kLabelFile};
        for (int f = 0; f < 2; ++f) {
            const QString file = QDir(path).filePath(files[f]);
            auto hash = fileSha256(file);
            if (!hash)
                problems.append({file, StoreText::tr("missing or unreadable")});
            else if (QString::fromLatin1(*hash) != wanted[f])
                problems.append({file, StoreText::tr("content differs from the hash recorded when it was added")});
        }
        if (!std::any_of(m_groups.begin(), m_groups.end(), [&](const auto& g) { return g.first == sample->group; }))
            problems.append({path, StoreText::tr("its group has no split in store.json")});
    }
    return problems;
}

Expected<int> TrainingStore::exportNnUnet(const QString& folder, int datasetId, const QString& name,
                                          const QString& channelName) const
{
    if (m_samples.isEmpty())
        return Error::failed(StoreText::tr("%1: the store is empty; nothing to export").arg(m_folder));
    if (datasetId < 1 || datasetId > 999)
        return Error::failed(StoreText::tr("The nnU-Net dataset number must lie between 1 and 999."));
    const QString datasetName = QStringLiteral("Dataset%1_%2").arg(datasetId, 3, 10, QLatin1Char('0')).arg(name);
    const QDir root(QDir(folder).filePath(datasetName));
    if (root.exists() && !root.isEmpty())
        return Error::failed(StoreText::tr("%1: exists and is not empty").arg(root.path()));
    if (!QDir().mkpath(root.filePath(QStringLiteral("imagesTr"))) || !QDir().mkpath(root.filePath(QStringLiteral("labelsTr"))))
        return Error::failed(StoreText::tr("%1: cannot create the folder").arg(root.path()));
    // nnU-Net wants consecutive label values from 0: every value of the store, in order, gets the next number.
    std::map<int, QString> names;
    for (const SampleRecord& s : m_samples)
        for (const SampleLabel& l : s.labels)
            if (!names.count(l.value) || names[l.value].isEmpty())
                names[l.value] = l.name;
    std::array<uint8_t, 256> renumber{};
    QJsonObject labels{{QStringLiteral("background"), 0}};
    int next = 1;
    for (const auto& [value, labelName] : names) {
        renumber[std::size_t(value)] = uint8_t(next);
        QString key = labelName.isEmpty() ? QStringLiteral("label_%1").arg(value) : labelName;
        while (labels.contains(key))
            key += QLatin1Char('_');
        labels.insert(key, next++);
    }
    QJsonArray train, validation;
    int cases = 0;
    for (const SampleRecord& s : m_samples) {
        auto pair = load(s);
        if (!pair)
            return pair.error();
        LabelMap& mask = pair->second;
        for (std::size_t o = 0; o < mask.voxelCount(); ++o)
            mask.data()[o] = renumber[mask.data()[o]];
        const QString caseId = QStringLiteral("%1_%2").arg(name).arg(s.id);
        if (auto w = writeVolume(pair->first, root.filePath(QStringLiteral("imagesTr/%1_0000.nii.gz").arg(caseId))); !w)
            return w.error();
        if (auto w = writeLabelMap(mask, root.filePath(QStringLiteral("labelsTr/%1.nii.gz").arg(caseId))); !w)
            return w.error();
        (roleOf(s) == SplitRole::Validation ? validation : train).append(caseId);
        ++cases;
    }
    const QJsonObject dataset{{QStringLiteral("channel_names"), QJsonObject{{QStringLiteral("0"), channelName}}},
                              {QStringLiteral("labels"), labels},
                              {QStringLiteral("numTraining"), cases},
                              {QStringLiteral("file_ending"), QStringLiteral(".nii.gz")},
                              {QStringLiteral("name"), name},
                              {QStringLiteral("description"), QStringLiteral("Exported from a Delineate training store (split version %1)").arg(m_splitVersion)}};
    if (auto w = writeBytesAtomically(root.filePath(QStringLiteral("dataset.json")), QJsonDocument(dataset).toJson()); !w)
        return w.error();
    // The frozen split as nnU-Net's one-fold splits_final.json (copy it to nnUNet_preprocessed/<dataset>/).
    const QJsonArray splits{QJsonObject{{QStringLiteral("train"), train}, {QStringLiteral("val"), validation}}};
    if (auto w = writeBytesAtomically(root.filePath(QStringLiteral("splits_final.json")), QJsonDocument(splits).toJson()); !w)
        return w.error();
    return cases;
}

} // namespace delineate
