// The actors stage: finds the actors a document names and codes them in
// the CAMEO style (country + role: IRNGOV, GBRELI; IGOs: IGOUNO).
//
// Reads: Document::text, tokens, sentences, date, and Token::upos when the
// syntax stage has run (it sharpens unknown-name detection; everything
// works without it).
// Fills: Document::mentions, in text order: named mentions ("Iran",
// "Esmail Baghaei"), nominal ones ("the Nigerian army") and pronouns that
// resolve to an earlier actor ("he", "the group": Mention::antecedent).
// Names no dictionary knows are still reported, with an empty code.
// Sentences marked duplicate are skipped.
//
// Thread safety: a loaded ActorCoder is immutable; Annotate() is const and
// may run on many threads at once, each on its own Document.
#pragma once

#include <memory>
#include <string>

#include "dyad/actors/dictionary.h"
#include "dyad/actors/gathering.h"
#include "dyad/actors/lexicon.h"
#include "dyad/doc/document.h"

namespace dyad::actors {

class ActorCoder {
 public:
  // Loads the dictionaries of `data_dir`/actors (or of `data_dir` itself
  // when it holds *.actors files) and compiles them. nullptr and *error
  // naming the file and line on failure.
  static std::unique_ptr<ActorCoder> Load(const std::string& data_dir,
                                          std::string* error);
  // Compiles an already parsed dictionary (tests, importers).
  static std::unique_ptr<ActorCoder> FromDictionary(ActorDictionary dict);

  // REQUIRES: doc is segmented. Replaces doc.mentions.
  void Annotate(Document& doc) const;

  const ActorDictionary& dictionary() const { return *dict_; }
  const Lexicon& lexicon() const { return *lexicon_; }

 private:
  explicit ActorCoder(std::unique_ptr<ActorDictionary> dict);

  std::unique_ptr<ActorDictionary> dict_;
  std::unique_ptr<Lexicon> lexicon_;
  GatheringWords gathering_words_;
};

}  // namespace dyad::actors
