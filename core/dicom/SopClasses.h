// Names of DICOM SOP classes and whether an object is a loadable image.
#pragma once

#include <QString>

namespace delineate {

// Short kind of a non-image object ("SEG", "RTSTRUCT", "SR", "PR", ...), or empty for image storage classes.
QString nonImageKind(const QString& sopClassUid);
// Name of a transfer syntax UID ("JPEG 2000 Lossless", ...), or the UID itself when unknown.
QString transferSyntaxName(const QString& transferSyntaxUid);
bool isLossyTransferSyntax(const QString& transferSyntaxUid);
// Syntaxes whose pixel data is an encapsulated (compressed) stream: JPEG family, JPEG-LS, JPEG 2000, HTJ2K, RLE,
// MPEG/HEVC, also those the DICOM library does not know (it then reads the stream as if it were native data).
bool isEncapsulatedTransferSyntax(const QString& transferSyntaxUid);
bool isEnhancedImageSopClass(const QString& sopClassUid);
// Storage classes whose objects are images (CT, MR, PET, US, X-ray, secondary capture, RT Dose, ...): such an object
// without usable pixel data is a broken image, not another kind of object.
bool isImageStorageSopClass(const QString& sopClassUid);

} // namespace delineate
