#include "text.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>

namespace harness {

namespace {

// Length of the valid UTF-8 sequence starting at s[i], or 0 if it is not one.
std::size_t utf8_length(const std::string& s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return 0;
  for (std::size_t k = 1; k < n; ++k)
    if ((static_cast<unsigned char>(s[i + k]) >> 6) != 0x2) return 0;
  if (n == 2 && c < 0xC2) return 0;  // overlong
  if (n == 3) {
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    if ((c == 0xE0 && c1 < 0xA0) || (c == 0xED && c1 >= 0xA0)) return 0;  // overlong, surrogate
  }
  if (n == 4) {
    const auto c1 = static_cast<unsigned char>(s[i + 1]);
    if ((c == 0xF0 && c1 < 0x90) || c > 0xF4 || (c == 0xF4 && c1 >= 0x90)) return 0;
  }
  return n;
}

std::string hex(unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02x", c);
  return buf;
}

template <typename Escape>
std::string transform(const std::string& bytes, Escape escape, bool quoting) {
  std::string out;
  out.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size();) {
    const auto c = static_cast<unsigned char>(bytes[i]);
    const std::size_t n = utf8_length(bytes, i);
    if (n == 0) {
      out += hex(c);
      ++i;
    } else if (n == 1 && (c < 0x20 || c == 0x7f || (quoting && (c == '"' || c == '\\')))) {
      out += escape(c);
      ++i;
    } else if (n == 2 && c == 0xC2 && static_cast<unsigned char>(bytes[i + 1]) < 0xA0) {
      out += hex(c) + hex(static_cast<unsigned char>(bytes[i + 1]));  // C1 controls (CSI)
      i += 2;
    } else {
      out.append(bytes, i, n);
      i += n;
    }
  }
  return out;
}

}  // namespace

std::string quote(const std::string& bytes) {
  return "\"" +
         transform(
             bytes,
             [](unsigned char c) -> std::string {
               switch (c) {
                 case '\n': return "\\n";
                 case '\t': return "\\t";
                 case '\r': return "\\r";
                 case '"': return "\\\"";
                 case '\\': return "\\\\";
                 default: return hex(c);
               }
             },
             true) +
         "\"";
}

std::string printable(const std::string& bytes) {
  return transform(
      bytes,
      [](unsigned char c) -> std::string {
        if (c == '\n' || c == '\t') return std::string(1, static_cast<char>(c));
        return hex(c);
      },
      false);
}

std::string counted(long n, const std::string& noun) { return std::to_string(n) + " " + noun + (n == 1 ? "" : "s"); }

std::size_t display_width(const std::string& text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) >> 6) != 0x2;  // continuation bytes do not count
  return n;
}

std::string first_chars(const std::string& text, std::size_t n) {
  std::size_t chars = 0, i = 0;
  for (; i < text.size(); ++i)
    if ((static_cast<unsigned char>(text[i]) >> 6) != 0x2 && chars++ == n) break;  // the start of character n + 1
  return text.substr(0, i);
}

std::size_t label_width(const std::vector<std::string>& labels) {
  std::size_t width = 0;
  for (const auto& l : labels) width = std::max(width, display_width(l));
  return width + 1;
}

std::string padded(const std::string& text, std::size_t width) {
  const std::size_t w = display_width(text);
  return text + std::string(width > w ? width - w : 0, ' ');
}

std::string clip(const std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t cut = max_bytes;
  for (int back = 0; back < 3 && cut > 0 && (static_cast<unsigned char>(text[cut]) >> 6) == 0x2; ++back)
    --cut;  // not mid-character
  return text.substr(0, cut) + "\n[... " + std::to_string(text.size() - cut) + " more bytes cut]";
}

}  // namespace harness

namespace harness {

std::string join(const std::vector<std::string>& items, const std::string& separator) {
  std::string out;
  for (const auto& item : items) out += (out.empty() ? "" : separator) + item;
  return out;
}

std::vector<std::string> split_commas(const std::string& text) {
  std::vector<std::string> items;
  for (std::size_t from = 0; from <= text.size();) {
    std::size_t comma = text.find(',', from);
    if (comma == std::string::npos) comma = text.size();
    if (comma > from) items.push_back(text.substr(from, comma - from));
    from = comma + 1;
  }
  return items;
}

std::string first_line(const std::string& text) {
  const auto b = text.find_first_not_of(" \n");
  if (b == std::string::npos) return "";
  return text.substr(b, text.find('\n', b) - b);
}

std::string lower(std::string text) {
  for (auto& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

std::string with_placeholders(std::string text, const Placeholders& values) {
  for (const auto& [placeholder, value] : values)
    for (auto at = text.find(placeholder); at != std::string::npos; at = text.find(placeholder, at + value.size()))
      text.replace(at, placeholder.size(), value);
  return text;
}

std::string seconds_text(std::chrono::duration<double> s, int decimals) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, s.count());
  return buf;
}

}  // namespace harness
