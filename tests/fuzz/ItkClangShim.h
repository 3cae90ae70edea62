// Forced into every compilation of the fuzz build (-include, DELINEATE_FUZZ only). Debian's ITK 5.2 headers were
// generated for GCC alone: itk_compiler_detection.h stops with "Unsupported compiler" under clang, which libFuzzer
// needs. This includes that header once while clang presents itself as GCC 12, which gives ITK the same feature
// macros as the normal (GCC) build; every later inclusion is a no-op thanks to its include guard.
#pragma once
#if defined(__clang__) && defined(__has_include)
#if __has_include(<itk_compiler_detection.h>)
#pragma clang diagnostic push
#pragma clang diagnostic ignored "-Wbuiltin-macro-redefined"
#pragma push_macro("__clang__")
#pragma push_macro("__GNUC__")
#pragma push_macro("__GNUC_MINOR__")
#undef __clang__
#undef __GNUC__
#undef __GNUC_MINOR__
#define __GNUC__ 12
#define __GNUC_MINOR__ 2
#include <itk_compiler_detection.h>
#pragma pop_macro("__GNUC_MINOR__")
#pragma pop_macro("__GNUC__")
#pragma pop_macro("__clang__")
#pragma clang diagnostic pop
#endif
#endif
