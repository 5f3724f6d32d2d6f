// Text for a terminal whose locale is not UTF-8: the harness writes UTF-8 ("é", "·", "✓");
// a terminal in ISO-8859-1 gets Latin-1 bytes, one in ASCII (the C locale) letters
// without their accents ("echoue") and "?" for what has no ASCII form. Never a byte the
// terminal would misread. Files and pipes always get UTF-8.
#pragma once

#include <memory>
#include <ostream>
#include <streambuf>
#include <string>

namespace harness {

enum class Charset { Utf8, Latin1, Ascii };

// The charset of LC_ALL, else LC_CTYPE, else LANG: "fr_FR.UTF-8" -> Utf8, "fr_FR.ISO-8859-1"
// and "fr_FR" (glibc's default for it) -> Latin1, "C", "POSIX" or nothing set -> Ascii.
Charset terminal_charset();

// UTF-8 text in that charset (invalid UTF-8 bytes become "?").
std::string in_charset(const std::string& utf8, Charset charset);

// While it lives, what is written to `stream` is converted to `charset` on the way out.
class CharsetFilter {
 public:
  CharsetFilter(std::ostream& stream, Charset charset);
  ~CharsetFilter();
  CharsetFilter(const CharsetFilter&) = delete;
  CharsetFilter& operator=(const CharsetFilter&) = delete;

 private:
  class Buffer;
  std::ostream& stream_;
  std::streambuf* original_;
  std::unique_ptr<Buffer> buffer_;
};

}  // namespace harness
