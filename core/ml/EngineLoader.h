// Finds and loads the engine plugin the first time a network runs (no torch here). Until then the process has no
// LibTorch mapped; if the plugin is missing or fails to load, the reason is kept for the UI and the CLI to show.
#pragma once

#include "common/Expected.h"
#include "ml/Engine.h"

#include <QString>
#include <QStringList>

namespace delineate::ml {

struct EngineLoadOptions
{
    // Sets OMP_WAIT_POLICY=PASSIVE (unless the environment sets it) before the plugin loads, so that idle OpenMP
    // threads sleep instead of spinning. libgomp reads the variable only once, when it is loaded: this works only
    // in a process that has no libgomp yet. The viewer and the CLI have it from before main() (Qt6Core -> libb2 ->
    // libgomp), so the viewer's main() sets the variable and re-executes itself, and scripts/run exports it.
    bool passiveWaiting = false;
};

class EngineLoader
{
public:
    // The process-wide engine, loaded on first call (thread-safe). The Engine lives until the process ends.
    static Expected<Engine*> engine(const EngineLoadOptions& options = {});
    static bool isLoaded();
    // Why the engine could not be loaded (the plugin missing, refused, failing to start); empty before the first
    // attempt and after a load that worked.
    static QString lastError();
    // Where the plugin is looked for: $DELINEATE_ENGINE alone when set; else beside the executable
    // (../lib/delineate/, ../lib/), then the build tree.
    static QStringList candidatePaths();
    // True when a LibTorch library is mapped into this process (read from /proc/self/maps).
    static bool torchIsMapped();
};

} // namespace delineate::ml
