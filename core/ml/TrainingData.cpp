// Finding, pairing and reading training files.
#include "ml/TrainingData.h"

#include "io/VolumeIO.h"

#include <QRegularExpression>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHash>

#include <algorithm>

namespace delineate::ml {

namespace {

// Translation context "TrainingData" (lupdate reads it from the macro).
class TrainingDataText
{
    Q_DECLARE_TR_FUNCTIONS(TrainingData)
};

// File name without the image extension (.nii.gz counts as one extension).
QString stemOf(const QString& fileName)
{
    const QString lower = fileName.toLower();
    for (const char* ext : {".nii.gz", ".nii", ".nrrd", ".nhdr", ".mha", ".mhd", ".png"})
        if (lower.endsWith(QLatin1String(ext)))
            return fileName.left(fileName.size() - int(qstrlen(ext)));
    return fileName;
}

QStringList imageFiles(const QDir& dir)
{
    QStringList files;
    for (const QString& name : dir.entryList(QDir::Files))
        if (isVolumeFileName(name))
            files << name;
    std::sort(files.begin(), files.end(), naturalLess);
    return files;
}

// The volume files of `dir` by stem: how a label file (or a synthesis label map) finds its image.
QHash<QString, QString> filesByStem(const QDir& dir)
{
    QHash<QString, QString> byStem;
    for (const QString& name : imageFiles(dir))
        byStem.insert(stemOf(name), name);
    return byStem;
}

} // namespace

bool naturalLess(const QString& a, const QString& b)
{
    // Digit runs compare as numbers ("2.png" < "10.png") whatever the locale; QCollator's numeric mode
    // silently falls back to plain character order in the C locale, which would reorder a frozen split.
    int i = 0, j = 0;
    while (i < a.size() && j < b.size()) {
        if (a[i].isDigit() && b[j].isDigit()) {
            int si = i, sj = j;
            while (i < a.size() && a[i].isDigit())
                ++i;
            while (j < b.size() && b[j].isDigit())
                ++j;
            const QString na = a.mid(si, i - si), nb = b.mid(sj, j - sj);
            const qulonglong va = na.toULongLong(), vb = nb.toULongLong();
            if (va != vb)
                return va < vb;
            if (na.size() != nb.size())
                return na.size() < nb.size();
            continue;
        }
        if (a[i] != b[j])
            return a[i] < b[j];
        ++i;
        ++j;
    }
    return a.size() - i < b.size() - j;
}

Expected<QVector<int>> parseIndexRanges(const QString& text)
{
    QVector<int> indices;
    for (const QString& part : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QStringList bounds = part.trimmed().split(QLatin1Char('-'));
        bool okFirst = false, okLast = false;
        const int first = bounds.value(0).toInt(&okFirst);
        const int last = bounds.size() == 2 ? bounds[1].toInt(&okLast) : first;
        if (bounds.size() == 1)
            okLast = okFirst;
        if (bounds.size() > 2 || !okFirst || !okLast || first < 0 || last < first)
            return Error::failed(TrainingDataText::tr("'%1' is not an index range such as 0-23 or 4,7,9-11").arg(part));
        for (int i = first; i <= last; ++i)
            indices.append(i);
    }
    return indices;
}

LabelMap nonZeroMask(const Volume& volume)
{
    LabelMap mask(volume.geometry());
    for (std::size_t i = 0; i < mask.voxelCount(); ++i)
        mask.data()[i] = volume.valueAt(i) != 0.0 ? 1 : 0;
    return mask;
}

Expected<QVector<TrainingPair>> loadTrainingPairs(const QString& folder, const QVector<int>& indices,
                                                  bool nonZeroIsForeground, JobControl& control)
{
    const QDir imageDir(QDir(folder).filePath(QStringLiteral("image")));
    const QDir labelDir(QDir(folder).filePath(QStringLiteral("label")));
    if (!imageDir.exists() || !labelDir.exists())
        return Error::failed(TrainingDataText::tr("%1: a training folder needs the subfolders image/ and label/").arg(folder));
    const QStringList images = imageFiles(imageDir);
    if (images.isEmpty())
        return Error::failed(TrainingDataText::tr("%1: no images (PNG, NIfTI, NRRD, MHA)").arg(imageDir.path()));
    const QHash<QString, QString> labelsByStem = filesByStem(labelDir);

    QVector<int> selected = indices;
    if (selected.isEmpty())
        for (int i = 0; i < images.size(); ++i)
            selected.append(i);
    QVector<TrainingPair> pairs;
    for (int n = 0; n < selected.size(); ++n) {
        if (control.isCancelled())
            return Error::cancelled();
        const int index = selected[n];
        if (index >= images.size())
            return Error::failed(TrainingDataText::tr("%1: index %2 requested but there are only %3 images (0-%4)")
                                     .arg(imageDir.path())
                                     .arg(index)
                                     .arg(images.size())
                                     .arg(images.size() - 1));
        TrainingPair pair;
        pair.imagePath = imageDir.filePath(images[index]);
        const QString labelName = labelsByStem.value(stemOf(images[index]));
        if (labelName.isEmpty())
            return Error::failed(TrainingDataText::tr("%1: no label file with the same name in %2").arg(pair.imagePath, labelDir.path()));
        pair.labelPath = labelDir.filePath(labelName);
        auto image = readVolume(pair.imagePath);
        if (!image)
            return image.error();
        pair.image = std::move(*image);
        if (nonZeroIsForeground) {
            auto mask = readVolume(pair.labelPath);
            if (!mask)
                return mask.error();
            pair.labels = nonZeroMask(*mask);
        } else {
            auto labels = readLabelMap(pair.labelPath);
            if (!labels)
                return labels.error();
            pair.labels = std::move(*labels);
        }
        if (pair.labels.geometry().size() != pair.image.geometry().size())
            return Error::failed(TrainingDataText::tr("%1 and %2 differ in size").arg(pair.imagePath, pair.labelPath));
        pairs.append(std::move(pair));
        control.reportProgress(double(n + 1) / selected.size() * 0.05, TrainingDataText::tr("Reading training data"));
    }
    return pairs;
}

QString hashTrainingFiles(const QVector<TrainingPair>& pairs)
{
    QStringList paths;
    for (const TrainingPair& pair : pairs)
        paths << pair.imagePath << pair.labelPath;
    return hashFiles(paths);
}

QString hashFiles(const QStringList& paths)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (const QString& path : paths) {
        hash.addData(QFileInfo(path).fileName().toUtf8());
        QFile file(path);
        if (file.open(QIODevice::ReadOnly))
            hash.addData(&file);
    }
    return QString::fromLatin1(hash.result().toHex());
}

Expected<QVector<LabelMap>> loadSynthesisLabels(const QString& folder, const QVector<TrainingPair>& pairs, QStringList* paths)
{
    const QDir dir(folder);
    if (!dir.exists())
        return Error::failed(TrainingDataText::tr("%1: no such folder").arg(folder));
    const QHash<QString, QString> byStem = filesByStem(dir);
    QVector<LabelMap> maps;
    for (const TrainingPair& pair : pairs) {
        const QString name = byStem.value(stemOf(QFileInfo(pair.imagePath).fileName()));
        if (name.isEmpty())
            return Error::failed(TrainingDataText::tr("%1: no synthesis label map named like %2").arg(folder, QFileInfo(pair.imagePath).fileName()));
        auto labels = readLabelMap(dir.filePath(name));
        if (!labels)
            return labels.error();
        if (labels->geometry().size() != pair.image.geometry().size())
            return Error::failed(TrainingDataText::tr("%1 and %2 differ in size").arg(dir.filePath(name), pair.imagePath));
        if (paths)
            paths->append(dir.filePath(name));
        maps.append(std::move(*labels));
    }
    return maps;
}

} // namespace delineate::ml
