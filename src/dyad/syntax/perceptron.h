// Averaged perceptron trainer over hashed feature keys (training only; the
// runtime uses the WeightTable it produces). Weights are sparse per
// feature: only classes that were ever updated take memory (the 102-class
// tagger has a few hundred thousand features).
//
// Averaging uses the "clock * delta" trick (Daume 2006): each update also
// adds clock*delta to an accumulator, so the average is w - acc/clock and
// no per-step bookkeeping is needed.
//
// Thread safety: none; one trainer per thread.
#pragma once

#include <cstdint>
#include <vector>

#include "dyad/syntax/weight_table.h"

namespace dyad::syntax {

class PerceptronTrainer {
 public:
  explicit PerceptronTrainer(int num_classes);

  int num_classes() const { return num_classes_; }
  // Adds the current (non-averaged) weights to scores[0..num_classes).
  void Score(const uint32_t* keys, size_t n, float* scores) const;
  // Moves weights towards `gold` and away from `guess` (no-op if equal).
  void Update(const uint32_t* keys, size_t n, int gold, int guess);
  // Advances the averaging clock; call once per training decision.
  void Tick() { ++clock_; }

  // Averaged weights, dropping those with |w| < prune; keys whose weights
  // are all pruned disappear.
  WeightTable Averaged(float prune) const;
  size_t num_features() const { return rows_.size(); }

 private:
  struct Weight {
    uint16_t cls;
    float w;
    double acc;
  };
  int32_t FindRow(uint32_t key) const;
  uint32_t FindOrAddRow(uint32_t key);
  void Add(uint32_t row, int cls, float delta);
  void Grow();

  int num_classes_;
  double clock_ = 1;
  std::vector<uint32_t> slot_keys_;  // open addressing, 0 = empty
  std::vector<uint32_t> slot_rows_;
  std::vector<std::vector<Weight>> rows_;
};

}  // namespace dyad::syntax
