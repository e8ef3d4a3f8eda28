#include "dyad/ingest/report.h"

namespace dyad {

void Reporter::Line(std::string_view kind, std::string_view where,
                    std::string_view msg) {
  if (!err_) return;
  std::lock_guard<std::mutex> lock(mu_);
  *err_ << "dyad: " << kind << ": " << where << ": " << msg << '\n';
}

void Reporter::Reject(std::string_view where, std::string_view why) {
  ++rejected_;
  Line("rejected", where, why);
}

void Reporter::Warn(std::string_view where, std::string_view what) {
  ++warnings_;
  Line("warning", where, what);
}

void Reporter::Skip(std::string_view where, std::string_view why) {
  ++skipped_;
  Line("skipped", where, why);
}

}  // namespace dyad
