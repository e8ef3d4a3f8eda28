#include "dyad/ingest/dedup.h"

#include <xxhash.h>

#include <algorithm>

namespace dyad {

namespace {

constexpr int kShingle = 3;
constexpr int kRows = DuplicateDetector::kHashes / DuplicateDetector::kBands;

bool IsSpaceByte(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

// Lowercased ASCII words with punctuation stripped, hashed.
std::vector<uint64_t> WordHashes(std::string_view text) {
  std::vector<uint64_t> words;
  std::string w;
  auto flush = [&] {
    if (!w.empty()) words.push_back(XXH64(w.data(), w.size(), 0));
    w.clear();
  };
  for (char c : text) {
    if (IsSpaceByte(c)) {
      flush();
    } else if ((c >= 'A' && c <= 'Z')) {
      w.push_back(static_cast<char>(c - 'A' + 'a'));
    } else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               static_cast<unsigned char>(c) >= 0x80) {
      w.push_back(c);
    }
  }
  flush();
  return words;
}

uint64_t Mix(uint64_t x) {  // splitmix64 finalizer
  x ^= x >> 30;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 27;
  x *= 0x94d049bb133111ebULL;
  x ^= x >> 31;
  return x;
}

uint64_t CollapsedHash(std::string_view text) {
  XXH64_state_t* st = XXH64_createState();
  XXH64_reset(st, 0);
  bool space = false;
  for (size_t i = 0; i < text.size();) {
    size_t j = i;
    while (j < text.size() && !IsSpaceByte(text[j])) ++j;
    if (j > i) {
      if (space) XXH64_update(st, " ", 1);
      XXH64_update(st, text.data() + i, j - i);
      space = true;
    }
    i = j + 1;
  }
  uint64_t h = XXH64_digest(st);
  XXH64_freeState(st);
  return h;
}

}  // namespace

bool DuplicateDetector::Sign(std::string_view text, Signature* out) {
  std::vector<uint64_t> words = WordHashes(text);
  if (words.size() < static_cast<size_t>(kShingle) + 4) return false;
  // 64 hash functions as h_i(x) = a_i * x + b_i over a well-mixed shingle
  // hash: one multiply-add each instead of a full mix.
  static const auto kCoefficients = [] {
    std::array<std::pair<uint64_t, uint64_t>, kHashes> c{};
    uint64_t seed = 0x243F6A8885A308D3ULL;
    for (auto& [a, b] : c) {
      a = Mix(seed += 0x9e3779b97f4a7c15ULL) | 1;
      b = Mix(seed += 0x9e3779b97f4a7c15ULL);
    }
    return c;
  }();
  out->fill(~0ULL);
  for (size_t i = 0; i + kShingle <= words.size(); ++i) {
    uint64_t shingle = 0;
    for (int k = 0; k < kShingle; ++k) shingle = Mix(shingle ^ words[i + k]);
    for (int h = 0; h < kHashes; ++h) {
      uint64_t v = kCoefficients[h].first * shingle + kCoefficients[h].second;
      (*out)[h] = std::min((*out)[h], v);
    }
  }
  return true;
}

double DuplicateDetector::Similarity(const Signature& a, const Signature& b) {
  int same = 0;
  for (int h = 0; h < kHashes; ++h) same += a[h] == b[h];
  return static_cast<double>(same) / kHashes;
}

DuplicateDetector::Fingerprint DuplicateDetector::MakeFingerprint(
    std::string_view text) {
  Fingerprint fp;
  fp.exact = CollapsedHash(text);
  fp.comparable = Sign(text, &fp.signature);
  return fp;
}

std::optional<DuplicateOf> DuplicateDetector::Find(const Generation& g,
                                                   const Fingerprint& fp) const {
  if (auto it = g.exact.find(fp.exact); it != g.exact.end())
    return DuplicateOf{g.ids[it->second], 1.0};
  if (!fp.comparable) return std::nullopt;
  // Candidates share at least one band; the earliest best match wins.
  std::optional<DuplicateOf> best;
  uint32_t best_index = UINT32_MAX;
  for (int b = 0; b < kBands; ++b) {
    uint64_t key = XXH64(&fp.signature[b * kRows], kRows * sizeof(uint64_t), b);
    auto it = g.bands[b].find(key);
    if (it == g.bands[b].end()) continue;
    for (uint32_t other : it->second) {
      double s = Similarity(fp.signature, g.signatures[other]);
      if (s >= threshold_ &&
          (!best || s > best->similarity ||
           (s == best->similarity && other < best_index))) {
        best = DuplicateOf{g.ids[other], s};
        best_index = other;
      }
    }
  }
  return best;
}

std::optional<DuplicateOf> DuplicateDetector::Check(std::string_view id,
                                                    const Fingerprint& fp) {
  std::optional<DuplicateOf> old_match = Find(older_, fp);
  if (old_match && old_match->similarity >= 1.0) return old_match;
  std::optional<DuplicateOf> new_match = Find(newer_, fp);
  if (old_match && (!new_match || old_match->similarity >= new_match->similarity))
    return old_match;
  if (new_match) return new_match;
  if (newer_.ids.size() >= generation_size_) {
    older_ = std::move(newer_);
    newer_ = Generation();
  }
  Generation& g = newer_;
  const auto index = static_cast<uint32_t>(g.ids.size());
  g.exact.emplace(fp.exact, index);
  g.ids.emplace_back(id);
  g.signatures.push_back(fp.comparable ? fp.signature : Signature{});
  if (fp.comparable)
    for (int b = 0; b < kBands; ++b) {
      uint64_t key = XXH64(&fp.signature[b * kRows], kRows * sizeof(uint64_t), b);
      g.bands[b][key].push_back(index);
    }
  return std::nullopt;
}

}  // namespace dyad
