// The device and precision combo boxes; each item's data is the settings value.
#include "widgets/ComputeOptions.h"

#include "AppSettings.h"
#include "model/AiSession.h"

#include <QComboBox>
#include <QFormLayout>

namespace delineate {

ComputeOptions::ComputeOptions(AiSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_device(new QComboBox(this)), m_precision(new QComboBox(this))
{
    m_device->addItem(tr("Automatic (GPU when available)"), QStringLiteral("auto"));
    m_device->addItem(tr("CPU"), QStringLiteral("cpu"));
    m_device->addItem(tr("GPU (CUDA)"), QStringLiteral("cuda"));
    m_precision->addItem(tr("Automatic (bfloat16 where the processor supports it)"), QStringLiteral("auto"));
    m_precision->addItem(tr("float32 (exact, slower)"), QStringLiteral("float32"));
    m_precision->addItem(tr("bfloat16 (about twice as fast on recent processors)"), QStringLiteral("bfloat16"));
    const auto select = [](QComboBox* box, const QString& value) {
        const int index = box->findData(value);
        box->setCurrentIndex(index >= 0 ? index : 0);
    };
    select(m_device, AppSettings::inferenceDevice());
    select(m_precision, AppSettings::inferencePrecision());
    for (QComboBox* box : {m_device, m_precision}) // long item texts must not widen the dock
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    auto* form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->addRow(tr("Segmentation &runs on:"), m_device);
    form->addRow(tr("Network &precision:"), m_precision);
    connect(m_device, qOverload<int>(&QComboBox::currentIndexChanged), this, &ComputeOptions::apply);
    connect(m_precision, qOverload<int>(&QComboBox::currentIndexChanged), this, &ComputeOptions::apply);
    m_session->setComputeSettings(AppSettings::inferenceDevice(), AppSettings::inferencePrecision(), 0);
}

void ComputeOptions::apply()
{
    AppSettings::setInferenceDevice(m_device->currentData().toString());
    AppSettings::setInferencePrecision(m_precision->currentData().toString());
    m_session->setComputeSettings(AppSettings::inferenceDevice(), AppSettings::inferencePrecision(), 0);
}

} // namespace delineate
