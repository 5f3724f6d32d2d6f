#include "mutants.hpp"

#include <algorithm>

#include "cli_dialect.hpp"
#include "i18n.hpp"

namespace harness {

const std::vector<Mutant>& mutants() {
  using R = Rewrite;
  using T = MutantTool;
  static const std::vector<Mutant> table = {
      {"copy-binds",
       N_("bind mounts are copies: the host folder is copied in when the container starts, and back when a one-shot container "
          "exits"),
       T::Runtime,
       {"run"},
       {},
       {},
       R::CopyBinds,
       {},
       MountMatch::Any,
       "BND-1, BND-2"},
      {"drop-readonly",
       N_("a read-only mount (:ro, ro, readonly) is simply not made"),
       T::Runtime,
       {"run", "create"},
       {},
       {},
       R::DropMounts,
       {},
       MountMatch::ReadOnly,
       "BND-3"},
      {"drop-chown",
       "a mount with U (:U, U=true: chown the source to the container's user) is simply not made",
       T::Runtime,
       {"run", "create"},
       {},
       {},
       R::DropMounts,
       {},
       MountMatch::Chown,
       "VOL-15"},
      {"drop-userns",
       "run and create drop --userns (keep-id): the container runs in the engine's default user namespace",
       T::Runtime,
       {"run", "create"},
       {"--userns"},
       {},
       R::DropArgs,
       {"--userns"},
       MountMatch::Any,
       "VOL-16"},
      {"idle-stop",
       N_("stop prints the container's name and exits 0 without stopping it"),
       T::Runtime,
       {"stop"},
       {},
       {},
       R::Pretend,
       {"operands"},
       MountMatch::Any,
       "EPH-2"},
      {"drop-mounts",
       N_("run and create drop every --mount and --volume"),
       T::Runtime,
       {"run", "create"},
       {},
       {},
       R::DropMounts,
       {},
       MountMatch::Any,
       "VOL-2, VOL-3, SHR-1, SHR-2, BND-1, BND-2"},
      {"ignore-rm",
       N_("run ignores --rm for a container without mounts: it stays after it exits"),
       T::Runtime,
       {"run", "container run"},  // the tutorial's own spelling too (EPH-1/literal)
       {},
       {"--mount", "--volume", "-v"},  // a container that holds no volume: its leak breaks nothing else
       R::DropArgs,
       {"--rm"},
       MountMatch::Any,
       "EPH-1, EPH-1/literal"},
      {"idle-rm",
       N_("rm without --volumes prints the names and removes nothing"),
       T::Runtime,
       {"rm"},
       {},
       {"--volumes", "-v"},
       R::Pretend,
       {"operands"},
       MountMatch::Any,
       "EPH-3"},
      {"volume-ls-empty",
       N_("volume ls lists nothing (unless filtered)"),
       T::Runtime,
       {"volume ls"},
       {},
       {"--filter", "-f"},
       R::Pretend,
       {},
       MountMatch::Any,
       "VOL-1"},
      {"volume-create-rejects-name",
       N_("volume create refuses --name (unknown flag), as Podman 4.3 does"),
       T::Runtime,
       {"volume create"},
       {"--name"},
       {},
       R::Refuse,
       {"unknown flag: --name"},
       MountMatch::Any,
       "VOL-1/literal"},
      {"no-autocreate",
       N_("-v NAME:PATH fails when the volume NAME does not exist yet"),
       T::Runtime,
       {"run", "create"},
       {},
       {},
       R::RequireVolumes,
       {},
       MountMatch::Any,
       "VOL-4"},
      {"private-volume-copies",
       N_("a detached container gets its own copy of each named volume, taken when it starts: nothing is shared"),
       T::Runtime,
       {"run"},
       {},
       {},
       R::SnapshotVolumes,
       {},
       MountMatch::Any,
       "SHR-1"},
      {"compose-tmpfs-over-volume",
       N_("compose up mounts a tmpfs over each service's named volume"),
       T::Compose,
       {"up"},
       {},
       {},
       R::TmpfsOverVolumes,
       {},
       MountMatch::Any,
       "CMP-1, CMP-2"},
      {"compose-down-removes-volumes",
       N_("compose down removes the named volumes too, as down -v does"),
       T::Compose,
       {"down"},
       {},
       {"-v", "--volumes"},
       R::AddArgs,
       {"-v"},
       MountMatch::Any,
       "CMP-3"},
      {"compose-down-keeps-network",
       "compose down only stops and removes the containers, as rm --stop --force does: the project's network stays",
       T::Compose,
       {"down"},
       {},
       {"-v", "--volumes"},
       R::ReplaceVerb,
       {"rm", "--stop", "--force"},
       MountMatch::Any,
       "CMP-3",
       // podman-compose 1.0.3 has no rm, and its down leaves the network already
       {"docker-compose", "docker"}},
      {"compose-down-v-keeps-volumes",
       N_("compose down -v keeps the named volumes, as down does"),
       T::Compose,
       {"down"},
       {"-v"},
       {},
       R::DropArgs,
       {"-v"},
       MountMatch::Any,
       "CMP-4"},
  };
  return table;
}

const Mutant* find_mutant(const std::string& name) {
  for (const auto& m : mutants())
    if (m.name == name) return &m;
  return nullptr;
}

std::vector<std::string> wrapped_cli_names() {
  std::vector<std::string> names;
  for (const auto& dialect_name : dialect_names()) {
    const Dialect& d = *find_dialect(dialect_name);
    names.push_back(d.binary);
    for (const auto& tool : d.compose)
      if (!tool.plugin) names.push_back(tool.binary);
  }
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

}  // namespace harness
