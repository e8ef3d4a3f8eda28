// Finding and reading input files: directories are walked recursively in
// sorted order (so runs are reproducible), .gz and .zst files decompressed
// as a stream, the format chosen by extension (or sniffed from the content
// for stdin and unknown extensions), binary files refused.
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

// Reads one input file and hands its documents to `sink`, in order. JSON
// Lines and Reuters SGML stream a record at a time through decompression, so
// memory is bounded by the largest record, not the file; text and HTML files
// (one document each) are read whole. Unreadable, binary and corrupt inputs
// are reported; when compressed data turns out corrupt after some records,
// those records are kept and the corruption is reported after them.
// `raw_bytes`, if given, is set before each sink call to the bytes of the
// file (compressed, as on disk) consumed so far, for progress. Returns false
// if the file could not be read at all.
bool ReadInput(const std::string& path, Reporter& report,
               const DocumentSink& sink, uint64_t* raw_bytes = nullptr);

// The same for `in` (stdin), named "stdin", format sniffed from its start.
bool ReadStream(std::istream& in, Reporter& report, const DocumentSink& sink);

// Reads and decompresses one file whole. Returns false (after reporting why) for
// unreadable, corrupt-compressed or binary files.
bool LoadInput(const std::string& path, InputFile* out, Reporter& report);

// Reads all of `in` (stdin) as one input named "stdin"; format sniffed.
bool LoadStream(std::istream& in, InputFile* out, Reporter& report);

}  // namespace dyad
