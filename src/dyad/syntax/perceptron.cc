#include "dyad/syntax/perceptron.h"

#include <cmath>

namespace dyad::syntax {

PerceptronTrainer::PerceptronTrainer(int num_classes)
    : num_classes_(num_classes),
      slot_keys_(1 << 16, 0),
      slot_rows_(1 << 16, 0) {}

int32_t PerceptronTrainer::FindRow(uint32_t key) const {
  uint32_t mask = static_cast<uint32_t>(slot_keys_.size() - 1);
  for (uint32_t i = key & mask;; i = (i + 1) & mask) {
    if (slot_keys_[i] == key) return static_cast<int32_t>(slot_rows_[i]);
    if (slot_keys_[i] == 0) return -1;
  }
}

void PerceptronTrainer::Grow() {
  std::vector<uint32_t> keys(slot_keys_.size() * 2, 0);
  std::vector<uint32_t> rows(keys.size(), 0);
  uint32_t mask = static_cast<uint32_t>(keys.size() - 1);
  for (size_t j = 0; j < slot_keys_.size(); ++j) {
    if (slot_keys_[j] == 0) continue;
    uint32_t i = slot_keys_[j] & mask;
    while (keys[i] != 0) i = (i + 1) & mask;
    keys[i] = slot_keys_[j];
    rows[i] = slot_rows_[j];
  }
  slot_keys_.swap(keys);
  slot_rows_.swap(rows);
}

uint32_t PerceptronTrainer::FindOrAddRow(uint32_t key) {
  if ((rows_.size() + 1) * 2 > slot_keys_.size()) Grow();
  uint32_t mask = static_cast<uint32_t>(slot_keys_.size() - 1);
  uint32_t i = key & mask;
  for (;; i = (i + 1) & mask) {
    if (slot_keys_[i] == key) return slot_rows_[i];
    if (slot_keys_[i] == 0) break;
  }
  slot_keys_[i] = key;
  slot_rows_[i] = static_cast<uint32_t>(rows_.size());
  rows_.emplace_back();
  return slot_rows_[i];
}

void PerceptronTrainer::Score(const uint32_t* keys, size_t n,
                              float* scores) const {
  for (size_t i = 0; i < n; ++i) {
    int32_t row = FindRow(keys[i]);
    if (row < 0) continue;
    for (const Weight& w : rows_[row]) scores[w.cls] += w.w;
  }
}

void PerceptronTrainer::Add(uint32_t row, int cls, float delta) {
  for (Weight& w : rows_[row]) {
    if (w.cls == cls) {
      w.w += delta;
      w.acc += clock_ * delta;
      return;
    }
  }
  rows_[row].push_back(Weight{static_cast<uint16_t>(cls), delta,
                              clock_ * delta});
}

void PerceptronTrainer::Update(const uint32_t* keys, size_t n, int gold,
                               int guess) {
  if (gold == guess) return;
  for (size_t i = 0; i < n; ++i) {
    uint32_t row = FindOrAddRow(keys[i]);
    Add(row, gold, 1.f);
    Add(row, guess, -1.f);
  }
}

WeightTable PerceptronTrainer::Averaged(float prune) const {
  std::vector<FeatureWeights> out;
  out.reserve(rows_.size());
  for (size_t j = 0; j < slot_keys_.size(); ++j) {
    if (slot_keys_[j] == 0) continue;
    FeatureWeights fw;
    fw.key = slot_keys_[j];
    for (const Weight& w : rows_[slot_rows_[j]]) {
      float avg = static_cast<float>(w.w - w.acc / clock_);
      if (std::fabs(avg) >= prune && avg != 0.f) {
        fw.weights.emplace_back(static_cast<uint8_t>(w.cls), avg);
      }
    }
    if (!fw.weights.empty()) out.push_back(std::move(fw));
  }
  return WeightTable::Build(num_classes_, std::move(out));
}

}  // namespace dyad::syntax
