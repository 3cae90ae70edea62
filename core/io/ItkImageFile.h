// The ITK reader for an image file, shared by VolumeIO and SegmentationIO (includes ITK; core/io only).
#pragma once

#include "common/Expected.h"

#include <QString>

#include <itkImageIOBase.h>

namespace delineate {

// The reader for `path`, chosen by its name (.nii, .nii.gz, .nrrd, .nhdr, .mha, .mhd, .png), with its header read
// after Delineate's own checks of what ITK 5.2 trusts (VolumeIO.cpp). Never chosen by content: ITK's factory asks
// every registered reader whether it can read a file, and some of them abort the process on bytes they were not
// made for (libpng on a damaged PNG header, GDCM's assertions on a damaged .nii.gz).
Expected<itk::ImageIOBase::Pointer> probeImageFile(const QString& path);

// A fresh reader of the kind a file's name asks for (null for other names), to set on every itk::ImageFileReader
// (SetImageIO) after probeImageFile accepted the file, so that the factory is never asked. Fresh, because MetaIO
// keeps state from one header read to the next (a damaged header read twice by one object gives other sizes).
itk::ImageIOBase::Pointer imageIOFor(const QString& path);

} // namespace delineate
