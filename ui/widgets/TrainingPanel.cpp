// The Training dock: store, Accept, training controls, curves and model versions.
#include "widgets/TrainingPanel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPainterPath>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace delineate {

MetricsChart::MetricsChart(QWidget* parent) : QWidget(parent)
{
    setMinimumHeight(120);
    setToolTip(tr("Loss (orange, left scale) and validation Dice (blue, right scale, 0 to 1) per epoch; dots mark the best epochs"));
}

void MetricsChart::setEpochs(const QVector<EpochMetrics>& epochs)
{
    m_epochs = epochs;
    update();
}

void MetricsChart::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.fillRect(rect(), palette().base());
    const QRectF plot = QRectF(rect()).adjusted(34, 8, -34, -20);
    p.setPen(palette().mid().color());
    p.drawRect(plot);
    p.setPen(palette().text().color());
    if (m_epochs.isEmpty()) {
        p.drawText(plot, Qt::AlignCenter, tr("The curves appear as epochs finish."));
        return;
    }
    double maxLoss = 0.0;
    for (const EpochMetrics& e : m_epochs)
        maxLoss = std::max(maxLoss, e.loss);
    maxLoss = maxLoss > 0.0 ? maxLoss * 1.1 : 1.0;
    const int last = m_epochs.last().epoch;
    const int first = m_epochs.first().epoch;
    const auto x = [&](int epoch) {
        return last == first ? plot.center().x() : plot.left() + plot.width() * double(epoch - first) / double(last - first);
    };
    const auto yLoss = [&](double v) { return plot.bottom() - plot.height() * v / maxLoss; };
    const auto yDice = [&](double v) { return plot.bottom() - plot.height() * std::clamp(v, 0.0, 1.0); };
    // Scales.
    QFont small = font();
    small.setPointSizeF(std::max(6.0, small.pointSizeF() * 0.8));
    p.setFont(small);
    p.drawText(QRectF(0, plot.top() - 6, 32, 12), Qt::AlignRight | Qt::AlignVCenter, QString::number(maxLoss, 'g', 2));
    p.drawText(QRectF(0, plot.bottom() - 6, 32, 12), Qt::AlignRight | Qt::AlignVCenter, QStringLiteral("0"));
    p.drawText(QRectF(plot.right() + 2, plot.top() - 6, 32, 12), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("1"));
    p.drawText(QRectF(plot.right() + 2, plot.bottom() - 6, 32, 12), Qt::AlignLeft | Qt::AlignVCenter, QStringLiteral("0"));
    p.drawText(QRectF(plot.left(), plot.bottom() + 2, plot.width(), 16), Qt::AlignCenter, tr("epoch %1-%2").arg(first).arg(last));
    const QColor lossColour(0xe0, 0x80, 0x20), diceColour(0x30, 0x80, 0xe0);
    QPainterPath loss, dice;
    bool anyDice = false;
    for (const EpochMetrics& e : m_epochs) {
        const QPointF l(x(e.epoch), yLoss(e.loss));
        e.epoch == first ? loss.moveTo(l) : loss.lineTo(l);
        if (e.validationDice >= 0.0) {
            const QPointF d(x(e.epoch), yDice(e.validationDice));
            anyDice ? dice.lineTo(d) : dice.moveTo(d);
            anyDice = true;
        }
    }
    p.setPen(QPen(lossColour, 2));
    p.drawPath(loss);
    p.setPen(QPen(diceColour, 2));
    p.drawPath(dice);
    p.setBrush(diceColour);
    for (const EpochMetrics& e : m_epochs)
        if (e.best && e.validationDice >= 0.0)
            p.drawEllipse(QPointF(x(e.epoch), yDice(e.validationDice)), 3, 3);
}

TrainingPanel::TrainingPanel(TrainingSession* session, QWidget* parent) : QDockWidget(parent), m_session(session)
{
    setObjectName(QStringLiteral("TrainingPanel"));
    setWindowTitle(tr("Training"));
    buildUi();
    connect(m_session, &TrainingSession::storeChanged, this, &TrainingPanel::refreshStore);
    connect(m_session, &TrainingSession::versionsChanged, this, &TrainingPanel::refreshVersions);
    connect(m_session, &TrainingSession::canAcceptChanged, this, &TrainingPanel::updateEnabled);
    connect(m_session, &TrainingSession::acceptFinished, this, [this](bool, const QString& text) {
        say(text);
        updateEnabled();
    });
    connect(m_session, &TrainingSession::epochFinished, this, [this](const EpochMetrics& e) {
        m_chart->setEpochs(m_session->epochs());
        say(e.validationDice >= 0.0 ? tr("Epoch %1: loss %2, validation Dice %3").arg(e.epoch).arg(e.loss, 0, 'f', 4).arg(e.validationDice, 0, 'f', 4)
                                    : tr("Epoch %1: loss %2").arg(e.epoch).arg(e.loss, 0, 'f', 4));
    });
    connect(m_session, &TrainingSession::trainingFinished, this, [this](bool, const QString& text) {
        say(text);
        m_pause->setChecked(false);
        updateEnabled();
    });
    // An AI run holds the training while it computes (one network job at a time): say why nothing moves.
    connect(m_session->trainingRunner(), &JobRunner::heldChanged, this, [this]() { sayWhetherHeld(); });
    for (JobRunner* runner : {m_session->trainingRunner(), m_session->acceptRunner()}) {
        connect(runner, &JobRunner::started, this, &TrainingPanel::updateEnabled);
        // The job status area at the bottom of the window shows the ETA; the trainer's own text says the rest.
        connect(runner, &JobRunner::progressChanged, this, [this](double fraction, const QString& text, double) {
            m_status->setText(tr("%1% %2").arg(int(std::lround(fraction * 100))).arg(text));
        });
    }
    refreshStore();
    refreshVersions();
    updateEnabled();
}

void TrainingPanel::buildUi()
{
    auto* body = new QWidget(this);
    auto* layout = new QVBoxLayout(body);

    auto* storeBox = new QGroupBox(tr("Training store"), body);
    auto* storeLayout = new QVBoxLayout(storeBox);
    auto* pathRow = new QHBoxLayout;
    m_storePath = new QLabel(storeBox);
    m_storePath->setWordWrap(true);
    m_storePath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_chooseStore = new QPushButton(tr("Choose..."), storeBox);
    m_chooseStore->setToolTip(tr("The folder of accepted image/mask pairs; a new empty folder starts a new store"));
    pathRow->addWidget(m_storePath, 1);
    pathRow->addWidget(m_chooseStore);
    storeLayout->addLayout(pathRow);
    m_storeSummary = new QLabel(storeBox);
    m_storeSummary->setWordWrap(true);
    storeLayout->addWidget(m_storeSummary);
    auto* editorRow = new QFormLayout;
    m_editor = new QLineEdit(m_session->editorName(), storeBox);
    m_editor->setPlaceholderText(tr("your name, recorded with each accepted sample"));
    editorRow->addRow(tr("Annotator"), m_editor);
    storeLayout->addLayout(editorRow);
    m_reviewedOnly = new QCheckBox(tr("Only the slices marked reviewed"), storeBox);
    m_reviewedOnly->setToolTip(tr("Train on the axial slices marked reviewed (R) only; the rest of the volume is left out"));
    storeLayout->addWidget(m_reviewedOnly);
    m_accept = new QPushButton(tr("Accept correction"), storeBox);
    m_accept->setToolTip(tr("Add the image on screen and its corrected segmentation to the store as a training sample "
                            "(no patient identifier is written; the split of this patient is kept)"));
    storeLayout->addWidget(m_accept);
    layout->addWidget(storeBox);

    auto* trainBox = new QGroupBox(tr("Fine-tune"), body);
    auto* form = new QFormLayout(trainBox);
    m_from = new QComboBox(trainBox);
    m_from->addItem(tr("the active model"), true);
    m_from->addItem(tr("scratch (a new model)"), false);
    form->addRow(tr("Start from"), m_from);
    m_epochsBox = new QSpinBox(trainBox);
    m_epochsBox->setRange(1, 1000);
    m_epochsBox->setValue(5);
    form->addRow(tr("Epochs"), m_epochsBox);
    m_steps = new QSpinBox(trainBox);
    m_steps->setRange(1, 10000);
    m_steps->setValue(20);
    form->addRow(tr("Steps per epoch"), m_steps);
    m_patch = new QSpinBox(trainBox);
    m_patch->setRange(32, 1024);
    m_patch->setSingleStep(32);
    m_patch->setValue(256);
    m_patch->setSuffix(tr(" px"));
    form->addRow(tr("Patch"), m_patch);
    m_width = new QSpinBox(trainBox);
    m_width->setRange(0, 128);
    m_width->setSpecialValueText(tr("preset"));
    m_width->setToolTip(tr("Channels at the first level of a new model (preset: the default U-Net's)"));
    form->addRow(tr("Width (new model)"), m_width);
    m_rate = new QDoubleSpinBox(trainBox);
    m_rate->setDecimals(5);
    m_rate->setRange(1e-5, 1e-1);
    m_rate->setSingleStep(1e-4);
    m_rate->setValue(1e-3);
    form->addRow(tr("Learning rate"), m_rate);
    auto* buttons = new QHBoxLayout;
    m_start = new QPushButton(tr("Start"), trainBox);
    m_pause = new QPushButton(tr("Pause"), trainBox);
    m_pause->setCheckable(true);
    m_stop = new QPushButton(tr("Stop"), trainBox);
    m_stop->setToolTip(tr("End after the current step and keep the best model so far as a new version"));
    m_cancel = new QPushButton(tr("Cancel"), trainBox);
    m_cancel->setToolTip(tr("End now and keep nothing"));
    for (QPushButton* b : {m_start, m_pause, m_stop, m_cancel})
        buttons->addWidget(b);
    form->addRow(buttons);
    m_resume = new QPushButton(tr("Resume interrupted run"), trainBox);
    m_resume->setToolTip(tr("A training run on this store did not end (the application was closed by force or crashed). "
                            "Resume it from its last finished epoch with the settings it was started with."));
    form->addRow(m_resume);
    layout->addWidget(trainBox);

    m_chart = new MetricsChart(body);
    layout->addWidget(m_chart);

    auto* versionsBox = new QGroupBox(tr("Model versions"), body);
    auto* versionsLayout = new QVBoxLayout(versionsBox);
    m_versions = new QTableWidget(0, 4, versionsBox);
    m_versions->setHorizontalHeaderLabels({tr("Version"), tr("Parent"), tr("Validation Dice"), tr("Trained")});
    m_versions->verticalHeader()->hide();
    m_versions->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_versions->setSelectionMode(QAbstractItemView::SingleSelection);
    m_versions->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_versions->horizontalHeader()->setStretchLastSection(true);
    m_versions->setMinimumHeight(90);
    versionsLayout->addWidget(m_versions);
    auto* versionButtons = new QHBoxLayout;
    m_promote = new QPushButton(tr("Promote"), versionsBox);
    m_promote->setToolTip(tr("Make the selected version the active model (the AI panel uses it)"));
    m_rollback = new QPushButton(tr("Roll back"), versionsBox);
    m_rollback->setToolTip(tr("Return to the version that was active before the last promotion"));
    m_compare = new QPushButton(tr("Compare with active"), versionsBox);
    m_compare->setToolTip(tr("Segment every validation sample with the selected and the active version and list the "
                             "foreground Dice of each, case by case"));
    versionButtons->addWidget(m_promote);
    versionButtons->addWidget(m_rollback);
    versionButtons->addWidget(m_compare);
    versionsLayout->addLayout(versionButtons);
    m_cases = new QTableWidget(0, 4, versionsBox);
    m_cases->verticalHeader()->hide();
    m_cases->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_cases->horizontalHeader()->setStretchLastSection(true);
    m_cases->setMinimumHeight(90);
    m_cases->hide();
    versionsLayout->addWidget(m_cases);
    layout->addWidget(versionsBox);

    m_status = new QLabel(body);
    m_status->setWordWrap(true);
    layout->addWidget(m_status);
    layout->addStretch(1);
    setWidget(body);

    connect(m_chooseStore, &QPushButton::clicked, this, &TrainingPanel::chooseStore);
    connect(m_editor, &QLineEdit::editingFinished, this, [this]() { m_session->setEditorName(m_editor->text().trimmed()); });
    connect(m_accept, &QPushButton::clicked, this, [this]() {
        m_session->setEditorName(m_editor->text().trimmed());
        if (!m_session->acceptCorrection(m_reviewedOnly->isChecked()))
            say(m_session->lastError());
        updateEnabled();
    });
    connect(m_start, &QPushButton::clicked, this, [this]() {
        TrainingSettings settings;
        settings.fromActive = m_from->currentData().toBool();
        settings.epochs = m_epochsBox->value();
        settings.stepsPerEpoch = m_steps->value();
        settings.patchSize = m_patch->value();
        settings.width = m_width->value();
        settings.learningRate = m_rate->value();
        if (!m_session->startTraining(settings)) {
            say(m_session->lastError());
            return;
        }
        m_chart->setEpochs({});
        say(tr("Training started on the worker; viewing and editing go on."));
        sayWhetherHeld();
        updateEnabled();
    });
    connect(m_resume, &QPushButton::clicked, this, [this]() {
        if (!m_session->resumeTraining()) {
            say(m_session->lastError());
            return;
        }
        m_chart->setEpochs({});
        say(tr("The interrupted run goes on from its last finished epoch."));
        sayWhetherHeld();
        updateEnabled();
    });
    connect(m_pause, &QPushButton::toggled, this, [this](bool paused) {
        m_session->pauseTraining(paused);
        m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    });
    connect(m_stop, &QPushButton::clicked, this, [this]() {
        m_session->stopTraining();
        say(tr("Stopping after the current step; the best model so far will be kept."));
    });
    connect(m_cancel, &QPushButton::clicked, this, [this]() { m_session->cancelTraining(); });
    connect(m_versions, &QTableWidget::itemSelectionChanged, this, &TrainingPanel::updateEnabled);
    connect(m_promote, &QPushButton::clicked, this, [this]() {
        const int row = m_versions->currentRow();
        if (row < 0)
            return;
        const QString version = m_versions->item(row, 0)->data(Qt::UserRole).toString();
        if (auto promoted = m_session->promote(version); !promoted)
            say(promoted.error().message);
        else
            say(tr("%1 is the active model now.").arg(version));
    });
    connect(m_compare, &QPushButton::clicked, this, [this]() {
        const int row = m_versions->currentRow();
        const ml::ModelRegistry* registry = m_session->registry();
        if (row < 0 || !registry)
            return;
        const QString selected = m_versions->item(row, 0)->data(Qt::UserRole).toString();
        if (!m_session->compareVersions(registry->active(), selected)) {
            say(m_session->lastError());
            return;
        }
        say(tr("Comparing %1 with %2 on the validation samples...").arg(selected, registry->active()));
        updateEnabled();
    });
    connect(m_session, &TrainingSession::comparisonFinished, this, [this](bool ok, const QString& text) {
        if (ok)
            showComparison();
        say(text);
        updateEnabled();
    });
    connect(m_rollback, &QPushButton::clicked, this, [this]() {
        auto back = m_session->rollback();
        say(back ? tr("Rolled back: %1 is the active model again.").arg(*back) : back.error().message);
    });
}

void TrainingPanel::chooseStore()
{
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Training store"), m_session->storeFolder());
    if (folder.isEmpty())
        return;
    if (auto opened = m_session->openStore(folder); !opened)
        say(opened.error().message);
}

void TrainingPanel::refreshStore()
{
    const TrainingStore* store = m_session->store();
    m_storePath->setText(store ? QDir::toNativeSeparators(store->folder()) : tr("(no store chosen)"));
    if (!store) {
        m_storeSummary->setText(QString());
    } else {
        QDateTime last;
        for (const SampleRecord& s : store->samples())
            if (!last.isValid() || s.added > last)
                last = s.added;
        m_storeSummary->setText(
            tr("%n sample(s): %1 for training, %2 for validation (split version %3)", nullptr, int(store->samples().size()))
                .arg(store->count(SplitRole::Train))
                .arg(store->count(SplitRole::Validation))
                .arg(store->splitVersion()) +
            (last.isValid() ? QLatin1Char('\n') + tr("last added %1").arg(QLocale().toString(last.toLocalTime(), QLocale::ShortFormat)) : QString()));
    }
    updateEnabled();
}

void TrainingPanel::refreshVersions()
{
    const ml::ModelRegistry* registry = m_session->registry();
    m_versions->setRowCount(0);
    if (!registry)
        return;
    const auto& versions = registry->versions();
    m_versions->setRowCount(versions.size());
    for (int row = 0; row < versions.size(); ++row) {
        const ml::ModelVersion& v = versions[versions.size() - 1 - row]; // newest first
        const bool active = v.version == registry->active();
        auto* name = new QTableWidgetItem(active ? tr("%1 (active)").arg(v.version) : v.version);
        name->setData(Qt::UserRole, v.version);
        if (active) {
            QFont bold = name->font();
            bold.setBold(true);
            name->setFont(bold);
        }
        m_versions->setItem(row, 0, name);
        m_versions->setItem(row, 1, new QTableWidgetItem(v.parent.isEmpty() ? tr("scratch") : v.parent));
        const double dice = v.metrics.value(QStringLiteral("val_mean_dice")).toDouble(-1.0);
        m_versions->setItem(row, 2, new QTableWidgetItem(dice >= 0.0 ? QString::number(dice, 'f', 4) : tr("n/a")));
        m_versions->setItem(row, 3, new QTableWidgetItem(QLocale().toString(v.created.toLocalTime(), QLocale::ShortFormat)));
    }
    m_versions->resizeColumnsToContents();
    updateEnabled();
}

void TrainingPanel::showComparison()
{
    const auto& comparison = m_session->comparison();
    if (!comparison)
        return;
    m_cases->setHorizontalHeaderLabels({tr("Sample"), comparison->versions[0], comparison->versions[1], tr("Difference")});
    m_cases->setRowCount(comparison->cases.size() + 1);
    const auto fill = [this](int row, const QString& sample, double a, double b) {
        m_cases->setItem(row, 0, new QTableWidgetItem(sample));
        m_cases->setItem(row, 1, new QTableWidgetItem(QString::number(a, 'f', 4)));
        m_cases->setItem(row, 2, new QTableWidgetItem(QString::number(b, 'f', 4)));
        m_cases->setItem(row, 3, new QTableWidgetItem(QString::asprintf("%+.4f", b - a)));
    };
    for (int n = 0; n < comparison->cases.size(); ++n)
        fill(n, comparison->cases[n].sample, comparison->cases[n].dice[0], comparison->cases[n].dice[1]);
    fill(comparison->cases.size(), tr("mean"), comparison->mean[0], comparison->mean[1]);
    m_cases->resizeColumnsToContents();
    m_cases->show();
}

void TrainingPanel::updateEnabled()
{
    const bool store = m_session->store() != nullptr;
    const bool training = m_session->isTraining();
    m_accept->setEnabled(m_session->canAccept());
    m_start->setEnabled(store && !training);
    m_resume->setVisible(!training && m_session->hasInterruptedRun());
    m_pause->setEnabled(training);
    m_stop->setEnabled(training);
    m_cancel->setEnabled(training);
    m_chooseStore->setEnabled(!training && !m_session->isAccepting());
    const bool selected = m_versions->currentRow() >= 0;
    m_promote->setEnabled(selected && !training);
    const ml::ModelRegistry* registry = m_session->registry();
    m_compare->setEnabled(selected && !training && registry && !registry->active().isEmpty() &&
                          m_versions->item(m_versions->currentRow(), 0)->data(Qt::UserRole).toString() != registry->active());
    m_rollback->setEnabled(m_session->registry() && m_session->registry()->history().size() > 1 && !training);
}

void TrainingPanel::sayWhetherHeld()
{
    if (!m_session->isTraining())
        return;
    if (m_session->trainingRunner()->isHeld())
        say(tr("Waiting while an AI run computes (one network job at a time); the training goes on after it."));
    else
        say(m_pause->isChecked() ? tr("The AI run has finished; the training stays paused.")
                                 : tr("The AI run has finished; the training goes on."));
}

void TrainingPanel::say(const QString& text)
{
    m_status->setText(text);
    Q_EMIT message(text);
}

} // namespace delineate
