// Builds tar archives byte by byte for unit tests, as a runtime writes them on stdout:
// ustar headers (with their checksum), GNU long names and pax records, the end blocks.
#pragma once

#include <cstdio>
#include <string>

namespace harness {

class TarBuilder {
 public:
  // One entry; `type` '0' file, '2' symlink, '5' folder, '1' hard link ...
  TarBuilder& add(const std::string& name, char type, unsigned uid, const std::string& content = "",
                  const std::string& link = "") {
    bytes_ += header(name, type, uid, type == '0' || type == 'x' || type == 'L' ? content.size() : 0, link);
    if (type == '0' || type == 'x' || type == 'L') bytes_ += padded(content);
    return *this;
  }
  TarBuilder& file(const std::string& name, const std::string& content, unsigned uid = 0) { return add(name, '0', uid, content); }
  TarBuilder& folder(const std::string& name, unsigned uid = 0) { return add(name, '5', uid); }
  TarBuilder& symlink(const std::string& name, const std::string& target) { return add(name, '2', 0, "", target); }
  // GNU: an 'L' entry holding the long name, then the entry under a cut name.
  TarBuilder& gnu_long_file(const std::string& name, const std::string& content) {
    add("././@LongLink", 'L', 0, name + '\0');
    return add(name.substr(0, 99), '0', 0, content);
  }
  // pax: an 'x' entry with path= (and uid=), then the entry under a placeholder name.
  TarBuilder& pax_file(const std::string& name, const std::string& content, unsigned uid) {
    const std::string records = record("path", name) + record("uid", std::to_string(uid));
    add("PaxHeaders/x", 'x', 0, records);
    return add("placeholder", '0', 0, content);
  }
  // A uid in base-256, as Go writes one that octal cannot hold in 7 digits.
  TarBuilder& file_base256_uid(const std::string& name, const std::string& content, unsigned uid) {
    std::string h = header(name, '0', 0, content.size(), "");
    for (int i = 0; i < 8; ++i) h[108 + i] = '\0';
    h[108] = static_cast<char>(0x80);
    for (int i = 0; i < 4; ++i) h[115 - i] = static_cast<char>((uid >> (8 * i)) & 0xff);
    set_checksum(h);
    bytes_ += h + padded(content);
    return *this;
  }

  std::string archive() const { return bytes_ + std::string(1024, '\0'); }
  std::string without_end() const { return bytes_; }

 private:
  static std::string octal(unsigned long long v, std::size_t width) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%0*llo", static_cast<int>(width - 1), v);
    return std::string(buf) + '\0';
  }
  static void put(std::string& h, std::size_t at, const std::string& s) { h.replace(at, s.size(), s); }
  static void set_checksum(std::string& h) {
    put(h, 148, std::string(8, ' '));
    unsigned sum = 0;
    for (unsigned char c : h) sum += c;
    put(h, 148, octal(sum, 7) + ' ');
  }
  static std::string header(const std::string& name, char type, unsigned uid, std::size_t size, const std::string& link) {
    std::string h(512, '\0');
    put(h, 0, name.substr(0, 100));
    put(h, 100, octal(0644, 8));
    put(h, 108, octal(uid, 8));
    put(h, 116, octal(0, 8));
    put(h, 124, octal(size, 12));
    put(h, 136, octal(0, 12));
    h[156] = type;
    put(h, 157, link.substr(0, 100));
    put(h, 257,
        std::string("ustar\0"
                    "00",
                    8));
    set_checksum(h);
    return h;
  }
  static std::string padded(const std::string& content) {
    return content + std::string((512 - content.size() % 512) % 512, '\0');
  }
  static std::string record(const std::string& key, const std::string& value) {
    const std::string body = " " + key + "=" + value + "\n";
    std::size_t len = body.size() + 1;
    while (std::to_string(len).size() + body.size() != len) ++len;
    return std::to_string(len) + body;
  }
  std::string bytes_;
};

}  // namespace harness
