#include "dyad/pipeline/progress.h"

#include <cstdio>

#include "dyad/pipeline/pipeline.h"

namespace dyad {

Progress::Progress(std::ostream* out, uint64_t total_bytes)
    : out_(out), total_bytes_(total_bytes), start_(Clock::now()), last_(start_) {}

void Progress::Update(const RunStats& stats, const Reporter& report,
                      uint64_t bytes_done) {
  if (!out_) return;
  auto now = Clock::now();
  if (now - last_ < std::chrono::seconds(1) ||
      now - start_ < std::chrono::seconds(2))
    return;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  char line[256];
  int n = std::snprintf(line, sizeof line,
                        "\rdyad: %llu documents (%.0f/s), %llu sentences "
                        "(%.0f/s), %llu rejected",
                        static_cast<unsigned long long>(stats.documents),
                        stats.documents / secs,
                        static_cast<unsigned long long>(stats.sentences),
                        stats.sentences / secs,
                        static_cast<unsigned long long>(report.rejected()));
  if (total_bytes_ > 0 && bytes_done > 0 && n > 0 &&
      static_cast<size_t>(n) < sizeof line) {
    double share = static_cast<double>(bytes_done) / total_bytes_;
    double eta = secs / share - secs;
    std::snprintf(line + n, sizeof line - n, ", %.0f%% read, ETA %.0fs",
                  share * 100, eta > 0 ? eta : 0);
  }
  *out_ << line << "   " << std::flush;
  printed_ = true;
}

void Progress::Finish() {
  if (out_ && printed_) *out_ << '\n';
}

}  // namespace dyad
