// Reporter: where ingest and later stages send what went wrong with the
// input, and the counts printed in the end-of-run summary.
//
// Bad input is data, not an exception: each problem gets one line on the
// error stream naming the file and line (or document id), and the run goes
// on. Thread safety: all methods of an unbuffered Reporter may be called
// from several threads; a Buffered() one belongs to one thread at a time.
#pragma once

#include <atomic>
#include <cstdint>
#include <mutex>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {

class Reporter {
 public:
  // `err` receives one line per problem; nullptr silences them (counts stay).
  explicit Reporter(std::ostream* err) : err_(err) {}
  // A reporter that keeps its messages until ReplayInto(): stages running
  // in parallel record into one of these per document, and the ordered
  // output step replays them, so messages come out in input order.
  static Reporter Buffered() {
    Reporter r(nullptr);
    r.buffered_ = true;
    return r;
  }
  Reporter(Reporter&& other) noexcept
      : err_(other.err_), buffered_(other.buffered_),
        pending_(std::move(other.pending_)) {
    rejected_ = other.rejected_.load();
    warnings_ = other.warnings_.load();
    skipped_ = other.skipped_.load();
  }

  // Sends the buffered messages (and their counts) to `target`, in order,
  // and empties this buffer.
  void ReplayInto(Reporter& target);

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
  enum class Kind : uint8_t { kReject, kWarn, kSkip };
  struct Pending {
    Kind kind;
    std::string where, message;
  };
  void Line(std::string_view kind, std::string_view where, std::string_view msg);
  bool Hold(Kind kind, std::string_view where, std::string_view msg);
  std::ostream* err_;
  bool buffered_ = false;
  std::vector<Pending> pending_;
  std::mutex mu_;
  std::atomic<uint64_t> rejected_{0}, warnings_{0}, skipped_{0};
};

}  // namespace dyad
