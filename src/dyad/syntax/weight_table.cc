#include "dyad/syntax/weight_table.h"

#include <algorithm>
#include <cmath>

namespace dyad::syntax {
namespace {

size_t TableSizeFor(size_t n) {
  size_t size = 16;
  while (size < n * 2) size <<= 1;  // load <= 0.5 keeps probes short
  return size;
}

}  // namespace

void WeightTable::Insert(const Slot& slot) {
  uint32_t i = slot.key & mask_;
  while (slots_[i].key != 0) i = (i + 1) & mask_;
  slots_[i] = slot;
}

WeightTable WeightTable::Build(int num_classes,
                               std::vector<FeatureWeights> rows) {
  WeightTable t;
  t.num_classes_ = num_classes;
  std::sort(rows.begin(), rows.end(),
            [](const FeatureWeights& a, const FeatureWeights& b) {
              return a.key < b.key;
            });
  t.slots_.assign(TableSizeFor(rows.size()), Slot{0, 0, 0, 0.f});
  t.mask_ = static_cast<uint32_t>(t.slots_.size() - 1);
  for (auto& row : rows) {
    if (row.weights.empty()) continue;
    std::sort(row.weights.begin(), row.weights.end());
    float max_abs = 0;
    for (auto& [c, w] : row.weights) max_abs = std::max(max_abs, std::fabs(w));
    if (max_abs == 0) continue;
    Slot slot{row.key, static_cast<uint32_t>(t.entries_.size()), 0,
              max_abs / 32767.f};
    for (auto& [c, w] : row.weights) {
      auto q = static_cast<int16_t>(std::lround(w / slot.scale));
      if (q == 0) continue;
      t.entries_.push_back(Entry{q, c, 0});
      ++slot.count;
    }
    t.Insert(slot);
    ++t.num_features_;
  }
  return t;
}

void WeightTable::Score(const uint32_t* keys, size_t n, float* scores) const {
  // Look-ups hit random cache lines; issuing all prefetches first lets the
  // memory system fetch them in parallel instead of one miss at a time.
  for (size_t i = 0; i < n; ++i) __builtin_prefetch(&slots_[keys[i] & mask_]);
  for (size_t i = 0; i < n; ++i) {
    uint32_t key = keys[i];
    uint32_t j = key & mask_;
    while (true) {
      const Slot& s = slots_[j];
      if (s.key == key) {
        const Entry* e = entries_.data() + s.start;
        for (uint32_t k = 0; k < s.count; ++k) {
          scores[e[k].cls] += s.scale * e[k].weight;
        }
        break;
      }
      if (s.key == 0) break;
      j = (j + 1) & mask_;
    }
  }
}

// Columnar layout (all key deltas, then counts, then scales, then classes,
// then weights): each column is homogeneous, which zstd compresses far
// better than interleaved records.
void WeightTable::Write(ByteWriter& out) const {
  std::vector<const Slot*> used;
  used.reserve(num_features_);
  for (const Slot& s : slots_) {
    if (s.key != 0) used.push_back(&s);
  }
  std::sort(used.begin(), used.end(),
            [](const Slot* a, const Slot* b) { return a->key < b->key; });
  out.U32(static_cast<uint32_t>(num_classes_));
  out.U64(used.size());
  uint32_t prev = 0;
  for (const Slot* s : used) {
    out.VarU(s->key - prev);
    prev = s->key;
  }
  for (const Slot* s : used) out.VarU(s->count);
  for (const Slot* s : used) out.F32(s->scale);
  for (const Slot* s : used) {
    for (uint32_t k = 0; k < s->count; ++k) out.U8(entries_[s->start + k].cls);
  }
  for (const Slot* s : used) {
    for (uint32_t k = 0; k < s->count; ++k) {
      out.U16(static_cast<uint16_t>(entries_[s->start + k].weight));
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
  num_classes_ = static_cast<int>(classes);
  num_features_ = n;
  std::vector<Slot> used(n);
  uint32_t prev = 0;
  uint64_t total = 0;
  for (auto& s : used) {
    uint64_t delta;
    if (!in.VarU(&delta)) return *error = "truncated weight keys", false;
    prev += static_cast<uint32_t>(delta);
    s.key = prev;
  }
  for (auto& s : used) {
    uint64_t c;
    if (!in.VarU(&c) || c > classes) return *error = "bad weight counts", false;
    s.start = static_cast<uint32_t>(total);
    s.count = static_cast<uint32_t>(c);
    total += c;
  }
  for (auto& s : used) {
    if (!in.F32(&s.scale)) return *error = "truncated weight scales", false;
  }
  entries_.assign(total, Entry{0, 0, 0});
  for (auto& e : entries_) {
    if (!in.U8(&e.cls) || e.cls >= classes) {
      return *error = "bad weight classes", false;
    }
  }
  for (auto& e : entries_) {
    uint16_t w;
    if (!in.U16(&w)) return *error = "truncated weights", false;
    e.weight = static_cast<int16_t>(w);
  }
  slots_.assign(TableSizeFor(n), Slot{0, 0, 0, 0.f});
  mask_ = static_cast<uint32_t>(slots_.size() - 1);
  for (const auto& s : used) {
    if (s.key == 0) return *error = "bad weight key", false;
    Insert(s);
  }
  return true;
}

}  // namespace dyad::syntax
