// Mention-level evaluation of the actors stage against the actors of gold
// events (ANNOTATION.md): for every distinct gold actor (its "text" found
// in its sentence, with "country" and "role"), the best overlapping
// mention dyad finds (its head inside the gold text, then the largest
// overlap) is compared on country and role.
//   recall    = gold actors whose best mention has the right code / gold
//               actors found in their sentence
//   precision = mentions chosen for some gold actor that have its code /
//               mentions chosen
// Mentions that touch no gold actor are not scored: the gold marks only the
// actors of events, not every actor named.
//
// Thread safety: functions are independent; pipeline and coder are read.
#pragma once

#include <cstdint>
#include <string>

#include "dyad/actors/actor_coder.h"
#include "dyad/pipeline/pipeline.h"

namespace dyad::actors {

struct ActorScore {
  uint64_t articles = 0;
  uint64_t gold = 0;          // distinct gold actors found in their sentence
  uint64_t not_in_text = 0;   // gold actors named outside their sentence
  uint64_t detected = 0;      // gold actors some mention overlaps
  uint64_t correct = 0;       // ... whose best mention has the right code
  uint64_t predicted = 0;     // mentions chosen as best for a gold actor
  uint64_t predicted_correct = 0;
  double Recall() const { return gold ? double(correct) / double(gold) : 0; }
  double Precision() const {
    return predicted ? double(predicted_correct) / double(predicted) : 0;
  }
  double F1() const {
    double p = Precision(), r = Recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
  double DetectionRate() const { return gold ? double(detected) / double(gold) : 0; }
  void Add(const ActorScore& o);
};

// `dir` holds articles/<id>.txt and gold/<id>.jsonl. If `misses` is not
// null, each gold actor not coded right is appended, one per line.
bool EvaluateActors(const std::string& dir, const Pipeline& pipeline,
                    const ActorCoder& coder, ActorScore* score,
                    std::string* misses, std::string* error);

}  // namespace dyad::actors
