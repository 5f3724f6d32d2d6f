// Text helpers. Text from containers and runtimes is untrusted: quote, printable and clip
// make it safe to show; the others are the small string jobs every file needs.
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

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

// The text and spaces up to `width` characters (UTF-8 characters, not bytes: "é" is one).
std::string padded(const std::string& text, std::size_t width);
std::size_t display_width(const std::string& text);
// The first n characters of text (UTF-8 characters, never cut in the middle of one).
std::string first_chars(const std::string& text, std::size_t n);
// The width of a column of labels ("expected:", "found:"): the widest and a space.
std::size_t label_width(const std::vector<std::string>& labels);

// Cuts long output, saying how much was cut.
std::string clip(const std::string& text, std::size_t max_bytes);

// "a, b, c"
std::string join(const std::vector<std::string>& items, const std::string& separator);

// "docker,,podman" -> {"docker", "podman"}: empty items are dropped.
std::vector<std::string> split_commas(const std::string& text);

// The first line that is not blank, without its newline ("" when there is none).
std::string first_line(const std::string& text);

std::string lower(std::string text);

// `text` with each placeholder ("{volume}") replaced by its value, everywhere it stands.
using Placeholders = std::vector<std::pair<std::string, std::string>>;
std::string with_placeholders(std::string text, const Placeholders& values);

// Seconds with this many decimals: "1.234" (3), "2.0" (1).
std::string seconds_text(std::chrono::duration<double> s, int decimals);
inline std::string seconds3(std::chrono::duration<double> s) { return seconds_text(s, 3); }

}  // namespace harness
