// Label files through ITK: label values checked on reading, names and colours from a JSON sidecar (NIfTI, MHA) or
// from Slicer-style "SegmentN_*" NRRD fields; written atomically, the sidecar after the image.
#include "io/SegmentationIO.h"

#include "image/GeometryMatch.h"
#include "io/ItkGeometry.h"
#include "io/ItkImageFile.h"
#include "io/VolumeIO.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <itkImage.h>
#include <itkImageFileReader.h>
#include <itkImageFileWriter.h>
#include <itkImageIOBase.h>
#include <itkMetaDataObject.h>
#include <itkVectorImage.h>

#include <cmath>

namespace delineate {

namespace {

class SegmentationIOText
{
    Q_DECLARE_TR_FUNCTIONS(SegmentationIO)
};

using itkgeometry::applyGeometry;
using itkgeometry::geometryOf;

bool isNrrd(const QString& path)
{
    return path.endsWith(QLatin1String(".nrrd"), Qt::CaseInsensitive)
           || path.endsWith(QLatin1String(".nhdr"), Qt::CaseInsensitive);
}

bool isNifti(const QString& path)
{
    return path.endsWith(QLatin1String(".nii"), Qt::CaseInsensitive)
           || path.endsWith(QLatin1String(".nii.gz"), Qt::CaseInsensitive);
}

// Converts float voxels to a label layer, refusing values that are not labels.
Expected<LabelLayer> layerFromFloats(const float* values, std::size_t count, std::ptrdiff_t stride, const QString& path)
{
    float largest = 0.0f;
    for (std::size_t n = 0; n < count; ++n) {
        const float v = values[std::ptrdiff_t(n) * stride];
        if (!(v >= 0.0f && v <= 65535.0f) || v != std::nearbyint(v))
            return Error::failed(SegmentationIOText::tr("%1: not a label map (voxel value %2 is not an integer in "
                                                        "0..65535)")
                                     .arg(path)
                                     .arg(double(v)));
        largest = std::max(largest, v);
    }
    if (largest > 255.0f) {
        std::vector<uint16_t> wide(count);
        for (std::size_t n = 0; n < count; ++n)
            wide[n] = uint16_t(values[std::ptrdiff_t(n) * stride]);
        return LabelLayer::fromUInt16(std::move(wide));
    }
    std::vector<uint8_t> narrow(count);
    for (std::size_t n = 0; n < count; ++n)
        narrow[n] = uint8_t(values[std::ptrdiff_t(n) * stride]);
    return LabelLayer::fromUInt8(std::move(narrow));
}

std::string metaString(const itk::MetaDataDictionary& dictionary, const std::string& key)
{
    std::string value;
    itk::ExposeMetaData<std::string>(dictionary, key, value);
    return value;
}

// Slicer's "Segmentation.Status" values.
QString slicerStatus(ReviewStatus s)
{
    switch (s) {
    case ReviewStatus::NotStarted:
        return QStringLiteral("notstarted");
    case ReviewStatus::InProgress:
        return QStringLiteral("inprogress");
    case ReviewStatus::Completed:
        return QStringLiteral("completed");
    case ReviewStatus::Flagged:
        return QStringLiteral("flagged");
    }
    return {};
}

QString conceptText(const CodedConcept& c)
{
    return c.scheme + QLatin1Char('^') + c.code + QLatin1Char('^') + c.meaning;
}

CodedConcept conceptFrom(const QString& text)
{
    const QStringList parts = text.split(QLatin1Char('^'));
    if (parts.size() < 3)
        return {};
    return {parts[1], parts[0], parts.mid(2).join(QLatin1Char('^'))};
}

// Slicer's terminology tag: "<context>~<category>~<type>~<modifier>~<anatomic context>~<region>~<region modifier>".
QString terminologyTag(const CodedMeaning& m)
{
    return QStringLiteral("Segmentation category and type - DICOM master list~%1~%2~%3~Anatomic codes - DICOM master list~^^~^^")
        .arg(conceptText(m.category), conceptText(m.type), conceptText(m.typeModifier));
}

CodedMeaning meaningFromTag(const QString& tag)
{
    const QStringList parts = tag.split(QLatin1Char('~'));
    CodedMeaning m;
    if (parts.size() >= 4) {
        m.category = conceptFrom(parts[1]);
        m.type = conceptFrom(parts[2]);
        m.typeModifier = conceptFrom(parts[3]);
    }
    return m;
}

// NRRD fields as 3D Slicer's segmentation files have them, plus Delineate's locks and visibility as tags.
void writeNrrdFields(itk::MetaDataDictionary& dictionary, const Segmentation& s)
{
    const auto put = [&](const QString& key, const QString& value) {
        itk::EncapsulateMetaData<std::string>(dictionary, key.toStdString(), value.toStdString());
    };
    if (const QString description = aiDescription(s); !description.isEmpty())
        put(QStringLiteral("Delineate_Description"), description);
    if (!s.reviewedSlices().isEmpty())
        put(QStringLiteral("Delineate_ReviewedSlices"), s.reviewedSlices().toText());
    put(QStringLiteral("Segmentation_MasterRepresentation"), QStringLiteral("Binary labelmap"));
    put(QStringLiteral("Segmentation_ContainedRepresentationNames"), QStringLiteral("Binary labelmap|"));
    put(QStringLiteral("Segmentation_ReferenceImageExtentOffset"), QStringLiteral("0 0 0"));
    const auto& size = s.geometry().size();
    int index = 0;
    for (const LabelEntry& e : s.labels().entries()) {
        const QString prefix = QStringLiteral("Segment%1_").arg(index++);
        put(prefix + QStringLiteral("ID"), QStringLiteral("Segment_%1").arg(e.value));
        put(prefix + QStringLiteral("Name"), e.name);
        put(prefix + QStringLiteral("NameAutoGenerated"), QStringLiteral("0"));
        put(prefix + QStringLiteral("Color"), QStringLiteral("%1 %2 %3")
                                                  .arg(((e.colour >> 16) & 0xff) / 255.0, 0, 'g', 6)
                                                  .arg(((e.colour >> 8) & 0xff) / 255.0, 0, 'g', 6)
                                                  .arg((e.colour & 0xff) / 255.0, 0, 'g', 6));
        put(prefix + QStringLiteral("ColorAutoGenerated"), QStringLiteral("0"));
        put(prefix + QStringLiteral("LabelValue"), QString::number(e.value));
        put(prefix + QStringLiteral("Layer"), QString::number(e.layer));
        put(prefix + QStringLiteral("Extent"), QStringLiteral("0 %1 0 %2 0 %3").arg(size[0] - 1).arg(size[1] - 1).arg(size[2] - 1));
        QString tags = QStringLiteral("Segmentation.Status:%1|Delineate.Visible:%2|Delineate.Locked:%3|Delineate.Algorithm:%4|")
                           .arg(slicerStatus(e.review))
                           .arg(e.visible ? 1 : 0)
                           .arg(e.locked ? 1 : 0)
                           .arg(segmentAlgorithmKey(e.algorithm));
        if (!e.algorithmName.isEmpty())
            tags += QStringLiteral("Delineate.AlgorithmName:%1|").arg(QString(e.algorithmName).remove(QLatin1Char('|')));
        if (!e.meaning.isEmpty())
            tags += QStringLiteral("TerminologyEntry:%1|").arg(terminologyTag(e.meaning));
        put(prefix + QStringLiteral("Tags"), tags);
    }
}

LabelTable readNrrdFields(const itk::MetaDataDictionary& dictionary, const QString& path)
{
    LabelTable table;
    for (int index = 0; index < 65536; ++index) {
        const std::string prefix = "Segment" + std::to_string(index) + "_";
        if (!dictionary.HasKey(prefix + "LabelValue") && !dictionary.HasKey(prefix + "Name"))
            break;
        bool ok = false;
        const int value = QString::fromStdString(metaString(dictionary, prefix + "LabelValue")).toInt(&ok);
        const int labelValue = ok ? value : index + 1;
        if (labelValue < 1 || labelValue > 65535)
            continue;
        LabelEntry e = table.makeEntry(uint16_t(labelValue));
        const QString name = QString::fromStdString(metaString(dictionary, prefix + "Name"));
        if (!name.isEmpty())
            e.name = name;
        const QStringList rgb = QString::fromStdString(metaString(dictionary, prefix + "Color")).split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (rgb.size() == 3) {
            uint32_t colour = 0;
            for (const QString& component : rgb)
                colour = (colour << 8) | uint32_t(std::clamp(std::lround(component.toDouble() * 255.0), 0L, 255L));
            e.colour = colour;
        }
        e.layer = QString::fromStdString(metaString(dictionary, prefix + "Layer")).toInt();
        const QStringList tags = QString::fromStdString(metaString(dictionary, prefix + "Tags")).split(QLatin1Char('|'), Qt::SkipEmptyParts);
        for (const QString& tag : tags) {
            const int colon = tag.indexOf(QLatin1Char(':'));
            const QString key = tag.left(colon), text = tag.mid(colon + 1);
            if (key == QLatin1String("Segmentation.Status")) {
                for (ReviewStatus s : {ReviewStatus::NotStarted, ReviewStatus::InProgress, ReviewStatus::Completed, ReviewStatus::Flagged})
                    if (slicerStatus(s) == text)
                        e.review = s;
            } else if (key == QLatin1String("Delineate.Visible")) {
                e.visible = text != QLatin1String("0");
            } else if (key == QLatin1String("Delineate.Locked")) {
                e.locked = text == QLatin1String("1");
            } else if (key == QLatin1String("Delineate.Algorithm")) {
                e.algorithm = segmentAlgorithmFromKey(text).value_or(SegmentAlgorithm::Manual);
            } else if (key == QLatin1String("Delineate.AlgorithmName")) {
                e.algorithmName = text;
            } else if (key == QLatin1String("TerminologyEntry")) {
                e.meaning = meaningFromTag(text);
            }
        }
        if (e.layer < 0 || e.layer > 255)
            e.layer = 0;
        table.set(e);
    }
    Q_UNUSED(path);
    return table;
}

// The sidecar's labels and reviewed slices (an empty object when there is no sidecar of ours).
Expected<QJsonObject> readSidecar(const QString& imagePath)
{
    const QString sidecar = labelSidecarPath(imagePath);
    QFile file(sidecar);
    if (!file.exists())
        return QJsonObject();
    if (!file.open(QIODevice::ReadOnly))
        return Error::failed(SegmentationIOText::tr("%1: cannot read the label sidecar (%2)").arg(sidecar, file.errorString()));
    QJsonParseError parseError;
    const QJsonDocument json = QJsonDocument::fromJson(file.readAll(), &parseError);
    if (json.isNull())
        return Error::failed(SegmentationIOText::tr("%1: not valid JSON (%2)").arg(sidecar, parseError.errorString()));
    // A sidecar that is not ours (e.g. a BIDS sidecar of an image) holds no "labels": no names then.
    if (!json.object().contains(QStringLiteral("labels")))
        return QJsonObject();
    return json.object();
}

template <typename PixelT>
Expected<void> writeImage(const Segmentation& s, const QString& temporary, bool nrrdFields)
{
    const ImageGeometry& g = s.geometry();
    const std::size_t voxels = g.voxelCount();
    try {
        if (s.layerCount() == 1) {
            using Image = itk::Image<PixelT, 3>;
            auto image = Image::New();
            applyGeometry(image.GetPointer(), g);
            image->Allocate();
            PixelT* out = image->GetBufferPointer();
            const LabelLayer& layer = s.layer(0);
            for (std::size_t n = 0; n < voxels; ++n)
                out[n] = PixelT(layer.at(n));
            if (nrrdFields)
                writeNrrdFields(image->GetMetaDataDictionary(), s);
            auto writer = itk::ImageFileWriter<Image>::New();
            writer->SetFileName(QFile::encodeName(temporary).toStdString());
            writer->SetInput(image);
            writer->SetUseCompression(true);
            writer->Update();
        } else {
            using Image = itk::VectorImage<PixelT, 3>;
            auto image = Image::New();
            applyGeometry(image.GetPointer(), g);
            const unsigned layers = unsigned(s.layerCount());
            image->SetNumberOfComponentsPerPixel(layers);
            image->Allocate();
            PixelT* out = image->GetBufferPointer();
            for (unsigned l = 0; l < layers; ++l) {
                const LabelLayer& layer = s.layer(int(l));
                for (std::size_t n = 0; n < voxels; ++n)
                    out[n * layers + l] = PixelT(layer.at(n));
            }
            if (nrrdFields)
                writeNrrdFields(image->GetMetaDataDictionary(), s);
            auto writer = itk::ImageFileWriter<Image>::New();
            writer->SetFileName(QFile::encodeName(temporary).toStdString());
            writer->SetInput(image);
            writer->SetUseCompression(true);
            writer->Update();
        }
        return {};
    } catch (const itk::ExceptionObject& e) { // writeAtomically removes the temporary file
        return Error::failed(SegmentationIOText::tr("cannot write the segmentation: %1").arg(QString::fromLocal8Bit(e.GetDescription())));
    }
}

} // namespace

QString aiDescription(const Segmentation& s)
{
    QStringList models;
    bool ai = false;
    for (const LabelEntry& e : s.labels().entries()) {
        if (e.algorithm == SegmentAlgorithm::Manual)
            continue;
        ai = true;
        if (!e.algorithmName.isEmpty() && !models.contains(e.algorithmName))
            models << e.algorithmName;
    }
    if (!ai)
        return QString();
    if (models.isEmpty())
        return SegmentationIOText::tr("Contains AI results: research use, not for diagnosis.");
    return SegmentationIOText::tr("Contains AI results (%1): research use, not for diagnosis.").arg(models.join(QStringLiteral(", ")));
}

bool isSegmentationFileName(const QString& path)
{
    return isNifti(path) || isNrrd(path) || path.endsWith(QLatin1String(".mha"), Qt::CaseInsensitive);
}

QString labelSidecarPath(const QString& imagePath)
{
    QString base = imagePath;
    for (const char* extension : {".nii.gz", ".seg.nrrd", ".nii", ".nrrd", ".nhdr", ".mha"}) {
        if (base.endsWith(QLatin1String(extension), Qt::CaseInsensitive)) {
            base.chop(int(std::strlen(extension)));
            break;
        }
    }
    return base + QStringLiteral(".json");
}

Expected<SegmentationFile> readSegmentationFile(const QString& path)
{
    if (!QFileInfo::exists(path))
        return Error::failed(SegmentationIOText::tr("%1: no such file").arg(path));
    SegmentationFile file;
    file.path = path;
    itk::MetaDataDictionary dictionary;
    try {
        // The same header checks as a volume's, and a fresh reader of the same kind for each read (ItkImageFile.h).
        auto probed = probeImageFile(path);
        if (!probed)
            return probed.error();
        itk::ImageIOBase::Pointer io = *probed;
        const unsigned dimensions = io->GetNumberOfDimensions();
        const unsigned components = io->GetNumberOfComponents();
        const double voxels = double(io->GetDimensions(0)) * (dimensions > 1 ? io->GetDimensions(1) : 1)
                              * (dimensions > 2 ? io->GetDimensions(2) : 1);
        const unsigned extra = dimensions > 3 ? unsigned(io->GetDimensions(3)) : 1;
        if (dimensions < 2 || dimensions > 4 || voxels * std::max(components, extra) > 4.0e9 || components > 256 || extra > 256)
            return Error::failed(SegmentationIOText::tr("%1: not a 3D label map (%2 dimensions, %3 components)")
                                     .arg(path)
                                     .arg(dimensions)
                                     .arg(components));
        if (components > 1) {
            using Image = itk::VectorImage<float, 3>;
            auto reader = itk::ImageFileReader<Image>::New();
            reader->SetFileName(QFile::encodeName(path).toStdString());
            reader->SetImageIO(imageIOFor(path));
            reader->Update();
            auto image = reader->GetOutput();
            file.geometry = geometryOf(image);
            dictionary = reader->GetImageIO()->GetMetaDataDictionary();
            for (unsigned c = 0; c < components; ++c) {
                auto layer = layerFromFloats(image->GetBufferPointer() + c, file.geometry.voxelCount(), components, path);
                if (!layer)
                    return layer.error();
                file.layers.push_back(std::move(layer).value());
            }
        } else if (dimensions == 4 && extra > 1) {
            using Image = itk::Image<float, 4>;
            auto reader = itk::ImageFileReader<Image>::New();
            reader->SetFileName(QFile::encodeName(path).toStdString());
            reader->SetImageIO(imageIOFor(path));
            reader->Update();
            auto image = reader->GetOutput();
            file.geometry = geometryOf(image);
            dictionary = reader->GetImageIO()->GetMetaDataDictionary();
            const std::size_t n = file.geometry.voxelCount();
            for (unsigned l = 0; l < extra; ++l) {
                auto layer = layerFromFloats(image->GetBufferPointer() + n * l, n, 1, path);
                if (!layer)
                    return layer.error();
                file.layers.push_back(std::move(layer).value());
            }
        } else {
            using Image = itk::Image<float, 3>;
            auto reader = itk::ImageFileReader<Image>::New();
            reader->SetFileName(QFile::encodeName(path).toStdString());
            reader->SetImageIO(imageIOFor(path));
            reader->Update();
            auto image = reader->GetOutput();
            file.geometry = geometryOf(image);
            dictionary = reader->GetImageIO()->GetMetaDataDictionary();
            auto layer = layerFromFloats(image->GetBufferPointer(), file.geometry.voxelCount(), 1, path);
            if (!layer)
                return layer.error();
            file.layers.push_back(std::move(layer).value());
        }
    } catch (const itk::ExceptionObject& e) {
        return Error::failed(SegmentationIOText::tr("%1: cannot read the label map: %2").arg(path, QString::fromLocal8Bit(e.GetDescription())));
    }
    if (isNrrd(path)) {
        file.labels = readNrrdFields(dictionary, path);
        const QString reviewed = QString::fromStdString(metaString(dictionary, "Delineate_ReviewedSlices"));
        if (!reviewed.isEmpty()) {
            auto marks = ReviewedSlices::fromText(reviewed, file.geometry.size(), path);
            if (!marks)
                return marks.error();
            file.reviewed = std::move(marks).value();
        }
    } else {
        auto sidecar = readSidecar(path);
        if (!sidecar)
            return sidecar.error();
        const QString sidecarPath = labelSidecarPath(path);
        auto labels = LabelTable::fromJson(sidecar->value(QStringLiteral("labels")).toArray(), sidecarPath);
        if (!labels)
            return labels.error();
        file.labels = std::move(labels).value();
        if (sidecar->contains(QStringLiteral("reviewedSlices"))) {
            auto marks = ReviewedSlices::fromJson(sidecar->value(QStringLiteral("reviewedSlices")).toObject(),
                                                  file.geometry.size(), sidecarPath);
            if (!marks)
                return marks.error();
            file.reviewed = std::move(marks).value();
        }
    }
    // Entries naming layers the file does not have would paint into nothing.
    for (const LabelEntry& e : file.labels.entries()) {
        if (e.layer >= int(file.layers.size())) {
            LabelEntry fixed = e;
            fixed.layer = 0;
            file.labels.set(fixed);
        }
    }
    return file;
}

Expected<void> writeSegmentationFile(const Segmentation& s, const QString& path)
{
    if (!isSegmentationFileName(path))
        return Error::failed(SegmentationIOText::tr("%1: unsupported label file type (use .nii.gz, .nii, .seg.nrrd, .nrrd or .mha)").arg(path));
    if (s.isEmpty())
        return Error::failed(SegmentationIOText::tr("%1: nothing to write, the segmentation is empty").arg(path));
    bool wide = false;
    for (int l = 0; l < s.layerCount(); ++l)
        wide |= s.layer(l).isWide();
    const bool nrrd = isNrrd(path);
    auto written = writeAtomically(path, [&](const QString& temporary) -> Expected<void> {
        auto result = wide ? writeImage<uint16_t>(s, temporary, nrrd) : writeImage<uint8_t>(s, temporary, nrrd);
        if (!result)
            return Error::failed(QStringLiteral("%1: %2").arg(path, result.error().message));
        return result;
    });
    if (!written || nrrd)
        return written;
    // NIfTI and MHA carry no names: the sidecar does, written after the image so that a kill between the two
    // leaves a complete image (with the previous names at worst).
    QJsonObject sidecar{{QStringLiteral("format"), QStringLiteral("delineate-labels")},
                        {QStringLiteral("version"), 1},
                        {QStringLiteral("layers"), s.layerCount()},
                        {QStringLiteral("labels"), s.labels().toJson()}};
    if (const QString description = aiDescription(s); !description.isEmpty())
        sidecar.insert(QStringLiteral("description"), description);
    if (!s.reviewedSlices().isEmpty())
        sidecar.insert(QStringLiteral("reviewedSlices"), s.reviewedSlices().toJson());
    const QString sidecarPath = labelSidecarPath(path);
    return writeAtomically(sidecarPath, [&](const QString& temporary) -> Expected<void> {
        QFile file(temporary);
        if (!file.open(QIODevice::WriteOnly) || !writeAll(file, QJsonDocument(sidecar).toJson())) {
            const QString why = file.errorString();
            file.close();
            return Error::failed(SegmentationIOText::tr("%1: cannot write (%2)").arg(sidecarPath, why));
        }
        file.close();
        return {};
    });
}

Expected<Segmentation> attachToSeries(const SegmentationFile& file, const ImageGeometry& series,
                                      const QString& seriesName, bool resampleOnto)
{
    std::vector<LabelLayer> layers = file.layers;
    ReviewedSlices reviewed = file.reviewed;
    if (!resampleOnto) {
        if (auto fits = checkMaskFitsSeries(file.geometry, series, QFileInfo(file.path).fileName(), seriesName); !fits)
            return fits.error();
    } else {
        for (LabelLayer& layer : layers)
            layer = resampleLabelsNearest(layer, file.geometry, series);
        reviewed = ReviewedSlices(series.size()); // slices of another grid say nothing about these
    }
    return Segmentation::fromLayers(series, std::move(layers), file.labels, std::move(reviewed));
}

} // namespace delineate
