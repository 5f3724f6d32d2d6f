#include "console_reporter.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

#include "i18n.hpp"
#include "text.hpp"
#include "transcript.hpp"

namespace harness {

namespace {

// The verdict words, all as wide as the widest ("PASS ", "ERROR").
std::string verdict_word(Verdict v) {
  const std::string words[] = {tr("PASS"), tr("FAIL"), tr("SKIP"), tr("KNOWN"), tr("FIXED"), tr("ERROR")};
  std::size_t width = 0;
  for (const auto& w : words) width = std::max(width, display_width(w));
  const int i = v == Verdict::Pass      ? 0
                : v == Verdict::Fail    ? 1
                : v == Verdict::Skipped ? 2
                : v == Verdict::Known   ? 3
                : v == Verdict::Fixed   ? 4
                                        : 5;
  return padded(words[i], width);
}

}  // namespace

bool want_colour(int fd) {
  const char* no_colour = std::getenv("NO_COLOR");
  return ::isatty(fd) && !(no_colour && *no_colour);
}

std::string ConsoleReporter::paint(const char* code, const std::string& text) const {
  return colour_ ? std::string("\033[") + code + "m" + text + "\033[0m" : text;
}

void ConsoleReporter::run_started(const std::string& run_id, const std::string& target, const std::string& executable,
                                  const std::string& endpoint, const std::string& image, std::size_t scenarios) {
  clear_progress();
  out_ << tr("harness run {1}: {2} ({3}), image {4}, {5} scenario file(s)",
             {run_id, printable(target), executable + (endpoint.empty() ? "" : ", " + printable(endpoint)), image,
              std::to_string(scenarios)})
       << std::endl;  // flushed: a killed run still names itself
}

void ConsoleReporter::clear_progress() {
  if (!progress_shown_) return;
  out_ << "\r\033[K";
  progress_shown_ = false;
}

void ConsoleReporter::progress(std::size_t done, std::size_t total, const std::string& running) {
  if (!progress_ || verbosity_ == Verbosity::Quiet) return;
  out_ << "\r\033[K"
       << tr("[{1}/{2} scenarios done] running {3}", {std::to_string(done), std::to_string(total), printable(running)})
       << std::flush;
  progress_shown_ = true;
}

// The claim, where it comes from, and each step of its flow as the commands a person
// would type, with a tick or a cross.
void ConsoleReporter::claim_details(const ScenarioResult& r, const ClaimResult& c) {
  const std::size_t width = label_width({tr("claim:"), tr("source:"), tr("quote:")});
  out_ << "       " << padded(tr("claim:"), width) << printable(in_language(c.claim.text, c.claim.fr)) << "\n";
  out_ << "       " << padded(tr("source:"), width) << printable(r.scenario.seed) << ", " << printable(r.scenario.section) << " ("
       << r.scenario.file << ")\n";
  if (!c.claim.quote.empty())  // what the tutorial itself says, in its words
    out_ << "       " << padded(tr("quote:"), width) << "\u00ab " << printable(c.claim.quote) << " \u00bb"
         << (c.claim.quote_from.empty() ? "" : " (" + printable(c.claim.quote_from) + ")") << "\n";
  auto range = claim_step_range(r, c.claim.id);
  if (planning_) range.first = 0;  // an explanation shows the whole flow up to the claim's last check
  for (auto i = range.first; i < range.second; ++i) {
    const StepRecord& s = r.steps[i];
    const bool unreached = r.stopped_at >= 0 && static_cast<int>(i) > r.stopped_at;
    if (planning_ && s.outcome == Outcome::NotRun && s.commands.empty() && !unreached) continue;  // another claim's check
    const bool ok = s.outcome == Outcome::Done || s.outcome == Outcome::Held;
    const std::string mark = planning_                      ? "*"
                             : s.outcome == Outcome::NotRun ? paint("2", "-")
                             : ok                           ? paint("32", "\u2713")
                                                            : paint("31", "\u2717");
    out_ << "       " << mark << " " << printable(s.summary) << "\n";
    for (const auto& cmd : s.commands) out_ << "           $ " << shell_line(cmd) << "\n";
    if (planning_ && !s.message.empty()) out_ << "           " << tr("(in a dry run: {1})", {printable(s.message)}) << "\n";
    if (planning_ && unreached)
      out_ << "           " << tr("(not reached in a dry run: a step before it needs the runtime's real answer)") << "\n";
    if (!planning_ && !s.expected.empty() && s.outcome != Outcome::NotRun)
      out_ << "           " << tr("expected {1}; found {2}", {printable(s.expected), printable(s.actual)}) << "\n";
  }
}

void ConsoleReporter::plan(const ScenarioResult& r) {
  planning_ = true;
  out_ << "\n"
       << r.scenario.file << ": " << printable(in_language(r.scenario.title, r.scenario.title_fr)) << " (" << r.runtime << ")\n";
  for (const auto& c : r.claims) {
    out_ << paint("1", c.claim.id) << "\n";
    claim_details(r, c);
  }
  out_.flush();
}

void ConsoleReporter::scenario_done(const ScenarioResult& r) {
  clear_progress();
  for (const auto& c : r.claims) {
    if (verbosity_ == Verbosity::Quiet && c.verdict == Verdict::Pass) continue;
    const std::string mark = c.verdict == Verdict::Pass      ? paint("32", verdict_word(Verdict::Pass))
                             : c.verdict == Verdict::Fail    ? paint("31", verdict_word(Verdict::Fail))
                             : c.verdict == Verdict::Skipped ? paint("36", verdict_word(Verdict::Skipped))
                             : c.verdict == Verdict::Known   ? paint("35", verdict_word(Verdict::Known))
                             : c.verdict == Verdict::Fixed   ? paint("31", verdict_word(Verdict::Fixed))
                                                             : paint("33", verdict_word(Verdict::Error));
    std::string text = in_language(c.claim.text, c.claim.fr);
    for (auto& ch : text)
      if (ch == '\n') ch = ' ';
    if (display_width(text) > 70) text = first_chars(text, 67) + "...";
    out_ << mark << " " << c.claim.id << "  " << r.runtime << "  " << seconds3(c.duration) << " s  " << printable(text) << "\n";
    if (verbosity_ == Verbosity::Verbose) claim_details(r, c);
    if (c.verdict == Verdict::Pass)  // as in the matrix: a difference of a claim that held
      for (const auto& d : c.differences)
        out_ << "       " << tr("expected difference on {1}: {2}", {r.runtime, printable(d)}) << "\n";
    if (!c.known.empty()) out_ << indent(printable(c.known) + "\n", "       ");
    if (c.verdict != Verdict::Pass && c.verdict != Verdict::Fixed) {
      const std::string why = c.deciding_step >= 0 ? claim_explanation(r, c) : (c.message.empty() ? r.error : c.message) + "\n";
      out_ << indent(printable(why), "       ");
    }
  }
  for (const auto& l : r.leftovers) left_behind(r, l);
  out_.flush();
}

void ConsoleReporter::left_behind(const ScenarioResult& r, const std::string& what) {
  clear_progress();
  out_ << paint("33", tr("ERROR")) << " " << tr("left behind by {1}: {2}", {r.scenario.file, printable(what)}) << "\n";
}

void ConsoleReporter::summary(const std::vector<ScenarioResult>& results, Seconds total) {
  clear_progress();
  Tally t;
  for (const auto& r : results) {
    t += tally(r);
    t.errors += !r.leftovers.empty();
  }
  // the harness's own CPU time, all its threads, without the runtime CLIs it started
  rusage self{};
  ::getrusage(RUSAGE_SELF, &self);
  const double user = self.ru_utime.tv_sec + self.ru_utime.tv_usec / 1e6;
  const double sys = self.ru_stime.tv_sec + self.ru_stime.tv_usec / 1e6;
  out_ << tr("claims: {1}", {counts_text(t)}) << (t.skipped ? ", " + trn("{1} skipped", "{1} skipped", t.skipped) : std::string())
       << (t.known ? ", " + trn("{1} known", "{1} known", t.known) : std::string())
       << (t.fixed ? ", " + trn("{1} fixed", "{1} fixed", t.fixed) : std::string())
       << tr(" in {1} s (harness CPU {2} s: user {3}, system {4})",
             {seconds3(total), seconds3(Seconds(user + sys)), seconds3(Seconds(user)), seconds3(Seconds(sys))})
       << "\n";
}

}  // namespace harness
