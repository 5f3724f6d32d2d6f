#include "compose_steps.hpp"

#include "fixture_image.hpp"
#include "i18n.hpp"

namespace harness {

ComposeCommand ComposeSteps::tool(StepRecord& record) {
  CommandRecord lookup;
  const auto compose = lookup_.get(lookup);
  if (!lookup.argv.empty()) record.commands.push_back(lookup);
  if (!compose.tool) throw StepFault{lookup_.why_none()};
  return compose;
}

std::string ComposeSteps::container(const Step& s) {
  StepRecord unused;
  return service_container(*tool(unused).tool, names_.of(s.project), s.service);
}

void ComposeSteps::make_project(const Step& s, StepRecord& record) {
  const auto compose = tool(record);
  const std::string parent = files_.make_folder(host_tmp_, names_.of(s.project) + "-");
  names_.ledger().add_host_dir(parent);
  const std::string prefix = names_.of("");
  // a folder named Harness-<run>-<n>-<folder>: the tool's default project name comes from it
  const std::string folder = s.folder.empty() ? "project" : "Harness-" + prefix.substr(std::string("harness-").size()) + s.folder;
  // with networks= its network is checked: the tool's files that give it one, else those that give none
  const auto& extra = s.network_keys.empty() ? compose.tool->extra_files : compose.tool->network_files;
  ComposeProject project = make_compose_project(files_, fixtures_dir(), s.fixture, parent, folder, extra,
                                                {{"HARNESS_IMAGE", image_}, {"HARNESS_PREFIX", prefix}});
  project.named = s.named_volumes;
  project.networks = s.network_keys;
  names_.found_project(s.project, project);
  record.summary = tr("make Compose project {1} from fixtures/compose/{2}", {s.project, s.fixture}) + " = " + project.folder;
  record.outcome = Outcome::Done;
}

Argv ComposeSteps::up(const Step& s, StepRecord& record, bool as_typed) {
  const auto compose = tool(record);
  const std::string as = s.alias.empty() ? s.project : s.alias;
  ComposeProject project = names_.project(s.project);
  project.name = s.default_name ? "" : names_.of(as);
  if (as_typed) project.files.resize(1);
  names_.found_project(as, project);
  names_.ledger().add_compose(project);
  for (const auto& key : project.networks) names_.ledger().add_network(network(as, key));
  if (compose.tool->down_leaves_network) names_.ledger().add_network(network(as, "default"));
  for (const auto& name : project.named) names_.ledger().add_volume(names_.volume(name));  // external ones outlive down -v
  return compose_command(compose.command, project, {"up", "-d"});
}

Argv ComposeSteps::down(const Step& s, StepRecord& record) {
  const auto compose = tool(record);
  return compose_command(compose.command, names_.project(s.project), s.remove_volumes ? Argv{"down", "-v"} : Argv{"down"});
}

void ComposeSteps::down_worked(const Step& s) {
  const ComposeProject project = names_.project(s.project);
  StepRecord unused;  // the tool was found: the down ran
  // its networks are gone, as after any removal that worked (the end-of-run sweep still looks)
  if (!tool(unused).tool->down_leaves_network)
    for (const auto& key : project.networks) names_.ledger().drop_network(network(s.project, key));
  if (s.remove_volumes) names_.ledger().drop_compose(project);
}

}  // namespace harness
