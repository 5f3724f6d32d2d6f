#include "terminal_text.hpp"

#include <cctype>
#include <cstdlib>

namespace harness {

namespace {

// The ASCII stand-ins of the characters the harness's messages use; others are "?".
const char* ascii_for(char32_t c) {
  if ((c >= 0xC0 && c <= 0xC5)) return "A";
  if ((c >= 0xE0 && c <= 0xE5)) return "a";
  if (c >= 0xC8 && c <= 0xCB) return "E";
  if (c >= 0xE8 && c <= 0xEB) return "e";
  if (c >= 0xCC && c <= 0xCF) return "I";
  if (c >= 0xEC && c <= 0xEF) return "i";
  if ((c >= 0xD2 && c <= 0xD6) || c == 0xD8) return "O";
  if ((c >= 0xF2 && c <= 0xF6) || c == 0xF8) return "o";
  if (c >= 0xD9 && c <= 0xDC) return "U";
  if (c >= 0xF9 && c <= 0xFC) return "u";
  switch (c) {
    case 0xC7: return "C";
    case 0xE7: return "c";
    case 0x152: return "OE";
    case 0x153: return "oe";
    case 0xC6: return "AE";
    case 0xE6: return "ae";
    case 0xFF: return "y";
    case 0xA0:
    case 0x202F: return " ";
    case 0xAB:
    case 0xBB:
    case 0x201C:
    case 0x201D: return "\"";
    case 0x2018:
    case 0x2019: return "'";
    case 0xB7: return ".";
    case 0x2013:
    case 0x2014: return "-";
    case 0x2026: return "...";
    case 0x2713: return "+";
    case 0x2717: return "x";
    case 0x25B8:
    case 0x2192: return ">";
  }
  return "?";
}

// The code point at s[i] and its length; length 0 for a byte that does not start valid UTF-8.
std::pair<char32_t, std::size_t> decode(const std::string& s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
  if (n == 0 || i + n > s.size()) return {0, 0};
  char32_t cp = n == 1 ? c : n == 2 ? (c & 0x1F) : n == 3 ? (c & 0x0F) : (c & 0x07);
  for (std::size_t k = 1; k < n; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b >> 6) != 0x2) return {0, 0};
    cp = (cp << 6) | (b & 0x3F);
  }
  return {cp, n};
}

// How many bytes at the end of s are the start of a UTF-8 sequence not complete yet.
std::size_t incomplete_tail(const std::string& s) {
  for (std::size_t back = 1; back <= 3 && back <= s.size(); ++back) {
    const auto c = static_cast<unsigned char>(s[s.size() - back]);
    if ((c >> 6) == 0x2) continue;  // a continuation byte: look further back
    const std::size_t n = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
    return n > back ? back : 0;
  }
  return 0;
}

}  // namespace

Charset terminal_charset() {
  std::string name;
  for (const char* variable : {"LC_ALL", "LC_CTYPE", "LANG"}) {
    const char* value = std::getenv(variable);
    if (value && *value) {
      name = value;
      break;
    }
  }
  if (name.empty() || name == "C" || name == "POSIX") return Charset::Ascii;
  const auto dot = name.find('.');
  if (dot == std::string::npos) return Charset::Latin1;  // glibc's default codeset for "fr_FR", "en_US"
  std::string codeset;
  for (char c : name.substr(dot + 1, name.find('@', dot) - dot - 1))
    if (std::isalnum(static_cast<unsigned char>(c))) codeset += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (codeset == "utf8") return Charset::Utf8;
  if (codeset == "iso88591" || codeset == "iso885915" || codeset == "latin1" || codeset == "latin9" || codeset == "cp1252")
    return Charset::Latin1;
  return Charset::Ascii;
}

std::string in_charset(const std::string& utf8, Charset charset) {
  if (charset == Charset::Utf8) return utf8;
  std::string out;
  out.reserve(utf8.size());
  for (std::size_t i = 0; i < utf8.size();) {
    const auto [cp, n] = decode(utf8, i);
    if (n == 0) {
      out += '?';
      ++i;
      continue;
    }
    i += n;
    if (cp < 0x80)
      out += static_cast<char>(cp);
    else if (charset == Charset::Latin1 && cp >= 0xA0 && cp <= 0xFF)
      out += static_cast<char>(static_cast<unsigned char>(cp));
    else
      out += ascii_for(cp);
  }
  return out;
}

// Keeps what is written until a flush (or a full buffer), then converts what is complete.
class CharsetFilter::Buffer : public std::streambuf {
 public:
  Buffer(std::streambuf* target, Charset charset) : target_(target), charset_(charset) {}
  ~Buffer() override { sync(); }

 protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return sync() == 0 ? traits_type::not_eof(c) : c;
    pending_ += traits_type::to_char_type(c);
    if (pending_.size() >= 4096) flush_complete();
    return c;
  }
  std::streamsize xsputn(const char* s, std::streamsize n) override {
    pending_.append(s, static_cast<std::size_t>(n));
    if (pending_.size() >= 4096) flush_complete();
    return n;
  }
  int sync() override {
    flush_complete();
    return target_->pubsync();
  }

 private:
  void flush_complete() {
    const std::size_t keep = incomplete_tail(pending_);
    const std::string done = in_charset(pending_.substr(0, pending_.size() - keep), charset_);
    target_->sputn(done.data(), static_cast<std::streamsize>(done.size()));
    pending_.erase(0, pending_.size() - keep);
  }
  std::streambuf* target_;
  Charset charset_;
  std::string pending_;
};

CharsetFilter::CharsetFilter(std::ostream& stream, Charset charset)
    : stream_(stream), original_(stream.rdbuf()), buffer_(std::make_unique<Buffer>(original_, charset)) {
  stream_.rdbuf(buffer_.get());
}

CharsetFilter::~CharsetFilter() {
  stream_.flush();
  stream_.rdbuf(original_);
}

}  // namespace harness
