// Measuring segmentation: how well dyad's tokens and sentences match
//  (1) UD treebanks (CoNLL-U): each document's raw text is rebuilt from the
//      `# text` comments (paragraphs on their own lines, sentences joined by
//      a space), segmented by dyad, and token and sentence spans are scored
//      by exact character-range match (precision, recall, F1), as the
//      CoNLL 2018 shared task scores them. Multiword tokens count as their
//      words when the words spell the surface form ("Iran's" = "Iran" "'s").
//  (2) annotated news (articles/ + gold/ as in ANNOTATION.md): the share of
//      gold sentences that dyad keeps whole, inside one sentence of its own
//      ("whole"), and that it delimits exactly ("exact").
//
// Thread safety: functions are independent; the pipeline is only read.
#pragma once

#include <cstdint>
#include <string>

#include "dyad/pipeline/pipeline.h"

namespace dyad {

struct SpanScore {
  uint64_t gold = 0, predicted = 0, correct = 0;
  double Precision() const { return predicted ? double(correct) / predicted : 0; }
  double Recall() const { return gold ? double(correct) / gold : 0; }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

struct UdSegmentationScore {
  uint64_t documents = 0;
  SpanScore tokens, sentences;
};

// Returns false with *error set if the file cannot be read.
bool EvaluateUdSegmentation(const std::string& conllu_path,
                            const Pipeline& pipeline, UdSegmentationScore* score,
                            std::string* error);

struct NewsSentenceScore {
  uint64_t articles = 0;
  uint64_t gold = 0;       // distinct gold sentences
  uint64_t not_found = 0;  // gold text not found verbatim in its article
  uint64_t whole = 0;      // inside exactly one dyad sentence
  uint64_t exact = 0;      // equal to one dyad sentence
  double WholeShare() const {
    return gold > not_found ? double(whole) / double(gold - not_found) : 0;
  }
  double ExactShare() const {
    return gold > not_found ? double(exact) / double(gold - not_found) : 0;
  }
};

// `dir` holds articles/<id>.txt and gold/<id>.jsonl. If `misses` is not
// null, each gold sentence not kept whole is appended to it, one per line.
bool EvaluateNewsSentences(const std::string& dir, const Pipeline& pipeline,
                           NewsSentenceScore* score, std::string* misses,
                           std::string* error);

}  // namespace dyad
