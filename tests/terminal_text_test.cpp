// Accented text on a terminal that is not UTF-8: the charset read from the locale
// variables, and what "é", "·", "✓" become in Latin-1 and in ASCII.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <sstream>
#include <string>

#include "terminal_text.hpp"

using namespace harness;

namespace {

Charset charset_with(const char* lc_all, const char* lang) {
  const char* saved_all = std::getenv("LC_ALL");
  const char* saved_ctype = std::getenv("LC_CTYPE");
  const char* saved_lang = std::getenv("LANG");
  const std::string all = saved_all ? saved_all : "", ctype = saved_ctype ? saved_ctype : "",
                    lang_was = saved_lang ? saved_lang : "";
  const bool had_all = saved_all, had_ctype = saved_ctype, had_lang = saved_lang;
  ::unsetenv("LC_ALL");
  ::unsetenv("LC_CTYPE");
  ::unsetenv("LANG");
  if (lc_all) ::setenv("LC_ALL", lc_all, 1);
  if (lang) ::setenv("LANG", lang, 1);
  const Charset c = terminal_charset();
  had_all ? (void)::setenv("LC_ALL", all.c_str(), 1) : (void)::unsetenv("LC_ALL");
  had_ctype ? (void)::setenv("LC_CTYPE", ctype.c_str(), 1) : (void)::unsetenv("LC_CTYPE");
  had_lang ? (void)::setenv("LANG", lang_was.c_str(), 1) : (void)::unsetenv("LANG");
  return c;
}

const std::string kText = "\u00c9CHEC \u00b7 r\u00e9ussi \u2713 \u2717 \u00ab \u0153uvre \u00bb \u65e5";

}  // namespace

BOOST_AUTO_TEST_SUITE(terminal_text)

BOOST_AUTO_TEST_CASE(the_charset_is_that_of_the_locale_variables) {
  BOOST_TEST((charset_with(nullptr, "fr_FR.UTF-8") == Charset::Utf8));
  BOOST_TEST((charset_with(nullptr, "C.utf8") == Charset::Utf8));
  BOOST_TEST((charset_with(nullptr, "fr_FR.ISO-8859-1") == Charset::Latin1));
  BOOST_TEST((charset_with(nullptr, "fr_FR@euro") == Charset::Latin1));
  BOOST_TEST((charset_with(nullptr, "C") == Charset::Ascii));
  BOOST_TEST((charset_with(nullptr, nullptr) == Charset::Ascii));
  BOOST_TEST((charset_with("POSIX", "fr_FR.UTF-8") == Charset::Ascii));  // LC_ALL first
  BOOST_TEST((charset_with(nullptr, "ja_JP.eucJP") == Charset::Ascii));
}

BOOST_AUTO_TEST_CASE(utf8_is_kept_as_it_is) { BOOST_TEST(in_charset(kText, Charset::Utf8) == kText); }

BOOST_AUTO_TEST_CASE(ascii_gets_letters_without_accents_and_a_question_mark_for_the_rest) {
  BOOST_TEST(in_charset(kText, Charset::Ascii) == "ECHEC . reussi + x \" oeuvre \" ?");
}

BOOST_AUTO_TEST_CASE(latin1_gets_its_own_bytes) {
  BOOST_TEST(in_charset(kText, Charset::Latin1) ==
             "\xc9"
             "CHEC \xb7 r\xe9ussi + x \xab oeuvre \xbb ?");
}

BOOST_AUTO_TEST_CASE(bytes_that_are_not_utf8_become_question_marks) {
  BOOST_TEST(in_charset("a\xff"
                        "b\xc3",
                        Charset::Ascii) == "a?b?");
}

BOOST_AUTO_TEST_CASE(a_filtered_stream_converts_a_character_cut_between_two_writes) {
  std::ostringstream target;
  {
    CharsetFilter filter(target, Charset::Ascii);
    target << "d\xc3" << std::flush;  // the first byte of é, flushed alone: kept back
    BOOST_TEST(target.rdbuf() != nullptr);
    target << "\xa9j\xc3\xa0 vu" << std::flush;
  }
  BOOST_TEST(target.str() == "deja vu");
}

BOOST_AUTO_TEST_SUITE_END()
