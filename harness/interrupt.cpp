#include "interrupt.hpp"

#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <thread>

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
  std::thread([signals] {
    for (;;) {
      int signo = 0;
      if (::sigwait(&signals, &signo) != 0) continue;
      if (caught.exchange(signo) != 0) {  // the second one: stop now, saying what to do about what is left
        static const char quit[] =
            "\nharness: interrupted again: quitting now, without cleaning up: run `harness clean` to remove what this run made\n";
        (void)!::write(STDERR_FILENO, quit, sizeof quit - 1);
        ::_exit(128 + signo);
      }
      static const char message[] =
          "\nharness: interrupted: stopping the running steps, cleaning up, writing the reports (again to quit at once)\n";
      (void)!::write(STDERR_FILENO, message, sizeof message - 1);
      kill_running_processes();
    }
  }).detach();
}

int interrupted() { return caught.load(); }

}  // namespace harness
