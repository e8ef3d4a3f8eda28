// Verb and event-noun patterns: which predicate, with which dependents,
// codes which CAMEO event, and which dependent names the target (or, for
// an event noun, the source). Read from data/verbs/*.txt; the format is
// described at the top of each file and in data/verbs/README.md. In short:
//
//   &SANCTION  sanction embargo tariff            # a named word set
//   163  impose  obj=&SANCTION on=@T              # a pattern
//   ---  call_off  obj=strike                     # known, codes no event
//   190  n:attack  by=@S on=@T
//
// The set also holds the reserved word sets the clause analysis reads by
// name (&NEGATION, &MODAL, &SPEECH, &FUTURE_INTENT, in control.txt).
//
// Thread safety: a loaded PatternSet is immutable; any thread may read it.
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/events/codes.h"

namespace dyad::events {

// One condition on a dependent of the predicate.
struct Slot {
  // "obj" (direct object), "subj" (subject), "xcomp" (open clausal
  // complement), "mod" (a modifier word of an event noun: compound or
  // adjective), or a preposition ("on", "for", "because_of").
  std::string relation;
  // Accepted head lemmas, sets already expanded; empty = any head. A value
  // with '_' ("humanitarian_aid") is a phrase: the head is its last word and
  // the words before it must come right before the head in the sentence.
  std::vector<std::string> lemmas;
  bool target = false;  // this dependent names the event's target (@T)
  bool source = false;  // this dependent names the event's source (@S)

  bool any() const { return lemmas.empty(); }
  // True if `lemma` (one word, lowercase) is accepted as the head, ignoring
  // phrase prefixes: the matcher checks those against the sentence.
  bool AcceptsHead(std::string_view lemma) const;
};

struct Pattern {
  std::string code;       // 3- or 4-digit CAMEO code, or "---" (no event)
  std::string predicate;  // verb lemma ("call") or event noun ("attack")
  std::string particle;   // "off" for call_off; empty if none
  bool nominal = false;   // written "n:attack": an event noun
  std::vector<Slot> slots;
  int specificity = 0;    // higher wins; see Specificity() in patterns.cc
  int source = 0;         // index of the file it came from, in load order
  std::string rule;       // "verbs/curated.txt:123"
  std::string text;       // the line as written, without its comment

  bool blocks() const { return code == "---"; }
  // The slot marked @T, or null (then the direct object, if any, is the
  // target for a verb; an event noun has no default target).
  const Slot* TargetSlot() const;
  const Slot* SourceSlot() const;
};

// One file's text, for Parse(): `origin` names it in rules and messages.
struct PatternSource {
  std::string origin;   // "verbs/curated.txt"
  std::string content;
};

class PatternSet {
 public:
  // Loads the files in order (earlier files win ties). Every code must be
  // in `codes` (which need not outlive the set). Null on failure with
  // *error = "file:line: what is wrong".
  static std::unique_ptr<PatternSet> Load(const std::vector<std::string>& paths,
                                          const CodeTable& codes,
                                          std::string* error);
  static std::unique_ptr<PatternSet> Parse(
      const std::vector<PatternSource>& sources, const CodeTable& codes,
      std::string* error);

  // The shipped load order for a data/verbs directory: control.txt,
  // curated.txt, then the other *.txt files in name order.
  static std::vector<std::string> DefaultFiles(const std::string& verbs_dir);

  // Patterns for a verb lemma ("call": all of call's patterns, particle ones
  // included; "call_off": only those with particle "off") or an event noun
  // ("n:attack"). Most specific first; equal specificity in file order.
  // Only the first file (in load order) that has patterns for a predicate
  // counts: the curated set shadows imported dictionaries for the
  // predicates it covers, and imported patterns serve the rest.
  // Empty if none. The span lives as long as the set.
  std::span<const Pattern> ForPredicate(std::string_view lemma) const;

  // A named word set, by name with or without '&' ("NEGATION"); null if
  // not defined. Lives as long as the set.
  const std::vector<std::string>* Set(std::string_view name) const;

  // All patterns in file order.
  const std::vector<Pattern>& patterns() const { return all_; }

 private:
  struct StringHash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>{}(s);
    }
  };
  template <typename T>
  using Map = std::unordered_map<std::string, T, StringHash, std::equal_to<>>;

  std::vector<Pattern> all_;
  Map<std::vector<Pattern>> by_predicate_;
  Map<std::vector<std::string>> sets_;
  friend class PatternSetBuilder;
};

}  // namespace dyad::events
