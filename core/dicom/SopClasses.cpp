// Tables of SOP classes and transfer syntaxes Delineate distinguishes.
#include "dicom/SopClasses.h"

#include <QHash>

namespace delineate {

QString nonImageKind(const QString& uid)
{
    static const QHash<QString, QString> kinds = {
        {QStringLiteral("1.2.840.10008.5.1.4.1.1.66.4"), QStringLiteral("SEG")},
        {QStringLiteral("1.2.840.10008.5.1.4.1.1.481.3"), QStringLiteral("RTSTRUCT")},
        {QStringLiteral("1.2.840.10008.5.1.4.1.1.481.5"), QStringLiteral("RTPLAN")},
        {QStringLiteral("1.2.840.10008.5.1.4.1.1.481.4"), QStringLiteral("RTTREATMENT")},
        {QStringLiteral("1.2.840.10008.5.1.4.1.1.66"), QStringLiteral("RAW")},
        {QStringLiteral("1.2.840.10008.5.1.4.1.1.66.1"), QStringLiteral("REG")},
        {QStringLiteral("1.2.840.10008.5.1.4.1.1.66.3"), QStringLiteral("REG")},
        {QStringLiteral("1.2.840.10008.5.1.4.1.1.104.1"), QStringLiteral("PDF")},
        {QStringLiteral("1.2.840.10008.5.1.4.1.1.9.1.1"), QStringLiteral("ECG")},
        {QStringLiteral("1.2.840.10008.5.1.4.1.1.9.1.2"), QStringLiteral("ECG")},
        {QStringLiteral("1.2.840.10008.5.1.4.1.1.9.4.1"), QStringLiteral("WAVEFORM")},
        {QStringLiteral("1.2.840.10008.1.3.10"), QStringLiteral("DICOMDIR")},
        {QStringLiteral("1.2.840.10008.5.1.4.1.1.11.1"), QStringLiteral("PR")},
        {QStringLiteral("1.2.840.10008.5.1.4.1.1.11.2"), QStringLiteral("PR")},
        {QStringLiteral("1.2.840.10008.5.1.4.1.1.11.3"), QStringLiteral("PR")},
        {QStringLiteral("1.2.840.10008.5.1.4.1.1.11.4"), QStringLiteral("PR")},
    };
    const auto it = kinds.find(uid);
    if (it != kinds.end())
        return it.value();
    // Structured reports: 1.2.840.10008.5.1.4.1.1.88.x
    if (uid.startsWith(QLatin1String("1.2.840.10008.5.1.4.1.1.88.")))
        return QStringLiteral("SR");
    if (uid.startsWith(QLatin1String("1.2.840.10008.5.1.4.1.1.11.")))
        return QStringLiteral("PR");
    // Key object selection and other documents without pixels.
    if (uid.startsWith(QLatin1String("1.2.840.10008.5.1.4.1.1.104.")))
        return QStringLiteral("DOC");
    return {};
}

QString transferSyntaxName(const QString& uid)
{
    static const QHash<QString, QString> names = {
        {QStringLiteral("1.2.840.10008.1.2"), QStringLiteral("Implicit VR Little Endian")},
        {QStringLiteral("1.2.840.10008.1.2.1"), QStringLiteral("Explicit VR Little Endian")},
        {QStringLiteral("1.2.840.10008.1.2.1.99"), QStringLiteral("Deflated Explicit VR Little Endian")},
        {QStringLiteral("1.2.840.10008.1.2.2"), QStringLiteral("Explicit VR Big Endian")},
        {QStringLiteral("1.2.840.10008.1.2.4.50"), QStringLiteral("JPEG Baseline")},
        {QStringLiteral("1.2.840.10008.1.2.4.51"), QStringLiteral("JPEG Extended")},
        {QStringLiteral("1.2.840.10008.1.2.4.57"), QStringLiteral("JPEG Lossless")},
        {QStringLiteral("1.2.840.10008.1.2.4.70"), QStringLiteral("JPEG Lossless SV1")},
        {QStringLiteral("1.2.840.10008.1.2.4.80"), QStringLiteral("JPEG-LS Lossless")},
        {QStringLiteral("1.2.840.10008.1.2.4.81"), QStringLiteral("JPEG-LS Near-Lossless")},
        {QStringLiteral("1.2.840.10008.1.2.4.90"), QStringLiteral("JPEG 2000 Lossless")},
        {QStringLiteral("1.2.840.10008.1.2.4.91"), QStringLiteral("JPEG 2000")},
        {QStringLiteral("1.2.840.10008.1.2.4.92"), QStringLiteral("JPEG 2000 Part 2 Lossless")},
        {QStringLiteral("1.2.840.10008.1.2.4.93"), QStringLiteral("JPEG 2000 Part 2")},
        {QStringLiteral("1.2.840.10008.1.2.4.201"), QStringLiteral("HTJ2K Lossless")},
        {QStringLiteral("1.2.840.10008.1.2.4.202"), QStringLiteral("HTJ2K Lossless RPCL")},
        {QStringLiteral("1.2.840.10008.1.2.4.203"), QStringLiteral("HTJ2K")},
        {QStringLiteral("1.2.840.10008.1.2.5"), QStringLiteral("RLE Lossless")},
        {QStringLiteral("1.2.840.10008.1.2.4.100"), QStringLiteral("MPEG2")},
        {QStringLiteral("1.2.840.10008.1.2.4.102"), QStringLiteral("MPEG-4")},
    };
    const auto it = names.find(uid);
    return it != names.end() ? it.value() : uid;
}

bool isLossyTransferSyntax(const QString& uid)
{
    return uid == QLatin1String("1.2.840.10008.1.2.4.50") || uid == QLatin1String("1.2.840.10008.1.2.4.51") ||
           uid == QLatin1String("1.2.840.10008.1.2.4.81") || uid == QLatin1String("1.2.840.10008.1.2.4.91") ||
           uid == QLatin1String("1.2.840.10008.1.2.4.93") || uid == QLatin1String("1.2.840.10008.1.2.4.203") ||
           uid.startsWith(QLatin1String("1.2.840.10008.1.2.4.10"));
}

bool isEncapsulatedTransferSyntax(const QString& uid)
{
    return uid.startsWith(QLatin1String("1.2.840.10008.1.2.4.")) || uid == QLatin1String("1.2.840.10008.1.2.5");
}

bool isEnhancedImageSopClass(const QString& uid)
{
    return uid == QLatin1String("1.2.840.10008.5.1.4.1.1.2.1")     // Enhanced CT
           || uid == QLatin1String("1.2.840.10008.5.1.4.1.1.4.1")  // Enhanced MR
           || uid == QLatin1String("1.2.840.10008.5.1.4.1.1.4.4")  // Legacy converted enhanced MR
           || uid == QLatin1String("1.2.840.10008.5.1.4.1.1.2.2")  // Legacy converted enhanced CT
           || uid == QLatin1String("1.2.840.10008.5.1.4.1.1.130")  // Enhanced PET
           || uid == QLatin1String("1.2.840.10008.5.1.4.1.1.128.1") // Legacy converted enhanced PET
           || uid == QLatin1String("1.2.840.10008.5.1.4.1.1.4.3"); // Enhanced MR color
}

bool isImageStorageSopClass(const QString& uid)
{
    // Prefixes of the image storage classes in PS3.4 Annex B (a prefix also covers the "for processing" variants).
    static const char* const imagePrefixes[] = {
        "1.2.840.10008.5.1.4.1.1.1",     // CR, DX, MG, IO (1.1.x, 1.2.x, 1.3.x)
        "1.2.840.10008.5.1.4.1.1.2",     // CT, enhanced and legacy converted CT
        "1.2.840.10008.5.1.4.1.1.3.1",   // ultrasound multi-frame
        "1.2.840.10008.5.1.4.1.1.4",     // MR, enhanced MR, MR spectroscopy excluded below
        "1.2.840.10008.5.1.4.1.1.6",     // ultrasound
        "1.2.840.10008.5.1.4.1.1.7",     // secondary capture
        "1.2.840.10008.5.1.4.1.1.12",    // XA, RF, enhanced
        "1.2.840.10008.5.1.4.1.1.13.1",  // breast tomosynthesis, X-ray 3D
        "1.2.840.10008.5.1.4.1.1.14",    // intravascular OCT
        "1.2.840.10008.5.1.4.1.1.20",    // NM
        "1.2.840.10008.5.1.4.1.1.30",    // parametric map
        "1.2.840.10008.5.1.4.1.1.77.1",  // visible light, ophthalmic
        "1.2.840.10008.5.1.4.1.1.128",   // PET, enhanced and legacy converted PET
        "1.2.840.10008.5.1.4.1.1.130",   // enhanced PET
        "1.2.840.10008.5.1.4.1.1.481.1", // RT image
        "1.2.840.10008.5.1.4.1.1.481.2", // RT dose
    };
    if (uid == QLatin1String("1.2.840.10008.5.1.4.1.1.4.2")) // MR spectroscopy holds no pixel data
        return false;
    for (const char* prefix : imagePrefixes) {
        const QLatin1String p(prefix);
        // Whole components only: "...1.1.2" covers "...1.1.2.1" but not "...1.1.20".
        if (uid == p || (uid.startsWith(p) && uid.size() > p.size() && uid[p.size()] == QLatin1Char('.')))
            return true;
    }
    return false;
}

} // namespace delineate
