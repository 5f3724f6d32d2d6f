#include "path_check.hpp"

#include <boost/filesystem.hpp>

#include "exit_codes.hpp"
#include "i18n.hpp"

namespace harness {

int check_paths(const std::vector<std::string>& paths, std::ostream& err) {
  for (const auto& path : paths) {
    boost::system::error_code ec;
    if (boost::filesystem::exists(path, ec)) continue;
    err << "harness: " << path << ": " << tr("no such file or folder")
        << (paths.size() == 1 && path == "scenarios" ? tr(" (run the harness from its source folder, or name the scenario files)")
                                                     : "")
        << "\n";
    return kBadUsage;
  }
  return kAllHeld;
}

}  // namespace harness
