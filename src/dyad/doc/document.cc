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

uint32_t Document::DatelineLength(uint32_t sentence) const {
  constexpr uint32_t kMaxDateline = 12;  // "SAN JOSE, Costa Rica, March 3 -"
  // The story's first paragraph after at most two headline lines.
  constexpr uint32_t kMaxLeadParagraph = 2;
  if (sentence >= sentences.size()) return 0;
  const Sentence& s = sentences[sentence];
  if (s.paragraph > kMaxLeadParagraph ||
      (sentence > 0 && sentences[sentence - 1].paragraph == s.paragraph))
    return 0;
  auto form = [&](uint32_t k) { return Form(tokens[s.first_token + k]); };
  auto capitals = [](std::string_view w) {
    int letters = 0;
    for (char c : w) {
      if (c >= 'a' && c <= 'z') return false;
      letters += c >= 'A' && c <= 'Z';
    }
    return letters > 0;
  };
  // A place in capitals ("PORT-AU-PRINCE", "TEL AVIV"), then a dash
  // straight away or after a comma and a few words.
  uint32_t k = 0;
  while (k < s.token_count && k < 4 && capitals(form(k))) ++k;
  if (k == 0 || (k == 1 && form(0).size() < 3)) return 0;
  bool comma = k < s.token_count && form(k) == ",";
  for (uint32_t i = k; i < std::min(s.token_count, kMaxDateline); ++i) {
    std::string_view f = form(i);
    if (f == "-" || f == "--" || f == "\xE2\x80\x94" || f == "\xE2\x80\x93")
      return i + 1 < s.token_count ? i + 1 : 0;
    if (!comma) return 0;
  }
  return 0;
}

}  // namespace dyad
