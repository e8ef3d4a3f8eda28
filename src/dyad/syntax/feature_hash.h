// Feature hashing for the tagger (and word hashes for the parser). A feature is a template id and
// up to three integer values; it becomes one 32-bit key in a weight table.
// Keys are deterministic across runs and machines (no std::hash), because
// the trained model stores them.
//
// Thread safety: pure functions.
#pragma once

#include <cstdint>
#include <string_view>

#include <xxhash.h>

namespace dyad::syntax {

inline uint64_t HashString(std::string_view s) {
  return XXH3_64bits(s.data(), s.size());
}

inline uint64_t MixStep(uint64_t h, uint64_t v) {
  h = (h ^ v) * 0x9E3779B97F4A7C15ULL;
  return h ^ (h >> 31);
}

// Key 0 marks an empty slot in WeightTable, so it is never produced.
inline uint32_t FoldKey(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  uint32_t k = static_cast<uint32_t>(h);
  return k == 0 ? 1 : k;
}

inline uint32_t FeatureKey(uint32_t tmpl, uint64_t a) {
  return FoldKey(MixStep(tmpl + 0x51ED2701ULL, a));
}
inline uint32_t FeatureKey(uint32_t tmpl, uint64_t a, uint64_t b) {
  return FoldKey(MixStep(MixStep(tmpl + 0x51ED2701ULL, a), b));
}
inline uint32_t FeatureKey(uint32_t tmpl, uint64_t a, uint64_t b, uint64_t c) {
  return FoldKey(MixStep(MixStep(MixStep(tmpl + 0x51ED2701ULL, a), b), c));
}

}  // namespace dyad::syntax
