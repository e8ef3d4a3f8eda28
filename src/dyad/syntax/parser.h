// Transition-based dependency parser (greedy, or with a small beam): arc-hybrid transitions scored
// by an averaged perceptron over Zhang & Nivre (2011)-style feature
// templates (words, tags, distance, valency, dependents' labels), with the
// arc label chosen jointly with the transition (one class per
// transition+label).
//
// Thread safety: immutable after construction; Parse is const and
// re-entrant (the state and score buffers are the caller's).
#pragma once

#include <cstdint>
#include <string>

#include "dyad/syntax/arc_hybrid.h"
#include "dyad/syntax/byte_io.h"
#include "dyad/syntax/weight_table.h"

namespace dyad::syntax {

inline constexpr int kMaxParserFeatures = 100;

// What the parser features see of a word: its lowercased-form hash, its
// predicted tag and the pair of both. Index n (the root) has fixed values.
struct ParserWord {
  uint64_t word = 0;
  uint64_t tag = 0;
  uint64_t word_tag = 0;
};
void SetParserWord(uint64_t lower_hash, int tag, ParserWord* out);
void SetRootWord(ParserWord* out);

// Writes the feature keys of state s; returns how many.
int ParserFeatures(const ParserState& s, const ParserWord* words,
                   uint32_t* out);

// Highest-scoring legal action. REQUIRES: !s.Terminal().
int BestLegalAction(const ArcHybrid& sys, const ParserState& s,
                    const float* scores);

struct BeamScratch;

class Parser {
 public:
  Parser() : system(1, 0) {}
  ArcHybrid system;
  WeightTable weights;
  int beam_width = 1;  // 1 = greedy

  // REQUIRES: words has n+1 entries (the last is the root word); scores has
  // system.num_actions() floats. On return state->head/label hold the tree
  // (head n = root).
  // With beam_width > 1, *beam is used and the result is copied to *state.
  void Parse(const ParserWord* words, int n, ParserState* state,
             float* scores, BeamScratch* beam) const;

  void Write(ByteWriter& out) const;
  bool Read(ByteReader& in, std::string* error);
};

}  // namespace dyad::syntax
