#include "dyad/syntax/u64_map.h"

#include <algorithm>

namespace dyad::syntax {

void U64Map::Grow() {
  std::vector<uint64_t> keys(std::max<size_t>(16, keys_.size() * 2), 0);
  std::vector<uint32_t> values(keys.size(), 0);
  size_t mask = keys.size() - 1;
  for (size_t j = 0; j < keys_.size(); ++j) {
    if (keys_[j] == 0) continue;
    size_t i = keys_[j] & mask;
    while (keys[i] != 0) i = (i + 1) & mask;
    keys[i] = keys_[j];
    values[i] = values_[j];
  }
  keys_.swap(keys);
  values_.swap(values);
}

void U64Map::Set(uint64_t key, uint32_t value) {
  key = Stored(key);
  if ((size_ + 1) * 2 > keys_.size()) Grow();
  size_t mask = keys_.size() - 1;
  size_t i = key & mask;
  while (keys_[i] != 0 && keys_[i] != key) i = (i + 1) & mask;
  if (keys_[i] == 0) ++size_;
  keys_[i] = key;
  values_[i] = value;
}

bool U64Map::Get(uint64_t key, uint32_t* value) const {
  if (keys_.empty()) return false;
  key = Stored(key);
  size_t mask = keys_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (keys_[i] == key) {
      *value = values_[i];
      return true;
    }
    if (keys_[i] == 0) return false;
  }
}

bool U64Map::LowBitsBelow(uint32_t mask, uint32_t limit) const {
  for (size_t j = 0; j < keys_.size(); ++j) {
    if (keys_[j] != 0 && (values_[j] & mask) >= limit) return false;
  }
  return true;
}

void U64Map::Write(ByteWriter& out) const {
  std::vector<std::pair<uint64_t, uint32_t>> items;
  items.reserve(size_);
  for (size_t j = 0; j < keys_.size(); ++j) {
    if (keys_[j] != 0) items.emplace_back(keys_[j], values_[j]);
  }
  std::sort(items.begin(), items.end());
  out.U64(items.size());
  for (auto& [k, v] : items) out.U64(k);
  for (auto& [k, v] : items) out.VarU(v);
}

bool U64Map::Read(ByteReader& in, std::string* error) {
  uint64_t n;
  if (!in.U64(&n) || n > (1ull << 26)) {
    *error = "corrupt map header";
    return false;
  }
  std::vector<uint64_t> keys(n);
  for (auto& k : keys) {
    if (!in.U64(&k)) return *error = "truncated map", false;
  }
  keys_.clear();
  values_.clear();
  size_ = 0;
  for (uint64_t k : keys) {
    uint64_t v;
    if (!in.VarU(&v)) return *error = "truncated map", false;
    Set(k, static_cast<uint32_t>(v));
  }
  return true;
}

}  // namespace dyad::syntax
