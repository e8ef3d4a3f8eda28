// Cross-document duplicate detection: the same story arrives many times
// (wire copy reprinted, a page fetched twice, a lightly edited rewrite).
// Exact duplicates are found by a hash of the whitespace-collapsed text;
// near duplicates by MinHash signatures over word 3-gram shingles, indexed
// with locality-sensitive hashing (16 bands of 4 rows), confirmed when the
// estimated Jaccard similarity reaches the threshold.
//
// Memory is bounded: documents are remembered in two generations of
// `generation_size` each; when the newer one fills, the older is dropped.
// A document is thus compared with at least the last `generation_size`
// documents before it (and at most twice that), about 1.3 KB each.
//
// Thread safety: not thread-safe. Call Check() on documents in input order,
// so results are deterministic.
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

  explicit DuplicateDetector(double threshold = 0.7,
                             size_t generation_size = 100000)
      : threshold_(threshold), generation_size_(generation_size) {}

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
  struct Generation {
    std::unordered_map<uint64_t, uint32_t> exact;  // content hash -> doc
    std::vector<std::unordered_map<uint64_t, std::vector<uint32_t>>> bands{
        kBands};
    std::vector<std::string> ids;
    std::vector<Signature> signatures;
  };
  // The best earlier match in one generation, or nothing.
  std::optional<DuplicateOf> Find(const Generation& g, const Fingerprint& fp) const;

  double threshold_;
  size_t generation_size_;
  Generation older_, newer_;
};

}  // namespace dyad
