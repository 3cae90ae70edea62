// The training-sample store: a folder of accepted image/mask pairs that the fine-tuning reads, with a frozen
// train/validation split. No direct identifier is ever written here: sources are known by salted hashes (the salt
// belongs to the store), never by names, IDs or UIDs.
//
// Layout (every file written atomically; a kill at any moment leaves the old or the new complete state):
//   STORE/store.json                 format, salt, split version, group -> split, split changes
//   STORE/samples/ID/image.nii.gz    the image (whole volume, or one slice of a stack)
//   STORE/samples/ID/label.nii.gz    the accepted mask (one label per voxel)
//   STORE/samples/ID/sample.json     provenance: pseudonymous source keys, slices to train on, model, editor, time,
//                                    correction effort, content hashes
// A sample appears by renaming its complete folder into samples/ (atomic); store.json is written before that.
#pragma once

#include "common/Expected.h"
#include "image/LabelMap.h"
#include "image/Volume.h"
#include "jobs/JobControl.h"
#include "ml/TrainingData.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QVector>

#include <optional>

namespace delineate {

class Segmentation;

enum class SplitRole { Train, Validation };
QString splitRoleKey(SplitRole role); // "train", "validation"
std::optional<SplitRole> splitRoleFromKey(const QString& key);

// What the caller knows about where an image came from. Only salted hashes of it reach the store.
struct SampleIdentity
{
    QString patientId;          // groups samples of one patient (same split); empty: the series is the group
    QString studyInstanceUid;
    QString seriesInstanceUid;
};

struct SampleLabel
{
    int value = 0;
    QString name;
};

struct SampleRecord
{
    QString id;                 // 16 hex digits of the image and mask content hash
    QString group;              // pseudonymous patient key, or "stack:<hash>:<block>" for imported slices
    QString studyKey, seriesKey; // salted hashes ("" when unknown)
    std::array<int64_t, 3> size{0, 0, 0};
    int sliceAxis = 2;
    QVector<int64_t> slices;    // the slices to train on (0-based); empty = every slice
    QVector<SampleLabel> labels; // the label values of the mask with their names (0 = background, not listed)
    QString model;              // the model (name and version) whose result was corrected; "" when drawn by hand
    QString editor;
    QDateTime added;
    // Correction effort against the model's result (-1 without one): Dice of the foreground, voxels changed.
    double effortDice = -1.0;
    int64_t effortVoxelsChanged = -1;
    double effortFraction = -1.0; // voxels changed / voxels considered (the training slices)
    QString imageSha256, labelSha256;

    QJsonObject toJson() const;
    static Expected<SampleRecord> fromJson(const QJsonObject& json, const QString& origin);
};

struct SplitChange
{
    QDateTime when;
    QString group;
    SplitRole from = SplitRole::Train, to = SplitRole::Train;
};

struct AcceptOptions
{
    QString editor;
    bool reviewedSlicesOnly = false; // only the slices marked reviewed (on `reviewAxis`), else the whole volume
    int reviewAxis = 2;
};

struct ImportOptions
{
    // Indices (natural file-name order) of the pairs for each split; both empty: the last `validationFraction` of
    // the pairs, as one contiguous block, is the validation split (neighbouring slices are near copies: never
    // interleaved).
    QVector<int> trainIndices, validationIndices;
    double validationFraction = 0.2;
    bool nonZeroIsForeground = false;
    QString editor;
};

struct StoreProblem
{
    QString path;
    QString problem;
};

class TrainingStore
{
public:
    // Opens STORE (creating it when `create` and it does not exist; the folder is owner-only).
    static Expected<TrainingStore> open(const QString& folder, bool create);

    QString folder() const { return m_folder; }
    const QVector<SampleRecord>& samples() const { return m_samples; }
    const SampleRecord* find(const QString& id) const;
    int splitVersion() const { return m_splitVersion; }
    const QVector<SplitChange>& splitChanges() const { return m_changes; }
    SplitRole roleOf(const SampleRecord& sample) const;
    int count(SplitRole role) const;

    // The store's pseudonym for an identifier: salted SHA-256, 16 hex digits ("" for an empty value).
    QString pseudonym(const QString& value) const;

    // Adds an image and its mask. A sample whose image and mask are already in the store is refused as a
    // duplicate (the message names the existing sample). A new group gets its split once: validation while the
    // validation groups stay at most a fifth of all groups and some group trains, else train.
    Expected<SampleRecord> add(const Volume& image, const LabelMap& labels, const SampleIdentity& identity,
                               const SampleRecord& provenance, std::optional<SplitRole> role = std::nullopt);
    // "Accept correction": the segmentation on screen (one layer) with its image; the effort against the kept AI
    // result; with reviewedSlicesOnly only the reviewed slices train (refused when none is reviewed).
    Expected<SampleRecord> accept(const Volume& image, const Segmentation& segmentation, const SampleIdentity& identity,
                                  const AcceptOptions& options);
    // Pairs of a folder (image/ and label/ as for training): each pair one sample, grouped in contiguous blocks.
    Expected<QVector<SampleRecord>> importPairs(const QString& folder, const ImportOptions& options, JobControl& control);

    // Moves every sample of `id`'s group to `role`; recorded, and the split version goes up.
    Expected<void> setRole(const QString& id, SplitRole role);
    Expected<void> remove(const QString& id);

    // The image and mask of a sample.
    Expected<std::pair<Volume, LabelMap>> load(const SampleRecord& sample) const;
    // Every sample as a training pair, by split; a sample that trains on some slices only gives just those
    // slices (stacked along its slice axis).
    struct TrainingSets
    {
        QVector<ml::TrainingPair> train, validation;
    };
    Expected<TrainingSets> trainingSets(JobControl& control) const;
    // Everything that is not as it should be (files missing, hashes wrong). Leftovers of writers that were killed
    // mid-write are removed on the way (they were never part of the store).
    QVector<StoreProblem> check() const;

    // An nnU-Net v2 raw dataset: imagesTr/CASE_0000.nii.gz, labelsTr/CASE.nii.gz (labels renumbered 0, 1, 2, ...),
    // dataset.json, and splits_final.json with the store's frozen split (one fold). Returns the number of cases.
    Expected<int> exportNnUnet(const QString& folder, int datasetId, const QString& name, const QString& channelName) const;

private:
    Expected<void> load();
    Expected<void> writeStoreJson() const;
    SplitRole assignNewGroup(const QString& group);

    QString m_folder;
    QByteArray m_salt;
    int m_splitVersion = 1;
    QVector<QPair<QString, SplitRole>> m_groups; // in order of first appearance
    QVector<SplitChange> m_changes;
    QVector<SampleRecord> m_samples;
};

} // namespace delineate
