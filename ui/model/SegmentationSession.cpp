// Segmentation lifetime: documents bound to the image on screen, their journals, files and recovery.
#include "model/SegmentationSession.h"

#include "edit/SegmentationDocument.h"
#include "image/Volume.h"
#include "io/DicomSeg.h"
#include "io/SegmentationIO.h"
#include "model/SegmentationLayer.h"
#include "model/ViewerState.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace delineate {

SegmentationSession::SegmentationSession(ViewerState* state, SegmentationLayer* layer, QObject* parent)
    : QObject(parent), m_state(state), m_layer(layer), m_recoveryFolder(RecoveryJournal::defaultFolder())
{
}

SegmentationSession::~SegmentationSession()
{
    if (m_layer)
        m_layer->setDocument(nullptr);
}

bool SegmentationSession::isModified() const
{
    return m_document && m_document->isModified();
}

QString SegmentationSession::displayName() const
{
    if (!m_document)
        return QString();
    return m_filePath.isEmpty() ? tr("New segmentation") : QFileInfo(m_filePath).fileName();
}

QString SegmentationSession::seriesName() const
{
    return m_state->hasImage() ? m_state->info().title() : QString();
}

Expected<QString> SegmentationSession::currentSeriesHash() const
{
    if (!m_state->hasImage())
        return Error::failed(tr("Open an image first."));
    const ImageInfo& info = m_state->info();
    // The series key (UID and sub-series) for DICOM, the file's absolute path for a volume file: only its hash is
    // ever written.
    const QString key = info.seriesKey.isEmpty() ? QFileInfo(info.sourcePath).absoluteFilePath() : info.seriesKey;
    return RecoveryJournal::seriesIdentityHash(m_recoveryFolder, key, m_state->volume()->geometry());
}

void SegmentationSession::adopt(std::unique_ptr<SegmentationDocument> document, const QString& filePath)
{
    if (m_document)
        m_document->discardJournal();
    if (m_layer)
        m_layer->setDocument(nullptr);
    m_document = std::move(document);
    m_filePath = filePath;
    if (m_document) {
        connect(m_document.get(), &SegmentationDocument::modifiedChanged, this, &SegmentationSession::modifiedChanged);
        if (m_layer)
            m_layer->setDocument(m_document.get());
    }
    Q_EMIT documentChanged();
    Q_EMIT modifiedChanged(isModified());
}

void SegmentationSession::startJournal()
{
    m_journalProblem.clear();
    auto hash = currentSeriesHash();
    if (!hash) {
        m_journalProblem = hash.error().message;
        return;
    }
    const auto& size = m_state->volume()->geometry().size();
    // The summary is shown in the recovery prompt: modality and size only, nothing that identifies the patient.
    const QString modality = m_state->info().modality.isEmpty() ? QStringLiteral("?") : m_state->info().modality;
    JournalIdentity identity{*hash, QStringLiteral("%1, %2 x %3 x %4").arg(modality).arg(size[0]).arg(size[1]).arg(size[2])};
    auto journal = RecoveryJournal::create(m_recoveryFolder, identity, m_document->segmentation());
    if (!journal) {
        m_journalProblem = journal.error().message;
        return;
    }
    m_document->attachJournal(std::move(journal).value());
}

Expected<void> SegmentationSession::createEmpty()
{
    if (!m_state->hasImage())
        return Error::failed(tr("Open an image first."));
    const ImageGeometry& grid = m_state->volume()->geometry();
    LabelTable table;
    table.set(table.makeEntry(1));
    auto segmentation = Segmentation::fromLayers(grid, {LabelLayer(grid.voxelCount())}, table);
    if (!segmentation)
        return segmentation.error();
    adopt(std::make_unique<SegmentationDocument>(std::move(segmentation).value()), QString());
    startJournal();
    if (m_layer)
        m_layer->setActiveLabel(1);
    return {};
}

Expected<void> SegmentationSession::openFile(const QString& path, bool resampleOnto)
{
    if (!m_state->hasImage())
        return Error::failed(tr("Open an image first."));
    m_notes.clear();
    Expected<SegmentationFile> file = Error::failed(QString());
    if (isDicomSegFile(path)) {
        if (!m_state->info().dicomSource)
            return Error::failed(tr("%1 is a DICOM segmentation: open the DICOM series it refers to first, then the segmentation.")
                                     .arg(QDir::toNativeSeparators(path)));
        file = readDicomSeg(path, *m_state->info().dicomSource);
    } else {
        file = readSegmentationFile(path);
    }
    if (!file)
        return file.error();
    m_notes = file->notes;
    auto segmentation = attachToSeries(*file, m_state->volume()->geometry(), seriesName(), resampleOnto);
    if (!segmentation)
        return segmentation.error();
    auto document = std::make_unique<SegmentationDocument>(std::move(segmentation).value());
    // A resampled mask is not the file any more: saving must not overwrite it silently.
    adopt(std::move(document), resampleOnto ? QString() : path);
    if (resampleOnto)
        m_document->markUnsaved(); // the resampled mask exists only here until saved: closing asks
    startJournal();
    return {};
}

Expected<void> SegmentationSession::save(const QString& path)
{
    if (!m_document)
        return Error::failed(tr("There is no segmentation to save."));
    if (auto written = writeSegmentationFile(m_document->segmentation(), path); !written)
        return written;
    m_filePath = path;
    m_document->markSaved();
    Q_EMIT documentChanged();
    return {};
}

bool SegmentationSession::canSaveDicomSeg() const
{
    return m_document && m_state->hasImage() && m_state->info().dicomSource;
}

Expected<void> SegmentationSession::saveDicomSeg(const QString& path)
{
    m_notes.clear();
    if (!m_document)
        return Error::failed(tr("There is no segmentation to save."));
    if (!canSaveDicomSeg())
        return Error::failed(tr("A DICOM segmentation refers to a DICOM series; the image on screen is not one. Save a label file instead."));
    auto report = writeDicomSeg(m_document->segmentation(), *m_state->info().dicomSource, path);
    if (!report)
        return report.error();
    m_notes = report->notes;
    return {};
}

void SegmentationSession::close()
{
    adopt(nullptr, QString());
}

QVector<JournalListing> SegmentationSession::pendingRecoveries() const
{
    QVector<JournalListing> matching;
    auto hash = currentSeriesHash();
    if (!hash)
        return matching;
    for (const JournalListing& listing : listJournals(m_recoveryFolder))
        if (listing.identity.seriesHash == *hash)
            matching << listing;
    return matching;
}

QVector<JournalListing> SegmentationSession::allPendingRecoveries() const
{
    return listJournals(m_recoveryFolder);
}

Expected<RecoveredJournal> SegmentationSession::restore(const JournalListing& listing)
{
    auto hash = currentSeriesHash();
    if (!hash)
        return hash.error();
    auto recovered = readJournal(listing.path);
    if (!recovered)
        return recovered.error();
    if (recovered->identity.seriesHash != *hash
        || !recovered->segmentation.geometry().sameGridAs(m_state->volume()->geometry(), 1e-6))
        return Error::failed(tr("%1 belongs to another series.").arg(listing.path));
    auto document = std::make_unique<SegmentationDocument>(recovered->segmentation);
    document->adoptRestoredEdits(recovered->doneEdits);
    adopt(std::move(document), QString());
    startJournal();
    // The new journal holds everything now; the old one can go.
    if (m_journalProblem.isEmpty())
        QFile::remove(listing.path);
    return recovered;
}

void SegmentationSession::discardRecovery(const JournalListing& listing)
{
    QFile::remove(listing.path);
}

} // namespace delineate
