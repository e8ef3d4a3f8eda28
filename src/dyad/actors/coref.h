// Within-document coreference for actor phrases, applied in text order:
//  - short names and acronyms: "Baghaei" after "Esmail Baghaei", "NCRI"
//    after "National Council of Resistance of Iran (NCRI)";
//  - pronouns ("he", "she", "it", "they") and leading possessives ("its
//    spokesperson") point to an earlier compatible actor;
//  - definite descriptions ("the spokesperson", "the group", "the
//    ministry") point to an earlier actor with the same head noun or one
//    whose entry lists the noun under `refer:`;
//  - a role with no country left ("police", "the army") takes the
//    document's home country (the country its named actors name most).
// A resolved mention copies its antecedent's code and records it in
// Mention::antecedent. The rules are written out in docs/actors.md.
//
// Thread safety: pure function over its arguments.
#pragma once

#include <string_view>
#include <vector>

#include "dyad/actors/lexicon.h"
#include "dyad/actors/phrase.h"
#include "dyad/doc/document.h"

namespace dyad::actors {

// True for a folded verb form that reports speech ("said", "added",
// "told"): the actor next to it is a quote's speaker.
bool IsSpeechVerb(std::string_view folded);

// Kinds of pronoun candidates (phrases with Mention::Kind::kPronoun carry
// one of these in `rule` until resolved: "person", "thing", "plural").
// REQUIRES: phrases sorted by first token. Appends to doc.mentions.
void ResolveAndEmit(const Lexicon& lexicon, std::vector<ActorPhrase> phrases,
                    Document& doc);

}  // namespace dyad::actors
