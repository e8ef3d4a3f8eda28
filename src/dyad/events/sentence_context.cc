// The context rules of SentenceCoder: where the clause itself does not
// name an actor, the words around it or the sentences before do. The
// surface next to the verb stands in for arguments the parse lost; "both
// countries" is the story's main pair; a response ("denied the
// accusations") targets the author of the act it answers; a reported
// judgement ("said the decision was wrong") is the speaker's criticism.
// ARCHITECTURE.md ("Events: the clause analysis") has the whole list.
#include <algorithm>
#include <map>
#include <string>
#include <utility>

#include "dyad/events/sentence_coder.h"
#include "dyad/events/text_util.h"

namespace dyad::events {

namespace {

// How far (in tokens) the surface fallback looks for a missing argument.
constexpr int kSurfaceReach = 10;
// How many sentences back a response ("denied the accusations") looks for
// the act it answers.
constexpr uint32_t kResponseWindow = 3;

}  // namespace

// "both countries", "the two sides", "each side": the two latest
// actors of distinct countries named before, other than the source's.
std::vector<int> SentenceCoder::PairAt(int head, const std::vector<int>& exclude) const {
  std::vector<int> found;
  if (!Has(lexicon_.pair_nouns, tree_.lemma(head))) return found;
  bool pair = false;
  for (int c : tree_.children(head))
    pair |= tree_.lemma(c) == "both" || tree_.lemma(c) == "two" ||
            tree_.lemma(c) == "each";
  if (!pair) return found;
  const uint32_t before = tree_.doc_index(head);
  std::vector<std::string> countries;
  for (const int e : exclude) countries.push_back(doc_.mentions[e].country);
  auto excluded = [&](const std::string& c) {
    return std::find(countries.begin(), countries.end(), c) != countries.end();
  };
  // The two countries most often coded against each other so far (the
  // story's main pair; ties go to the later), else the two latest
  // countries named.
  std::map<std::pair<std::string, std::string>, std::pair<int, size_t>> pairs;
  for (size_t k = 0; k < doc_.events.size(); ++k) {
    const Event& e = doc_.events[k];
    if (e.source < 0 || e.target < 0) continue;
    std::string a = doc_.mentions[e.source].country;
    std::string b = doc_.mentions[e.target].country;
    if (a.empty() || b.empty() || a == b || excluded(a) || excluded(b)) continue;
    if (b < a) std::swap(a, b);
    auto& [count, last] = pairs[{a, b}];
    ++count;
    last = k;
  }
  const std::pair<int, size_t>* best = nullptr;
  for (const auto& [key, stats] : pairs)
    if (!best || stats > *best) best = &stats;
  if (best) {
    const Event& e = doc_.events[best->second];
    return std::vector<int>{e.source, e.target};
  }
  for (size_t k = doc_.mentions.size(); k-- > 0 && found.size() < 2;) {
    const Mention& m = doc_.mentions[k];
    if (m.first_token >= before || m.code.empty() || m.country.empty()) continue;
    if (std::find(countries.begin(), countries.end(), m.country) != countries.end())
      continue;
    countries.push_back(m.country);
    found.push_back(static_cast<int>(k));
  }
  if (found.size() < 2) found.clear();
  return found;
}

// Mentions coordinated on the surface ("Japan and South Korea", "A, B
// and C") go together even where the parse missed the conjunction.
void SentenceCoder::ExtendCoordinated(std::vector<int>* mentions) const {
  for (size_t k = 0; k < mentions->size() && mentions->size() < 6; ++k) {
    const Mention& m = doc_.mentions[(*mentions)[k]];
    uint32_t gap = m.first_token + m.token_count;
    for (size_t next = static_cast<size_t>((*mentions)[k]) + 1;
         next < doc_.mentions.size(); ++next) {
      const Mention& x = doc_.mentions[next];
      if (x.sentence != sentence_index_ || x.first_token <= gap) continue;
      // "and more than 200 of his supporters": words of quantity may come
      // between the conjunction and the next actor.
      bool quantity = true;
      for (uint32_t t = gap + 1; t < x.first_token && quantity; ++t)
        quantity = Has(lexicon_.quantifiers, Lower(doc_.Form(doc_.tokens[t])));
      if (!quantity) continue;
      std::string_view between = doc_.Form(doc_.tokens[gap]);
      // "the three suspects, two Polish citizens and a Belarusian": after
      // a counted group, a comma opens its apposition, not a list.
      if (between == "," && m.token_count > 1) {
        bool counted = false;
        for (uint32_t t = m.first_token; t < m.first_token + m.token_count; ++t)
          counted |= doc_.tokens[t].upos == Upos::NUM;
        if (counted) break;
      }
      if ((between == "and" || between == ",") && !x.code.empty() &&
          std::find(mentions->begin(), mentions->end(), static_cast<int>(next)) ==
              mentions->end())
        mentions->push_back(static_cast<int>(next));
      break;
    }
  }
}

// Surface fallback, for clauses the parse lost: the nearest actor
// mention on one side of predicate p, not inside a prepositional phrase
// and not across a clause boundary (another verb, a subordinator, ";",
// ":", a comma). Returns a token of the mention or -1. A participle
// followed by "by" is passive ("monitored by the BBC"): nothing.
int SentenceCoder::SurfaceActor(int p, int step) const {
  if (p + 1 < n_ && tree_.lemma(p + 1) == "by") return -1;
  auto boundary = [&](int t) {
    std::string_view f = tree_.form(t);
    if (f == ";" || f == ":" || f == "--" || f == "(" || f == ")" || f == "\"")
      return true;
    if (f == ",") return true;
    Upos u = tree_.upos(t);
    if (u == Upos::VERB || u == Upos::SCONJ) return true;
    const std::string& l = tree_.lemma(t);
    return l == "that" || l == "which" || l == "who" || l == "whom";
  };
  for (int t = p + step, taken = 0; t >= 0 && t < n_ && taken < kSurfaceReach;
       t += step, ++taken) {
    int m = mention_at_[t];
    if (m < 0) {
      if (boundary(t)) return -1;
      continue;
    }
    const Mention& mention = doc_.mentions[m];
    int first = static_cast<int>(mention.first_token - sentence_.first_token);
    int last = first + static_cast<int>(mention.token_count) - 1;
    // "by" marks an agent and "than" a quantity ("more than 4,000
    // Iraqis"), not an oblique phrase.
    bool oblique = first > 0 && tree_.upos(first - 1) == Upos::ADP &&
                   tree_.lemma(first - 1) != "by" && tree_.lemma(first - 1) != "than";
    if (!oblique && !mention.code.empty()) return step > 0 ? first : last;
    t = step > 0 ? last : first;  // skip the rest of the mention
  }
  return -1;
}

// The author of the act a response answers: the source of the latest
// event within a few sentences by another country than the responder's
// (another code when countries are missing), one aimed at the
// responder's country first. -1 if none.
// `act` is the noun naming it ("sanctions"): an event of the roots
// &RESPONSE_ROOTS gives that noun comes first.
int SentenceCoder::AuthorAnswered(int responder, std::string_view act) const {
  const Mention& self = doc_.mentions[responder];
  std::string roots = lexicon_.ResponseRoots(act);
  // An act of the named kind in this very sentence by another actor ("X
  // accused the soldiers of ..., a claim the command denied"); then
  // another country's act; then, within one country, another actor's.
  for (size_t k = doc_.events.size(); k-- > 0;) {
    const Event& earlier = doc_.events[k];
    if (earlier.sentence != sentence_index_) break;
    if (earlier.source < 0 || doc_.mentions[earlier.source].code == self.code) continue;
    for (size_t r = 0; r + 1 < roots.size(); r += 2)
      if (earlier.code.compare(0, 2, roots, r, 2) == 0) return earlier.source;
  }
  for (int pass = 0; pass < 8; ++pass) {
    bool by_root = pass % 4 < 2, aimed = pass % 2 == 0, domestic = pass >= 4;
    if (by_root && roots.empty()) continue;
    for (size_t k = doc_.events.size(); k-- > 0;) {
      const Event& earlier = doc_.events[k];
      // An act of the named kind may lie further back.
      if (earlier.sentence + (by_root ? 3 : 1) * kResponseWindow < sentence_index_)
        break;
      if (earlier.source < 0) continue;
      const Mention& author = doc_.mentions[earlier.source];
      bool other = !domestic && !self.country.empty() && !author.country.empty()
                       ? author.country != self.country
                       : author.code != self.code;
      if (!other) continue;
      if (aimed && (earlier.target < 0 || self.country.empty() ||
                    doc_.mentions[earlier.target].country != self.country))
        continue;
      bool root_named = false;
      for (size_t r = 0; r + 1 < roots.size(); r += 2)
        root_named |= earlier.code.compare(0, 2, roots, r, 2) == 0;
      if (by_root && !root_named) continue;
      return earlier.source;
    }
  }
  return -1;
}

// "Germany said Iran's decision was the wrong answer", '"The brazen
// threats by Iran's regime ...," Safavi said': a speaker whose reported or
// quoted words judge another actor with a word of disapproval
// (&DISAPPROVAL) criticizes that actor (111), unless the speaker's
// criticism is already coded in this sentence.
void SentenceCoder::CodeJudgements() {
  const CodeInfo* criticize = codes_.Find("111");
  if (!criticize) return;
  // One judgement per speaker and region: `in_region(t)` says whether
  // token t belongs to what the speaker says; `inner` is the subject of
  // that clause (or -1); `v` is the verb of saying (or -1).
  auto judge = [&](int s, const auto& in_region, int inner, int v) {
    int judged = -1;
    for (int t = 0; t < n_ && judged < 0; ++t)
      if (in_region(t) && LemmaIs(t, lexicon_.disapproval) &&
          Unasserted(t).rfind("negated", 0) != 0)
        judged = t;
    if (judged < 0) return;
    const Mention& self = doc_.mentions[s];
    // Another actor: another country, or at home another role (the
    // opposition judging the government).
    auto other = [&](int m) {
      const Mention& x = doc_.mentions[m];
      return !x.code.empty() && x.code != self.code;
    };
    // The judged actor: the clause's subject, else the first actor named
    // in what is said, else (for "the decision", "the move") the author
    // of the act answered.
    int target = -1;
    if (inner >= 0 && ActorAt(inner) >= 0 && other(ActorAt(inner))) target = ActorAt(inner);
    for (int t = 0; t < n_ && target < 0; ++t)
      if (mention_at_[t] >= 0 && in_region(t) && other(mention_at_[t]))
        target = mention_at_[t];
    if (target < 0 && inner >= 0 && Has(lexicon_.response_objects, tree_.lemma(inner)))
      target = AuthorAnswered(s, tree_.lemma(inner));
    if (target < 0 || !other(target)) return;
    bool coded = false;
    for (size_t k = first_event_; k < doc_.events.size(); ++k)
      coded |= doc_.events[k].source == s && doc_.events[k].code.rfind("11", 0) == 0;
    if (coded || !FirstTime(s, target, criticize->code)) return;
    Event e = MakeEvent(s, target, *criticize, judged, v >= 0 ? v : judged,
                        "verbs/control.txt:&DISAPPROVAL");
    if (trace_) {
      Candidate cand;
      cand.sentence = sentence_index_;
      cand.token = tree_.doc_index(judged);
      cand.predicate = "&DISAPPROVAL:" + tree_.lemma(judged);
      cand.rule = e.rule;
      cand.decision = "event 111 " + self.code + " -> " + doc_.mentions[target].code +
                      (v >= 0 ? " (judgement in what \"" + std::string(tree_.form(v)) +
                                    "\" reports)"
                              : std::string(" (judgement in a quotation)"));
      trace_->push_back(cand);
    }
    doc_.events.push_back(std::move(e));
  };
  for (int v = 0; v < n_; ++v) {
    if (tree_.upos(v) != Upos::VERB || !LemmaIs(v, lexicon_.speech)) continue;
    int subject = tree_.Child(v, rel_.nsubj);
    int s = subject >= 0 ? ActorAt(subject) : -1;
    if (s < 0 || doc_.mentions[s].code.empty()) continue;
    int complement = tree_.Child(v, rel_.ccomp);
    if (complement < 0) continue;
    int inner = tree_.Child(complement, rel_.nsubj);
    if (inner < 0) inner = tree_.Child(complement, rel_.nsubj_pass);
    judge(s, [&](int t) { return tree_.Dominates(complement, t); }, inner, v);
  }
  // What the speaker of a quotation says inside the quote marks.
  if (speaker_ >= 0 && !doc_.mentions[speaker_].code.empty())
    judge(speaker_, [&](int t) { return static_cast<bool>(quoted_[t]); }, -1, -1);
}

}  // namespace dyad::events
