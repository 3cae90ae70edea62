// AI dock widgets over AiSession.
#include "widgets/AiPanel.h"
#include "widgets/ComputeOptions.h"

#include "edit/SegmentationDocument.h"
#include "model/AiSession.h"
#include "model/SegmentationSession.h"
#include "tools/BoxTool.h"
#include "widgets/ViewerPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSlider>
#include <QSpinBox>
#include <QTextBrowser>
#include <QVBoxLayout>

#include <cmath>

namespace delineate {

AiPanel::AiPanel(AiSession* session, SegmentationSession* segmentation, ViewerPanel* views, BoxTool* boxTool,
                 QWidget* parent)
    : QDockWidget(parent), m_session(session), m_segmentation(segmentation), m_views(views), m_boxTool(boxTool)
{
    setObjectName(QStringLiteral("AiPanel"));
    setWindowTitle(tr("AI"));
    buildUi();
    populateModels();
    connect(m_session, &AiSession::modelChanged, this, &AiPanel::showHeader);
    connect(m_session, &AiSession::resultChanged, this, &AiPanel::updateEnabled);
    connect(m_session, &AiSession::engineStatusChanged, this, [this]() { m_engine->setText(m_session->engineStatus()); });
    connect(m_session, &AiSession::runFinished, this, [this](bool ok, const QString& text) {
        m_status->setText(text);
        Q_EMIT message(text);
        updateEnabled();
        Q_UNUSED(ok);
    });
    connect(m_session, &AiSession::mergeWaiting, this, [this](const QString& text) {
        m_status->setText(text);
        updateEnabled();
    });
    connect(m_session->runner(), &JobRunner::started, this, &AiPanel::updateEnabled);
    connect(m_session->runner(), &JobRunner::progressChanged, this, [this](double fraction, const QString& text, double) {
        m_status->setText(QStringLiteral("%1% %2").arg(int(std::lround(fraction * 100))).arg(text));
    });
    connect(m_segmentation, &SegmentationSession::documentChanged, this, [this]() {
        if (SegmentationDocument* document = m_segmentation->document())
            connect(document, &SegmentationDocument::labelTableChanged, this, &AiPanel::rebuildTargets,
                    Qt::UniqueConnection);
        rebuildTargets();
    });
    connect(m_boxTool, &BoxTool::boxChanged, this, &AiPanel::updateEnabled);
    connect(m_views, &ViewerPanel::toolChanged, this, [this](SliceTool* tool) {
        const QSignalBlocker blocker(m_drawBox);
        m_drawBox->setChecked(tool == m_boxTool);
    });
    showHeader();
    rebuildTargets();
    updateEnabled();
}

void AiPanel::buildUi()
{
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);

    auto* modelRow = new QHBoxLayout;
    m_models = new QComboBox(body);
    m_models->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_openModel = new QPushButton(tr("Open..."), body);
    m_openModel->setToolTip(tr("A Delineate model (.dlm) or a TorchScript model (.pt with its .pt.json header)"));
    modelRow->addWidget(m_models, 1);
    modelRow->addWidget(m_openModel);
    layout->addLayout(modelRow);
    m_header = new QTextBrowser(body);
    m_header->setMinimumHeight(120);
    m_header->setOpenLinks(false);
    layout->addWidget(m_header, 1);
    m_warnings = new QLabel(body);
    m_warnings->setWordWrap(true);
    m_warnings->setStyleSheet(QStringLiteral("color: #b35c00;"));
    layout->addWidget(m_warnings);

    auto* form = new QFormLayout;
    m_target = new QComboBox(body);
    m_target->setToolTip(tr("The label the result goes into"));
    form->addRow(tr("Result into"), m_target);
    m_policy = new QComboBox(body);
    m_policy->addItem(tr("Any unlocked label"));
    m_policy->addItem(tr("Empty voxels only"));
    m_policy->setToolTip(tr("What the result may replace besides its own earlier result; locked labels never"));
    form->addRow(tr("Overwrite"), m_policy);
    m_overwriteHand = new QCheckBox(tr("Also voxels edited by hand"), body);
    m_overwriteHand->setToolTip(tr("Off: voxels edited by hand since the last AI run are kept"));
    form->addRow(QString(), m_overwriteHand);
    layout->addLayout(form);
    m_compute = new ComputeOptions(m_session, body); // the settings of the runs, where the runs are
    layout->addWidget(m_compute);

    auto* runRow = new QHBoxLayout;
    m_runSlice = new QPushButton(tr("Current slice"), body);
    m_runSeries = new QPushButton(tr("Whole series"), body);
    runRow->addWidget(m_runSlice);
    runRow->addWidget(m_runSeries);
    layout->addLayout(runRow);
    auto* boxRow = new QHBoxLayout;
    m_drawBox = new QPushButton(tr("Draw box"), body);
    m_drawBox->setCheckable(true);
    m_drawBox->setToolTip(tr("Drag a rectangle on a view; the box spans the slices on either side"));
    m_boxDepth = new QSpinBox(body);
    m_boxDepth->setRange(0, 500);
    m_boxDepth->setValue(m_boxTool->depth());
    m_boxDepth->setPrefix(tr("± "));
    m_boxDepth->setSuffix(tr(" slices"));
    m_runBox = new QPushButton(tr("Run on box"), body);
    boxRow->addWidget(m_drawBox);
    boxRow->addWidget(m_boxDepth);
    boxRow->addWidget(m_runBox);
    layout->addLayout(boxRow);
    m_cancel = new QPushButton(tr("Cancel"), body);
    layout->addWidget(m_cancel);

    auto* thresholdRow = new QHBoxLayout;
    thresholdRow->addWidget(new QLabel(tr("Threshold"), body));
    m_threshold = new QSlider(Qt::Horizontal, body);
    m_threshold->setRange(1, 99);
    m_threshold->setValue(50);
    m_threshold->setToolTip(tr("Re-thresholds the kept probabilities without running the network again"));
    m_thresholdValue = new QLabel(QStringLiteral("0.50"), body);
    thresholdRow->addWidget(m_threshold, 1);
    thresholdRow->addWidget(m_thresholdValue);
    layout->addLayout(thresholdRow);

    auto* uncertaintyRow = new QHBoxLayout;
    m_uncertainty = new QComboBox(body);
    m_uncertainty->addItem(tr("No uncertainty view"));
    m_uncertainty->addItem(tr("Probability heat map"));
    m_uncertainty->addItem(tr("Uncertain band (0.3-0.7) outlined"));
    m_nextUncertain = new QPushButton(tr("Next uncertain slice"), body);
    m_nextUncertain->setToolTip(tr("Slices in order of the network's mean entropy, most uncertain first"));
    uncertaintyRow->addWidget(m_uncertainty, 1);
    uncertaintyRow->addWidget(m_nextUncertain);
    layout->addLayout(uncertaintyRow);

    m_status = new QLabel(body);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    m_engine = new QLabel(m_session->engineStatus(), body);
    m_engine->setWordWrap(true);
    m_engine->setStyleSheet(QStringLiteral("color: gray;"));
    layout->addWidget(m_engine);
    auto* research = new QLabel(tr("AI results are for research use, not for diagnosis."), body);
    research->setWordWrap(true);
    research->setStyleSheet(QStringLiteral("font-weight: bold;"));
    layout->addWidget(research);
    setWidget(body);

    connect(m_models, qOverload<int>(&QComboBox::activated), this, [this](int index) {
        const QString path = m_models->itemData(index).toString();
        if (auto selected = m_session->selectModel(path); !selected)
            Q_EMIT message(selected.error().message);
    });
    connect(m_openModel, &QPushButton::clicked, this, [this]() {
        const QString file = QFileDialog::getOpenFileName(
            this, tr("Open Model"), QString(),
            tr("Models (*.dlm *.pt *.pts *.torchscript);;All files (*)"));
        if (!file.isEmpty())
            chooseModel(file);
    });
    connect(m_target, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this](int) { m_session->setTargetLabel(uint16_t(m_target->currentData().toInt())); });
    connect(m_policy, qOverload<int>(&QComboBox::currentIndexChanged), this, [this](int index) {
        m_session->setPolicy(OverwritePolicy{index == 1 ? OverwriteMode::EmptyOnly : OverwriteMode::All, 0});
    });
    connect(m_overwriteHand, &QCheckBox::toggled, m_session, &AiSession::setOverwriteHandEdits);
    connect(m_runSlice, &QPushButton::clicked, this, [this]() { runScope(int(AiSession::Scope::Slice)); });
    connect(m_runBox, &QPushButton::clicked, this, [this]() { runScope(int(AiSession::Scope::Box)); });
    connect(m_runSeries, &QPushButton::clicked, this, [this]() { runScope(int(AiSession::Scope::Series)); });
    connect(m_cancel, &QPushButton::clicked, m_session, &AiSession::cancel);
    connect(m_drawBox, &QPushButton::toggled, this, [this](bool on) { m_views->setTool(on ? m_boxTool : nullptr); });
    connect(m_boxDepth, qOverload<int>(&QSpinBox::valueChanged), m_boxTool, &BoxTool::setDepth);
    connect(m_threshold, &QSlider::valueChanged, this, &AiPanel::onThresholdMoved);
    connect(m_threshold, &QSlider::sliderReleased, this, &AiPanel::onThresholdReleased);
    connect(m_uncertainty, qOverload<int>(&QComboBox::currentIndexChanged), this,
            [this](int index) { m_session->setUncertainty(AiSession::Uncertainty(index)); });
    connect(m_nextUncertain, &QPushButton::clicked, this, [this]() {
        const int slice = m_session->nextUncertainSlice();
        if (slice >= 0)
            m_status->setText(tr("Slice %1: among the most uncertain").arg(slice + 1));
    });
}

void AiPanel::populateModels()
{
    m_models->clear();
    for (const QString& path : AiSession::defaultModelPaths()) {
        auto header = ml::readModelHeader(path);
        m_models->addItem(header ? header->name : QFileInfo(path).fileName(), path);
    }
    if (m_models->count() > 0 && m_session->modelPath().isEmpty())
        m_session->selectModel(m_models->itemData(0).toString());
}

bool AiPanel::chooseModel(const QString& path)
{
    auto selected = m_session->selectModel(path);
    if (!selected) {
        Q_EMIT message(selected.error().message);
        m_status->setText(selected.error().message);
        return false;
    }
    const QString absolute = m_session->modelPath();
    int index = -1;
    for (int n = 0; n < m_models->count(); ++n)
        if (QFileInfo(m_models->itemData(n).toString()).absoluteFilePath() == absolute)
            index = n;
    if (index < 0) {
        m_models->addItem(m_session->header()->name.isEmpty() ? QFileInfo(absolute).fileName() : m_session->header()->name,
                          absolute);
        index = m_models->count() - 1;
    }
    m_models->setCurrentIndex(index);
    return true;
}

void AiPanel::showHeader()
{
    const auto& header = m_session->header();
    if (!header) {
        m_header->setHtml(tr("<i>No model chosen.</i>"));
        m_warnings->clear();
        updateEnabled();
        return;
    }
    QString html = QStringLiteral("<b>%1</b>").arg(header->name.toHtmlEscaped());
    if (!header->versionText().isEmpty())
        html += QStringLiteral(" <span style='color:gray'>%1</span>").arg(header->versionText().toHtmlEscaped());
    html += QStringLiteral("<br>");
    QStringList classes;
    for (int c = 1; c < header->classes.size(); ++c)
        classes << QStringLiteral("<span style='color:%1'>&#9632;</span> %2 (%3)")
                       .arg(header->classes[c].colour.toHtmlEscaped(), header->classes[c].name.toHtmlEscaped())
                       .arg(header->classes[c].value);
    html += tr("Classes: %1").arg(classes.join(QStringLiteral(", "))) + QStringLiteral("<br>");
    html += tr("Input: %1, %2 channel(s), %3 normalisation")
                .arg(header->modality.isEmpty() ? tr("any modality") : header->modality.toHtmlEscaped())
                .arg(header->architecture.inputChannels)
                .arg(header->normalization.kind == ml::IntensityNormalization::Kind::ZScore ? tr("z-score") : tr("window"))
            + QStringLiteral("<br>");
    if (header->spacing[0] > 0.0 && header->axialSlices)
        html += tr("Trained at %1 x %2 mm pixels, runs on axial slices however the series is stored")
                    .arg(header->spacing[0], 0, 'g', 3)
                    .arg(header->spacing[1], 0, 'g', 3)
                + QStringLiteral("<br>");
    else if (header->spacing[0] > 0.0)
        html += tr("Trained at %1 x %2 mm pixels, slices along voxel axis %3")
                    .arg(header->spacing[0], 0, 'g', 3)
                    .arg(header->spacing[1], 0, 'g', 3)
                    .arg(header->sliceAxis)
                + QStringLiteral("<br>");
    html += tr("Network: %1, %2 levels from %3 channels").arg(header->architecture.preset).arg(header->architecture.depth).arg(header->architecture.baseWidth)
            + QStringLiteral("<br>");
    for (auto it = header->provenance.metrics.begin(); it != header->provenance.metrics.end(); ++it)
        if (it.key().startsWith(QLatin1String("val_dice_")))
            html += tr("Validation Dice %1: %2").arg(it.key().mid(9).toHtmlEscaped()).arg(it.value().toDouble(), 0, 'f', 3)
                    + QStringLiteral("<br>");
    if (!header->provenance.dataSetDescription.isEmpty())
        html += tr("Training data: %1").arg(header->provenance.dataSetDescription.toHtmlEscaped()) + QStringLiteral("<br>");
    if (!header->provenance.created.isEmpty())
        html += tr("Made %1 (%2 epochs, %3 min)")
                    .arg(header->provenance.created.toHtmlEscaped())
                    .arg(header->provenance.epochs)
                    .arg(header->provenance.trainingMinutes, 0, 'f', 1)
                + QStringLiteral("<br>");
    if (!header->provenance.notes.isEmpty())
        html += header->provenance.notes.toHtmlEscaped();
    m_header->setHtml(html);
    const QStringList warnings = m_session->compatibilityWarnings();
    m_warnings->setText(warnings.join(QLatin1Char('\n')));
    rebuildTargets();
    updateEnabled();
}

void AiPanel::rebuildTargets()
{
    const int current = m_target->currentData().toInt();
    const QSignalBlocker blocker(m_target);
    m_target->clear();
    m_target->addItem(tr("The model's classes (own labels)"), 0);
    if (SegmentationDocument* document = m_segmentation->document())
        for (const LabelEntry& e : document->labels().entries())
            m_target->addItem(tr("Label %1 %2").arg(e.value).arg(e.name), int(e.value));
    const int index = m_target->findData(current);
    m_target->setCurrentIndex(index >= 0 ? index : 0);
    m_session->setTargetLabel(uint16_t(m_target->currentData().toInt()));
}

void AiPanel::runScope(int scope)
{
    const QStringList warnings = m_session->compatibilityWarnings();
    if (!warnings.isEmpty()) {
        bool go = false;
        if (m_confirm) {
            go = m_confirm(warnings);
        } else {
            go = QMessageBox::question(this, tr("Delineate"),
                                       tr("This model may not fit the image:\n%1\n\nRun it anyway?").arg(warnings.join(QLatin1Char('\n'))))
                 == QMessageBox::Yes;
        }
        if (!go)
            return;
    }
    if (!m_session->run(AiSession::Scope(scope), m_boxTool->box())) {
        m_status->setText(m_session->lastError());
        Q_EMIT message(m_session->lastError());
    }
    updateEnabled();
}

void AiPanel::onThresholdMoved(int value)
{
    m_thresholdValue->setText(QString::number(value / 100.0, 'f', 2));
    if (!m_session->result())
        return;
    if (m_threshold->isSliderDown())
        m_session->previewThreshold(value / 100.0); // the slices on screen while dragging
    else
        m_session->applyThreshold(value / 100.0);   // keys, clicks: the whole volume at once
}

void AiPanel::onThresholdReleased()
{
    if (m_session->result())
        m_session->applyThreshold(m_threshold->value() / 100.0);
}

void AiPanel::updateEnabled()
{
    const bool running = m_session->isRunning();
    const bool model = m_session->header().has_value();
    m_runSlice->setEnabled(model && !running);
    m_runSeries->setEnabled(model && !running);
    m_runBox->setEnabled(model && !running && !m_boxTool->box().isEmpty());
    m_cancel->setEnabled(running);
    const bool result = m_session->result() != nullptr;
    m_threshold->setEnabled(result && !running);
    m_nextUncertain->setEnabled(result);
    m_engine->setText(m_session->engineStatus());
}

} // namespace delineate
