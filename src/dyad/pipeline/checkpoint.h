// Checkpoint: how far a run writing to a file got, so a run killed midway
// (SIGKILL, node lost) can be started again with --resume and end with the
// same output as an uninterrupted run: no document lost, none written twice.
//
// A checkpoint names the next item (input ordinal, see pipeline.h) to code
// and the lengths of the output file (and shard index) at that point; on
// resume the output is cut back to those lengths and the run goes on from
// that item. It is a few lines of text, rewritten atomically (temp file,
// fsync, rename) after the output it describes has been flushed and synced,
// so whatever moment a run dies at, the checkpoint on disk describes a
// prefix of the output on disk.
//
// Thread safety: free functions; one run owns its checkpoint file.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dyad/pipeline/pipeline.h"

namespace dyad {

struct Checkpoint {
  std::string key;            // InputsKey of the run it belongs to
  uint64_t next_item = 0;     // first input ordinal not yet finished
  uint64_t output_bytes = 0;  // output file length when it was written
  uint64_t index_bytes = 0;   // shard index length (sharded runs)
  bool complete = false;      // the run finished
  RunStats stats;             // counts up to next_item
  std::string last;           // where the last finished document came from
};

// Writes `cp` to `path` atomically. False with *error on failure.
bool SaveCheckpoint(const std::string& path, const Checkpoint& cp,
                    std::string* error);

// Reads `path`. False if there is none (*error empty) or it is unreadable or
// malformed (*error says why, naming the file and line).
bool LoadCheckpoint(const std::string& path, Checkpoint* cp, std::string* error);

// Forces a file's written data to disk (fsync). False if it cannot.
bool SyncFile(const std::string& path);

// A hash (16 hex digits) of what decides a run's output: the input paths as
// listed (directories expanded), each file's size (and, `with_mtime`, its
// modification time), and `settings` (the command and the options that
// change output). A resumed run refuses a checkpoint with another key (with
// mtimes: a file edited since is caught), a merge refuses shards with
// different keys (without mtimes: shards on other nodes may see copies).
std::string InputsKey(const std::vector<std::string>& paths,
                      const std::string& settings, bool with_mtime);

// The counts of `stats` as "key=value" words, and back (unknown keys are
// ignored, so later versions can add counts). Parse returns false on a
// malformed word.
std::string FormatCounts(const RunStats& stats);
bool ParseCounts(const std::string& words, RunStats* stats);

}  // namespace dyad
