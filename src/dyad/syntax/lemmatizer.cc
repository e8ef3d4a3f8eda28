#include "dyad/syntax/lemmatizer.h"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>

#include "dyad/syntax/conllu.h"
#include "dyad/syntax/feature_hash.h"
#include "dyad/syntax/word_info.h"

namespace dyad::syntax {
namespace {

constexpr size_t kMaxSuffix = 5;

uint64_t ExceptionKey(uint64_t lower_hash, uint64_t xpos_hash) {
  return MixStep(MixStep(0xE7CE, lower_hash), xpos_hash);
}
uint64_t SuffixKey(uint64_t xpos_hash, std::string_view suffix) {
  return MixStep(MixStep(0x5FF1, xpos_hash), HashString(suffix));
}

bool KeepsCase(const ConlluWord& w) {
  return w.upos == "PROPN" || w.xpos == "NNP" || w.xpos == "NNPS";
}

}  // namespace

Lemmatizer Lemmatizer::Learn(const std::vector<ConlluSentence>& train) {
  Lemmatizer lem;
  // Exceptions: most frequent lemma per (lower, xpos); ties go to the
  // lexicographically smaller lemma so the result is deterministic.
  std::map<std::pair<std::string, std::string>, std::map<std::string, int>>
      counts;
  std::set<std::tuple<std::string, std::string, std::string, bool>> types;
  std::string lower;
  for (const auto& s : train) {
    for (const auto& w : s.words) {
      if (w.lemma == "_" || w.lemma.empty()) continue;
      LowercaseAscii(w.form, &lower);
      ++counts[{lower, w.xpos}][w.lemma];
      types.emplace(KeepsCase(w) ? w.form : lower, w.xpos, w.lemma,
                    KeepsCase(w));
    }
  }
  std::map<std::string, uint32_t> lemma_ids;
  for (const auto& [key, lemmas] : counts) {
    const std::string* best = nullptr;
    int best_count = 0;
    for (const auto& [lemma, c] : lemmas) {
      if (c > best_count) {
        best = &lemma;
        best_count = c;
      }
    }
    auto [it, added] = lemma_ids.emplace(*best, lem.lemmas_.size());
    if (added) lem.lemmas_.push_back(*best);
    lem.exceptions_.Set(
        ExceptionKey(HashString(key.first), HashString(key.second)),
        it->second);
  }
  // Suffix rules over word types, so frequent irregular words do not
  // outvote the regular pattern.
  std::map<std::pair<std::string, std::string>,
           std::map<std::pair<uint32_t, std::string>, int>>
      rule_counts;
  for (const auto& [base, xpos, lemma, keep] : types) {
    size_t lcp = 0;
    while (lcp < base.size() && lcp < lemma.size() && base[lcp] == lemma[lcp]) {
      ++lcp;
    }
    uint32_t strip = static_cast<uint32_t>(base.size() - lcp);
    std::string append = lemma.substr(lcp);
    for (size_t len = std::max<size_t>(strip, 1);
         len <= kMaxSuffix && len <= base.size(); ++len) {
      ++rule_counts[{xpos, base.substr(base.size() - len)}][{strip, append}];
    }
  }
  std::map<std::pair<uint32_t, std::string>, uint32_t> rule_ids;
  for (const auto& [key, rules] : rule_counts) {
    const std::pair<uint32_t, std::string>* best = nullptr;
    int best_count = 0, total = 0;
    for (const auto& [rule, c] : rules) {
      total += c;
      if (c > best_count) {
        best = &rule;
        best_count = c;
      }
    }
    if (total < 2) continue;  // a single type is not a pattern
    auto [it, added] = rule_ids.emplace(*best, lem.rules_.size());
    if (added) lem.rules_.push_back(Rule{best->first, best->second});
    lem.rules_by_suffix_.Set(SuffixKey(HashString(key.first), key.second),
                             it->second);
  }
  return lem;
}

void Lemmatizer::Lemmatize(std::string_view form, uint64_t xpos_hash,
                           bool keep_case, std::string* scratch,
                           std::string* out) const {
  LowercaseAscii(form, scratch);
  uint32_t id;
  if (exceptions_.Get(ExceptionKey(HashString(*scratch), xpos_hash), &id)) {
    out->append(lemmas_[id]);
    return;
  }
  std::string_view base = keep_case ? form : std::string_view(*scratch);
  for (size_t len = std::min(kMaxSuffix, base.size()); len >= 1; --len) {
    if (!rules_by_suffix_.Get(
            SuffixKey(xpos_hash, base.substr(base.size() - len)), &id)) {
      continue;
    }
    const Rule& r = rules_[id];
    if (r.strip > len) continue;
    out->append(base.substr(0, base.size() - r.strip));
    out->append(r.append);
    return;
  }
  out->append(base);
}

void Lemmatizer::Write(ByteWriter& out) const {
  exceptions_.Write(out);
  out.VarU(lemmas_.size());
  for (const auto& l : lemmas_) out.Str(l);
  rules_by_suffix_.Write(out);
  out.VarU(rules_.size());
  for (const auto& r : rules_) {
    out.VarU(r.strip);
    out.Str(r.append);
  }
}

bool Lemmatizer::Read(ByteReader& in, std::string* error) {
  uint64_t n;
  if (!exceptions_.Read(in, error)) return false;
  if (!in.VarU(&n) || n > (1u << 24)) return *error = "bad lemma table", false;
  lemmas_.resize(n);
  for (auto& l : lemmas_) {
    if (!in.Str(&l)) return *error = "truncated lemma table", false;
  }
  if (!rules_by_suffix_.Read(in, error)) return false;
  if (!in.VarU(&n) || n > (1u << 24)) return *error = "bad lemma rules", false;
  rules_.resize(n);
  for (auto& r : rules_) {
    uint64_t strip;
    if (!in.VarU(&strip) || !in.Str(&r.append)) {
      return *error = "truncated lemma rules", false;
    }
    r.strip = static_cast<uint32_t>(strip);
  }
  // Indices must point inside the tables; checked once here so Lemmatize
  // needs no bounds checks.
  if (!exceptions_.ValuesBelow(static_cast<uint32_t>(lemmas_.size())) ||
      !rules_by_suffix_.ValuesBelow(static_cast<uint32_t>(rules_.size()))) {
    return *error = "lemma table index out of range", false;
  }
  return true;
}

}  // namespace dyad::syntax
