// Fault-injection hooks for the kill tests (tests/kill): with DELINEATE_PHASE_LOG set, writers append one line per
// phase ("journal-begin 7", "temp-end out.nii.gz") to that file, so that a harness that kills the process knows
// where it landed; DELINEATE_TEST_WRITE_DELAY_MS stretches the middle of each write so that kills land inside it.
// Both are off (a cached null check) unless the variables are set.
#pragma once

#include <QString>

namespace delineate::phase {

void mark(const char* phase, const QString& detail = QString());
// Sleeps for DELINEATE_TEST_WRITE_DELAY_MS milliseconds when set (never otherwise).
void testDelay();

} // namespace delineate::phase
