// dyad eval petrarch: PETRARCH-2's unit-test records as a peer test suite
// (see src/dyad/eval/petrarch_eval.h).
#pragma once

#include <CLI/CLI.hpp>

namespace dyad::cli {

void RegisterEvalPetrarchCommand(CLI::App& app);

}  // namespace dyad::cli
