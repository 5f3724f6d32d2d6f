// Messages in the user's language: how the language is chosen, how a message's {1} is
// filled, and that the French catalogue the build compiles is found and used (verdict
// words, plurals, a claim's French text, the console's labels kept aligned).
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <sstream>
#include <string>

#include "console_reporter.hpp"
#include "i18n.hpp"

using namespace harness;

namespace {

// Sets the language for one test, and English again after it (the default of every other test).
struct InFrench {
  InFrench() { set_language(Language::French); }
  ~InFrench() { set_language(Language::English); }
};

// Sets the locale variables for one test, and puts back what they were.
struct Environment {
  explicit Environment(std::initializer_list<std::pair<const char*, const char*>> values) {
    for (const char* name : {"LC_ALL", "LC_MESSAGES", "LC_CTYPE", "LANG"}) {
      const char* v = std::getenv(name);
      saved.emplace_back(name, v ? std::optional<std::string>(v) : std::nullopt);
      ::unsetenv(name);
    }
    for (const auto& [name, value] : values) ::setenv(name, value, 1);
  }
  ~Environment() {
    for (const auto& [name, value] : saved) value ? (void)::setenv(name, value->c_str(), 1) : (void)::unsetenv(name);
  }
  std::vector<std::pair<const char*, std::optional<std::string>>> saved;
};

}  // namespace

BOOST_AUTO_TEST_SUITE(i18n)

BOOST_AUTO_TEST_CASE(fill_replaces_numbered_places_and_leaves_the_rest) {
  BOOST_TEST(fill("{2} then {1}", {"a", "b"}) == "b then a");
  BOOST_TEST(fill("{3} {x} {", {"a"}) == "{3} {x} {");
  BOOST_TEST(fill("{1}{1}", {"{2}", "z"}) == "{2}{2}");  // a value is never read as a place
}

BOOST_AUTO_TEST_CASE(a_language_is_named_by_a_locale_or_a_code) {
  BOOST_TEST((language_named("fr") == Language::French));
  BOOST_TEST((language_named("fr_FR.UTF-8") == Language::French));
  BOOST_TEST((language_named("fr_CA@euro") == Language::French));
  BOOST_TEST((language_named("en_GB.UTF-8") == Language::English));
  BOOST_TEST((language_named("C.UTF-8") == Language::English));
  BOOST_TEST(!language_named("de_DE.UTF-8").has_value());
  BOOST_TEST(!language_named("").has_value());
}

BOOST_AUTO_TEST_CASE(the_environment_is_read_as_gettext_does) {
  {
    Environment e({{"LANG", "fr_FR.UTF-8"}});
    BOOST_TEST((language_from_environment() == Language::French));
  }
  {
    Environment e({{"LANG", "fr_FR.UTF-8"}, {"LC_MESSAGES", "en_US.UTF-8"}});  // LC_MESSAGES before LANG
    BOOST_TEST((language_from_environment() == Language::English));
  }
  {
    Environment e({{"LC_ALL", "fr_BE.UTF-8"}, {"LC_MESSAGES", "en_US.UTF-8"}});  // LC_ALL before both
    BOOST_TEST((language_from_environment() == Language::French));
  }
  {
    Environment e({{"LANG", "de_DE.UTF-8"}});  // a language the harness does not have: English
    BOOST_TEST((language_from_environment() == Language::English));
  }
  {
    Environment e({});
    BOOST_TEST((language_from_environment() == Language::English));
  }
}

BOOST_AUTO_TEST_CASE(english_is_the_text_as_written) {
  BOOST_TEST(tr("PASS") == "PASS");
  BOOST_TEST(tr("exit code {1}", {"3"}) == "exit code 3");
  BOOST_TEST(trn("{1} error", "{1} errors", 1) == "1 error");
  BOOST_TEST(trn("{1} error", "{1} errors", 0) == "0 errors");
  BOOST_TEST(std::string(language_code()) == "en");
}

BOOST_AUTO_TEST_CASE(french_comes_from_the_compiled_catalogue) {
  InFrench fr;
  BOOST_TEST(std::string(language_code()) == "fr");
  BOOST_TEST(tr("PASS") == "R\u00c9USSI");
  BOOST_TEST(tr("exit code {1}", {"3"}) == "code de sortie 3");
  BOOST_TEST(trn("{1} error", "{1} errors", 0) == "0 erreur");  // French: 0 and 1 are singular
  BOOST_TEST(trn("{1} error", "{1} errors", 1) == "1 erreur");
  BOOST_TEST(trn("{1} error", "{1} errors", 2) == "2 erreurs");
  BOOST_TEST(tr("a message no catalogue has") == "a message no catalogue has");
  BOOST_TEST(in_language("text", "texte") == "texte");
  BOOST_TEST(in_language("text", "") == "text");  // a claim without fr= keeps its English
}

BOOST_AUTO_TEST_CASE(the_console_speaks_french_with_its_columns_aligned) {
  InFrench fr;
  ScenarioResult r;
  r.scenario.file = "scenarios/volumes.xml";
  r.scenario.seed = "001.txt";
  r.scenario.section = "Exemple";
  r.runtime = "docker";
  ClaimResult c;
  c.claim = {"VOL-2", "A file is there.", "Un fichier est là.", "Le fichier est bien conservé.", ""};
  c.verdict = Verdict::Fail;
  c.deciding_step = 0;
  r.claims = {c};
  StepRecord s;
  s.kind = StepKind::ExpectFile;
  s.summary = "check test.txt";
  s.line = 31;
  s.claim = "VOL-2";
  s.outcome = Outcome::Broken;
  s.mismatch = Mismatch::Missing;
  s.expected = "content \"x\"";
  s.actual = "fichier absent";
  r.steps = {s};
  std::ostringstream out;
  ConsoleReporter(out, false, Verbosity::Verbose).scenario_done(r);
  const std::string text = out.str();
  BOOST_TEST_MESSAGE(text);
  BOOST_TEST(text.find("\u00c9CHEC  VOL-2  docker  0.000 s  Un fichier est l\u00e0.\n") == 0);
  BOOST_TEST(text.find("       affirmation : Un fichier est l\u00e0.\n") != std::string::npos);
  BOOST_TEST(text.find("       source :      001.txt, Exemple (scenarios/volumes.xml)\n") != std::string::npos);
  BOOST_TEST(text.find("       tutoriel :    \u00ab Le fichier est bien conserv\u00e9. \u00bb\n") != std::string::npos);
  BOOST_TEST(text.find("         constat\u00e9 : fichier absent\n") != std::string::npos);
  BOOST_TEST(text.find("         sens :     Le fichier que l'affirmation dit pr\u00e9sent est absent") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
