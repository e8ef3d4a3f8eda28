// The scale-out and measurement subcommands: `dyad merge` (combine the
// outputs of a run split with --shard) and `dyad bench` (throughput and
// memory on a corpus, per stage and end to end). main() calls
// RegisterScaleCommands once.
#pragma once

#include <CLI/CLI.hpp>

namespace dyad::cli {

void RegisterMergeCommand(CLI::App& app);
void RegisterBenchCommand(CLI::App& app);

// Both of the above.
inline void RegisterScaleCommands(CLI::App& app) {
  RegisterMergeCommand(app);
  RegisterBenchCommand(app);
}

}  // namespace dyad::cli
