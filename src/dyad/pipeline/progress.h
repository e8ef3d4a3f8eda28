// Progress: a status line on stderr for long runs, at most once a second:
// documents and sentences done and their rates, rejects, and the share of
// input read with an ETA when the input size is known. Prints nothing for
// runs shorter than two seconds.
//
// Thread safety: Update() is called from the ordered output step only.
#pragma once

#include <chrono>
#include <cstdint>
#include <ostream>

#include "dyad/ingest/report.h"

namespace dyad {

struct RunStats;

class Progress {
 public:
  // `out` nullptr: silent. `total_bytes` 0: size unknown (no ETA).
  Progress(std::ostream* out, uint64_t total_bytes);
  void Update(const RunStats& stats, const Reporter& report, uint64_t bytes_done);
  void Finish();  // ends the status line if one was printed

 private:
  using Clock = std::chrono::steady_clock;
  std::ostream* out_;
  uint64_t total_bytes_;
  Clock::time_point start_, last_;
  bool printed_ = false;
};

}  // namespace dyad
