#include "interrupt.hpp"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <string>
#include <thread>

#include "i18n.hpp"
#include "process_runner.hpp"

namespace harness {

namespace {
std::atomic<int> caught{0};
}  // namespace

void install_interrupt_handling() {
  sigset_t signals;
  ::sigemptyset(&signals);
  ::sigaddset(&signals, SIGINT);
  ::sigaddset(&signals, SIGTERM);
  ::pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  const std::string quit =  // in the run's language, made before any signal comes
      "\nharness: " +
      tr("interrupted again: quitting now, without cleaning up: run `harness clean` to remove what this run made") + "\n";
  const std::string message =
      "\nharness: " + tr("interrupted: stopping the running steps, cleaning up, writing the reports (again to quit at once)") +
      "\n";
  std::thread([signals, quit, message] {
    for (;;) {
      int signo = 0;
      if (::sigwait(&signals, &signo) != 0) continue;
      if (caught.exchange(signo) != 0) {  // the second one: stop now, saying what to do about what is left
        (void)!::write(STDERR_FILENO, quit.data(), quit.size());
        ::_exit(128 + signo);
      }
      (void)!::write(STDERR_FILENO, message.data(), message.size());
      kill_running_processes();
    }
  }).detach();
}

int interrupted() { return caught.load(); }

}  // namespace harness
