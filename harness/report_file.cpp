#include "report_file.hpp"

#include <unistd.h>

#include <boost/filesystem.hpp>
#include <cstdio>
#include <fstream>

namespace harness {

std::string write_report_file(const std::string& path, const std::string& content) {
  namespace fs = boost::filesystem;
  boost::system::error_code ec;
  const fs::path target(path);
  if (target.has_parent_path()) fs::create_directories(target.parent_path(), ec);
  const std::string tmp = path + ".tmp" + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary);
    out << content;
    out.close();
    if (!out) {
      std::remove(tmp.c_str());
      return "cannot write " + tmp;
    }
  }
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    std::remove(tmp.c_str());
    return "cannot rename " + tmp + " to " + path;
  }
  return "";
}

}  // namespace harness
