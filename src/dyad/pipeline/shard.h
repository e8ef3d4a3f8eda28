// Shards: dyad split over independent processes (a Slurm job array, or any
// N machines), then merged into exactly the output of one run.
//
// Shard i of N owns the items (pipeline.h) whose document ordinal % N == i.
// Every shard reads and prepares every document, so duplicate detection is
// global; only owned documents go through the costly stages and the output.
// A shard writes its output file, in the normal format, and beside it an
// index, OUTPUT.index: for every owned item that printed something, its
// ordinal, how many output bytes it wrote and its stderr messages; then the
// shard's counts. MergeShards interleaves the shard outputs by ordinal:
// the result is byte for byte the output of a single run, and the messages
// and summary line are those a single run prints.
//
// Index format (version 1), text with length-prefixed blobs:
//   dyad-shard-index 1
//   key <InputsKey without mtimes>
//   shard <i>/<N>
//   item <ordinal> <output bytes> <message bytes>\n<message bytes>   (repeated)
//   end <FormatCounts>                                               (complete)
//
// Thread safety: an IndexWriter belongs to one thread; MergeShards is a
// free function.
#pragma once

#include <cstdint>
#include <fstream>
#include <ostream>
#include <string>
#include <vector>

#include "dyad/pipeline/pipeline.h"

namespace dyad {

// "i/N" with 0 <= i < N. False if `spec` is not one.
bool ParseShard(const std::string& spec, uint32_t* index, uint32_t* count);

// The index path for a shard's output file.
std::string IndexPath(const std::string& output);

class IndexWriter {
 public:
  // Starts a new index (truncating), or with `append_at` > 0 reopens one
  // cut back to that length (resume). False with *error on failure.
  bool Open(const std::string& path, const std::string& key, uint32_t index,
            uint32_t count, uint64_t append_at, std::string* error);
  void Item(uint64_t ordinal, uint64_t output_bytes, const std::string& messages);
  void End(const RunStats& stats);
  // Flushes what was written; the index length so far.
  uint64_t Flush();
  bool ok() const { return static_cast<bool>(out_); }

 private:
  std::ofstream out_;
  uint64_t bytes_ = 0;
};

// Merges the outputs of all N shards of one run (their index files beside
// them) into `out`, printing the shards' messages to `messages` (nullptr:
// none) in input order; *total receives the summed counts. False with
// *error (naming the file) if a shard is missing, incomplete, from another
// run or inconsistent with its index.
bool MergeShards(const std::vector<std::string>& outputs, std::ostream& out,
                 std::ostream* messages, RunStats* total, std::string* error);

}  // namespace dyad
