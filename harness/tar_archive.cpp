#include "tar_archive.hpp"

#include <stdexcept>

#include "text.hpp"

namespace harness {

namespace {

constexpr std::size_t kBlock = 512;

struct Header {
  const unsigned char* b;
  std::string field(std::size_t at, std::size_t len) const {
    std::size_t n = 0;
    while (n < len && b[at + n] != 0) ++n;
    return std::string(reinterpret_cast<const char*>(b + at), n);
  }
  // Octal, or base-256 when the first byte has its high bit set (Go writes a large uid or
  // size that way).
  unsigned long long number(std::size_t at, std::size_t len, const char* what) const {
    unsigned long long v = 0;
    if (b[at] & 0x80) {
      v = b[at] & 0x7f;
      for (std::size_t i = 1; i < len; ++i) {
        if (v >> 55) throw std::runtime_error(std::string("a tar header's ") + what + " is too large");
        v = (v << 8) | b[at + i];
      }
      return v;
    }
    std::size_t i = 0;
    while (i < len && b[at + i] == ' ') ++i;
    for (; i < len && b[at + i] != 0 && b[at + i] != ' '; ++i) {
      if (b[at + i] < '0' || b[at + i] > '7') throw std::runtime_error(std::string("a tar header's ") + what + " is not octal");
      if (v >> 60) throw std::runtime_error(std::string("a tar header's ") + what + " is too large");
      v = v * 8 + (b[at + i] - '0');
    }
    return v;
  }
  bool checksum_ok() const {
    const unsigned long long stored = number(148, 8, "checksum");
    unsigned long long sum = 0;
    long long signed_sum = 0;
    for (std::size_t i = 0; i < kBlock; ++i) {
      const unsigned char c = (i >= 148 && i < 156) ? ' ' : b[i];
      sum += c;
      signed_sum += static_cast<signed char>(c);
    }
    return stored == sum || static_cast<long long>(stored) == signed_sum;  // old writers summed signed chars
  }
};

bool all_zero(const unsigned char* b) {
  for (std::size_t i = 0; i < kBlock; ++i)
    if (b[i]) return false;
  return true;
}

// pax records: "<length> <key>=<value>\n" ...
void read_pax(const std::string& data, std::string& path, std::string& linkpath, std::string& uid, std::string& size) {
  std::size_t at = 0;
  while (at < data.size()) {
    const auto space = data.find(' ', at);
    if (space == std::string::npos) throw std::runtime_error("a pax record has no length");
    std::size_t len = 0;
    for (std::size_t i = at; i < space; ++i) {
      if (data[i] < '0' || data[i] > '9' || len > data.size()) throw std::runtime_error("a pax record's length is not a number");
      len = len * 10 + (data[i] - '0');
    }
    if (len <= space - at + 1 || at + len > data.size() || data[at + len - 1] != '\n')
      throw std::runtime_error("a pax record is cut short");
    const std::string record = data.substr(space + 1, at + len - 1 - (space + 1));
    const auto eq = record.find('=');
    if (eq == std::string::npos) throw std::runtime_error("a pax record has no '='");
    const std::string key = record.substr(0, eq), value = record.substr(eq + 1);
    if (key == "path")
      path = value;
    else if (key == "linkpath")
      linkpath = value;
    else if (key == "uid")
      uid = value;
    else if (key == "size")
      size = value;
    at += len;
  }
}

unsigned long long decimal(const std::string& text, const char* what) {
  if (text.empty() || text.size() > 19 || text.find_first_not_of("0123456789") != std::string::npos)
    throw std::runtime_error(std::string("a pax ") + what + " is not a number: " + quote(text));
  return std::stoull(text);
}

TarEntry::Kind kind_of(char type) {
  switch (type) {
    case '0':
    case '\0':
    case '7': return TarEntry::Kind::File;
    case '1': return TarEntry::Kind::HardLink;
    case '2': return TarEntry::Kind::Symlink;
    case '5': return TarEntry::Kind::Folder;
    default: return TarEntry::Kind::Other;
  }
}

}  // namespace

std::string tar_name(std::string name) {
  for (;;) {
    if (name.rfind("./", 0) == 0)
      name.erase(0, 2);
    else if (!name.empty() && name[0] == '/')
      name.erase(0, 1);
    else
      break;
  }
  while (!name.empty() && name.back() == '/') name.pop_back();
  return name == "." ? "" : name;
}

std::vector<TarEntry> read_tar(const std::string& bytes, std::size_t content_limit) {
  std::vector<TarEntry> entries;
  const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
  std::string long_name, long_link, pax_path, pax_link, pax_uid, pax_size;  // for the next entry
  std::size_t at = 0;
  for (;;) {
    if (bytes.size() - at < kBlock) throw std::runtime_error("the tar archive is cut short (no end-of-archive block)");
    const Header h{data + at};
    if (all_zero(h.b)) return entries;
    if (!h.checksum_ok()) throw std::runtime_error("not a tar archive (a header's checksum is wrong)");
    const char type = static_cast<char>(h.b[156]);
    unsigned long long size = pax_size.empty() ? h.number(124, 12, "size") : decimal(pax_size, "size");
    // a link or a folder has no data, whatever its size field says
    if (type == '1' || type == '2' || type == '5') size = 0;
    const std::size_t left = bytes.size() - at - kBlock;
    if (size > left) throw std::runtime_error("the tar archive is cut short (an entry's data is missing)");
    const std::string body = bytes.substr(at + kBlock, static_cast<std::size_t>(size));
    at += kBlock + static_cast<std::size_t>((size + kBlock - 1) / kBlock * kBlock);
    if (at > bytes.size()) throw std::runtime_error("the tar archive is cut short (an entry's padding is missing)");

    if (type == 'L' || type == 'K') {  // GNU: the next entry's long name or link target
      (type == 'L' ? long_name : long_link) = body.substr(0, body.find('\0'));
      continue;
    }
    if (type == 'x') {
      read_pax(body, pax_path, pax_link, pax_uid, pax_size);
      continue;
    }
    if (type == 'g') continue;  // global pax records: nothing the harness reads

    TarEntry e;
    std::string name = h.field(0, 100);
    const std::string prefix = h.field(345, 155);
    // POSIX ustar keeps long names' folders in `prefix`; the GNU format ("ustar  ") keeps
    // other fields there
    if (std::string(reinterpret_cast<const char*>(h.b + 257), 6) == std::string("ustar\0", 6) && !prefix.empty())
      name = prefix + "/" + name;
    if (!long_name.empty()) name = long_name;
    if (!pax_path.empty()) name = pax_path;
    e.name = tar_name(name);
    e.kind = kind_of(type);
    const unsigned long long uid = pax_uid.empty() ? h.number(108, 8, "uid") : decimal(pax_uid, "uid");
    if (uid > 0xffffffffULL) throw std::runtime_error("a tar entry's uid is too large");
    e.uid = static_cast<unsigned>(uid);
    e.link = !pax_link.empty() ? pax_link : !long_link.empty() ? long_link : h.field(157, 100);
    if (e.kind == TarEntry::Kind::HardLink) e.link = tar_name(e.link);
    if (e.kind == TarEntry::Kind::File) {
      e.size = size;
      e.content = body.substr(0, content_limit);
    }
    entries.push_back(std::move(e));
    long_name.clear(), long_link.clear(), pax_path.clear(), pax_link.clear(), pax_uid.clear(), pax_size.clear();
  }
}

std::string describe_tar(const std::vector<TarEntry>& entries, std::size_t archive_bytes, std::size_t most) {
  std::string out = "(a tar archive of " + std::to_string(archive_bytes) + " bytes, " + std::to_string(entries.size()) +
                    (entries.size() == 1 ? " entry" : " entries") + (entries.empty() ? ")" : ":)");
  for (std::size_t i = 0; i < entries.size() && i < most; ++i) {
    const auto& e = entries[i];
    const std::string name = quote(e.name.empty() ? "." : e.name);
    const std::string owner = "uid " + std::to_string(e.uid);
    switch (e.kind) {
      case TarEntry::Kind::File: out += "\nfile " + name + " (" + owner + ", " + std::to_string(e.size) + " bytes)"; break;
      case TarEntry::Kind::Folder: out += "\nfolder " + name + " (" + owner + ")"; break;
      case TarEntry::Kind::Symlink: out += "\nsymlink " + name + " -> " + quote(e.link) + " (" + owner + ")"; break;
      case TarEntry::Kind::HardLink: out += "\nhard link " + name + " to " + quote(e.link) + " (" + owner + ")"; break;
      case TarEntry::Kind::Other: out += "\nspecial file " + name + " (" + owner + ")"; break;
    }
  }
  if (entries.size() > most) out += "\n... and " + std::to_string(entries.size() - most) + " more";
  return out + "\n";
}

}  // namespace harness
