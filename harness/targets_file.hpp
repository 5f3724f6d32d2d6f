// --targets FILE: the targets of a run (the matrix's columns), one element each:
//   <targets>
//     <target name="docker-27" cli="docker" endpoint="ssh://ci@build-3" jobs="4"/>
//     <target name="podman-runc" cli="podman">
//       <flag>--runtime</flag><flag>runc</flag>
//     </target>
//   </targets>
// endpoint= is what --runtime takes after the @ (an URL, a context or connection name);
// <flag> are global flags every command of the target starts with. The schema is
// scenarios/targets.xsd; the loader checks the same and says `file:line: message`.
#pragma once

#include <string>
#include <vector>

#include "target.hpp"

namespace harness {

ParsedTargets load_targets_file(const std::string& path);

}  // namespace harness
