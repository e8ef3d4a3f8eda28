// A compact open-addressing map from 64-bit hashes to 32-bit values, used
// for the tag dictionary, the tagger lexicon and the lemmatizer tables.
// Keys are hashes of strings; a collision of two 64-bit hashes is treated
// as impossible.
//
// Thread safety: const methods may run concurrently; Set/Read are not.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dyad/syntax/byte_io.h"

namespace dyad::syntax {

class U64Map {
 public:
  void Set(uint64_t key, uint32_t value);
  // Returns false if the key is absent.
  bool Get(uint64_t key, uint32_t* value) const;
  size_t size() const { return size_; }
  // True if every stored value is < limit (validates indices after Read).
  bool ValuesBelow(uint32_t limit) const { return LowBitsBelow(~0u, limit); }
  // True if (value & mask) < limit for every stored value.
  bool LowBitsBelow(uint32_t mask, uint32_t limit) const;

  void Write(ByteWriter& out) const;
  bool Read(ByteReader& in, std::string* error);

 private:
  void Grow();
  static uint64_t Stored(uint64_t key) { return key == 0 ? 1 : key; }

  std::vector<uint64_t> keys_;  // 0 = empty
  std::vector<uint32_t> values_;
  size_t size_ = 0;
};

}  // namespace dyad::syntax
