// The words a person reads, in their language: English (the messages as written in the
// code) or French, from gettext catalogues (po/fr.po, compiled to .mo at build time and
// read with Boost.Locale, which needs no system locale installed). The language is set
// once, before any thread starts: from --lang, else from LC_ALL, LC_MESSAGES or LANG;
// English when none names a language the harness has.
//
//   tr("claims: {1} passed", {std::to_string(n)})
//
// A message is a string literal (xgettext extracts every tr() and N_() argument into
// po/harness.pot); {1}, {2}... are replaced after translation, so numbers, commands and
// paths are never translated. N_() marks a literal for extraction where it is stored and
// translated later (tr(stored)).
#pragma once

#include <optional>
#include <string>
#include <vector>

#define N_(text) text

namespace harness {

enum class Language { English, French };

// "fr", "fr_FR.UTF-8", "en_GB", "french"... -> the language; nullopt when the harness has none.
std::optional<Language> language_named(const std::string& name);

// From LC_ALL, else LC_MESSAGES, else LANG (the first one set); English when it names no
// language the harness has.
Language language_from_environment();

// Sets the language of every later tr(). The catalogues are looked up in `catalogues`
// (a folder holding fr/LC_MESSAGES/harness.mo); empty: the default place (see i18n.cpp).
void set_language(Language language, const std::string& catalogues = "");
Language language();
const char* language_code();  // "en", "fr": for <html lang=...>

std::string tr(const char* english);
std::string tr(const char* english, const std::vector<std::string>& args);

// A text a scenario gives in both languages (a claim's fr=, a title-fr=): the French one
// in a French run when there is one, else the English one.
std::string in_language(const std::string& english, const std::string& french);

// A count and its words, by the language's plural rule ("1 error", "2 errors"; "0 erreur"):
// {1} is the count, {2}... the args.
std::string trn(const char* one, const char* many, long n, const std::vector<std::string>& args = {});

// Replaces {1}, {2}... with args (no translation): what tr() does after translating.
std::string fill(const std::string& text, const std::vector<std::string>& args);

}  // namespace harness
