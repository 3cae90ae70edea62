<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>SeriesGrouping</name>
    <message numerus="yes">
        <source>%n localizer image(s) set aside</source>
        <translation>
            <numerusform>%n localizer image set aside</numerusform>
            <numerusform>%n localizer images set aside</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SeriesLoader</name>
    <message numerus="yes">
        <source>%n slice(s) share a position with another slice</source>
        <translation>
            <numerusform>%n slice shares a position with another slice</numerusform>
            <numerusform>%n slices share a position with another slice</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>about %n slice(s) missing</source>
        <translation>
            <numerusform>about %n slice missing</numerusform>
            <numerusform>about %n slices missing</numerusform>
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
