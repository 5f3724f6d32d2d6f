// Where the harness's own files are (the scenarios, their schemas, the fixtures): beside
// the program when it is installed (PREFIX/bin/harness finds PREFIX/share/harness, under
// any --prefix), else the source tree it was built from.
#pragma once

#include <string>

namespace harness {

// PREFIX/share/harness of an installed program, or the source tree.
std::string data_dir();

// What the scenario paths default to: ./scenarios when there is one (a checkout), else the
// installed scenarios.
std::string default_scenarios();

}  // namespace harness
