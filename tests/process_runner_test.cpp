// The real process runner, with real (tiny) processes: output, stdin, exit codes,
// timeouts that kill the whole process group, and calls from several threads at once.
#include <boost/test/unit_test.hpp>
#include <thread>

#include "process_runner.hpp"

using namespace harness;
using namespace std::chrono_literals;

BOOST_AUTO_TEST_SUITE(process_runner)

// A terminal session with a real shell: it is interactive (stdin a terminal), the lines are
// typed at its prompts, the output is what the terminal showed, the exit code the shell's.
BOOST_AUTO_TEST_CASE(a_terminal_session_types_each_line_at_the_prompt) {
  RealProcessRunner runner;
  const auto r = runner.run_in_terminal({"sh"}, {"test -t 0 && echo on a terminal", "echo second line", "exit 3"}, 10s);
  BOOST_TEST(r.exit_code == 3);
  BOOST_TEST(!r.timed_out);
  BOOST_TEST(r.out.find("on a terminal\r\n") != std::string::npos, r.out);
  BOOST_TEST(r.out.find("second line\r\n") != std::string::npos, r.out);
  BOOST_TEST(r.err.empty());
}

BOOST_AUTO_TEST_CASE(a_terminal_session_without_a_prompt_is_killed_at_its_timeout_and_reaped) {
  RealProcessRunner runner;
  const auto start = std::chrono::steady_clock::now();
  const auto r = runner.run_in_terminal({"sh", "-c", "sleep 30 & sleep 30"}, {"never typed"}, 300ms);
  BOOST_TEST(r.timed_out);
  BOOST_TEST(r.note.find("no prompt for typed line 1") != std::string::npos, r.note);
  BOOST_TEST((std::chrono::steady_clock::now() - start < 5s));
  const auto missing = runner.run_in_terminal({"no-such-program-here"}, {}, 1s);
  BOOST_TEST(!missing.spawn_error.empty());
}

BOOST_AUTO_TEST_CASE(a_prompt_is_the_end_of_the_screen_escape_sequences_aside) {
  BOOST_TEST(shows_prompt("\r\nBusyBox v1.35.0\r\n/ # \x1b[6n"));
  BOOST_TEST(shows_prompt("$ "));
  BOOST_TEST(!shows_prompt("hello world\r\n"));
  BOOST_TEST(!shows_prompt(""));
  BOOST_TEST(!shows_prompt("# \r\nmore output"));
}

BOOST_AUTO_TEST_CASE(collects_output_and_exit_code) {
  RealProcessRunner runner;
  const auto r = runner.run({"sh", "-c", "echo out; echo err >&2; exit 7"}, "", 10s);
  BOOST_TEST(r.exit_code == 7);
  BOOST_TEST(r.out == "out\n");
  BOOST_TEST(r.err == "err\n");
  BOOST_TEST(!r.timed_out);
}

BOOST_AUTO_TEST_CASE(feeds_stdin_byte_for_byte) {
  RealProcessRunner runner;
  const std::string input = std::string("quotes ' \" $(rm -rf /) `x`\nnewline\0nul \xff\xfe", 40) + std::string(200000, 'x');
  const auto r = runner.run({"cat"}, input, 10s);
  BOOST_TEST(r.exit_code == 0);
  BOOST_TEST(r.out == input);
}

BOOST_AUTO_TEST_CASE(a_child_that_ignores_stdin_does_not_hang_or_crash) {
  RealProcessRunner runner;
  const auto r = runner.run({"true"}, std::string(1 << 20, 'x'), 10s);
  BOOST_TEST(r.exit_code == 0);
}

BOOST_AUTO_TEST_CASE(a_timeout_kills_the_process_and_its_children_promptly) {
  RealProcessRunner runner;
  const auto start = std::chrono::steady_clock::now();
  // the grandchild holds stdout open: killing only the child would leave the read hanging
  const auto r = runner.run({"sh", "-c", "sleep 30 & sleep 30"}, "", 300ms);
  BOOST_TEST(r.timed_out);
  BOOST_TEST((std::chrono::steady_clock::now() - start < 5s));
}

BOOST_AUTO_TEST_CASE(a_missing_program_is_a_spawn_error) {
  RealProcessRunner runner;
  const auto r = runner.run({"no-such-program-here"}, "", 1s);
  BOOST_TEST(r.spawn_error == "no-such-program-here: not found on PATH");
  BOOST_TEST(!r.ran());
}

BOOST_AUTO_TEST_CASE(is_safe_to_call_from_several_threads) {
  RealProcessRunner runner;
  std::vector<std::thread> threads;
  std::vector<int> ok(8, 0);
  const auto start = std::chrono::steady_clock::now();
  for (int t = 0; t < 8; ++t)
    threads.emplace_back([&, t] {
      for (int i = 0; i < 5; ++i) {
        const auto r = runner.run({"sh", "-c", "sleep 0.1; echo $0", std::to_string(t)}, "", 10s);
        ok[t] += r.exit_code == 0 && r.out == std::to_string(t) + "\n";
      }
    });
  for (auto& th : threads) th.join();
  for (int t = 0; t < 8; ++t) BOOST_TEST(ok[t] == 5);
  BOOST_TEST((std::chrono::steady_clock::now() - start < 3s));  // 8 x 5 x 0.1 s in parallel, not 4 s
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(process_runner_drain)

BOOST_AUTO_TEST_CASE(a_process_left_behind_holding_the_pipes_does_not_hold_up_the_call) {
  // like `podman run -d`, whose conmon keeps stdout open after the CLI exits
  RealProcessRunner runner;
  const auto start = std::chrono::steady_clock::now();
  const auto r = runner.run({"sh", "-c", "echo id; (sleep 5 &) ; exit 0"}, "", 30s);
  BOOST_TEST(r.exit_code == 0);
  BOOST_TEST(r.out == "id\n");
  BOOST_TEST(!r.timed_out);
  BOOST_TEST((std::chrono::steady_clock::now() - start < 2s));
}

BOOST_AUTO_TEST_SUITE_END()
