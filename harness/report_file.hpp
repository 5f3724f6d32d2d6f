// Reports are written to a temporary name beside their path and renamed into place, so
// that a reader (a CI server, a browser) never sees half a file.
#pragma once

#include <string>

namespace harness {

// Returns an error message, or "" on success. Makes the parent folder if needed.
std::string write_report_file(const std::string& path, const std::string& content);

}  // namespace harness
