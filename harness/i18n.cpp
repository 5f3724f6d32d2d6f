#include "i18n.hpp"

#include <boost/filesystem.hpp>
#include <boost/locale/generator.hpp>
#include <boost/locale/message.hpp>
#include <cstdlib>
#include <locale>

namespace harness {

namespace {

struct State {
  Language language = Language::English;
  std::locale locale;  // with the catalogue's messages facet when French
};

State& state() {
  static State s;
  return s;
}

// The catalogues: HARNESS_LOCALEDIR, else those of an installed program (PREFIX/bin/harness
// reads PREFIX/share/locale/fr/LC_MESSAGES/harness.mo, under any prefix, where `cmake
// --install` and the package put it), else those beside the binary in a build folder
// (build/bin/harness reads build/locale). Never the folder the program was built in: an
// installed program that lacks its catalogue must not be saved by a build folder.
std::string default_catalogues() {
  if (const char* dir = std::getenv("HARNESS_LOCALEDIR"); dir && *dir) return dir;
  boost::system::error_code ec;
  const auto exe = boost::filesystem::read_symlink("/proc/self/exe", ec);
  const auto prefix = ec ? boost::filesystem::path(".") : exe.parent_path().parent_path();
  for (const auto& dir : {prefix / "share" / "locale", prefix / "locale"})
    if (boost::filesystem::is_regular_file(dir / "fr" / "LC_MESSAGES" / "harness.mo", ec)) return dir.string();
  return (prefix / "locale").string();
}

}  // namespace

std::optional<Language> language_named(const std::string& name) {
  std::string lang = name.substr(0, name.find_first_of("_.@-"));
  for (auto& c : lang) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lang == "fr" || lang == "french" || lang == "francais" || lang == "fra") return Language::French;
  if (lang == "en" || lang == "english" || lang == "eng" || lang == "c" || lang == "posix") return Language::English;
  return std::nullopt;
}

Language language_from_environment() {
  for (const char* variable : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* value = std::getenv(variable);
    if (value && *value) return language_named(value).value_or(Language::English);
  }
  return Language::English;
}

void set_language(Language language, const std::string& catalogues) {
  State& s = state();
  s.language = language;
  if (language == Language::English) {
    s.locale = std::locale::classic();
    return;
  }
  boost::locale::generator gen;
  gen.add_messages_path(catalogues.empty() ? default_catalogues() : catalogues);
  gen.add_messages_domain("harness");
  gen.categories(boost::locale::category_t::message | boost::locale::category_t::information);
  s.locale = gen("fr_FR.UTF-8");
}

Language language() { return state().language; }

const char* language_code() { return language() == Language::French ? "fr" : "en"; }

std::string tr(const char* english) {
  const State& s = state();
  if (s.language == Language::English) return english;
  return boost::locale::gettext(english, s.locale);
}

std::string tr(const char* english, const std::vector<std::string>& args) { return fill(tr(english), args); }

std::string trn(const char* one, const char* many, long n, const std::vector<std::string>& args) {
  std::vector<std::string> all{std::to_string(n)};
  all.insert(all.end(), args.begin(), args.end());
  const State& s = state();
  if (s.language == Language::English) return fill(n == 1 ? one : many, all);
  return fill(boost::locale::ngettext(one, many, n, s.locale), all);
}

std::string in_language(const std::string& english, const std::string& french) {
  return language() == Language::French && !french.empty() ? french : english;
}

std::string fill(const std::string& text, const std::vector<std::string>& args) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '{' && i + 2 < text.size() && text[i + 1] >= '1' && text[i + 1] <= '9' && text[i + 2] == '}') {
      const std::size_t n = static_cast<std::size_t>(text[i + 1] - '1');
      if (n < args.size()) {
        out += args[n];
        i += 2;
        continue;
      }
    }
    out += text[i];
  }
  return out;
}

}  // namespace harness
