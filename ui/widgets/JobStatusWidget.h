// The window's one job status area (status bar): the title, progress, ETA and Cancel of whichever watched job runs
// (the most recently started one when several do, with a count of the others).
#pragma once

#include "jobs/JobRunner.h"

#include <QPointer>
#include <QVector>
#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace delineate {



class JobStatusWidget : public QWidget
{
    Q_OBJECT
public:
    explicit JobStatusWidget(QWidget* parent = nullptr);

    void watch(JobRunner* runner);
    JobRunner* shownRunner() const { return m_shown; }
    QPushButton* cancelButton() const { return m_cancel; }
    QProgressBar* progressBar() const { return m_progress; }
    QString etaText() const;

    // "about 2 min 10 s left" / "about 40 s left".
    static QString formatEta(double seconds);

private:
    void onStarted(JobRunner* runner);
    void onProgress(JobRunner* runner, double fraction, double etaSeconds);
    void onFinished(JobRunner* runner);
    void refresh();

    QVector<QPointer<JobRunner>> m_running; // oldest first
    QPointer<JobRunner> m_shown;
    QLabel* m_title;
    QProgressBar* m_progress;
    QLabel* m_eta;
    QPushButton* m_cancel;
};

} // namespace delineate
