// Matcher: finds the dictionary words of one sentence in a single pass.
//
// Tokens are folded and split at hyphens into units (fold.h); from each
// unit the lexicon trie is walked as far as the text allows and the
// longest alias whose case constraints hold is kept (names must start with
// a capital, acronyms must be upper case); matching resumes after it.
// Runs of capitalized tokens that no dictionary knows become kName pieces,
// the raw material of unknown-actor reports and short-name coreference.
//
// Thread safety: stateless functions over a const Lexicon and Document.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_set>
#include <vector>

#include "dyad/actors/lexicon.h"
#include "dyad/doc/document.h"

namespace dyad::actors {

enum class PieceKind : uint8_t {
  kCountry,       // a country's name, demonym or capital
  kAdjective,     // a country adjective
  kOrganization,  // an organization entry's name
  kPerson,        // a person entry's name
  kAgent,         // an agent noun ("army", "foreign minister")
  kModifier,      // "former"
  kFiller,        // "the", "senior", "two"
  kCommon,        // a capitalized common word ("The", "Monday")
  kName,          // a capitalized name no dictionary knows
};

struct Piece {
  PieceKind kind = PieceKind::kName;
  int32_t entry = -1;          // index into the dictionary's entries
  uint32_t first = 0, last = 0;  // document token indices, inclusive
  bool partial = false;        // covers only part of a hyphenated token
  bool negated = false;        // inside "anti-X" / "pro-X": not X itself
  bool capital = false;        // a country named by its capital ("Tehran")
  bool demonym = false;        // a country's people ("Iranians")
  std::vector<std::string> words;  // folded words matched
};

// How the document writes its words, for telling a sentence-initial name
// from a capitalized common word.
struct WordCases {
  // Folded forms of tokens that start with a lower-case letter: a
  // capitalized sentence-initial word seen lower case elsewhere is not
  // taken for a name.
  std::unordered_set<std::string> lower;
  // Folded forms of capitalized tokens inside a sentence (not first, not
  // after a quote): "Albers" at a sentence start is the name seen before,
  // though it ends in s like a plural.
  std::unordered_set<std::string> inner_capital;
};
WordCases DocumentWordCases(const Document& doc);

// The pieces of `sentence`, in text order, non-overlapping.
std::vector<Piece> MatchSentence(const Lexicon& lexicon, const Document& doc,
                                 const Sentence& sentence, const WordCases& cases);

}  // namespace dyad::actors
