#include "xml_text.hpp"

#include "text.hpp"

namespace harness {

std::string xml_escape(const std::string& untrusted) {
  const std::string text = printable(untrusted);
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    // U+FFFE and U+FFFF are valid UTF-8 but not XML characters: show their bytes
    if (text.compare(i, 3, "\xef\xbf\xbe") == 0 || text.compare(i, 3, "\xef\xbf\xbf") == 0) {
      out += text[i + 2] == '\xbe' ? "\\xef\\xbf\\xbe" : "\\xef\\xbf\\xbf";
      i += 2;
      continue;
    }
    const char c = text[i];
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace harness
