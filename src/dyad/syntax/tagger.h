// Greedy left-to-right averaged-perceptron tagger (Honnibal-style feature
// templates). It predicts one combined tag per word, an index into the
// model's TagSet (UPOS + XPOS pair), so UPOS and XPOS always agree. Frequent
// words seen with a single tag in training are tagged by dictionary and
// skip the classifier.
//
// Thread safety: immutable after construction; Tag is const and re-entrant
// (all scratch memory is passed in).
#pragma once

#include <cstdint>
#include <string>

#include "dyad/syntax/byte_io.h"
#include "dyad/syntax/u64_map.h"
#include "dyad/syntax/weight_table.h"
#include "dyad/syntax/word_info.h"

namespace dyad::syntax {

inline constexpr int kMaxTaggerFeatures = 48;

// Writes the feature keys for word i given the two previous predicted tags
// (-1 before the sentence start); returns how many were written.
int TaggerFeatures(const WordInfo* words, int n, int i, int prev, int prev2,
                   uint32_t* out);

class Tagger {
 public:
  U64Map tag_dict;  // exact-form hash -> tag
  // lowercased-form hash -> most frequent tag (low 8 bits) and a hash of
  // the word's set of frequent tags, its ambiguity class (high 24 bits).
  U64Map lexicon;
  WeightTable weights;

  // Sets WordInfo::lexicon_tag and ambiguity from the lexicon.
  void AttachLexicon(WordInfo* words, int n) const;
  // REQUIRES: AttachLexicon was called; scores has weights.num_classes()
  // floats. Writes n tag ids to tags.
  void Tag(const WordInfo* words, int n, float* scores, int* tags) const;

  void Write(ByteWriter& out) const;
  bool Read(ByteReader& in, std::string* error);
};

}  // namespace dyad::syntax
