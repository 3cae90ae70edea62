// Dock listing what a scan found: patient > study > series (with thumbnail, modality, date, description, slice count
// and warnings) and the non-image objects (SEG, RTSTRUCT, ...) under their study; unreadable files at the end.
#pragma once

#include <QDockWidget>
#include <QHash>

class QLabel;
class QMenu;
class QTreeWidget;
class QTreeWidgetItem;

namespace delineate {

struct ScanResult;
struct NonImageObject;

class StudyBrowser : public QDockWidget
{
    Q_OBJECT
public:
    explicit StudyBrowser(QWidget* parent = nullptr);

    void showScan(const ScanResult& scan);
    // A single volume file: one entry, no study hierarchy.
    void showVolumeFile(const QString& path);
    // Volume files found beside the DICOM data, under a group of their own.
    void addVolumeFiles(const QStringList& paths);
    bool hasVolumeFile(const QString& path) const { return m_volumeItems.contains(path); }
    void setVolumeThumbnail(const QString& path, const QImage& image);
    void clear();
    void setThumbnail(const QString& seriesKey, const QImage& image);
    // Warnings found when the series was loaded (tilt, gaps, ...), added under the series.
    void addSeriesWarnings(const QString& seriesKey, const QStringList& warnings);
    // Marks the entry on screen: a series key, or a volume file's path.
    void setCurrent(const QString& seriesKeyOrPath);

    QTreeWidget* tree() const { return m_tree; }
    // The whole text of the selected failure, warning or skipped-files line, shown under the tree (empty: none).
    QString details() const;
    QTreeWidgetItem* seriesItem(const QString& seriesKey) const { return m_seriesItems.value(seriesKey); }
    // The entries of an item's context menu (a series: Open, Compare Side by Side); the caller owns the menu.
    QMenu* createContextMenu(QTreeWidgetItem* item, QWidget* parent = nullptr);

Q_SIGNALS:
    void seriesActivated(const QString& seriesKey);
    // A non-image object was double-clicked: kind ("SEG", ...), file and a description for messages.
    void nonImageObjectActivated(const QString& kind, const QString& file, const QString& description);
    void volumeFileActivated(const QString& path);
    // "Compare side by side" on a series other than the one on screen.
    void compareRequested(const QString& seriesKey);

private:
    void onItemActivated(QTreeWidgetItem* item);
    void addWarningItems(QTreeWidgetItem* parent, const QStringList& warnings);
    static void setIconFrom(QTreeWidgetItem* item, const QImage& image);
    void showDetailsOf(QTreeWidgetItem* item);

    QTreeWidget* m_tree;
    QLabel* m_details = nullptr;
    QHash<QString, QTreeWidgetItem*> m_seriesItems;
    QHash<QString, QTreeWidgetItem*> m_volumeItems;
    QString m_currentKey; // the series (or volume file) on screen
};

} // namespace delineate
