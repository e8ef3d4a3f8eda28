// Lemmatizer learned from a treebank: an exceptions table keyed by
// (lowercased form, XPOS) holding the most frequent lemma, then suffix
// rules "strip k bytes, append s" keyed by (XPOS, last 1..5 bytes) learned
// from word types, then a fallback to the lowercased form (the form itself
// for proper nouns, whose EWT lemmas keep their case).
//
// Thread safety: immutable after Learn/Read; Lemmatize is const.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/syntax/byte_io.h"
#include "dyad/syntax/u64_map.h"

namespace dyad::syntax {

struct ConlluSentence;

class Lemmatizer {
 public:
  // Learns tables from gold words (form, xpos, upos, lemma).
  static Lemmatizer Learn(const std::vector<ConlluSentence>& train);

  // Appends the lemma of `form` to *out. xpos_hash is HashString(xpos name);
  // keep_case is true for proper nouns. scratch avoids allocation.
  void Lemmatize(std::string_view form, uint64_t xpos_hash, bool keep_case,
                 std::string* scratch, std::string* out) const;

  void Write(ByteWriter& out) const;
  bool Read(ByteReader& in, std::string* error);

 private:
  struct Rule {
    uint32_t strip;
    std::string append;
  };
  U64Map exceptions_;  // (lower, xpos) -> index into lemmas_
  std::vector<std::string> lemmas_;
  U64Map rules_by_suffix_;  // (xpos, suffix) -> index into rules_
  std::vector<Rule> rules_;
};

}  // namespace dyad::syntax
