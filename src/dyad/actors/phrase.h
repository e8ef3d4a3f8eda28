// Actor phrases: the dictionary pieces of a sentence grouped into noun
// phrases and given one code. Possessives and modifiers compose:
// "Iran's foreign ministry spokesperson" -> IRNGOV, "the Nigerian army" ->
// NGAMIL, "former US National Security Advisor" -> USAELI. Phrases also
// join over "of" ("leader of MKO"), "in"/"from" ("officials from the
// United States") and apposition commas ("James Jones, former ...").
// How the code is chosen is written in docs/actors.md.
//
// Works on token sequences; no syntax needed. Thread safety: pure
// functions over const inputs.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dyad/actors/lexicon.h"
#include "dyad/actors/matcher.h"
#include "dyad/doc/document.h"

namespace dyad::actors {

struct ActorPhrase {
  uint32_t sentence = 0;
  uint32_t first = 0, last = 0;  // document token indices, inclusive
  uint32_t head = 0;             // document token index
  Mention::Kind kind = Mention::Kind::kNamed;
  std::string code;            // "IRNGOV", "IGOUNO"; "" when unknown
  std::string country, role, entity, rule;
  bool person_like = false;   // may be "he" / "she"
  bool plural = false;        // a plural head: "they", not "it"
  bool needs_country = false; // has a role but no country: resolve it
  bool generic = false;       // no role, country or name ("the group")
  bool definite = false;      // opens with the/this/that/these/those
  bool unknown = false;       // only names no dictionary knows
  bool state_ref = false;     // opens with "the country"/"the island"
  bool protest = false;       // its sentence is about a protest
  int32_t possessive = -1;    // token of a leading its/his/her/their
  int32_t head_entry = -1;    // agent entry of the head noun, if any
  int32_t entity_entry = -1;  // organization/person entry coding it, if any
  std::vector<std::string> name_keys;  // short names this phrase introduces
  std::string acronym;        // folded acronym defined in "(...)" after it
};

// REQUIRES: pieces = MatchSentence(...) of the sentence `sentence_index`.
// `date` is the document date (YYYY-MM-DD or empty) for dated codes.
std::vector<ActorPhrase> BuildPhrases(const Lexicon& lexicon,
                                      const Document& doc,
                                      uint32_t sentence_index,
                                      const std::vector<Piece>& pieces,
                                      const std::string& date);

}  // namespace dyad::actors
