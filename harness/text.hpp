// Text from containers and runtimes is untrusted: these helpers make it safe to show.
#pragma once

#include <string>

namespace harness {

// A C-style quoted form: "hello\n", control characters and bytes that are not UTF-8 as
// escapes. Safe on a terminal and in any report; shows exactly what the bytes were.
std::string quote(const std::string& bytes);

// Keeps printable text, tabs and newlines; turns terminal escapes, other control
// characters and invalid UTF-8 into visible escapes (\x1b, \xff). For console output
// and report bodies.
std::string printable(const std::string& bytes);

// "1 error", "0 errors", "2 errors": a count and its noun, plural with an s unless it is 1.
std::string counted(long n, const std::string& noun);

// Cuts long output, saying how much was cut.
std::string clip(const std::string& text, std::size_t max_bytes);

}  // namespace harness
