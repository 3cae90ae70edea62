// The Measurements dock: the four measuring tools, the list of the series' measurements with their values, notes on
// how to read them (a resampled series, voxels that are not cubes), delete, and the JSON file beside the study.
#pragma once

#include "measure/Measurement.h"

#include <QDockWidget>

class QButtonGroup;
class QLabel;
class QMenu;
class QPushButton;
class QTableView;

namespace delineate {

class MeasureTool;
class MeasurementList;
class ViewerPanel;
class ViewerState;

class MeasurementPanel : public QDockWidget
{
    Q_OBJECT
public:
    MeasurementPanel(MeasurementList* list, MeasureTool* tool, ViewerPanel* views, ViewerState* state,
                     QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }
    QLabel* notesLabel() const { return m_notes; }

    // The Measure menu (tools with their shortcuts, delete, save, open, this dock), for the main window's menu bar.
    QMenu* createMenu(QWidget* parent);
    // Makes the measuring tool of `kind` the views' tool (Measure menu, the buttons).
    void chooseTool(MeasurementKind kind);
    // Deletes the selected measurement (Delete key, the button); false when none is selected.
    bool deleteSelected();
    // File > the Measure menu: a dialog beside the study, then the file.
    void saveDialog();
    void openDialog();
    bool saveTo(const QString& path);
    bool openFrom(const QString& path);

Q_SIGNALS:
    void message(const QString& text);

private:
    void updateNotes();
    void syncButtons();
    void warn(const QString& text);
    void showSelected(int id);

    MeasurementList* m_list;
    MeasureTool* m_tool;
    ViewerPanel* m_views;
    ViewerState* m_state;
    QButtonGroup* m_buttons;
    QTableView* m_table;
    QLabel* m_notes;
    QPushButton* m_delete;
    QPushButton* m_save;
    bool m_syncing = false;
};

} // namespace delineate
