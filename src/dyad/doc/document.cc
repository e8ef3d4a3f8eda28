#include "dyad/doc/document.h"

#include <array>

namespace dyad {

namespace {
constexpr std::array<std::string_view, static_cast<size_t>(Upos::kCount)>
    kUposNames = {"_",    "ADJ",   "ADP",  "ADV",  "AUX",   "CCONJ",
                  "DET",  "INTJ",  "NOUN", "NUM",  "PART",  "PRON",
                  "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};
}  // namespace

std::string_view UposName(Upos upos) {
  auto i = static_cast<size_t>(upos);
  return i < kUposNames.size() ? kUposNames[i] : kUposNames[0];
}

Upos UposFromName(std::string_view name) {
  for (size_t i = 1; i < kUposNames.size(); ++i)
    if (kUposNames[i] == name) return static_cast<Upos>(i);
  return Upos::kUnknown;
}

Span Document::ToOriginal(Span s) const {
  if (norm_to_orig.empty()) return s;  // text is the original
  uint32_t n = static_cast<uint32_t>(text.size());
  uint32_t start = norm_to_orig[s.start < n ? s.start : n];
  if (s.end == 0) return {start, start};
  // The end maps to where the character holding byte end-1 stops in the
  // original: the next position whose source differs.
  uint32_t last = norm_to_orig[s.end - 1];
  uint32_t k = s.end;
  while (k < n && norm_to_orig[k] == last) ++k;
  return {start, norm_to_orig[k]};
}

}  // namespace dyad
