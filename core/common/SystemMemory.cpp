// Physical memory from sysconf; byte counts through QLocale's data-size formatting.
#include "common/SystemMemory.h"

#include <QLocale>

#include <algorithm>
#include <cstdint>

#include <unistd.h>

namespace delineate {

std::uint64_t physicalMemoryBytes()
{
    const long pages = sysconf(_SC_PHYS_PAGES);
    const long pageSize = sysconf(_SC_PAGE_SIZE);
    if (pages <= 0 || pageSize <= 0)
        return 0;
    return std::uint64_t(pages) * std::uint64_t(pageSize);
}

QString byteSizeText(std::uint64_t bytes)
{
    return QLocale().formattedDataSize(qint64(std::min<std::uint64_t>(bytes, std::uint64_t(INT64_MAX))), 1,
                                       QLocale::DataSizeIecFormat);
}

} // namespace delineate
