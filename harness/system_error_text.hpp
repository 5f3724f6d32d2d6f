// What the system says about a failed file operation (errno), in the user's language: the
// common errors a person meets reading a file they named (no such file, permission denied,
// a folder) are translated; any other is the C library's own text.
#pragma once

#include <string>

namespace harness {

std::string system_error_text(int errnum);

}  // namespace harness
