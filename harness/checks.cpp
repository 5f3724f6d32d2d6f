#include "checks.hpp"

#include <vector>

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

// `exists=`: a container or a network that must be there, or gone.
Decision presence(bool want, bool exists, const std::string& what) {
  const auto said = [&](bool there) { return there ? "the " + what + " exists" : "no such " + what; };
  return broken_if(exists != want, want ? Mismatch::Missing : Mismatch::StillThere, said(want), said(exists));
}
}  // namespace

Decision decide_file(const Step& s, const Observed& o) {
  const std::string found = o.present ? "present, content " + quote(o.content) : "no such file";
  Decision d;
  if (s.absent)
    d = broken_if(o.present, Mismatch::StillThere, "no such file", found);
  else if (s.content)
    d = broken_if(!o.present || o.content != *s.content, o.present ? Mismatch::Content : Mismatch::Missing,
                  "content " + quote(*s.content), found);
  else
    d = broken_if(!o.present, Mismatch::Missing, "the file is there", o.present ? "present" : "no such file");
  if (s.owner_uid && d.outcome == Outcome::Held)
    d = broken_if(!o.present || o.uid != *s.owner_uid, o.present ? Mismatch::Owner : Mismatch::Missing,
                  "owned by uid " + std::to_string(*s.owner_uid),
                  o.present ? "owned by uid " + std::to_string(o.uid) : "no such file");
  return d;
}

Decision decide_action(const Step& s, const ProcessResult& r, const std::string& failure, bool cli_refused) {
  const bool failed = r.exit_code != 0;
  Decision d;
  d.actual = failed ? "it failed (" + failure + ")" : "it succeeded (exit code 0)";
  bool held;
  Mismatch why;
  if (s.exit_code) {
    d.expected = "exit code " + std::to_string(*s.exit_code);
    held = r.exit_code == *s.exit_code;
    why = Mismatch::ExitCode;
  } else {
    d.expected = s.expect_failure ? "the command fails" : "the command succeeds";
    held = failed == s.expect_failure;
    why = s.expect_failure ? Mismatch::Allowed : Mismatch::Refused;
    if (s.expect_failure && cli_refused) {
      held = false;  // what the claim is about never happened
      d.actual += " -- the runtime's CLI refused the command itself, so this is not the failure the claim means";
    }
  }
  if (s.stdout_text || !s.stdout_contains.empty()) {
    const bool printed = s.stdout_text ? r.out == *s.stdout_text : r.out.find(s.stdout_contains) != std::string::npos;
    d.expected += s.stdout_text ? ", printing " + quote(*s.stdout_text) : ", printing something with " + quote(s.stdout_contains);
    d.actual += ", printing " + quote(clip(r.out, 200));
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
    compare(*s.listed ? "listed by volume ls" : "not listed by volume ls",
            *f.listed ? "listed by volume ls" : "not listed by volume ls", Mismatch::Described);
  if (s.exists)
    compare(*s.exists ? "exists" : "does not exist", f.exists ? "exists" : "does not exist",
            *s.exists ? Mismatch::Missing : Mismatch::StillThere);
  const auto missing_or = [&](Mismatch otherwise) { return f.exists ? otherwise : Mismatch::Missing; };
  if (!s.driver.empty())
    compare("driver " + s.driver, f.exists ? "driver " + f.driver : "no such volume", missing_or(Mismatch::Described));
  if (s.default_mountpoint)
    compare("Mountpoint " + f.default_mountpoint, f.exists ? "Mountpoint " + f.mountpoint : "no such volume",
            missing_or(Mismatch::Described));
  return {why == Mismatch::None ? Outcome::Held : Outcome::Broken, why, join(expected, "; "), join(actual, "; ")};
}

Decision decide_container(const Step& s, bool exists, bool running) {
  const auto state = [](bool there, bool runs) {
    return !there ? "no such container" : runs ? "the container is running" : "the container is stopped";
  };
  if (s.running) {
    const bool held = exists && running == *s.running;
    return broken_if(!held, !exists ? Mismatch::Missing : Mismatch::State, state(true, *s.running), state(exists, running));
  }
  return presence(*s.exists, exists, "container");
}

Decision decide_network(const Step& s, bool exists) { return presence(*s.exists, exists, "network"); }

}  // namespace harness
