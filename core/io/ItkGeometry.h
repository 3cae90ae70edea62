// ITK image geometry <-> ImageGeometry, shared by the ITK-based readers and writers of core/io (includes ITK).
#pragma once

#include "image/ImageGeometry.h"

#include <itkIntTypes.h>

#include <cstdint>

namespace delineate::itkgeometry {

// The first three axes of a 3D or 4D ITK image (ITK, like DICOM, works in LPS).
template <typename ImageT>
ImageGeometry geometryOf(const ImageT* image)
{
    const auto size = image->GetLargestPossibleRegion().GetSize();
    ImageGeometry g;
    g.setSize({static_cast<int64_t>(size[0]), static_cast<int64_t>(size[1]), static_cast<int64_t>(size[2])});
    g.setSpacing({image->GetSpacing()[0], image->GetSpacing()[1], image->GetSpacing()[2]});
    g.setOrigin({image->GetOrigin()[0], image->GetOrigin()[1], image->GetOrigin()[2]});
    Matrix3 d{};
    for (int r = 0; r < 3; ++r)
        for (int c = 0; c < 3; ++c)
            d[r][c] = image->GetDirection()[r][c];
    g.setDirection(d);
    return g;
}

// Sets region, spacing, origin and direction of a 3D ITK image (not yet allocated) from `g`.
template <typename ImageT>
void applyGeometry(ImageT* image, const ImageGeometry& g)
{
    typename ImageT::RegionType region;
    typename ImageT::SizeType size;
    typename ImageT::IndexType start;
    typename ImageT::SpacingType spacing;
    typename ImageT::PointType origin;
    typename ImageT::DirectionType direction;
    for (unsigned i = 0; i < 3; ++i) {
        size[i] = static_cast<itk::SizeValueType>(g.size()[i]);
        start[i] = 0;
        spacing[i] = g.spacing()[i];
        origin[i] = g.origin()[i];
        for (unsigned j = 0; j < 3; ++j)
            direction[i][j] = g.direction()[i][j];
    }
    region.SetSize(size);
    region.SetIndex(start);
    image->SetRegions(region);
    image->SetSpacing(spacing);
    image->SetOrigin(origin);
    image->SetDirection(direction);
}

} // namespace delineate::itkgeometry
