// Gatherings: "the conference", "the event", "the summit" stand for the
// actor the document says held or hosted the gathering.
//
// While the sentences are matched, FindGatherings records clues about who
// held a gathering ("permitting the MKO to hold a conference", "a summit
// organized by the African Union", "the MEK's rally": the organizer) and
// where ("Egypt hosted the summit", "a conference in Paris": the host), and
// the definite descriptions that may name it ("The conference was attended
// by ..."). After coreference, ResolveGatherings codes each description as
// the latest gathering before it that it may name (the same noun, or a
// noun the entry lists under `refer:`: "the event"): its organizer, but its host state where a
// government of another state is the one speaking of it ("The event
// contradicts international law, Baghaei added": the host answers for what
// it let happen); the host when no organizer is known. A description with
// no gathering clue before it is not an actor.
//
// The words (gathering nouns, held-by and hosted-by verb forms, words after
// which a gathering is a time or place) are a `kind: gathering` entry of
// the dictionaries (data/actors/65-gatherings.actors).
//
// Thread safety: GatheringWords is immutable once built; the functions are
// pure over their arguments.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "dyad/actors/dictionary.h"
#include "dyad/actors/matcher.h"
#include "dyad/actors/phrase.h"
#include "dyad/doc/document.h"

namespace dyad::actors {

// The folded words of the gathering entries of a dictionary. Each entry
// pairs its nouns with its verbs ("held a conference", "issued a
// statement"); the words after which no description is an actor are shared.
struct GatheringWords {
  struct Kind {
    std::unordered_set<std::string> nouns;  // with plurals
    std::unordered_set<std::string> held_by, hosted_by;
    // Nouns that may name any of these in a description ("the event").
    std::unordered_set<std::string> refer;
  };
  std::vector<Kind> kinds;
  std::unordered_set<std::string> not_after;

  static GatheringWords From(const ActorDictionary& dict);
  bool empty() const { return kinds.empty(); }
  // The kind whose nouns hold `noun`, or nullptr.
  const Kind* KindOf(const std::string& noun) const;
  // Whether a description headed by `noun` may name a gathering that was
  // introduced with `clue_noun`: the same noun (singular or plural), or
  // one the clue noun's entry lists under `refer:`.
  bool Names(const std::string& noun, const std::string& clue_noun) const;
};

// What a sentence says about one gathering noun. Actors are given by a
// token inside their phrase; the mention covering it after coreference
// gives the code.
struct GatheringClue {
  uint32_t noun = 0;            // token of the gathering noun
  std::string word;             // its folded form
  int32_t organizer = -1;       // token of who held it, or -1
  int32_t host = -1;            // token of who hosted it, or -1
  std::string host_country;     // ISO alpha-3 of "in Paris", or ""
};

// "the conference": a definite description that may stand for a gathering.
struct GatheringDescription {
  uint32_t sentence = 0;
  uint32_t first = 0, last = 0;  // document tokens, inclusive; last = noun
  std::string word;              // the noun, folded
};

struct Gatherings {
  std::vector<GatheringClue> clues;
  std::vector<GatheringDescription> descriptions;
};

// REQUIRES: pieces and phrases are those of sentence `sentence_index`
// (phrases before coreference). Appends to *out.
void FindGatherings(const GatheringWords& words, const ActorDictionary& dict,
                    const Document& doc, uint32_t sentence_index,
                    const std::vector<Piece>& pieces,
                    const std::vector<ActorPhrase>& phrases, Gatherings* out);

// REQUIRES: doc.mentions filled by coreference, in text order. Adds a
// mention for every description that finds its gathering and keeps
// doc.mentions in text order (antecedent indices are remapped).
void ResolveGatherings(const GatheringWords& words, const Gatherings& gatherings,
                       Document& doc);

}  // namespace dyad::actors
