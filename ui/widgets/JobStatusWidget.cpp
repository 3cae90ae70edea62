// Job status area over any number of JobRunners.
#include "widgets/JobStatusWidget.h"

#include "jobs/JobRunner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>

#include <cmath>

namespace delineate {

JobStatusWidget::JobStatusWidget(QWidget* parent)
    : QWidget(parent), m_title(new QLabel(this)), m_progress(new QProgressBar(this)), m_eta(new QLabel(this)),
      m_cancel(new QPushButton(tr("Cancel"), this))
{
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_title);
    layout->addWidget(m_progress);
    layout->addWidget(m_eta);
    layout->addWidget(m_cancel);
    m_progress->setMaximumWidth(200);
    m_progress->setRange(0, 1000);
    connect(m_cancel, &QPushButton::clicked, this, [this]() {
        if (m_shown)
            m_shown->cancel();
    });
    hide();
}

QString JobStatusWidget::formatEta(double seconds)
{
    if (seconds < 0.0)
        return QString();
    const int s = int(std::lround(seconds));
    if (s >= 60)
        return tr("about %1 min %2 s left").arg(s / 60).arg(s % 60);
    return tr("about %1 s left").arg(std::max(1, s));
}

QString JobStatusWidget::etaText() const
{
    return m_eta->text();
}

void JobStatusWidget::watch(JobRunner* runner)
{
    connect(runner, &JobRunner::started, this, [this, runner]() { onStarted(runner); });
    connect(runner, &JobRunner::progressChanged, this,
            [this, runner](double fraction, const QString&, double eta) { onProgress(runner, fraction, eta); });
    connect(runner, &JobRunner::finished, this, [this, runner]() { onFinished(runner); });
}

void JobStatusWidget::onStarted(JobRunner* runner)
{
    m_running.removeAll(runner);
    m_running.append(runner);
    m_shown = runner;
    m_progress->setRange(0, 0); // busy until the first report
    m_eta->clear();
    refresh();
}

void JobStatusWidget::onProgress(JobRunner* runner, double fraction, double etaSeconds)
{
    if (runner != m_shown)
        return;
    m_progress->setRange(0, 1000);
    m_progress->setValue(int(std::lround(std::clamp(fraction, 0.0, 1.0) * 1000)));
    m_eta->setText(formatEta(etaSeconds));
}

void JobStatusWidget::onFinished(JobRunner* runner)
{
    m_running.removeAll(runner);
    m_running.removeAll(nullptr);
    if (m_shown == runner)
        m_shown = m_running.isEmpty() ? nullptr : m_running.constLast();
    m_eta->clear();
    m_progress->setRange(0, 0);
    refresh();
}

void JobStatusWidget::refresh()
{
    if (!m_shown) {
        hide();
        return;
    }
    QString title = m_shown->title();
    if (m_running.size() > 1)
        title += QLatin1Char(' ') + tr("(+%1 more)").arg(m_running.size() - 1);
    m_title->setText(title);
    show();
}

} // namespace delineate
