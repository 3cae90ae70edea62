// The user's preferences and recent files, persisted with QSettings ("Delineate"/"Delineate").
#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace delineate {

class AppSettings
{
public:
    // "system", "en" or "zh_CN".
    static QString language();
    static void setLanguage(const QString& language);
    // "1x3", "2x2" or "1x1".
    static QString defaultLayout();
    static void setDefaultLayout(const QString& layout);
    // "nearest" or "linear".
    static QString interpolation();
    static void setInterpolation(const QString& interpolation);

    // Where the segmentation network runs: "auto" (CUDA when LibTorch has it and a GPU is present), "cpu", "cuda".
    static QString inferenceDevice();
    static void setInferenceDevice(const QString& device);
    // Convolution arithmetic: "auto" (bfloat16 where the CPU has it natively), "float32" or "bfloat16".
    static QString inferencePrecision();
    static void setInferencePrecision(const QString& precision);

    // The main window's docks (study browser shown or closed, their sizes), as QMainWindow::saveState() writes it.
    static QByteArray windowState();
    static void setWindowState(const QByteArray& state);

    static QStringList recentPaths();
    static void addRecentPath(const QString& path); // most recent first, at most kMaxRecent
    static void clearRecentPaths();
    static constexpr int kMaxRecent = 10;
};

} // namespace delineate
