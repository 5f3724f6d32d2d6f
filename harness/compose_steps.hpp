// The Compose steps of a scenario: a fixture project copied into a host folder of its own,
// the `up` and `down` command lines, and the ledger entries that make cleanup bring every
// project down.
#pragma once

#include "compose_tool.hpp"
#include "host_files.hpp"
#include "run_names.hpp"
#include "scenario.hpp"

namespace harness {

class ComposeSteps {
 public:
  ComposeSteps(RunNames& names, ComposeLookup& lookup, HostFiles& files, std::string host_tmp, std::string image)
      : names_(names), lookup_(lookup), files_(files), host_tmp_(std::move(host_tmp)), image_(std::move(image)) {}

  void make_project(const Step& s, StepRecord& record);
  // as_typed: the project's compose.yaml alone, as `docker-compose up -d` in its folder reads it
  Argv up(const Step& s, StepRecord& record, bool as_typed = false);
  Argv down(const Step& s, StepRecord& record);
  // what a `down` that worked removed needs no removal at cleanup: the project's networks,
  // where the tool's down removes them, and, after `down -v`, the project (no second `down`);
  // the end-of-run sweep still checks
  void down_worked(const Step& s);
  // The container of a service's first replica.
  std::string container(const Step& s);

 private:
  // The Compose tool, or a fault saying none is there.
  ComposeCommand tool(StepRecord& record);
  // The network of the project known as `as` for its networks: key: <project>_<key>, run-unique.
  std::string network(const std::string& as, const std::string& key) const { return names_.of(as) + "_" + key; }

  RunNames& names_;
  ComposeLookup& lookup_;
  HostFiles& files_;
  std::string host_tmp_;
  std::string image_;
};

}  // namespace harness
