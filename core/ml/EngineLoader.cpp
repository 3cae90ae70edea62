// Plugin discovery and loading with QLibrary; one engine per process.
#include "ml/EngineLoader.h"

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QLibrary>

#include <cstdlib>
#include <mutex>

namespace delineate::ml {

namespace {

class EngineLoaderText
{
    Q_DECLARE_TR_FUNCTIONS(EngineLoader)
};

constexpr const char* kPluginName = "libdelineate_engine.so";

std::mutex g_mutex;
Engine* g_engine = nullptr;
QString g_error;
bool g_tried = false;

} // namespace

QStringList EngineLoader::candidatePaths()
{
    QStringList paths;
    // An explicit choice is the only candidate (a missing file then says so instead of loading another one).
    const QString explicitPath = qEnvironmentVariable("DELINEATE_ENGINE");
    if (!explicitPath.isEmpty())
        return {explicitPath};
    if (QCoreApplication::instance()) {
        const QDir app(QCoreApplication::applicationDirPath());
        paths << app.filePath(QStringLiteral("../lib/delineate/") + QLatin1String(kPluginName))
              << app.filePath(QStringLiteral("../lib/") + QLatin1String(kPluginName));
    }
#ifdef DELINEATE_ENGINE_BUILD_PATH
    paths << QStringLiteral(DELINEATE_ENGINE_BUILD_PATH);
#endif
    return paths;
}

bool EngineLoader::isLoaded()
{
    std::lock_guard<std::mutex> lock(g_mutex);
    return g_engine != nullptr;
}

QString EngineLoader::lastError()
{
    std::lock_guard<std::mutex> lock(g_mutex);
    return g_engine ? QString() : g_error;
}

Expected<Engine*> EngineLoader::engine(const EngineLoadOptions& options)
{
    std::lock_guard<std::mutex> lock(g_mutex);
    if (g_engine)
        return g_engine;
    if (g_tried)
        return Error::failed(g_error);
    g_tried = true;
    QString path;
    for (const QString& candidate : candidatePaths())
        if (QFileInfo::exists(candidate)) {
            path = QFileInfo(candidate).canonicalFilePath();
            break;
        }
    if (path.isEmpty()) {
        g_error = EngineLoaderText::tr("The segmentation engine (%1) is not installed: looked in %2.")
                      .arg(QLatin1String(kPluginName), candidatePaths().join(QStringLiteral(", ")));
        return Error::failed(g_error);
    }
    if (options.passiveWaiting && qEnvironmentVariableIsEmpty("OMP_WAIT_POLICY"))
        qputenv("OMP_WAIT_POLICY", "PASSIVE"); // read by libgomp only if the plugin is what loads it
    auto* library = new QLibrary(path);
    if (!library->load()) {
        g_error = EngineLoaderText::tr("The segmentation engine %1 could not be loaded: %2").arg(path, library->errorString());
        delete library;
        return Error::failed(g_error);
    }
    // The plugin stays loaded, and its QLibrary with it, for the life of the process (the engine's threads and
    // LibTorch's registrations outlive every caller): not a leak, and LeakSanitizer is told so.
#if defined(__SANITIZE_ADDRESS__)
    __lsan_ignore_object(library);
#endif
    auto version = reinterpret_cast<EngineVersionFunction>(library->resolve(kEngineVersionSymbol));
    auto factory = reinterpret_cast<EngineFactoryFunction>(library->resolve(kEngineFactorySymbol));
    if (!version || !factory || version() != kEngineInterfaceVersion) {
        g_error = EngineLoaderText::tr("%1 is not a segmentation engine of this version of Delineate.").arg(path);
        return Error::failed(g_error);
    }
    g_engine = factory();
    if (!g_engine) {
        g_error = EngineLoaderText::tr("The segmentation engine %1 failed to start.").arg(path);
        return Error::failed(g_error);
    }
    return g_engine;
}

bool EngineLoader::torchIsMapped()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return false;
    const QByteArray text = maps.readAll();
    return text.contains("libtorch") || text.contains("libc10.so");
}

} // namespace delineate::ml
