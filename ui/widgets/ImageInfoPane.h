// The fourth pane of the 2x2 layout: the image's identity, geometry, loader warnings and the crosshair readout.
#pragma once

#include <QWidget>

class QLabel;

namespace delineate {

class ViewerState;

class ImageInfoPane : public QWidget
{
    Q_OBJECT
public:
    explicit ImageInfoPane(ViewerState* state, QWidget* parent = nullptr);

    QString text() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void refreshImage();
    void refreshReadout();

    ViewerState* m_state;
    QLabel* m_details;
    QLabel* m_readout;
};

} // namespace delineate
