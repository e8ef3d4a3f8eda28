#include "dyad/pipeline/progress.h"

#include <unistd.h>

#include <cstdio>

#include "dyad/pipeline/pipeline.h"

namespace dyad {

Progress::Progress(std::ostream* out, uint64_t total_bytes, bool terminal)
    : out_(out), total_bytes_(total_bytes), terminal_(terminal),
      start_(Clock::now()), last_(start_) {}

Progress::Progress(std::ostream* out, uint64_t total_bytes)
    : Progress(out, total_bytes, isatty(STDERR_FILENO) == 1) {}

void Progress::Update(const RunStats& stats, uint64_t bytes_done) {
  if (!out_) return;
  auto now = Clock::now();
  const auto every = terminal_ ? std::chrono::seconds(1) : std::chrono::seconds(30);
  if (now - last_ < every || now - start_ < std::chrono::seconds(2)) return;
  last_ = now;
  double secs = std::chrono::duration<double>(now - start_).count();
  char line[320];
  int n = std::snprintf(line, sizeof line,
                        "dyad: %llu documents (%.0f/s), %llu sentences "
                        "(%.0f/s), %llu events, %llu rejected",
                        static_cast<unsigned long long>(stats.documents),
                        stats.documents / secs,
                        static_cast<unsigned long long>(stats.sentences),
                        stats.sentences / secs,
                        static_cast<unsigned long long>(stats.events),
                        static_cast<unsigned long long>(stats.rejected));
  if (total_bytes_ > 0 && bytes_done > 0 && n > 0 &&
      static_cast<size_t>(n) < sizeof line) {
    double share = static_cast<double>(bytes_done) / total_bytes_;
    if (share > 1) share = 1;
    double eta = secs / share - secs;
    std::snprintf(line + n, sizeof line - n, ", %.0f%% read, ETA %.0fs",
                  share * 100, eta > 0 ? eta : 0);
  }
  if (terminal_) {
    *out_ << '\r' << line << "   " << std::flush;
    printed_ = true;
  } else {
    *out_ << line << '\n' << std::flush;
  }
}

void Progress::Finish() {
  if (out_ && printed_) *out_ << '\n';
}

}  // namespace dyad
