// Finding and loading input files: directories are walked recursively in
// sorted order (so runs are reproducible), .gz and .zst files decompressed,
// the format chosen by extension (or sniffed from the content for stdin and
// unknown extensions), binary files refused.
//
// Thread safety: free functions, no shared state.
#pragma once

#include <istream>
#include <string>
#include <vector>

#include "dyad/ingest/formats.h"
#include "dyad/ingest/report.h"

namespace dyad {

// Expands files and directories into the list of input files, in order.
// Paths that do not exist are reported as rejected and left out.
std::vector<std::string> ListInputs(const std::vector<std::string>& paths,
                                    Reporter& report);

// Reads and decompresses one file. Returns false (after reporting why) for
// unreadable, corrupt-compressed or binary files.
bool LoadInput(const std::string& path, InputFile* out, Reporter& report);

// Reads all of `in` (stdin) as one input named "stdin"; format sniffed.
bool LoadStream(std::istream& in, InputFile* out, Reporter& report);

}  // namespace dyad
