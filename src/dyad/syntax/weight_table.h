// The runtime weights of the tagger's linear classifier: for each
// hashed feature key, its class weights. Weights are stored as int16 with
// one float scale per feature. A feature with weights for many classes
// (typically the frequent tag-only features) keeps a dense row, added with
// vectorizable loops; a rare feature keeps a short sparse list of
// (class, weight) pairs. The open-addressing index holds 8-byte slots
// (key, row offset) at load <= 0.5 (the perceptron parser this was built
// for had 549k features, 1.35M weights, 24 MB in memory of which 17 MB
// index).
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
  size_t num_weights() const { return num_weights_; }
  size_t num_dense_rows() const { return num_dense_; }
  // Bytes of the in-memory index and rows.
  size_t memory_bytes() const {
    return slots_.size() * sizeof(Slot) + arena_.size() * sizeof(int16_t);
  }

  // Adds the weights of every known key to scores[0..num_classes). Unknown
  // keys contribute nothing. At most kMaxKeys keys per call.
  static constexpr size_t kMaxKeys = 256;
  void Score(const uint32_t* keys, size_t n, float* scores) const;

  // The (dequantized) rows, sorted by key.
  std::vector<FeatureWeights> Rows() const;
  // A copy without weights whose magnitude is below min_abs (features left
  // with no weight disappear).
  WeightTable Pruned(float min_abs) const;

  void Write(ByteWriter& out) const;
  bool Read(ByteReader& in, std::string* error);

 private:
  struct Slot {
    uint32_t key;  // 0 = empty
    uint32_t row;  // offset of the row in arena_
  };
  // Row layout in arena_ (int16 units): scale (float, 2 units), count
  // (kDense for a dense row), then num_classes_ weights (dense) or count
  // weights followed by count class bytes packed two per unit (sparse).
  static constexpr int16_t kDense = -1;
  void AddRow(uint32_t key, float scale, const uint8_t* cls,
              const int16_t* w, int count);
  void Index();

  int num_classes_ = 0;
  size_t num_features_ = 0;
  size_t num_weights_ = 0;
  size_t num_dense_ = 0;
  uint32_t mask_ = 0;
  std::vector<Slot> slots_;
  std::vector<uint32_t> keys_;  // in row order (sorted), for Index/Write
  std::vector<uint32_t> rows_;  // row offsets, parallel to keys_
  std::vector<int16_t> arena_;
};

}  // namespace dyad::syntax
