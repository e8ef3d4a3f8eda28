// Options shared by the subcommands that read documents (code, segment,
// parse): input paths, data directory, output file, filters.
#pragma once

#include <fstream>
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

  void Add(CLI::App* cmd);
  PipelineOptions ToPipeline() const;
  // The stream results go to: --out FILE or stdout. nullptr (after an error
  // message) if the file cannot be opened.
  std::ostream* OpenOutput();

 private:
  std::ofstream file_;
};

// Runs the pipeline over the inputs, calls `emit` per document, prints the
// summary on stderr, and returns the process exit code (1 only when no
// document at all could be read).
int RunPipeline(InputOptions& options,
                const std::function<void(const Document&, std::ostream&)>& emit);

}  // namespace dyad::cli
