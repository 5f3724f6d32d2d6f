#include "system_error_text.hpp"

#include <cerrno>
#include <cstring>

#include "i18n.hpp"

namespace harness {

namespace {

struct ErrorText {
  int errnum;
  const char* english;  // as glibc's strerror says it
};

const ErrorText kErrors[] = {
    {ENOENT, N_("No such file or directory")}, {EACCES, N_("Permission denied")},
    {EPERM, N_("Operation not permitted")},    {EISDIR, N_("Is a directory")},
    {ENOTDIR, N_("Not a directory")},          {ELOOP, N_("Too many levels of symbolic links")},
    {ENAMETOOLONG, N_("File name too long")},  {EIO, N_("Input/output error")},
    {ENOSPC, N_("No space left on device")},   {EROFS, N_("Read-only file system")},
};

}  // namespace

std::string system_error_text(int errnum) {
  for (const auto& e : kErrors)
    if (e.errnum == errnum) return tr(e.english);
  return std::strerror(errnum);
}

}  // namespace harness
