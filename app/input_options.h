// Options shared by the subcommands that read documents (code, segment,
// parse): input paths, data directory, output file, filters, threads, and
// the scale-out options: --shard i/N (one share of a split run, merged by
// `dyad merge`) and --resume (go on from the checkpoint of a killed run).
#pragma once

#include <fstream>
#include <functional>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "dyad/pipeline/pipeline.h"

namespace dyad::cli {

struct InputOptions {
  std::vector<std::string> paths;
  std::string data_dir;
  std::string out;
  bool all_languages = false;
  bool keep_duplicates = false;
  bool quiet = false;
  int threads = 0;
  bool analyze = true;     // false for commands that only segment
  bool syntax_only = false;  // true for dyad parse: no actors or events
  std::string shard;       // "i/N", empty: the whole input
  bool resume = false;
  std::string checkpoint;  // default: OUT.checkpoint when --resume
  std::string command;     // the subcommand's name (part of the inputs key)

  void Add(CLI::App* cmd);
  PipelineOptions ToPipeline() const;
  // The options that change what is printed, for the inputs key.
  std::string Settings(bool with_shard_index) const;
};

// The pipeline for evaluation and inspection commands: every language
// kept (gold data is read as given), `analyze` false for segment-only
// tools. nullptr after printing why, when a resource cannot load.
std::unique_ptr<Pipeline> OpenToolPipeline(const std::string& data_dir,
                                           bool analyze = true);

// Runs the pipeline over the inputs, calls `emit` per coded document (what
// it writes to the stream is the document's output), prints the summary on
// stderr, and returns the process exit code (1 only when no document at all
// could be read, 2 for a usage or resource error). With --shard it also
// writes OUT.index for `dyad merge`; with --resume it keeps OUT.checkpoint
// up to date and continues from it.
int RunPipeline(InputOptions& options,
                const std::function<void(const Document&, std::ostream&)>& emit);

}  // namespace dyad::cli
