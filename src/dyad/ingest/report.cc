#include "dyad/ingest/report.h"

namespace dyad {

void Reporter::Line(std::string_view kind, std::string_view where,
                    std::string_view msg) {
  if (!err_) return;
  std::lock_guard<std::mutex> lock(mu_);
  *err_ << "dyad: " << kind << ": " << where << ": " << msg << '\n';
}

bool Reporter::Hold(Kind kind, std::string_view where, std::string_view msg) {
  if (!buffered_) return false;
  pending_.push_back({kind, std::string(where), std::string(msg)});
  return true;
}

void Reporter::ReplayInto(Reporter& target) {
  for (const Pending& p : pending_) {
    switch (p.kind) {
      case Kind::kReject: target.Reject(p.where, p.message); break;
      case Kind::kWarn: target.Warn(p.where, p.message); break;
      case Kind::kSkip: target.Skip(p.where, p.message); break;
    }
  }
  pending_.clear();
  rejected_ = warnings_ = skipped_ = 0;
}

void Reporter::Reject(std::string_view where, std::string_view why) {
  if (Hold(Kind::kReject, where, why)) return;
  ++rejected_;
  Line("rejected", where, why);
}

void Reporter::Warn(std::string_view where, std::string_view what) {
  if (Hold(Kind::kWarn, where, what)) return;
  ++warnings_;
  Line("warning", where, what);
}

void Reporter::Skip(std::string_view where, std::string_view why) {
  if (Hold(Kind::kSkip, where, why)) return;
  ++skipped_;
  Line("skipped", where, why);
}

}  // namespace dyad
