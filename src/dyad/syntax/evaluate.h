// Scoring a syntax model against a CoNLL-U treebank on gold tokenization:
// UPOS, XPOS and lemma accuracy, UAS and LAS. LAS compares the universal
// part of the relation (nsubj:pass counts as nsubj), as the CoNLL 2018
// shared task evaluation does; las_full also requires the subtype.
// Punctuation is scored like any other word.
//
// Thread safety: free functions; the model is only read.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "dyad/doc/document.h"
#include "dyad/syntax/conllu.h"
#include "dyad/syntax/model.h"

namespace dyad::syntax {

struct SyntaxScores {
  size_t words = 0, sentences = 0;
  size_t upos = 0, xpos = 0, lemma = 0, uas = 0, las = 0, las_full = 0;
  static double Pct(size_t hits, size_t total) {
    return total ? 100.0 * static_cast<double>(hits) / total : 0.0;
  }
  std::string Summary() const;  // one line, percentages with two decimals
};

// One Document holding every sentence: text is the forms joined by single
// spaces (a newline between sentences), one Token per word, one Sentence
// per treebank sentence. Nothing is annotated yet.
Document DocumentFromConllu(const std::vector<ConlluSentence>& sentences);

// Annotates a copy of the treebank's words with `model` and scores it.
SyntaxScores Evaluate(const Model& model,
                      const std::vector<ConlluSentence>& gold);

}  // namespace dyad::syntax
