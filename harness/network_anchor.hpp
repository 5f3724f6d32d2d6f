// A run's network anchor: one container per target that holds a network namespace with
// nothing in it but loopback, which the run's containers join (`--network container:NAME`)
// instead of each getting a namespace of its own (`--network none`). Where the dialect asks
// for it (Dialect::shared_network: Docker, whose every new namespace costs a re-executed
// dockerd) it makes each container start cheaper. Isolation from the outside is the same:
// no interface but lo; the run's containers can reach each other on lo, and they are all
// the harness's own. Compose projects keep their own networks.
#pragma once

#include "cli_dialect.hpp"
#include "probe.hpp"

namespace harness {

// Starts the anchor (`harness-<run>-t<K>-net`, labelled like every container of the run;
// the end-of-run sweep and `harness clean` find it like the rest): its name, or "" when it
// could not start (the run's containers then get --network none, as without an anchor).
std::string start_network_anchor(const Cli& cli, ProcessRunner& runner, const ProbeOptions& options);

// Removes it, once no container of the run is left to need it.
void remove_network_anchor(const Cli& cli, ProcessRunner& runner, const std::string& name, std::chrono::milliseconds timeout);

}  // namespace harness
