// Cross-document duplicate detection: the same story arrives many times
// (wire copy reprinted, a page fetched twice, a lightly edited rewrite).
// Exact duplicates are found by a hash of the whitespace-collapsed text;
// near duplicates by MinHash signatures over word 3-gram shingles, indexed
// with locality-sensitive hashing (16 bands of 4 rows), confirmed when the
// estimated Jaccard similarity reaches the threshold.
//
// Thread safety: not thread-safe. Call Check() on documents in input order
// (it remembers every document it has seen), so results are deterministic.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dyad {

struct DuplicateOf {
  std::string id;     // the earlier document
  double similarity;  // 1.0 for exact copies
};

class DuplicateDetector {
 public:
  static constexpr int kHashes = 64;
  static constexpr int kBands = 16;
  using Signature = std::array<uint64_t, kHashes>;

  // What Check() compares: computed from the text alone, so it can be made
  // in parallel before the ordered Check().
  struct Fingerprint {
    uint64_t exact = 0;      // hash of the whitespace-collapsed text
    bool comparable = false;  // enough words for a MinHash signature
    Signature signature{};
  };
  static Fingerprint MakeFingerprint(std::string_view text);

  explicit DuplicateDetector(double threshold = 0.7) : threshold_(threshold) {}

  // Returns the earlier document `text` duplicates, or nothing (and then
  // remembers it under `id`).
  std::optional<DuplicateOf> Check(std::string_view id, std::string_view text) {
    return Check(id, MakeFingerprint(text));
  }
  std::optional<DuplicateOf> Check(std::string_view id, const Fingerprint& fp);

  // MinHash signature of a text; false if it has too few words to compare.
  static bool Sign(std::string_view text, Signature* out);
  static double Similarity(const Signature& a, const Signature& b);

 private:
  double threshold_;
  std::unordered_map<uint64_t, uint32_t> exact_;  // content hash -> doc
  std::vector<std::unordered_map<uint64_t, std::vector<uint32_t>>> bands_{
      kBands};
  std::vector<std::string> ids_;
  std::vector<Signature> signatures_;
};

}  // namespace dyad
