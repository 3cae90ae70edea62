// The Training dock over TrainingSession: the store and "Accept correction", hyper-parameters, Start / Pause / Stop /
// Cancel, live loss and validation-Dice curves (drawn here with QPainter: Qt Charts is GPL-3 and the product stays
// permissive), and the store's model versions with promote and roll back. Viewing and editing stay usable while a
// training runs on the worker.
#pragma once

#include "model/TrainingSession.h"

#include <QDockWidget>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace delineate {

// Loss (left axis) and validation Dice (right axis, 0-1) per epoch.
class MetricsChart : public QWidget
{
    Q_OBJECT
public:
    explicit MetricsChart(QWidget* parent = nullptr);
    void setEpochs(const QVector<EpochMetrics>& epochs);
    const QVector<EpochMetrics>& epochs() const { return m_epochs; }
    QSize sizeHint() const override { return {320, 160}; }

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QVector<EpochMetrics> m_epochs;
};

class TrainingPanel : public QDockWidget
{
    Q_OBJECT
public:
    TrainingPanel(TrainingSession* session, QWidget* parent = nullptr);

    QPushButton* acceptButton() const { return m_accept; }
    QCheckBox* reviewedOnlyBox() const { return m_reviewedOnly; }
    QLabel* storeLabel() const { return m_storeSummary; }
    QPushButton* startButton() const { return m_start; }
    QPushButton* resumeButton() const { return m_resume; }
    QPushButton* pauseButton() const { return m_pause; }
    QPushButton* stopButton() const { return m_stop; }
    QPushButton* cancelButton() const { return m_cancel; }
    QComboBox* startFromBox() const { return m_from; }
    QSpinBox* epochsBox() const { return m_epochsBox; }
    QSpinBox* stepsBox() const { return m_steps; }
    QSpinBox* patchBox() const { return m_patch; }
    QSpinBox* widthBox() const { return m_width; }
    QTableWidget* versionsTable() const { return m_versions; }
    QPushButton* promoteButton() const { return m_promote; }
    QPushButton* compareButton() const { return m_compare; }
    QTableWidget* casesTable() const { return m_cases; }
    QPushButton* rollbackButton() const { return m_rollback; }
    MetricsChart* chart() const { return m_chart; }
    QLabel* statusLabel() const { return m_status; }

Q_SIGNALS:
    void message(const QString& text);

private:
    void buildUi();
    void chooseStore();
    void refreshStore();
    void refreshVersions();
    void showComparison();
    void updateEnabled();
    void sayWhetherHeld();
    void say(const QString& text);

    TrainingSession* m_session;
    QLabel* m_storePath = nullptr;
    QPushButton* m_chooseStore = nullptr;
    QLabel* m_storeSummary = nullptr;
    QLineEdit* m_editor = nullptr;
    QCheckBox* m_reviewedOnly = nullptr;
    QPushButton* m_accept = nullptr;
    QComboBox* m_from = nullptr;
    QSpinBox* m_epochsBox = nullptr;
    QSpinBox* m_steps = nullptr;
    QSpinBox* m_patch = nullptr;
    QSpinBox* m_width = nullptr;
    QDoubleSpinBox* m_rate = nullptr;
    QPushButton* m_start = nullptr;
    QPushButton* m_resume = nullptr;
    QPushButton* m_pause = nullptr;
    QPushButton* m_stop = nullptr;
    QPushButton* m_cancel = nullptr;
    MetricsChart* m_chart = nullptr;
    QTableWidget* m_versions = nullptr;
    QPushButton* m_compare = nullptr;
    QTableWidget* m_cases = nullptr;
    QPushButton* m_promote = nullptr;
    QPushButton* m_rollback = nullptr;
    QLabel* m_status = nullptr;
};

} // namespace delineate
