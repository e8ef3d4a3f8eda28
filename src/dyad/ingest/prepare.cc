#include "dyad/ingest/prepare.h"

#include <cld2/public/compact_lang_det.h>
#include <xxhash.h>

#include <cstdio>

#include "dyad/normalize/normalizer.h"

namespace dyad {

namespace {

bool AllDigits(std::string_view s) {
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return !s.empty();
}

bool IsBlank(std::string_view s) {
  for (char c : s)
    if (!(c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f'))
      return false;
  return true;
}

}  // namespace

std::string ParseIsoDate(std::string_view v) {
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  if (v.size() < 10 || v[4] != '-' || v[7] != '-') return {};
  if (v.size() > 10 && v[10] != 'T' && v[10] != ' ') return {};
  std::string_view y = v.substr(0, 4), m = v.substr(5, 2), d = v.substr(8, 2);
  if (!AllDigits(y) || !AllDigits(m) || !AllDigits(d)) return {};
  int year = std::stoi(std::string(y)), month = std::stoi(std::string(m)),
      day = std::stoi(std::string(d));
  static constexpr int kDays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12 || day < 1 || day > kDays[month - 1]) return {};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (month == 2 && day == 29 && !leap) return {};
  return std::string(v.substr(0, 10));
}

std::string ContentId(std::string_view text) {
  char buf[20];
  std::snprintf(buf, sizeof buf, "h%016llx",
                static_cast<unsigned long long>(XXH64(text.data(), text.size(), 0)));
  return buf;
}

std::string Where(const Document& doc) {
  // "dir/story.txt" names its document already; "feed.jsonl:3" does not.
  std::string_view name = doc.origin;
  if (size_t slash = name.rfind('/'); slash != std::string_view::npos)
    name.remove_prefix(slash + 1);
  name = name.substr(0, name.find('.'));
  if (doc.id.empty() || name == doc.id) return doc.origin;
  return doc.origin + " (id " + doc.id + ")";
}

PrepareResult Prepare(Document& doc, Reporter& report,
                      const PrepareOptions& options) {
  if (IsBlank(doc.original)) {
    report.Reject(Where(doc), "empty document");
    return PrepareResult::kRejected;
  }
  NormalizedText norm = Normalize(doc.original);
  doc.text = std::move(norm.text);
  doc.norm_to_orig = std::move(norm.to_original);
  doc.invalid_utf8_bytes = norm.invalid_bytes;
  if (doc.id.empty()) doc.id = ContentId(doc.text);
  if (norm.invalid_bytes > 0)
    report.Warn(Where(doc), std::to_string(norm.invalid_bytes) +
                                " invalid UTF-8 bytes replaced by U+FFFD");
  if (doc.date.empty()) {
    report.Warn(Where(doc), "no date; events will have none");
  } else {
    std::string date = ParseIsoDate(doc.date);
    if (date.empty())
      report.Warn(Where(doc), "date \"" + doc.date +
                                  "\" is not YYYY-MM-DD; ignored");
    doc.date = std::move(date);
  }
  if (options.english_only) {
    bool reliable = false;
    int bytes = static_cast<int>(std::min<size_t>(doc.text.size(), 1 << 16));
    CLD2::Language lang =
        CLD2::DetectLanguage(doc.text.data(), bytes, true, &reliable);
    if (reliable && lang != CLD2::ENGLISH && lang != CLD2::UNKNOWN_LANGUAGE) {
      report.Skip(Where(doc), std::string("not English (") +
                                  CLD2::LanguageName(lang) + ")");
      return PrepareResult::kSkipped;
    }
  }
  return PrepareResult::kOk;
}

}  // namespace dyad
