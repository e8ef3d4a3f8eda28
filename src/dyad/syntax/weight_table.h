// The runtime weights of a linear classifier (tagger or parser): for each
// hashed feature key, a short sparse list of (class, weight) pairs. Weights
// are stored as int16 with one float scale per feature, which keeps the
// table small enough to stay mostly in cache and the model file compact.
//
// Thread safety: immutable after Build/Read; Score may be called from many
// threads at once.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dyad/syntax/byte_io.h"

namespace dyad::syntax {

// One feature's weights as produced by training, before quantization.
struct FeatureWeights {
  uint32_t key = 0;
  std::vector<std::pair<uint8_t, float>> weights;  // (class, weight)
};

class WeightTable {
 public:
  // REQUIRES: num_classes <= 256, keys unique and non-zero.
  static WeightTable Build(int num_classes, std::vector<FeatureWeights> rows);

  int num_classes() const { return num_classes_; }
  size_t num_features() const { return num_features_; }
  size_t num_weights() const { return entries_.size(); }

  // Adds the weights of every known key to scores[0..num_classes). Unknown
  // keys contribute nothing.
  void Score(const uint32_t* keys, size_t n, float* scores) const;

  void Write(ByteWriter& out) const;
  bool Read(ByteReader& in, std::string* error);

 private:
  struct Slot {
    uint32_t key;  // 0 = empty
    uint32_t start;
    uint32_t count;
    float scale;
  };
  struct Entry {
    int16_t weight;
    uint8_t cls;
    uint8_t unused;
  };
  void Insert(const Slot& slot);

  int num_classes_ = 0;
  size_t num_features_ = 0;
  uint32_t mask_ = 0;
  std::vector<Slot> slots_;
  std::vector<Entry> entries_;
};

}  // namespace dyad::syntax
