// Image details as rich text, refreshed per image; the readout refreshed per crosshair move.
#include "widgets/ImageInfoPane.h"

#include "image/Volume.h"
#include "model/ViewerState.h"

#include <QEvent>
#include <QLabel>
#include <QVBoxLayout>

namespace delineate {

ImageInfoPane::ImageInfoPane(ViewerState* state, QWidget* parent)
    : QWidget(parent), m_state(state), m_details(new QLabel(this)), m_readout(new QLabel(this))
{
    auto* layout = new QVBoxLayout(this);
    for (QLabel* label : {m_details, m_readout}) {
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        layout->addWidget(label);
    }
    layout->addStretch(1);
    setAutoFillBackground(true);
    QPalette dark = palette();
    dark.setColor(QPalette::Window, QColor(24, 24, 24));
    dark.setColor(QPalette::WindowText, QColor(220, 220, 220));
    setPalette(dark);
    connect(m_state, &ViewerState::imageChanged, this, &ImageInfoPane::refreshImage);
    connect(m_state, &ViewerState::cursorChanged, this, &ImageInfoPane::refreshReadout);
    refreshImage();
}

QString ImageInfoPane::text() const
{
    return m_details->text() + QLatin1Char('\n') + m_readout->text();
}

void ImageInfoPane::refreshImage()
{
    if (!m_state->hasImage()) {
        m_details->setText(tr("No image loaded. Open a DICOM folder or a volume file from the File menu, or drop it "
                              "here."));
        m_readout->clear();
        return;
    }
    const ImageInfo& info = m_state->info();
    const ImageGeometry& g = m_state->volume()->geometry();
    QString html = QStringLiteral("<b>%1</b><br>").arg(info.title().toHtmlEscaped());
    if (!info.modality.isEmpty())
        html += tr("Modality: %1").arg(info.modality.toHtmlEscaped()) + QStringLiteral("<br>");
    html += tr("Size: %1 x %2 x %3 voxels").arg(g.size()[0]).arg(g.size()[1]).arg(g.size()[2]) + QStringLiteral("<br>");
    html += tr("Spacing: %1 x %2 x %3 mm")
                .arg(g.spacing()[0], 0, 'g', 4)
                .arg(g.spacing()[1], 0, 'g', 4)
                .arg(g.spacing()[2], 0, 'g', 4)
            + QStringLiteral("<br>");
    if (g.isOblique())
        html += tr("Oblique acquisition: the views show the voxel grid along its nearest anatomical axes.")
                + QStringLiteral("<br>");
    if (info.lossyCompressed)
        html += QStringLiteral("<span style='color:#ff5050'><b>%1</b></span><br>")
                    .arg(tr("Lossy compressed images: not for primary diagnosis of fine detail."));
    for (const QString& warning : info.warnings)
        html += QStringLiteral("<span style='color:#ffb040'>%1</span><br>")
                    .arg(tr("Warning: %1").arg(warning).toHtmlEscaped());
    html += QStringLiteral("<small>%1</small>").arg(info.sourcePath.toHtmlEscaped());
    m_details->setText(html);
    refreshReadout();
}

void ImageInfoPane::refreshReadout()
{
    m_readout->setText(m_state->readoutText());
}

void ImageInfoPane::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        refreshImage();
    QWidget::changeEvent(event);
}

} // namespace delineate
