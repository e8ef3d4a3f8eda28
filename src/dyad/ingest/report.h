// Reporter: where ingest and later stages send what went wrong with the
// input, and the counts printed in the end-of-run summary.
//
// Bad input is data, not an exception: each problem gets one line on the
// error stream naming the file and line (or document id), and the run goes
// on. Thread safety: all methods may be called from several threads.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <ostream>
#include <string_view>

namespace dyad {

class Reporter {
 public:
  // `err` receives one line per problem; nullptr silences them (counts stay).
  explicit Reporter(std::ostream* err) : err_(err) {}

  // A record that could not be used at all.
  void Reject(std::string_view where, std::string_view why);
  // A record that was used after a repair, or that lacks something optional.
  void Warn(std::string_view where, std::string_view what);
  // A record deliberately not coded (non-English, duplicate document).
  void Skip(std::string_view where, std::string_view why);

  uint64_t rejected() const { return rejected_; }
  uint64_t warnings() const { return warnings_; }
  uint64_t skipped() const { return skipped_; }

 private:
  void Line(std::string_view kind, std::string_view where, std::string_view msg);
  std::ostream* err_;
  std::mutex mu_;
  std::atomic<uint64_t> rejected_{0}, warnings_{0}, skipped_{0};
};

}  // namespace dyad
