// EventCoder: the events stage. It holds the resources (code table,
// patterns, the word sets of control.txt) and codes a document sentence by
// sentence with a SentenceCoder (sentence_coder.h), after a first pass
// that finds who speaks each quotation running over several sentences.
// For each sentence the clause analysis walks the dependency tree, finds
// the predicates (verbs, and nouns naming events) that the pattern set
// knows, works out who acts (subject, or the "by" agent of a passive) and
// who is acted on (object, subject of a passive, or the argument a pattern
// names: "impose sanctions ON X"), reads the actors from the mentions
// there, and writes Document::events.
//
// What is not asserted is not coded: negated predicates ("did not
// attack"), hypotheticals under a modal ("could impose"), conditions ("if
// they attack"), plans and wishes in open complements ("vowed to attack":
// the vow is the event, coded by its own pattern), and the content of an
// accusation ("accused X of attacking": the accusation is the event).
// Reported speech is coded ("A said B attacked C" -> B attacked C).
//
// Reads: tokens with syntax (lemma, upos, head, deprel), mentions, date.
// Fills: Document::events. Thread safety: Code() is const; share freely.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "dyad/doc/document.h"
#include "dyad/events/codes.h"
#include "dyad/events/patterns.h"
#include "dyad/events/sentence_coder.h"
#include "dyad/events/tree.h"

namespace dyad::events {

class EventCoder {
 public:
  // `deprel_id` maps a UD relation name to the syntax model's id.
  template <typename IdOf>
  EventCoder(std::unique_ptr<CodeTable> codes,
             std::unique_ptr<PatternSet> patterns, IdOf deprel_id)
      : codes_(std::move(codes)),
        patterns_(std::move(patterns)),
        rel_(Relations::From(deprel_id)) {
    lexicon_.Load(*patterns_);
  }

  // Fills doc.events (replacing them). If `trace` is not null, every
  // predicate considered is appended to it with the decision taken.
  void Code(Document& doc, std::vector<Candidate>* trace = nullptr) const;

  const CodeTable& codes() const { return *codes_; }
  const PatternSet& patterns() const { return *patterns_; }

 private:
  std::unique_ptr<CodeTable> codes_;
  std::unique_ptr<PatternSet> patterns_;
  Relations rel_;
  CoderLexicon lexicon_;
};

}  // namespace dyad::events
