// Which host uid a file made by a container user belongs to. A rootful engine keeps uids
// as they are; a rootless one (Podman, Docker with rootlesskit) maps the container's root
// to the user who runs it and uid N >= 1 to the Nth uid of that user's range in
// /etc/subuid (user_namespaces(7), subuid(5)). Expected owners are data in the scenarios
// (owner-uid="mapped:1234"); this says what they mean on a target.
#pragma once

#include <optional>
#include <string>

#include "target_facts.hpp"

namespace harness {

// From /etc/subuid's text ("name:start:count" lines), for the user `name` or `uid`.
std::optional<unsigned> mapped_uid(unsigned container_uid, bool rootless, const std::string& subuid, const std::string& name,
                                   unsigned uid);

// The same for the harness's own user, reading /etc/subuid; none when it cannot tell.
std::optional<unsigned> host_uid(unsigned container_uid, const TargetFacts& facts);

}  // namespace harness
