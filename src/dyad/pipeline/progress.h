// Progress: a status line on stderr for long runs: documents, sentences and
// events done with their rates, rejects, and the share of input read with an
// ETA when the input size is known. On a terminal the line is redrawn at
// most once a second; elsewhere (a batch job's log) a full line is written
// at most every 30 seconds. Prints nothing for runs shorter than two
// seconds.
//
// Thread safety: Update() is called from the ordered output step only.
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>

namespace dyad {

struct RunStats;

class Progress {
 public:
  // `out` nullptr: silent. `total_bytes` 0: size unknown (no ETA).
  // `terminal`: redraw one line in place rather than append lines.
  Progress(std::ostream* out, uint64_t total_bytes, bool terminal);
  // Same, `terminal` true when stderr is a terminal.
  Progress(std::ostream* out, uint64_t total_bytes);
  void Update(const RunStats& stats, uint64_t bytes_done);
  void Finish();  // ends the status line if one was printed

 private:
  using Clock = std::chrono::steady_clock;
  std::ostream* out_;
  uint64_t total_bytes_;
  bool terminal_;
  Clock::time_point start_, last_;
  bool printed_ = false;
};

}  // namespace dyad
