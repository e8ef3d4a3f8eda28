// EventCoder: the events stage. For each sentence it walks the dependency
// tree, finds the predicates (verbs, and nouns naming events) that the
// pattern set knows, works out who acts (subject, or the "by" agent of a
// passive) and who is acted on (object, subject of a passive, or the
// argument a pattern names: "impose sanctions ON X"), reads the actors
// from the mentions there, and writes Document::events.
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

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "dyad/doc/document.h"
#include "dyad/events/codes.h"
#include "dyad/events/patterns.h"
#include "dyad/events/tree.h"

namespace dyad::events {

// Why a predicate did or did not give an event; for `dyad explain`.
struct Candidate {
  uint32_t sentence = 0;
  uint32_t token = 0;        // index into Document::tokens
  std::string predicate;     // lemma looked up ("call_off", "n:expulsion")
  std::string pattern;       // the pattern that matched, as written, or ""
  std::string rule;          // its file:line
  std::string decision;      // "event 3", "dropped: negated", ...
};

class EventCoder {
 public:
  // `deprel_id` maps a UD relation name to the syntax model's id.
  template <typename IdOf>
  EventCoder(std::unique_ptr<CodeTable> codes,
             std::unique_ptr<PatternSet> patterns, IdOf deprel_id)
      : codes_(std::move(codes)),
        patterns_(std::move(patterns)),
        rel_(Relations::From(deprel_id)) {
    LoadSets();
  }

  // Fills doc.events (replacing them). If `trace` is not null, every
  // predicate considered is appended to it with the decision taken.
  void Code(Document& doc, std::vector<Candidate>* trace = nullptr) const;

  const CodeTable& codes() const { return *codes_; }
  const PatternSet& patterns() const { return *patterns_; }

 private:
  struct Arguments;
  void LoadSets();
  // `carried_speaker`: the speaker of a quotation this sentence continues
  // (a mention index), or -1.
  // Per-document memory of who issued which kind of document ("NATO
  // issued a statement": statement -> NATO's mention).
  using Authors = std::map<std::string, int, std::less<>>;
  void CodeSentence(Document& doc, uint32_t sentence_index, int carried_speaker,
                    Authors* authors, std::vector<Candidate>* trace) const;
  int SpeakerOf(const Document& doc, const SentenceTree& tree,
                const std::vector<int>& mention_at) const;
  bool InSet(const std::vector<std::string>& set, std::string_view w) const;

  std::unique_ptr<CodeTable> codes_;
  std::unique_ptr<PatternSet> patterns_;
  Relations rel_;
  std::vector<std::string> negation_, modal_, speech_, aspectual_,
      symmetric_codes_, content_markers_, condition_markers_, pair_nouns_,
      response_objects_, document_nouns_,
      future_modals_, disapproval_,
      irrealis_;
  // Act code prefix -> intent code (&INTENT_CODES), longest prefix first.
  std::vector<std::pair<std::string, std::string>> intent_codes_;
  // The intent code for an act's code, or "" if the act has none.
  std::string IntentCode(std::string_view code) const;
  // Noun -> the event roots it names (&RESPONSE_ROOTS, "sanction>16"),
  // as one string of two-digit roots ("1819"); "" if none.
  std::vector<std::pair<std::string, std::string>> response_roots_;
  std::string ResponseRoots(std::string_view noun) const;
};

}  // namespace dyad::events
