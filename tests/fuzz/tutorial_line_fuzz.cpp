// libFuzzer target: any bytes as a tutorial line. parse_tutorial_line must allow it or
// refuse it with a one-line message, never crash, hang or trip a sanitizer; and a line it
// allows must, word by word, have only the shapes of the allowlist, as described here
// independently of the parser (regular expressions over whole words): a bug that lets
// an option or a host path through aborts.
// Built by the HARNESS_FUZZ=ON configuration only (tests/fuzz/run.sh).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "tutorial_line.hpp"

namespace {

const std::string kPath = "/[A-Za-z0-9._/-]*";
const std::string kField = "(type=volume|(src|source)=\\{volume\\}|(dst|destination|target)=" + kPath + "|readonly|ro|volume-nocopy)";

// Every word of a run line between its verb and its image.
const std::regex kRunWord(
    "--rm|--interactive|--tty|--detach|--|-[itd]+|--name|--name=\\{container\\}|\\{container\\}|"
    "--volume|--mount|-[itd]*v|"
    "(-[itd]*v=?|--volume=)?\\{volume\\}:" +
    kPath +
    "(:ro)?|"
    "(--mount=)?" +
    kField + "(," + kField + ")*");
// An image word never starts like an option or a path; a registry host may have capitals
// (Docker's reference grammar: domain components are [a-zA-Z0-9-]), the rest is the parser's.
const std::regex kImage("\\{image\\}|[A-Za-z0-9][A-Za-z0-9._/:@+-]*");
// Every word of a volume line after its verb.
const std::regex kVolumeWord("--|--name|--name=\\{volume\\}|\\{volume\\}");

bool whole(const std::string& word, const std::regex& re) { return std::regex_match(word, re); }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 2048) return 0;  // std::regex recurses per character: the oracle's own limit
  std::istringstream in(std::string(reinterpret_cast<const char*>(data), size));
  std::vector<std::string> words;
  for (std::string w; in >> w;) words.push_back(w);

  const harness::TutorialParse r = harness::parse_tutorial_line(words);
  if (r.line.has_value() == !r.error.empty()) std::abort();  // exactly one of the two
  if (!r.line) {
    if (r.error.find('\n') != std::string::npos) std::abort();  // a one-line message
    return 0;
  }
  const harness::TutorialLine& t = *r.line;
  if (t.verb_words > words.size()) std::abort();
  using V = harness::TutorialLine::Verb;
  if (t.verb == V::ComposeUp || t.verb == V::ComposeDown) {  // tutorial 000's three lines, word for word
    using W = std::vector<std::string>;
    if (words != W{"docker-compose", "up", "-d"} && words != W{"docker-compose", "down"} &&
        words != W{"docker-compose", "down", "-v"})
      std::abort();
    return 0;
  }
  if (words[0] == "docker-compose") std::abort();       // a Compose word is never read as another verb
  if (t.verb == V::HostList || t.verb == V::HostCat) {  // tutorial 001's look from the host, nothing else
    std::string line;
    for (const auto& w : words) line += (line.empty() ? "" : " ") + w;
    static const std::regex kHost(
        "(sudo )?(ls /var/lib/docker/volumes/\\{volume\\}/_data/?|"
        "cat /var/lib/docker/volumes/\\{volume\\}/_data/[A-Za-z0-9._-]+)");
    if (!whole(line, kHost) || t.host_file == "." || t.host_file == "..") std::abort();
    return 0;
  }
  if (words[0] == "sudo" || words[0] == "ls" || words[0] == "cat") std::abort();
  if (t.verb == harness::TutorialLine::Verb::Run) {
    if (t.name != "{container}" || t.command.size() + 1 + t.verb_words > words.size()) std::abort();
    const std::size_t image = words.size() - t.command.size() - 1;
    if (words[image] != t.image || !whole(t.image, kImage)) std::abort();
    for (std::size_t i = t.verb_words; i < image; ++i)
      if (!whole(words[i], kRunWord)) std::abort();
    for (const auto& m : t.mounts)
      if (m.target.empty() || m.target[0] != '/') std::abort();
  } else {
    for (std::size_t i = t.verb_words; i < words.size(); ++i)
      if (!whole(words[i], kVolumeWord)) std::abort();
  }
  return 0;
}
