// Slice position along the nearest patient axis (LPS: +x left, +y posterior, +z superior) and slice thickness.
#include "model/SliceLocation.h"

#include <QCoreApplication>

#include <cmath>

namespace delineate {

SliceLocation sliceLocationAt(const Vector3& point, const Vector3& normal, double thickness)
{
    SliceLocation location;
    int patientAxis = 0;
    for (int a = 1; a < 3; ++a)
        if (std::abs(normal[a]) > std::abs(normal[patientAxis]))
            patientAxis = a;
    const double value = point[patientAxis];
    static const char positive[3] = {'L', 'P', 'S'}, negative[3] = {'R', 'A', 'I'};
    location.letter = value >= 0.0 ? positive[patientAxis] : negative[patientAxis];
    location.millimetres = std::abs(value) < 0.05 ? 0.0 : std::abs(value);
    location.thickness = thickness;
    return location;
}

SliceLocation sliceLocation(const ImageGeometry& geometry, int sliceAxis, const std::array<int64_t, 3>& cursor,
                            int64_t slice, double acquiredThickness)
{
    Vector3 index{double(cursor[0]), double(cursor[1]), double(cursor[2])};
    index[sliceAxis] = double(slice);
    const double thickness = sliceAxis == 2 && acquiredThickness > 0.0 ? acquiredThickness : geometry.spacing()[sliceAxis];
    return sliceLocationAt(geometry.indexToPhysical(index), geometry.axisDirection(sliceAxis), thickness);
}

QString SliceLocation::text() const
{
    return QCoreApplication::translate("SliceLocation", "%1 %2 mm  Thk %3 mm")
        .arg(QLatin1Char(letter))
        .arg(millimetres, 0, 'f', 1)
        .arg(thickness, 0, 'g', 3);
}

} // namespace delineate
