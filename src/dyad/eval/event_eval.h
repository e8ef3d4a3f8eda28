// Event evaluation against gold annotated by ANNOTATION.md: articles/<id>.txt
// and gold/<id>.jsonl. dyad codes each article with the full pipeline and
// its events are matched one-to-one per document with the gold events
// (maximum bipartite matching) at four levels:
//   dyad+root  sentence, source country, target country, CAMEO root
//   strict     dyad+root plus source and target roles and the full code
//   quad       sentence, source country, target country, QuadClass
//   root       sentence and CAMEO root only
// A system event matches a gold event when their sentences agree (the same
// text after folding whitespace and quotes, or one contains the other) and
// the level's fields agree. An IGO's country is null on both sides.
//
// Thread safety: functions are independent; the pipeline is only read.
#pragma once

#include <array>
#include <cstdint>
#include <string>

#include "dyad/eval/segmentation_eval.h"
#include "dyad/pipeline/pipeline.h"

namespace dyad {

enum class EventLevel { kDyadRoot = 0, kStrict, kQuad, kRoot };
constexpr std::array<const char*, 4> kEventLevelNames = {"dyad+root", "strict",
                                                          "quad", "root"};

struct EventScore {
  uint64_t articles = 0, gold = 0, system = 0;
  std::array<uint64_t, 4> matched{};  // per EventLevel
  uint64_t historical_agree = 0;      // among dyad+root matches
  double Precision(EventLevel l) const {
    return system ? double(matched[int(l)]) / double(system) : 0;
  }
  double Recall(EventLevel l) const {
    return gold ? double(matched[int(l)]) / double(gold) : 0;
  }
  double F1(EventLevel l) const {
    double p = Precision(l), r = Recall(l);
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

// If `details` is not null, the unmatched gold (FN) and system (FP) events
// at the dyad+root level are listed there, one per line.
bool EvaluateEvents(const std::string& dir, const Pipeline& pipeline,
                    EventScore* score, std::string* details, std::string* error);

}  // namespace dyad
