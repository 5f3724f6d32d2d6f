#include "host_files.hpp"

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <boost/filesystem.hpp>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <stdexcept>

namespace harness {
namespace fs = boost::filesystem;

namespace {

constexpr std::size_t kMaxRead = 1 << 20;

std::string read_regular(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) throw std::runtime_error("cannot read " + path + ": " + std::strerror(errno));
  struct stat st {};
  std::string content;
  if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    char buf[65536];
    for (ssize_t n; content.size() < kMaxRead && (n = ::read(fd, buf, sizeof buf)) > 0;)
      content.append(buf, static_cast<std::size_t>(n));
    if (content.size() > kMaxRead) content.resize(kMaxRead);
  }
  ::close(fd);
  return content;
}

}  // namespace

std::string RealHostFiles::make_folder(const std::string& parent, const std::string& prefix) {
  std::string path = parent + "/" + prefix + "XXXXXX";
  if (!::mkdtemp(&path[0])) throw std::runtime_error("cannot make a folder in " + parent + ": " + std::strerror(errno));
  return path;
}

void RealHostFiles::write(const std::string& path, const std::string& content) {
  boost::system::error_code ec;
  fs::create_directories(fs::path(path).parent_path(), ec);
  std::ofstream out(path, std::ios::binary);
  out << content;
  if (!out) throw std::runtime_error("cannot write " + path);
}

HostEntry RealHostFiles::read(const std::string& path) {
  HostEntry e;
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) {
    if (errno != ENOENT && errno != ENOTDIR) throw std::runtime_error("cannot look at " + path + ": " + std::strerror(errno));
    return e;
  }
  e.present = true;
  e.uid = st.st_uid;
  if (S_ISDIR(st.st_mode))
    e.content = "";  // a folder is there (BND-4); it has no content
  else if (!S_ISREG(st.st_mode))
    e.content = S_ISLNK(st.st_mode) ? "(a symlink, not followed)" : "(not a regular file)";
  else
    e.content = read_regular(path);
  return e;
}

bool RealHostFiles::is_folder(const std::string& path) {
  struct stat st {};
  return ::lstat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode) && ::access(path.c_str(), R_OK | X_OK) == 0;
}

std::string RealHostFiles::inside(const std::string& base, const std::string& relative) {
  const std::string path = base + "/" + relative;
  boost::system::error_code ec;
  const std::string root = fs::weakly_canonical(base, ec).string();
  const std::string real = ec ? "" : fs::weakly_canonical(path, ec).string();
  if (ec || (real != root && real.rfind(root + "/", 0) != 0)) return "";
  return path;
}

std::string RealHostFiles::remove_all(const std::string& path) {
  boost::system::error_code ec;
  fs::remove_all(path, ec);
  return ec ? ec.message() : "";
}

}  // namespace harness
