// One exec shared by several steps: the command, run by a real shell here (dash, and
// busybox's sh as in the fixture image), answers each part as its own exec would have.
#include <boost/filesystem.hpp>
#include <boost/test/unit_test.hpp>
#include <fstream>

#include "host_observer.hpp"
#include "process_runner.hpp"
#include "shared_exec.hpp"

using namespace harness;
namespace fs = boost::filesystem;

namespace {

const Argv kWriteCommand = {"sh", "-c", "cat > \"$1\"", "write"};

std::vector<ProcessResult> run_shared(const std::string& shell, const std::vector<ExecPart>& parts, const std::string& input) {
  Argv argv = shared_command(parts, "M-1");
  if (shell == "busybox") argv.insert(argv.begin(), "busybox");
  RealProcessRunner runner;
  const auto split = split_answer(runner.run(argv, input, std::chrono::seconds(10)), parts.size(), "M-1");
  BOOST_TEST(split.answered == parts.size());
  return split.parts;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(shared_exec)

BOOST_AUTO_TEST_CASE(each_part_gets_its_own_exit_code_output_and_stderr) {
  const fs::path dir = fs::temp_directory_path() / fs::unique_path("harness-shared-test-%%%%%%");
  fs::create_directories(dir);
  std::ofstream((dir / "there.txt").string()) << "no newline at the end";
  Argv write = kWriteCommand;
  write.push_back((dir / "written.txt").string());
  const std::vector<ExecPart> parts = {{file_probe((dir / "there.txt").string()), false},
                                       {file_probe((dir / "absent.txt").string()), false},
                                       {write, true},
                                       {file_probe((dir / "written.txt").string()), false},
                                       {{"sh", "-c", "echo said >&2; exit 7", "x", "y"}, false}};
  for (const std::string shell : {"sh", "busybox"}) {
    if (shell == "busybox" && !fs::exists("/bin/busybox")) continue;
    const auto a = run_shared(shell, parts, "the content\n");
    BOOST_TEST_CONTEXT(shell) {
      BOOST_TEST(a[0].exit_code == 0);
      BOOST_TEST(a[0].out == "no newline at the end");
      BOOST_TEST(a[1].exit_code == 3);  // file_probe: absent
      BOOST_TEST(a[1].out == "");
      BOOST_TEST(a[2].exit_code == 0);
      BOOST_TEST(a[3].out == "the content\n");  // the write's stdin reached it, and only it
      BOOST_TEST(a[4].exit_code == 7);
      BOOST_TEST(a[4].err == "said\n");
      BOOST_TEST(a[0].err == "");
    }
    fs::remove(dir / "written.txt");
  }
  fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(parts_the_output_does_not_reach_get_the_whole_answer) {
  ProcessResult whole;
  whole.exit_code = 125;
  whole.err = "Error: no container with name or ID \"c\" found\n";
  auto split = split_answer(whole, 2, "M-1");
  BOOST_TEST(split.answered == 0u);
  BOOST_TEST(split.parts[0].exit_code == 125);
  BOOST_TEST(split.parts[1].err == whole.err);
  whole.exit_code = 137;  // killed after the first part answered
  whole.out = "first\nM-1 0\n\nM-1\n";
  split = split_answer(whole, 2, "M-1");
  BOOST_TEST(split.answered == 1u);
  BOOST_TEST(split.parts[0].exit_code == 0);
  BOOST_TEST(split.parts[0].out == "first");
  BOOST_TEST(split.parts[1].exit_code == 137);
}

BOOST_AUTO_TEST_SUITE_END()
