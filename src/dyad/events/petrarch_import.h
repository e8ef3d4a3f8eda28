// Converts a PETRARCH-2 verb dictionary (the CAMEO.2.0.txt format; see
// PETRARCH-2's docs/source/dictionaries.rst) into dyad's pattern format
// (data/verbs/README.md), as faithfully as dyad's slot language allows:
//
//   &CEASEFIRE / +TRUCE / +CEASE_FIRE       ->  &CEASEFIRE  truce cease_fire
//   --- IMPOSE [---] ---                        (a block: verbs sharing patterns)
//   IMPOSE                                      (synonyms; {irregular forms}
//   LEVY [163]                                   ignored, own [code] kept)
//   - * SANCTIONS [163]                     ->  163  impose  obj=sanction
//                                               163  levy  obj=sanction
//   - * (AGAINST +) [...]                   ->  ...  against=@T
//   - &MILITARY * EXERCISES [062:062]       ->  062  stage  subj=&MILITARY obj=exercise
//   +CALL_OFF [160]                         ->  160  call_off
//
// Every pattern of a block is written once per verb of the block, with a
// comment naming the source line. Plural nouns become lemmas by a small
// rule (sanctions -> sanction, embassies -> embassy, clashes -> clash;
// words ending in '_' are kept, as PETRARCH does). Paired codes keep the
// first code ([042:043] -> 042); [---] -> ---. What the slot language cannot
// say (several words before the verb, '%' compound actors, actor markers
// outside a phrase, a code only for the reversed event "[:173]", '~'
// transformations, codes missing from the code table, ...) is written as a
// "# skipped: ..." line and counted by reason. The input's leading comment
// block (with its licence) is kept at the top of the output.
//
// Deterministic: the same input gives the same bytes.
#pragma once

#include <iosfwd>
#include <map>
#include <string>
#include <string_view>

namespace dyad::events {

class CodeTable;

struct ImportStats {
  int blocks = 0;         // "--- VERB ---" blocks read
  int verbs = 0;          // verb words (synonyms) accepted
  int sets = 0;           // &SYNSETs converted
  int patterns_in = 0;    // "- ..." pattern lines read
  int converted = 0;      // pattern lines converted
  int skipped = 0;        // pattern, verb and transformation lines skipped
  int lines_out = 0;      // pattern lines written (a line may list several verbs)
  std::map<std::string, int> skip_reasons;  // reason -> count
};

// Reads the dictionary from `in`; `origin` names it in comments and
// messages ("CAMEO.2.0.txt"). Writes the converted file to `out`. With
// `codes`, a pattern whose code is not in the table is skipped (so the
// output always loads against it); without, codes are checked for form
// only. Returns false only for input it cannot read as a dictionary at all
// (*error = "origin:line: what"); lines it cannot convert are skipped and
// counted. `stats` may be null.
bool ImportPetrarchVerbs(std::istream& in, std::string_view origin,
                         std::ostream& out, std::string* error,
                         ImportStats* stats, const CodeTable* codes = nullptr);

// The importer's plural rule, exposed for tests: "sanctions" -> "sanction",
// "embassies" -> "embassy", "clashes" -> "clash", "talks" -> "talk";
// "process", "status", "crisis", "series", "news" unchanged. Lower case in,
// lower case out.
std::string SingularNoun(std::string_view word);

}  // namespace dyad::events
