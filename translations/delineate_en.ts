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
    <name>delineate::MainWindow</name>
    <message numerus="yes">
        <source>Unsaved edits of %n series were left when Delineate last ended; open the series to restore them.</source>
        <translation>
            <numerusform>Unsaved edits of %n series were left when Delineate last ended; open the series to restore them.</numerusform>
            <numerusform>Unsaved edits of %n series were left when Delineate last ended; open the series to restore them.</numerusform>
        </translation>
    </message>
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
        <source>Restored %n edit(s).</source>
        <translation>
            <numerusform>Restored %n edit.</numerusform>
            <numerusform>Restored %n edits.</numerusform>
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
</context>
</TS>
