<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>DelineateCli</name>
    <message numerus="yes">
        <source>%1: no image series could be loaded (%n file(s) or series refused, reasons above)</source>
        <translation>
            <numerusform>%1: no image series could be loaded (%n file or series refused, reasons above)</numerusform>
            <numerusform>%1: no image series could be loaded (%n files or series refused, reasons above)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n problem(s) found</source>
        <translation>
            <numerusform>%1: %n problem found</numerusform>
            <numerusform>%1: %n problems found</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DicomSeg</name>
    <message numerus="yes">
        <source>fractional segmentation: voxels of at least half the maximum value (%1 of %2) taken as the segment; %n voxel(s) held values between 0 and the maximum</source>
        <translation>
            <numerusform>fractional segmentation: voxels of at least half the maximum value (%1 of %2) taken as the segment; %n voxel held values between 0 and the maximum</numerusform>
            <numerusform>fractional segmentation: voxels of at least half the maximum value (%1 of %2) taken as the segment; %n voxels held values between 0 and the maximum</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeriesGrouping</name>
    <message numerus="yes">
        <source>%n localizer image(s) set aside</source>
        <translation>
            <numerusform>%n localizer image set aside</numerusform>
            <numerusform>%n localizer images set aside</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n other file(s): %2</source>
        <translation>
            <numerusform>%1 and %n other file: %2</numerusform>
            <numerusform>%1 and %n other files: %2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s) repeat the position of another slice with no echo, time, acquisition or image type to tell them apart; split by instance number into %1 volumes</source>
        <translation>
            <numerusform>%n slice repeats the position of another slice with no echo, time, acquisition or image type to tell them apart; split by instance number into %1 volumes</numerusform>
            <numerusform>%n slices repeat the position of another slice with no echo, time, acquisition or image type to tell them apart; split by instance number into %1 volumes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the slices of this series lie in %n different orientation(s); split into one sub-series per orientation</source>
        <translation>
            <numerusform>the slices of this series lie in %n different orientation; split into one sub-series per orientation</numerusform>
            <numerusform>the slices of this series lie in %n different orientations; split into one sub-series per orientation</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeriesLoader</name>
    <message numerus="yes">
        <source>about %n slice(s) missing</source>
        <translation>
            <numerusform>about %n slice missing</numerusform>
            <numerusform>about %n slices missing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n slice(s) share a position with another slice</source>
        <translation>
            <numerusform>%1: %n slice shares a position with another slice</numerusform>
            <numerusform>%1: %n slices share a position with another slice</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineate::FillTool</name>
    <message numerus="yes">
        <source>Nothing filled: the %n voxel(s) of the region already hold the label or may not be overwritten.</source>
        <translation>
            <numerusform>Nothing filled: the %n voxel of the region already holds the label or may not be overwritten.</numerusform>
            <numerusform>Nothing filled: the %n voxels of the region already hold the label or may not be overwritten.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Filled %n voxel(s) with values from %1 to %2.</source>
        <translation>
            <numerusform>Filled %n voxel with values from %1 to %2.</numerusform>
            <numerusform>Filled %n voxels with values from %1 to %2.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineate::LabelOperationsBox</name>
    <message numerus="yes">
        <source>Nothing added: the %n slice(s) between the drawn slices of %1 hold its shape already or hold other labels.</source>
        <translation>
            <numerusform>Nothing added: the %n slice between the drawn slices of %1 holds its shape already or holds other labels.</numerusform>
            <numerusform>Nothing added: the %n slices between the drawn slices of %1 hold its shape already or hold other labels.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Interpolated %1 across %n slice(s): %2 voxels added.</source>
        <translation>
            <numerusform>Interpolated %1 across %n slice: %2 voxels added.</numerusform>
            <numerusform>Interpolated %1 across %n slices: %2 voxels added.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 had %n island(s); %2 removed (%3 voxels).</source>
        <translation>
            <numerusform>%1 had %n island; %2 removed (%3 voxels).</numerusform>
            <numerusform>%1 had %n islands; %2 removed (%3 voxels).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Smoothed %1: %n voxel(s) changed.</source>
        <translation>
            <numerusform>Smoothed %1: %n voxel changed.</numerusform>
            <numerusform>Smoothed %1: %n voxels changed.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineate::MainWindow</name>
    <message numerus="yes">
        <source>No DICOM images could be read in %1: %n file(s) were not readable (listed in the study browser).</source>
        <translation>
            <numerusform>No DICOM images could be read in %1: %n file was not readable (listed in the study browser).</numerusform>
            <numerusform>No DICOM images could be read in %1: %n files were not readable (listed in the study browser).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Delineate found %n unsaved edit(s) to this series from %1, left when Delineate ended unexpectedly.</source>
        <translation>
            <numerusform>Delineate found %n unsaved edit to this series from %1, left when Delineate ended unexpectedly.</numerusform>
            <numerusform>Delineate found %n unsaved edits to this series from %1, left when Delineate ended unexpectedly.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Unsaved edits of %n series were left when Delineate last ended: Segmentation &gt; Recover Unsaved Edits lists them.</source>
        <translation>
            <numerusform>Unsaved edits of %n series were left when Delineate last ended: Segmentation &gt; Recover Unsaved Edits lists it.</numerusform>
            <numerusform>Unsaved edits of %n series were left when Delineate last ended: Segmentation &gt; Recover Unsaved Edits lists them.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 (%3, %n images)</source>
        <translation>
            <numerusform>%1: %2 (%3, %n image)</numerusform>
            <numerusform>%1: %2 (%3, %n images)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No DICOM images were found in %1: its %n file(s) are not DICOM (listed in the study browser).</source>
        <translation>
            <numerusform>No DICOM images were found in %1: its %n file is not DICOM (listed in the study browser).</numerusform>
            <numerusform>No DICOM images were found in %1: its %n files are not DICOM (listed in the study browser).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineate::MeasurementList</name>
    <message numerus="yes">
        <source>Mean %1%2, SD %3, min %4, max %5; area %6 mm² (%n voxel(s))</source>
        <translation>
            <numerusform>Mean %1%2, SD %3, min %4, max %5; area %6 mm² (%n voxel)</numerusform>
            <numerusform>Mean %1%2, SD %3, min %4, max %5; area %6 mm² (%n voxels)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineate::MeasurementPanel</name>
    <message numerus="yes">
        <source>Saved %n measurement(s) to %1</source>
        <translation>
            <numerusform>Saved %n measurement to %1</numerusform>
            <numerusform>Saved %n measurements to %1</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Added %n measurement(s) from %1</source>
        <translation>
            <numerusform>Added %n measurement from %1</numerusform>
            <numerusform>Added %n measurements from %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineate::RecoveryDialog</name>
    <message numerus="yes">
        <source>Restored %n edit(s).</source>
        <translation>
            <numerusform>Restored %n edit.</numerusform>
            <numerusform>Restored %n edits.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Discarded %n unsaved edit(s).</source>
        <translation>
            <numerusform>Discarded %n unsaved edit.</numerusform>
            <numerusform>Discarded %n unsaved edits.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineate::StudyBrowser</name>
    <message numerus="yes">
        <source>%n file(s) could not be read</source>
        <translation>
            <numerusform>%n file could not be read</numerusform>
            <numerusform>%n files could not be read</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n non-DICOM file(s) skipped</source>
        <translation>
            <numerusform>%n non-DICOM file skipped</numerusform>
            <numerusform>%n non-DICOM files skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n more</source>
        <translation>
            <numerusform>and %n more</numerusform>
            <numerusform>and %n more</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>delineate::TrainingPanel</name>
    <message numerus="yes">
        <source>%n sample(s): %1 for training, %2 for validation (split version %3)</source>
        <translation>
            <numerusform>%n sample: %1 for training, %2 for validation (split version %3)</numerusform>
            <numerusform>%n samples: %1 for training, %2 for validation (split version %3)</numerusform>
        </translation>
    </message>
</context>
</TS>
