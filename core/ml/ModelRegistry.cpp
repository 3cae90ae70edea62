// The model registry: versions as folders renamed into place, the active version and its history in active.json.
#include "ml/ModelRegistry.h"

#include "io/VolumeIO.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRandomGenerator>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>

namespace delineate::ml {

namespace {

// Translation context "ModelRegistry" (lupdate reads it from the macro).
class RegistryText
{
    Q_DECLARE_TR_FUNCTIONS(ModelRegistry)
};

int versionNumber(const QString& version)
{
    return version.startsWith(QLatin1Char('v')) ? version.mid(1).toInt() : 0;
}

Expected<void> writeJsonAtomically(const QString& path, const QJsonDocument& document)
{
    return writeBytesAtomically(path, document.toJson());
}

} // namespace

QJsonObject ModelVersion::toJson() const
{
    return QJsonObject{{QStringLiteral("version"), version},
                       {QStringLiteral("parent"), parent},
                       {QStringLiteral("data_hash"), dataHash},
                       {QStringLiteral("split_version"), splitVersion},
                       {QStringLiteral("hyper_parameters"), hyperParameters},
                       {QStringLiteral("metrics"), metrics},
                       {QStringLiteral("created"), created.toUTC().toString(Qt::ISODate)}};
}

ModelVersion ModelVersion::fromJson(const QJsonObject& json)
{
    ModelVersion v;
    v.version = json.value(QStringLiteral("version")).toString();
    v.parent = json.value(QStringLiteral("parent")).toString();
    v.dataHash = json.value(QStringLiteral("data_hash")).toString();
    v.splitVersion = json.value(QStringLiteral("split_version")).toInt();
    v.hyperParameters = json.value(QStringLiteral("hyper_parameters")).toObject();
    v.metrics = json.value(QStringLiteral("metrics")).toObject();
    v.created = QDateTime::fromString(json.value(QStringLiteral("created")).toString(), Qt::ISODate);
    return v;
}

Expected<ModelRegistry> ModelRegistry::open(const QString& storeFolder)
{
    if (!QFileInfo::exists(QDir(storeFolder).filePath(QStringLiteral("store.json"))))
        return Error::failed(RegistryText::tr("%1: not a training store (no store.json)").arg(storeFolder));
    ModelRegistry registry;
    registry.m_folder = QDir(storeFolder).absoluteFilePath(QStringLiteral("models"));
    if (!QDir().mkpath(registry.m_folder))
        return Error::failed(RegistryText::tr("%1: cannot create the folder").arg(registry.m_folder));
    const QDir models(registry.m_folder);
    for (const QString& name : models.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile file(models.filePath(name + QStringLiteral("/version.json")));
        if (name.startsWith(QLatin1Char('.')) || !file.open(QIODevice::ReadOnly))
            continue; // an interrupted write
        ModelVersion v = ModelVersion::fromJson(QJsonDocument::fromJson(file.readAll()).object());
        if (v.version == name && QFileInfo::exists(models.filePath(name + QStringLiteral("/model.dlm"))))
            registry.m_versions.append(v);
    }
    std::sort(registry.m_versions.begin(), registry.m_versions.end(),
              [](const ModelVersion& a, const ModelVersion& b) { return versionNumber(a.version) < versionNumber(b.version); });
    QFile active(models.filePath(QStringLiteral("active.json")));
    if (active.open(QIODevice::ReadOnly))
        for (const QJsonValue v : QJsonDocument::fromJson(active.readAll()).object().value(QStringLiteral("history")).toArray())
            if (registry.find(v.toString()))
                registry.m_history.append(v.toString());
    return registry;
}

const ModelVersion* ModelRegistry::find(const QString& version) const
{
    for (const ModelVersion& v : m_versions)
        if (v.version == version)
            return &v;
    return nullptr;
}

std::shared_ptr<CheckpointSink> ModelRegistry::checkpoints() const
{
    return std::make_shared<FileCheckpointSink>(QDir(m_folder).filePath(QStringLiteral("interrupted-run.ckpt")));
}

bool ModelRegistry::hasInterruptedRun() const
{
    return QFileInfo::exists(QDir(m_folder).filePath(QStringLiteral("interrupted-run.ckpt")));
}

QString ModelRegistry::modelPath(const QString& version) const
{
    return QDir(m_folder).filePath(version + QStringLiteral("/model.dlm"));
}

Expected<void> ModelRegistry::writeActive() const
{
    return writeJsonAtomically(QDir(m_folder).filePath(QStringLiteral("active.json")),
                               QJsonDocument(QJsonObject{{QStringLiteral("active"), active()},
                                                         {QStringLiteral("history"), QJsonArray::fromStringList(m_history)}}));
}

Expected<ModelVersion> ModelRegistry::add(const QString& modelFile, ModelVersion info)
{
    if (!QFileInfo(modelFile).isFile())
        return Error::failed(RegistryText::tr("%1: no such model file").arg(modelFile));
    const int next = m_versions.isEmpty() ? 1 : versionNumber(m_versions.last().version) + 1;
    info.version = QStringLiteral("v%1").arg(next);
    if (!info.created.isValid())
        info.created = QDateTime::currentDateTimeUtc();
    const QDir models(m_folder);
    const QString incoming = models.filePath(QStringLiteral(".incoming-%1-%2-%3")
                                                 .arg(info.version)
                                                 .arg(QCoreApplication::applicationPid())
                                                 .arg(QRandomGenerator::global()->generate(), 8, 16, QLatin1Char('0')));
    if (!QDir().mkpath(incoming))
        return Error::failed(RegistryText::tr("%1: cannot create the folder").arg(incoming));
    const auto failed = [&](const Error& error) {
        QDir(incoming).removeRecursively();
        return error;
    };
    if (!QFile::copy(modelFile, QDir(incoming).filePath(QStringLiteral("model.dlm"))))
        return failed(Error::failed(RegistryText::tr("%1: cannot copy the model into the registry").arg(modelFile)));
    if (auto written = writeJsonAtomically(QDir(incoming).filePath(QStringLiteral("version.json")), QJsonDocument(info.toJson())); !written)
        return failed(written.error());
    syncFolder(incoming);
    // With no active version, the new one becomes active. active.json names it before its folder is moved into
    // place: open() ignores names of versions that do not exist, so a kill between the two writes leaves either no
    // new version or the new version active, never versions without an active one.
    const bool becomesActive = m_history.isEmpty();
    if (becomesActive) {
        m_history.append(info.version);
        auto written = writeActive();
        m_history.clear();
        if (!written)
            return failed(written.error());
    }
    const QString destination = models.filePath(info.version);
    if (::rename(QFile::encodeName(incoming).constData(), QFile::encodeName(destination).constData()) != 0)
        return failed(Error::failed(RegistryText::tr("%1: cannot move the new version into place").arg(destination)));
    syncFolder(m_folder);
    m_versions.append(info);
    if (becomesActive)
        m_history.append(info.version);
    return info;
}

Expected<void> ModelRegistry::promote(const QString& version)
{
    if (!find(version))
        return Error::failed(RegistryText::tr("No model version %1 in %2").arg(version, m_folder));
    if (active() == version)
        return {};
    m_history.append(version);
    if (auto written = writeActive(); !written) {
        m_history.removeLast();
        return written.error();
    }
    return {};
}

Expected<QString> ModelRegistry::rollback()
{
    if (m_history.size() < 2)
        return Error::failed(RegistryText::tr("%1: no earlier active version to roll back to").arg(m_folder));
    const QString dropped = m_history.takeLast();
    if (auto written = writeActive(); !written) {
        m_history.append(dropped);
        return written.error();
    }
    return active();
}

} // namespace delineate::ml
