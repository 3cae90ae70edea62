// How much memory this computer has, so that work too big for it is refused before it allocates.
#pragma once

#include <QString>

#include <cstdint>

namespace delineate {

// Physical memory in bytes (sysconf); 0 when the system does not say.
std::uint64_t physicalMemoryBytes();

// A byte count for people: "1.5 GiB" in the user's locale.
QString byteSizeText(std::uint64_t bytes);

} // namespace delineate
