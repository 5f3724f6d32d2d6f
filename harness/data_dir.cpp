#include "data_dir.hpp"

#include <boost/filesystem.hpp>

namespace harness {

namespace fs = boost::filesystem;

std::string data_dir() {
  static const std::string dir = [] {
    boost::system::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    const fs::path installed = exe.parent_path().parent_path() / "share" / "harness";
    if (!ec && fs::is_directory(installed / "fixtures", ec)) return installed.string();
    return fs::path(HARNESS_SOURCE_DIR).string();
  }();
  return dir;
}

std::string default_scenarios() {
  boost::system::error_code ec;
  if (fs::exists("scenarios", ec)) return "scenarios";
  const fs::path installed = fs::path(data_dir()) / "scenarios";
  return fs::is_directory(installed, ec) ? installed.string() : "scenarios";
}

}  // namespace harness
