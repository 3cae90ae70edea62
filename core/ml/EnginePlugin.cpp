// The entry points of libdelineate_engine.so, the one shared object that maps LibTorch.
#include "ml/TorchEngine.h"

extern "C" {

__attribute__((visibility("default"))) int delineate_engine_interface_version()
{
    return delineate::ml::kEngineInterfaceVersion;
}

__attribute__((visibility("default"))) delineate::ml::Engine* delineate_create_engine()
{
    try {
        return new delineate::ml::TorchEngine;
    } catch (...) {
        return nullptr;
    }
}

} // extern "C"
