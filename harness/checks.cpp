#include "checks.hpp"

#include <vector>

#include "i18n.hpp"
#include "text.hpp"

namespace harness {

void apply(const Decision& d, StepRecord& record) {
  record.outcome = d.outcome;
  record.mismatch = d.mismatch;
  record.expected = d.expected;
  record.actual = d.actual;
}

namespace {
Decision broken_if(bool broken, Mismatch why, std::string expected, std::string actual) {
  return {broken ? Outcome::Broken : Outcome::Held, broken ? why : Mismatch::None, std::move(expected), std::move(actual)};
}

// `exists=`: a container or a network that must be there, or gone; `there` and `gone` say
// which, in the reader's language.
Decision presence(bool want, bool exists, const std::string& there, const std::string& gone) {
  return broken_if(exists != want, want ? Mismatch::Missing : Mismatch::StillThere, want ? there : gone, exists ? there : gone);
}
}  // namespace

Decision decide_file(const Step& s, const Observed& o) {
  const std::string found = o.present ? tr("present, content {1}", {quote(o.content)}) : tr("no such file");
  Decision d;
  if (s.absent)
    d = broken_if(o.present, Mismatch::StillThere, tr("no such file"), found);
  else if (s.content)
    d = broken_if(!o.present || o.content != *s.content, o.present ? Mismatch::Content : Mismatch::Missing,
                  tr("content {1}", {quote(*s.content)}), found);
  else
    d = broken_if(!o.present, Mismatch::Missing, tr("the file is there"), o.present ? tr("present") : tr("no such file"));
  if (s.owner_uid && d.outcome == Outcome::Held)
    d = broken_if(!o.present || o.uid != *s.owner_uid, o.present ? Mismatch::Owner : Mismatch::Missing,
                  tr("owned by uid {1}", {std::to_string(*s.owner_uid)}),
                  o.present ? tr("owned by uid {1}", {std::to_string(o.uid)}) : tr("no such file"));
  return d;
}

Decision decide_action(const Step& s, const ProcessResult& r, const std::string& failure, bool cli_refused) {
  const bool failed = r.exit_code != 0;
  Decision d;
  d.actual = failed ? tr("it failed ({1})", {failure}) : tr("it succeeded (exit code 0)");
  bool held;
  Mismatch why;
  if (s.exit_code) {
    d.expected = tr("exit code {1}", {std::to_string(*s.exit_code)});
    held = r.exit_code == *s.exit_code;
    why = Mismatch::ExitCode;
  } else {
    d.expected = s.expect_failure ? tr("the command fails") : tr("the command succeeds");
    held = failed == s.expect_failure;
    why = s.expect_failure ? Mismatch::Allowed : Mismatch::Refused;
    if (s.expect_failure && cli_refused) {
      held = false;  // what the claim is about never happened
      d.actual += tr(" -- the runtime's CLI refused the command itself, so this is not the failure the claim means");
    }
  }
  if (s.stdout_text || !s.stdout_contains.empty()) {
    const bool printed = s.stdout_text ? r.out == *s.stdout_text : r.out.find(s.stdout_contains) != std::string::npos;
    d.expected += s.stdout_text ? tr(", printing {1}", {quote(*s.stdout_text)})
                                : tr(", printing something with {1}", {quote(s.stdout_contains)});
    d.actual += tr(", printing {1}", {quote(clip(r.out, 200))});
    if (held && !printed) why = failed ? why : Mismatch::Output;
    held = held && printed;
  }
  if (!s.stderr_contains.empty()) {
    const bool said = r.err.find(s.stderr_contains) != std::string::npos;
    d.expected += ", saying " + quote(s.stderr_contains);
    if (!said) d.actual += ", saying " + quote(clip(r.err, 200));
    if (held && !said) why = Mismatch::Output;
    held = held && said;
  }
  d.outcome = held ? Outcome::Held : Outcome::Broken;
  d.mismatch = held ? Mismatch::None : why;
  return d;
}

Decision decide_volume(const Step& s, const VolumeFacts& f) {
  std::vector<std::string> expected, actual;
  Mismatch why = Mismatch::None;
  const auto compare = [&](const std::string& want, const std::string& got, Mismatch kind) {
    expected.push_back(want);
    actual.push_back(got);
    if (want != got && why == Mismatch::None) why = kind;
  };
  if (s.listed)
    compare(*s.listed ? tr("listed by volume ls") : tr("not listed by volume ls"),
            *f.listed ? tr("listed by volume ls") : tr("not listed by volume ls"), Mismatch::Described);
  if (s.exists)
    compare(*s.exists ? tr("exists") : tr("does not exist"), f.exists ? tr("exists") : tr("does not exist"),
            *s.exists ? Mismatch::Missing : Mismatch::StillThere);
  const auto missing_or = [&](Mismatch otherwise) { return f.exists ? otherwise : Mismatch::Missing; };
  if (!s.driver.empty())
    compare(tr("driver {1}", {s.driver}), f.exists ? tr("driver {1}", {f.driver}) : tr("no such volume"),
            missing_or(Mismatch::Described));
  if (s.default_mountpoint)
    compare(tr("Mountpoint {1}", {f.default_mountpoint}), f.exists ? tr("Mountpoint {1}", {f.mountpoint}) : tr("no such volume"),
            missing_or(Mismatch::Described));
  return {why == Mismatch::None ? Outcome::Held : Outcome::Broken, why, join(expected, "; "), join(actual, "; ")};
}

Decision decide_container(const Step& s, bool exists, bool running) {
  const auto state = [](bool there, bool runs) {
    return !there ? tr("no such container") : runs ? tr("the container is running") : tr("the container is stopped");
  };
  if (s.running) {
    const bool held = exists && running == *s.running;
    return broken_if(!held, !exists ? Mismatch::Missing : Mismatch::State, state(true, *s.running), state(exists, running));
  }
  return presence(*s.exists, exists, tr("the container exists"), tr("no such container"));
}

Decision decide_network(const Step& s, bool exists) {
  return presence(*s.exists, exists, tr("the network exists"), tr("no such network"));
}

}  // namespace harness
