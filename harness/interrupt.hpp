// Ctrl-C and SIGTERM: an unattended run that is stopped still cleans up and reports.
// The first signal kills the commands running now and marks the run interrupted: the
// engine starts no new step, each scenario cleans up, the reports are written, and the
// harness exits with 128 + the signal. A second signal exits at once.
#pragma once

namespace harness {

// Call from main before any other thread starts: blocks SIGINT and SIGTERM in every
// thread and takes them on a watcher thread of its own.
void install_interrupt_handling();

// 0, or the signal that interrupted the run.
int interrupted();

}  // namespace harness
