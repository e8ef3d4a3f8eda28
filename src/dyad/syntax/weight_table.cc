#include "dyad/syntax/weight_table.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace dyad::syntax {
namespace {

size_t TableSizeFor(size_t n) {
  size_t size = 16;
  while (size < n * 2) size <<= 1;  // load <= 0.5 keeps probes short
  return size;
}

}  // namespace

void WeightTable::AddRow(uint32_t key, float scale, const uint8_t* cls,
                         const int16_t* w, int count) {
  keys_.push_back(key);
  rows_.push_back(static_cast<uint32_t>(arena_.size()));
  int16_t head[3];
  std::memcpy(head, &scale, sizeof scale);
  // Dense when that is no bigger than the sparse list (2 bytes per class
  // against 3 per weight) or the row is long enough for SIMD to win.
  const bool dense = count * 3 >= num_classes_;
  head[2] = dense ? kDense : static_cast<int16_t>(count);
  arena_.insert(arena_.end(), head, head + 3);
  if (dense) {
    size_t at = arena_.size();
    arena_.resize(at + num_classes_, 0);
    for (int k = 0; k < count; ++k) arena_[at + cls[k]] = w[k];
    ++num_dense_;
  } else {
    arena_.insert(arena_.end(), w, w + count);
    for (int k = 0; k < count; k += 2) {
      uint16_t packed = static_cast<uint16_t>(
          cls[k] | (k + 1 < count ? cls[k + 1] << 8 : 0));
      arena_.push_back(static_cast<int16_t>(packed));
    }
  }
  num_weights_ += count;
  ++num_features_;
}

void WeightTable::Index() {
  slots_.assign(TableSizeFor(keys_.size()), Slot{0, 0});
  mask_ = static_cast<uint32_t>(slots_.size() - 1);
  for (size_t r = 0; r < keys_.size(); ++r) {
    uint32_t i = keys_[r] & mask_;
    while (slots_[i].key != 0) i = (i + 1) & mask_;
    slots_[i] = Slot{keys_[r], rows_[r]};
  }
}

WeightTable WeightTable::Build(int num_classes,
                               std::vector<FeatureWeights> rows) {
  WeightTable t;
  t.num_classes_ = num_classes;
  std::sort(rows.begin(), rows.end(),
            [](const FeatureWeights& a, const FeatureWeights& b) {
              return a.key < b.key;
            });
  std::vector<uint8_t> cls;
  std::vector<int16_t> w;
  for (auto& row : rows) {
    if (row.weights.empty()) continue;
    std::sort(row.weights.begin(), row.weights.end());
    float max_abs = 0;
    for (auto& [c, x] : row.weights) max_abs = std::max(max_abs, std::fabs(x));
    if (max_abs == 0) continue;
    const float scale = max_abs / 32767.f;
    cls.clear();
    w.clear();
    for (auto& [c, x] : row.weights) {
      auto q = static_cast<int16_t>(std::lround(x / scale));
      if (q == 0) continue;
      cls.push_back(c);
      w.push_back(q);
    }
    t.AddRow(row.key, scale, cls.data(), w.data(), static_cast<int>(w.size()));
  }
  t.Index();
  return t;
}

void WeightTable::Score(const uint32_t* keys, size_t n, float* scores) const {
  // Look-ups hit random cache lines. Three passes let the memory system
  // fetch them in parallel instead of one miss at a time: prefetch all
  // slots, resolve keys to rows (prefetching the rows), then add.
  const int16_t* rows[kMaxKeys];
  n = std::min(n, kMaxKeys);
  for (size_t i = 0; i < n; ++i) __builtin_prefetch(&slots_[keys[i] & mask_]);
  size_t m = 0;
  for (size_t i = 0; i < n; ++i) {
    const uint32_t key = keys[i];
    for (uint32_t j = key & mask_;; j = (j + 1) & mask_) {
      const Slot& s = slots_[j];
      if (s.key == key) {
        rows[m] = arena_.data() + s.row;
        __builtin_prefetch(rows[m]);
        __builtin_prefetch(rows[m] + 32);
        ++m;
        break;
      }
      if (s.key == 0) break;
    }
  }
  const int c = num_classes_;
  for (size_t i = 0; i < m; ++i) {
    const int16_t* r = rows[i];
    float scale;
    std::memcpy(&scale, r, sizeof scale);
    const int count = r[2];
    const int16_t* w = r + 3;
    if (count == kDense) {
      for (int k = 0; k < c; ++k) scores[k] += scale * w[k];
    } else {
      const auto* cls = reinterpret_cast<const uint8_t*>(w + count);
      for (int k = 0; k < count; ++k) scores[cls[k]] += scale * w[k];
    }
  }
}

std::vector<FeatureWeights> WeightTable::Rows() const {
  std::vector<FeatureWeights> out(keys_.size());
  for (size_t i = 0; i < keys_.size(); ++i) {
    const int16_t* r = arena_.data() + rows_[i];
    float scale;
    std::memcpy(&scale, r, sizeof scale);
    const int count = r[2];
    const int16_t* w = r + 3;
    out[i].key = keys_[i];
    if (count == kDense) {
      for (int k = 0; k < num_classes_; ++k) {
        if (w[k] != 0) {
          out[i].weights.emplace_back(static_cast<uint8_t>(k), scale * w[k]);
        }
      }
    } else {
      const auto* cls = reinterpret_cast<const uint8_t*>(w + count);
      for (int k = 0; k < count; ++k) {
        out[i].weights.emplace_back(cls[k], scale * w[k]);
      }
    }
  }
  return out;
}

WeightTable WeightTable::Pruned(float min_abs) const {
  std::vector<FeatureWeights> rows = Rows();
  for (auto& row : rows) {
    std::erase_if(row.weights,
                  [&](const auto& cw) { return std::fabs(cw.second) < min_abs; });
  }
  return Build(num_classes_, std::move(rows));
}

// Columnar layout (all key deltas, then counts, then scales, then classes,
// then weights): each column is homogeneous, which zstd compresses far
// better than interleaved records. Keys are in increasing order.
void WeightTable::Write(ByteWriter& out) const {
  std::vector<FeatureWeights> rows = Rows();
  out.U32(static_cast<uint32_t>(num_classes_));
  out.U64(rows.size());
  uint32_t prev = 0;
  for (const auto& r : rows) {
    out.VarU(r.key - prev);
    prev = r.key;
  }
  for (const auto& r : rows) out.VarU(r.weights.size());
  std::vector<float> scales(rows.size());
  for (size_t i = 0; i < rows.size(); ++i) {
    std::memcpy(&scales[i], arena_.data() + rows_[i], sizeof(float));
    out.F32(scales[i]);
  }
  for (const auto& r : rows) {
    for (const auto& [c, w] : r.weights) out.U8(c);
  }
  for (size_t i = 0; i < rows.size(); ++i) {
    for (const auto& [c, w] : rows[i].weights) {
      out.U16(static_cast<uint16_t>(
          static_cast<int16_t>(std::lround(w / scales[i]))));
    }
  }
}

bool WeightTable::Read(ByteReader& in, std::string* error) {
  uint32_t classes;
  uint64_t n;
  if (!in.U32(&classes) || !in.U64(&n) || classes == 0 || classes > 256 ||
      n > (1ull << 28)) {
    *error = "corrupt weight table header";
    return false;
  }
  *this = WeightTable();
  num_classes_ = static_cast<int>(classes);
  std::vector<uint32_t> keys(n), counts(n);
  std::vector<float> scales(n);
  uint32_t prev = 0;
  uint64_t total = 0;
  for (size_t i = 0; i < n; ++i) {
    uint64_t delta;
    if (!in.VarU(&delta)) return *error = "truncated weight keys", false;
    if ((delta == 0 && i > 0) || prev + delta > 0xFFFFFFFFull) {
      return *error = "bad weight key", false;
    }
    prev += static_cast<uint32_t>(delta);
    if (prev == 0) return *error = "bad weight key", false;
    keys[i] = prev;
  }
  for (auto& c : counts) {
    uint64_t v;
    if (!in.VarU(&v) || v > classes) return *error = "bad weight counts", false;
    c = static_cast<uint32_t>(v);
    total += v;
  }
  for (auto& s : scales) {
    if (!in.F32(&s)) return *error = "truncated weight scales", false;
  }
  std::vector<uint8_t> cls(total);
  std::vector<int16_t> w(total);
  for (auto& c : cls) {
    if (!in.U8(&c) || c >= classes) return *error = "bad weight classes", false;
  }
  for (auto& x : w) {
    uint16_t v;
    if (!in.U16(&v)) return *error = "truncated weights", false;
    x = static_cast<int16_t>(v);
  }
  size_t at = 0;
  for (size_t i = 0; i < n; ++i) {
    for (uint32_t k = 1; k < counts[i]; ++k) {
      if (cls[at + k] <= cls[at + k - 1]) {
        return *error = "unsorted weight classes", false;
      }
    }
    AddRow(keys[i], scales[i], cls.data() + at, w.data() + at,
           static_cast<int>(counts[i]));
    at += counts[i];
  }
  Index();
  return true;
}

}  // namespace dyad::syntax
