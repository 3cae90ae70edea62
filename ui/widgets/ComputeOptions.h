// Where and how precisely the network runs (device, precision): in the AI panel, beside the runs they apply to.
// Choices are saved with AppSettings and given to the AI session at once.
#pragma once

#include <QWidget>

class QComboBox;

namespace delineate {

class AiSession;

class ComputeOptions : public QWidget
{
    Q_OBJECT
public:
    explicit ComputeOptions(AiSession* session, QWidget* parent = nullptr);

    QComboBox* deviceBox() const { return m_device; }
    QComboBox* precisionBox() const { return m_precision; }

private:
    void apply();

    AiSession* m_session;
    QComboBox* m_device;
    QComboBox* m_precision;
};

} // namespace delineate
