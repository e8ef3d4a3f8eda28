// dyad merge: the outputs of the N shards of one run (--shard i/N) in, the
// output of a single run out, byte for byte; the shards' messages and the
// run's summary line on stderr.
#include <fstream>
#include <iostream>

#include "cmd_scale.h"
#include "commands.h"
#include "dyad/pipeline/shard.h"

namespace dyad::cli {

namespace {

struct MergeOptions {
  std::vector<std::string> shards;
  std::string out;
  bool quiet = false;
};

int Merge(const MergeOptions& options) {
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!options.out.empty()) {
    file.open(options.out, std::ios::binary | std::ios::trunc);
    if (!file) {
      std::cerr << "dyad: cannot write " << options.out << "\n";
      return 2;
    }
    out = &file;
  }
  RunStats total;
  std::string error;
  if (!MergeShards(options.shards, *out, options.quiet ? nullptr : &std::cerr,
                   &total, &error)) {
    std::cerr << "dyad: merge: " << error << "\n";
    return 2;
  }
  out->flush();
  if (!*out) {
    std::cerr << "dyad: writing " << (options.out.empty() ? "stdout" : options.out)
              << " failed\n";
    return 2;
  }
  std::cerr << "dyad: " << Summary(total) << "\n";
  return total.documents == 0 && total.skipped == 0 ? 1 : 0;
}

}  // namespace

void RegisterMergeCommand(CLI::App& app) {
  auto options = std::make_shared<MergeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "merge",
      "combine the outputs of a run split with --shard i/N into the output "
      "of a single run (each OUTPUT needs its OUTPUT.index beside it)");
  cmd->add_option("outputs", options->shards, "the N shard outputs, any order")
      ->required();
  cmd->add_option("-o,--out", options->out, "write to FILE instead of stdout");
  cmd->add_flag("-q,--quiet", options->quiet,
                "do not print the shards' per-record messages (the summary "
                "line stays)");
  cmd->callback([options] { exit_code = Merge(*options); });
}

}  // namespace dyad::cli
