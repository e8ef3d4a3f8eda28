// SentenceCoder: the clause analysis of one sentence, for EventCoder. It
// walks the dependency tree, finds the predicates the pattern set knows,
// works out who acts and who is acted on (from the tree, the surface when
// the parse lost an argument, or the sentences before), decides whether
// the predicate is asserted, and appends the events to Document::events.
// ARCHITECTURE.md ("Events: the clause analysis") says how, rule by rule.
//
// Reads: tokens with syntax (lemma, upos, head, deprel), mentions, date,
// the events of earlier sentences. Fills: Document::events.
// Lifetimes: a SentenceCoder borrows everything it is given and lives for
// one sentence. Thread safety: one document per thread.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
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

// The word sets and tables of data/verbs/control.txt the clause analysis
// reads (sorted word lists; see that file for what each one means).
struct CoderLexicon {
  std::vector<std::string> negation, modal, speech, aspectual, symmetric_codes,
      content_markers, condition_markers, pair_nouns, response_objects,
      document_nouns, gatherings, future_modals, warning, commitment, joint_acts,
      own_people, destination_preps, quantifiers, disapproval,
      irrealis,
      affiliation, responding_roots, denial;
  // Act code prefix -> intent code (&INTENT_CODES), longest prefix first.
  std::vector<std::pair<std::string, std::string>> intent_codes;
  // Noun -> the event roots it names (&RESPONSE_ROOTS), "1819" style.
  std::vector<std::pair<std::string, std::string>> response_roots;

  // Reads the sets from `patterns`, with built-in defaults for any missing.
  void Load(const PatternSet& patterns);
  // The intent code for an act's code, or "" if the act has none.
  std::string IntentCode(std::string_view code) const;
  // The two-digit roots a response noun names, concatenated, or "".
  std::string ResponseRoots(std::string_view noun) const;
};

// What the coder remembers across the sentences of one document: who
// issued which kind of document or held which kind of gathering ("NATO
// issued a statement": statement -> NATO's mention), for "the statement
// urged ..." and "attended the conference".
struct DocumentMemory {
  std::map<std::string, int, std::less<>> authors;
};

// Token (sentence-local) -> index of the mention covering it, or -1.
std::vector<int> MentionsByToken(const Document& doc, uint32_t sentence_index,
                                 int n);

// The speaker of a sentence: the coded subject of a verb of saying, as a
// mention index, or -1.
int SpeakerOf(const Document& doc, const SentenceTree& tree,
              const std::vector<int>& mention_at, const Relations& rel,
              const CoderLexicon& lexicon);

class SentenceCoder {
 public:
  // `carried_speaker`: the speaker of a quotation this sentence continues
  // (a mention index), or -1. `trace`, if not null, receives every
  // predicate considered with the decision taken.
  SentenceCoder(const CoderLexicon& lexicon, const CodeTable& codes,
                const PatternSet& patterns, const Relations& rel, Document& doc,
                uint32_t sentence_index, int carried_speaker,
                DocumentMemory* memory, std::vector<Candidate>* trace);

  // Codes the sentence: appends its events to the document, in order of
  // their verbs.
  void Run();

 private:
  struct Arguments {
    std::vector<int> subjects;  // heads of the acting arguments
    std::vector<int> objects;   // heads of the acted-on arguments
    bool passive = false;
    std::vector<std::pair<std::string, int>> preps;  // (preposition, head)
    int xcomp = -1;
  };

  bool Has(const std::vector<std::string>& set, std::string_view w) const;
  bool IsVerb(int i) const;
  bool LemmaIs(int i, const std::vector<std::string>& set) const;
  std::string CaseOf(int dep) const;
  void AddWithConjuncts(int head, std::vector<int>* out) const;
  int ObjectPronoun(int mention, const std::vector<int>& sources) const;
  void ConjunctOfEmbeddedClause(int h, Arguments* a, int depth) const;
  int ActorAt(int head) const;
  void CollectArguments(int p, Arguments* a, int depth) const;
  std::string Unasserted(int p) const;
  bool Historical(int p) const;
  bool Reported(int p) const;
  bool SlotMatches(const Slot& slot, int dep) const;
  std::vector<int> PairAt(int head, const std::vector<int>& exclude) const;
  void ExtendCoordinated(std::vector<int>* mentions) const;
  int SurfaceActor(int p, int step) const;
  int AuthorAnswered(int responder, std::string_view act) const;
  bool FirstTime(int s, int t, const std::string& code);
  // An event of `info` from mention `source` to `target`, its verb span at
  // token `verb`, dated and marked reported by the clause of `clause`.
  Event MakeEvent(int source, int target, const CodeInfo& info, int verb, int clause,
                  const std::string& rule) const;
  void CodePredicate(int p, bool nominal);
  void CodeJudgements();

  const CoderLexicon& lexicon_;
  const CodeTable& codes_;
  const PatternSet& patterns_;
  const Relations& rel_;
  Document& doc_;
  const uint32_t sentence_index_;
  const Sentence& sentence_;
  DocumentMemory* const memory_;
  std::vector<Candidate>* const trace_;
  SentenceTree tree_;
  const int n_;
  std::vector<int> mention_at_;  // token -> mention, datelines removed
  std::vector<bool> quoted_;     // token inside a quotation
  int doc_year_ = 0;
  int speaker_ = -1;
  std::set<std::tuple<std::string, std::string, std::string>> seen_;
  std::vector<bool> consumed_;  // argument of an event coded already
  size_t first_event_ = 0;      // this sentence's first event
};

}  // namespace dyad::events
