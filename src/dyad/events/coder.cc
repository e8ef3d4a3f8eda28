#include "dyad/events/coder.h"

#include <algorithm>
#include <functional>
#include <array>
#include <set>
#include <tuple>

namespace dyad::events {

namespace {

constexpr int kMaxActorDepth = 3;
constexpr size_t kMaxEventsPerPredicate = 6;
// How far (in tokens) the surface fallback looks for a missing argument.
constexpr int kSurfaceReach = 10;
// How many sentences back a response ("denied the accusations") looks for
// the act it answers.
constexpr uint32_t kResponseWindow = 3;

// A 4-digit year (or decade, "1970s") written as a number token.
int YearOf(std::string_view w) {
  if (w.size() == 5 && w.back() == 's') w.remove_suffix(1);
  if (w.size() != 4) return 0;
  for (char c : w)
    if (c < '0' || c > '9') return 0;
  int y = std::stoi(std::string(w));
  return (y >= 1800 && y <= 2100) ? y : 0;
}

// Token (sentence-local) -> index of the mention covering it, or -1.
std::vector<int> MentionsByToken(const Document& doc, uint32_t sentence_index,
                                 int n) {
  const Sentence& sentence = doc.sentences[sentence_index];
  std::vector<int> mention_at(static_cast<size_t>(n), -1);
  for (size_t m = 0; m < doc.mentions.size(); ++m) {
    const Mention& mention = doc.mentions[m];
    if (mention.sentence != sentence_index) continue;
    for (uint32_t t = 0; t < mention.token_count; ++t) {
      int local = static_cast<int>(mention.first_token + t - sentence.first_token);
      if (local >= 0 && local < n) mention_at[local] = static_cast<int>(m);
    }
  }
  return mention_at;
}

// The actor a dependent names: its own mention, else one among the words
// that modify it ("Iranian embassies", "the government of Iran").
int ActorAt(const SentenceTree& tree, const std::vector<int>& mention_at,
            const Relations& rel, int head) {
  std::vector<std::pair<int, int>> frontier{{head, 0}};
  for (size_t k = 0; k < frontier.size(); ++k) {
    auto [t, depth] = frontier[k];
    if (mention_at[t] >= 0) return mention_at[t];
    if (depth == kMaxActorDepth) continue;
    for (int c : tree.children(t)) {
      uint8_t r = tree.rel(c);
      if (r == rel.amod || r == rel.nmod_poss || r == rel.compound ||
          r == rel.nmod || r == rel.flat || r == rel.appos)
        frontier.emplace_back(c, depth + 1);
    }
  }
  return -1;
}

// How many sentences a quotation is followed across to find its speaker.
constexpr uint32_t kQuoteReach = 3;

}  // namespace

struct EventCoder::Arguments {
  std::vector<int> subjects;  // heads of the acting arguments
  std::vector<int> objects;   // heads of the acted-on arguments
  bool passive = false;
  std::vector<std::pair<std::string, int>> preps;  // (preposition, head)
  int xcomp = -1;
};

void EventCoder::LoadSets() {
  auto load = [&](const char* name, std::vector<std::string>* out,
                  std::initializer_list<const char*> fallback) {
    if (const auto* set = patterns_->Set(name)) {
      *out = *set;
    } else {
      for (const char* w : fallback) out->emplace_back(w);
    }
    std::sort(out->begin(), out->end());
  };
  load("&NEGATION", &negation_, {"not", "n't", "never", "no"});
  load("&MODAL", &modal_, {"could", "might", "may", "would", "should", "can"});
  load("&SPEECH", &speech_, {"say", "tell", "add", "state", "claim"});
  load("&ASPECTUAL", &aspectual_,
       {"begin", "continue", "keep", "resume", "start", "proceed"});
  load("&SYMMETRIC_CODES", &symmetric_codes_,
       {"030", "031", "036", "040", "043", "044", "045", "046", "057", "062",
        "063", "064"});
  load("&CONTENT_MARKERS", &content_markers_,
       {"of", "for", "about", "over", "against", "from"});
  load("&CONDITION_MARKERS", &condition_markers_,
       {"if", "unless", "whether", "lest"});
  load("&RESPONSE_OBJECTS", &response_objects_,
       {"accusation", "claim", "sanction", "move", "decision", "statement"});
  load("&DOCUMENT_NOUNS", &document_nouns_,
       {"statement", "resolution", "communique", "declaration", "letter"});
  load("&FUTURE_MODAL", &future_modals_, {"will", "shall", "'ll", "would"});
  std::vector<std::string> intents;
  load("&INTENT_CODES", &intents, {});
  for (const std::string& entry : intents) {
    size_t arrow = entry.find('>');
    if (arrow == std::string::npos) continue;
    intent_codes_.emplace_back(entry.substr(0, arrow), entry.substr(arrow + 1));
  }
  std::sort(intent_codes_.begin(), intent_codes_.end(),
            [](const auto& a, const auto& b) {
              return a.first.size() != b.first.size() ? a.first.size() > b.first.size()
                                                      : a.first < b.first;
            });
  std::vector<std::string> response_roots;
  load("&RESPONSE_ROOTS", &response_roots, {});
  for (const std::string& entry : response_roots) {
    size_t arrow = entry.find('>');
    if (arrow != std::string::npos)
      response_roots_.emplace_back(entry.substr(0, arrow), entry.substr(arrow + 1));
  }
  load("&IRREALIS", &irrealis_,
       {"demand", "urge", "ask", "insist", "propose", "want", "hope", "request"});
  load("&DISAPPROVAL", &disapproval_, {"wrong", "illegal", "unacceptable"});
  load("&PAIR_NOUNS", &pair_nouns_,
       {"country", "side", "nation", "government", "party", "state",
        "neighbour", "neighbor", "rival"});
}

std::string EventCoder::IntentCode(std::string_view code) const {
  for (const auto& [prefix, intent] : intent_codes_)
    if (code.starts_with(prefix)) return intent;
  return {};
}

std::string EventCoder::ResponseRoots(std::string_view noun) const {
  for (const auto& [word, roots] : response_roots_)
    if (word == noun) return roots;
  return {};
}

bool EventCoder::InSet(const std::vector<std::string>& set,
                       std::string_view w) const {
  return std::binary_search(set.begin(), set.end(), w);
}

int EventCoder::SpeakerOf(const Document& doc, const SentenceTree& tree,
                          const std::vector<int>& mention_at) const {
  for (int i = 0; i < tree.size(); ++i) {
    if (tree.upos(i) != Upos::VERB || !InSet(speech_, tree.lemma(i))) continue;
    int subject = tree.Child(i, rel_.nsubj);
    if (subject < 0) continue;
    int m = ActorAt(tree, mention_at, rel_, subject);
    if (m >= 0 && !doc.mentions[m].code.empty()) return m;
  }
  return -1;
}

void EventCoder::Code(Document& doc, std::vector<Candidate>* trace) const {
  doc.events.clear();
  // A quotation running over several sentences belongs to the speaker
  // named where it closes ("We regret this step. It moves us away from
  // cooperation," Marquez told reporters), else where it opened.
  const uint32_t count = static_cast<uint32_t>(doc.sentences.size());
  std::vector<int> speaker(count, -1);
  std::vector<bool> open_at_start(count, false), open_at_end(count, false);
  bool open = false;
  for (uint32_t s = 0; s < count; ++s) {
    SentenceTree tree(doc, doc.sentences[s]);
    open_at_start[s] = open;
    for (int i = 0; i < tree.size(); ++i)
      if (tree.form(i) == "\"") open = !open;
    open_at_end[s] = open;
    if (open_at_start[s] || open_at_end[s])
      speaker[s] = SpeakerOf(doc, tree, MentionsByToken(doc, s, tree.size()));
  }
  Authors authors;
  for (uint32_t s = 0; s < count; ++s) {
    if (doc.sentences[s].duplicate) continue;
    int carried = -1;
    for (uint32_t k = s + 1; open_at_end[s] && k < count && k <= s + kQuoteReach; ++k) {
      if (!open_at_start[k]) break;
      if (speaker[k] >= 0) { carried = speaker[k]; break; }
      if (!open_at_end[k]) break;
    }
    for (uint32_t k = s; carried < 0 && open_at_start[s] && k-- > 0 && k + kQuoteReach >= s;) {
      if (!open_at_end[k]) break;
      if (speaker[k] >= 0) { carried = speaker[k]; break; }
      if (!open_at_start[k]) break;
    }
    CodeSentence(doc, s, carried, &authors, trace);
  }
}

void EventCoder::CodeSentence(Document& doc, uint32_t sentence_index,
                              int carried_speaker, Authors* authors,
                              std::vector<Candidate>* trace) const {
  const Sentence& sentence = doc.sentences[sentence_index];
  SentenceTree tree(doc, sentence);
  const int n = tree.size();
  if (n == 0) return;

  std::vector<int> mention_at = MentionsByToken(doc, sentence_index, n);
  // A dateline ("NICOSIA, March 27 -", "THE HAGUE, Netherlands -") names
  // where the story was filed, not an actor: its mentions take no part.
  {
    int dash = -1;
    for (int i = 0; i < std::min(n, 12); ++i)
      if (tree.form(i) == "-" || tree.form(i) == "--") {
        dash = i;
        break;
      }
    std::string_view first = tree.form(0);
    bool capital_lead = first.size() >= 3 &&
                        std::all_of(first.begin(), first.end(), [](char c) {
                          return !(c >= 'a' && c <= 'z');
                        });
    if (dash > 0 && capital_lead)
      for (int i = 0; i < dash; ++i) mention_at[i] = -1;
  }
  // Inside a quotation: an odd number of quote marks before the token.
  std::vector<bool> quoted(static_cast<size_t>(n), false);
  {
    bool inside = false;
    for (int i = 0; i < n; ++i) {
      if (tree.form(i) == "\"") inside = !inside;
      quoted[i] = inside;
    }
  }
  const int doc_year = doc.date.size() >= 4 ? YearOf(doc.date.substr(0, 4)) : 0;

  auto is_verb = [&](int i) {
    return tree.upos(i) == Upos::VERB || tree.upos(i) == Upos::AUX;
  };
  auto lemma_is = [&](int i, const std::vector<std::string>& set) {
    return InSet(set, tree.lemma(i));
  };
  auto case_of = [&](int dep) -> std::string {
    for (int c : tree.children(dep))
      if (tree.rel(c) == rel_.case_ || tree.rel(c) == rel_.mark) return tree.lemma(c);
    return {};
  };
  auto add_with_conjuncts = [&](int head, std::vector<int>* out) {
    out->push_back(head);
    for (int c : tree.children(head))
      if (tree.rel(c) == rel_.conj && tree.upos(c) != Upos::VERB) out->push_back(c);
  };

  auto actor_at = [&](int head) { return ActorAt(tree, mention_at, rel_, head); };

  // Arguments of a predicate, inheriting the subject where the clause
  // shares it (coordinated verbs, participle clauses, aspectual verbs,
  // relative clauses).
  std::function<void(int, Arguments*, int)> arguments = [&](int p, Arguments* a,
                                                            int depth) {
    // Passive only when the clause says so and has no active subject: a
    // misparsed dateline ("NICOSIA, ... - Cyprus has protested") must not
    // turn an active clause around.
    bool has_subject = false, passive_marks = false;
    for (int c : tree.children(p)) {
      uint8_t r = tree.rel(c);
      has_subject |= r == rel_.nsubj;
      passive_marks |= r == rel_.nsubj_pass || r == rel_.aux_pass;
    }
    a->passive = passive_marks && !has_subject;
    for (int c : tree.children(p)) {
      uint8_t r = tree.rel(c);
      if (r == rel_.nsubj) {
        add_with_conjuncts(c, &a->subjects);
      } else if (r == rel_.nsubj_pass) {
        if (a->passive) add_with_conjuncts(c, &a->objects);
      } else if (r == rel_.obj) {
        if (!a->passive) add_with_conjuncts(c, &a->objects);
      } else if (r == rel_.iobj) {
        a->preps.emplace_back("iobj", c);
      } else if (r == rel_.obl || r == rel_.nmod) {
        std::string prep = case_of(c);
        if (!prep.empty()) {
          a->preps.emplace_back(prep, c);
          for (int cc : tree.children(c))
            if (tree.rel(cc) == rel_.conj) a->preps.emplace_back(prep, cc);
        }
      } else if (r == rel_.xcomp) {
        a->xcomp = c;
      }
    }
    if (a->passive) {
      // In a passive the by-agent acts; nsubj (if any) was mis-attached.
      std::vector<int> agents;
      for (int c : tree.children(p))
        if (tree.rel(c) == rel_.obl_agent) add_with_conjuncts(c, &agents);
      if (agents.empty())
        for (auto& [prep, dep] : a->preps)
          if (prep == "by") agents.push_back(dep);
      a->subjects = agents;
    }
    // Relative pronouns stand for the noun the clause modifies.
    for (int& s : a->subjects) {
      if (tree.upos(s) == Upos::PRON && tree.rel(p) == rel_.acl_relcl &&
          (tree.lemma(s) == "who" || tree.lemma(s) == "which" ||
           tree.lemma(s) == "that"))
        s = tree.head(p);
    }
    if (!a->subjects.empty() || a->passive || depth > 4) return;
    int h = tree.head(p);
    if (h < 0) return;
    uint8_t r = tree.rel(p);
    bool shares = false;
    if (r == rel_.conj && is_verb(h)) shares = true;
    // "..., saying", "after meeting X", "while visiting": the participle or
    // clause shares the subject of the clause it hangs on.
    if (r == rel_.advcl && is_verb(h) &&
        (case_of(p).empty() || !InSet(content_markers_, case_of(p))))
      shares = true;
    if (r == rel_.acl && is_verb(h) && case_of(p).empty()) shares = true;
    // "Police fired tear gas to disperse the crowd": a purpose clause on
    // the object shares the subject of the object's verb.
    if (r == rel_.acl && !is_verb(h) && case_of(p) == "to" &&
        tree.rel(h) == rel_.obj && tree.head(h) >= 0) {
      Arguments outer;
      arguments(tree.head(h), &outer, depth + 1);
      a->subjects = outer.subjects;
      return;
    }
    if (r == rel_.acl && !is_verb(h) && case_of(p).empty()) {
      // "Turkish forces occupying north Cyprus": the noun acts; "the
      // conference attended by X": X acts on the noun.
      bool by_agent = false;
      for (auto& [prep, dep] : a->preps) by_agent |= prep == "by";
      if (by_agent) {
        for (auto& [prep, dep] : a->preps)
          if (prep == "by") a->subjects.push_back(dep);
        a->objects.assign(1, h);
        a->passive = true;
      } else {
        a->subjects.push_back(h);
      }
      return;
    }
    if (r == rel_.xcomp && lemma_is(h, aspectual_)) shares = true;
    if (r == rel_.acl_relcl && !is_verb(h)) {
      a->subjects.push_back(h);
      return;
    }
    if (shares) {
      Arguments outer;
      arguments(h, &outer, depth + 1);
      a->subjects = outer.subjects;
    }
  };

  // Why a predicate is not asserted, or "" if it is.
  auto unasserted = [&](int p) -> std::string {
    for (int c : tree.children(p)) {
      uint8_t r = tree.rel(c);
      if ((r == rel_.advmod || r == rel_.aux || r == rel_.det) &&
          lemma_is(c, negation_))
        return "negated (" + std::string(tree.form(c)) + ")";
      if (r == rel_.aux && lemma_is(c, modal_))
        return "hypothetical (" + std::string(tree.form(c)) + ")";
      if (r == rel_.mark && lemma_is(c, condition_markers_))
        return "condition (" + std::string(tree.form(c)) + ")";
    }
    int h = tree.head(p);
    if (h < 0) return {};
    uint8_t r = tree.rel(p);
    if (r == rel_.xcomp && !lemma_is(h, aspectual_))
      return "unrealized complement of \"" + std::string(tree.form(h)) + "\"";
    if ((r == rel_.advcl || r == rel_.acl || r == rel_.ccomp) &&
        !case_of(p).empty() && InSet(content_markers_, case_of(p)))
      return "content of \"" + std::string(tree.form(h)) + "\" (" + case_of(p) + ")";
    // "demanded that both sides cease attacks": what is asked for has not
    // happened; the demand is the event.
    if (r == rel_.ccomp && lemma_is(h, irrealis_))
      return "content of \"" + std::string(tree.form(h)) + "\" (asked for)";
    return {};
  };

  // Historical: a year before the article's in the predicate's own clause.
  auto historical = [&](int p) {
    if (doc_year == 0) return false;
    // A year heading the clause ("In 2018, Israel attacked ..."), also when
    // the parser made the year the head.
    for (int t = tree.head(p), steps = 0; t >= 0 && steps < n; t = tree.head(t), ++steps) {
      int y = YearOf(tree.form(t));
      if (y > 0 && y < doc_year) return true;
      if (is_verb(t)) break;
    }
    std::vector<int> stack{p};
    while (!stack.empty()) {
      int t = stack.back();
      stack.pop_back();
      int y = YearOf(tree.form(t));
      if (y > 0 && y < doc_year) return true;
      for (int c : tree.children(t)) {
        uint8_t r = tree.rel(c);
        if (r == rel_.ccomp || r == rel_.advcl || r == rel_.acl ||
            r == rel_.acl_relcl || r == rel_.parataxis || r == rel_.conj ||
            r == rel_.xcomp)
          continue;
        stack.push_back(c);
      }
    }
    return false;
  };

  auto reported = [&](int p) {
    if (quoted[p]) return true;
    for (int t = p, steps = 0; t >= 0 && steps < n; ++steps) {
      int h = tree.head(t);
      if (h < 0) break;
      if (tree.rel(t) == rel_.ccomp && lemma_is(h, speech_)) return true;
      t = h;
    }
    return false;
  };

  // A slot value is a lemma or a phrase "humanitarian_aid": its last word
  // is the dependent's head, the words before it stand right before it.
  auto slot_matches = [&](const Slot& slot, int dep) {
    if (slot.lemmas.empty()) return true;
    const std::string& head = tree.lemma(dep);
    for (const std::string& want : slot.lemmas) {
      if (want == "*" || want == head) return true;
      size_t last = want.rfind('_');
      if (last == std::string::npos || std::string_view(want).substr(last + 1) != head)
        continue;
      bool prefix_ok = true;
      int t = dep - 1;
      size_t end = last;
      while (prefix_ok && end != std::string::npos && end > 0) {
        size_t start = want.rfind('_', end - 1);
        size_t from = start == std::string::npos ? 0 : start + 1;
        if (t < 0 || tree.lemma(t) != std::string_view(want).substr(from, end - from))
          prefix_ok = false;
        --t;
        end = start;
      }
      if (prefix_ok) return true;
    }
    return false;
  };

  // "both countries", "the two sides", "each side": the two latest
  // actors of distinct countries named before, other than the source's.
  auto pair_at = [&](int head, const std::vector<int>& exclude) {
    std::vector<int> found;
    if (!InSet(pair_nouns_, tree.lemma(head))) return found;
    bool pair = false;
    for (int c : tree.children(head))
      pair |= tree.lemma(c) == "both" || tree.lemma(c) == "two" ||
              tree.lemma(c) == "each";
    if (!pair) return found;
    const uint32_t before = tree.doc_index(head);
    std::vector<std::string> countries;
    for (const int e : exclude) countries.push_back(doc.mentions[e].country);
    auto excluded = [&](const std::string& c) {
      return std::find(countries.begin(), countries.end(), c) != countries.end();
    };
    // The two countries most often coded against each other so far (the
    // story's main pair; ties go to the later), else the two latest
    // countries named.
    std::map<std::pair<std::string, std::string>, std::pair<int, size_t>> pairs;
    for (size_t k = 0; k < doc.events.size(); ++k) {
      const Event& e = doc.events[k];
      if (e.source < 0 || e.target < 0) continue;
      std::string a = doc.mentions[e.source].country;
      std::string b = doc.mentions[e.target].country;
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
      const Event& e = doc.events[best->second];
      return std::vector<int>{e.source, e.target};
    }
    for (size_t k = doc.mentions.size(); k-- > 0 && found.size() < 2;) {
      const Mention& m = doc.mentions[k];
      if (m.first_token >= before || m.code.empty() || m.country.empty()) continue;
      if (std::find(countries.begin(), countries.end(), m.country) != countries.end())
        continue;
      countries.push_back(m.country);
      found.push_back(static_cast<int>(k));
    }
    if (found.size() < 2) found.clear();
    return found;
  };

  // Mentions coordinated on the surface ("Japan and South Korea", "A, B
  // and C") go together even where the parse missed the conjunction.
  auto extend_coordinated = [&](std::vector<int>* mentions) {
    for (size_t k = 0; k < mentions->size() && mentions->size() < 6; ++k) {
      const Mention& m = doc.mentions[(*mentions)[k]];
      uint32_t gap = m.first_token + m.token_count;
      for (size_t next = static_cast<size_t>((*mentions)[k]) + 1;
           next < doc.mentions.size(); ++next) {
        const Mention& x = doc.mentions[next];
        if (x.sentence != sentence_index || x.first_token != gap + 1) continue;
        std::string_view between = doc.Form(doc.tokens[gap]);
        if ((between == "and" || between == ",") && !x.code.empty() &&
            std::find(mentions->begin(), mentions->end(), static_cast<int>(next)) ==
                mentions->end())
          mentions->push_back(static_cast<int>(next));
        break;
      }
    }
  };

  // The speaker of the sentence: the coded subject of a verb of saying,
  // else the speaker of the quotation the sentence is part of.
  int speaker = SpeakerOf(doc, tree, mention_at);
  if (speaker < 0) speaker = carried_speaker;

  // Documents issued in this sentence ("NATO issued a statement"): their
  // authors, for later sentences where the document speaks.
  for (int i = 0; i < n; ++i) {
    if (tree.upos(i) != Upos::NOUN || tree.rel(i) != rel_.obj ||
        !InSet(document_nouns_, tree.lemma(i)) || tree.head(i) < 0)
      continue;
    int subject = tree.Child(tree.head(i), rel_.nsubj);
    if (subject < 0) continue;
    int m = actor_at(subject);
    if (m >= 0 && !doc.mentions[m].code.empty())
      (*authors)[tree.lemma(i)] = m;
  }

  // Surface fallback, for clauses the parse lost: the nearest actor
  // mention on one side of predicate p, not inside a prepositional phrase
  // and not across a clause boundary (another verb, a subordinator, ";",
  // ":", a comma). Returns a token of the mention or -1. A participle
  // followed by "by" is passive ("monitored by the BBC"): nothing.
  auto surface_actor = [&](int p, int step) -> int {
    if (p + 1 < n && tree.lemma(p + 1) == "by") return -1;
    auto boundary = [&](int t) {
      std::string_view f = tree.form(t);
      if (f == ";" || f == ":" || f == "--" || f == "(" || f == ")" || f == "\"")
        return true;
      if (f == ",") return true;
      Upos u = tree.upos(t);
      if (u == Upos::VERB || u == Upos::SCONJ) return true;
      const std::string& l = tree.lemma(t);
      return l == "that" || l == "which" || l == "who" || l == "whom";
    };
    for (int t = p + step, taken = 0; t >= 0 && t < n && taken < kSurfaceReach;
         t += step, ++taken) {
      int m = mention_at[t];
      if (m < 0) {
        if (boundary(t)) return -1;
        continue;
      }
      const Mention& mention = doc.mentions[m];
      int first = static_cast<int>(mention.first_token - sentence.first_token);
      int last = first + static_cast<int>(mention.token_count) - 1;
      bool oblique = first > 0 && tree.upos(first - 1) == Upos::ADP &&
                     tree.lemma(first - 1) != "by";
      if (!oblique && !mention.code.empty()) return step > 0 ? first : last;
      t = step > 0 ? last : first;  // skip the rest of the mention
    }
    return -1;
  };

  // The author of the act a response answers: the source of the latest
  // event within a few sentences by another country than the responder's
  // (another code when countries are missing), one aimed at the
  // responder's country first. -1 if none.
  // `act` is the noun naming it ("sanctions"): an event of the roots
  // &RESPONSE_ROOTS gives that noun comes first.
  auto author_answered = [&](int responder, std::string_view act) -> int {
    const Mention& self = doc.mentions[responder];
    std::string roots = ResponseRoots(act);
    for (int pass = 0; pass < 4; ++pass) {
      bool by_root = pass < 2, aimed = pass % 2 == 0;
      if (by_root && roots.empty()) continue;
      for (size_t k = doc.events.size(); k-- > 0;) {
        const Event& earlier = doc.events[k];
        // An act of the named kind may lie further back.
        if (earlier.sentence + (by_root ? 3 : 1) * kResponseWindow < sentence_index)
          break;
        if (earlier.source < 0) continue;
        const Mention& author = doc.mentions[earlier.source];
        bool other = !self.country.empty() && !author.country.empty()
                         ? author.country != self.country
                         : author.code != self.code;
        if (!other) continue;
        if (aimed && (earlier.target < 0 || self.country.empty() ||
                      doc.mentions[earlier.target].country != self.country))
          continue;
        bool root_named = false;
        for (size_t r = 0; r + 1 < roots.size(); r += 2)
          root_named |= earlier.code.compare(0, 2, roots, r, 2) == 0;
        if (by_root && !root_named) continue;
        return earlier.source;
      }
    }
    return -1;
  };

  // One event per (source code, target code, event code) in a sentence:
  // "deploying warships near Taiwan ... around Taiwan" is one act.
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  auto first_time = [&](int s, int t, const std::string& code) {
    return seen.emplace(doc.mentions[s].code, t >= 0 ? doc.mentions[t].code : "", code)
        .second;
  };
  std::vector<bool> consumed(static_cast<size_t>(n), false);

  auto code_predicate = [&](int p, bool nominal) {
    std::string key = tree.lemma(p);
    int particle = nominal ? -1 : tree.Child(p, rel_.prt);
    std::string particle_lemma = particle >= 0 ? tree.lemma(particle) : "";
    if (nominal) key = "n:" + key;
    // Phrasal patterns ("call_off") first when the particle is there; a
    // pattern for another particle never applies.
    std::vector<const Pattern*> found;
    for (int pass = 0; pass < 2; ++pass)
      for (const Pattern& pattern : patterns_->ForPredicate(key)) {
        bool phrasal = !pattern.particle.empty();
        if (phrasal && pattern.particle != particle_lemma) continue;
        if ((pass == 0) == phrasal) found.push_back(&pattern);
      }
    if (found.empty()) return;
    if (!particle_lemma.empty() && !found.front()->particle.empty())
      key += "_" + particle_lemma;
    Candidate cand;
    cand.sentence = sentence_index;
    cand.token = tree.doc_index(p);
    cand.predicate = key;
    auto decide = [&](std::string decision) {
      if (!trace) return;
      cand.decision = std::move(decision);
      trace->push_back(cand);
    };
    // A noun another event took as its argument is coded again only when
    // it names both of its own actors ("backed the U.S. attack on an
    // Iranian platform": the attack is an event of its own).
    const bool argument_of_event = nominal && consumed[p];
    // "Iran will retaliate", "Beijing said it would impose tariffs": the
    // intent is the event (03x / 13x), not the act.
    std::string intent;
    if (!nominal) {
      bool negated = false;
      for (int c : tree.children(p)) {
        uint8_t r = tree.rel(c);
        negated |= (r == rel_.advmod || r == rel_.aux) && lemma_is(c, negation_);
        if (r == rel_.aux && lemma_is(c, future_modals_)) intent = tree.lemma(c);
      }
      if (negated || (intent == "would" && !reported(p))) intent.clear();
    }
    if (std::string why = unasserted(p);
        !why.empty() && !(why.starts_with("hypothetical") && !intent.empty()))
      return decide("dropped: " + why);

    Arguments args;
    if (nominal) {
      for (int c : tree.children(p)) {
        uint8_t r = tree.rel(c);
        if (r == rel_.nmod_poss) args.subjects.push_back(c);
        if (r == rel_.nmod || r == rel_.amod || r == rel_.compound) {
          std::string prep = case_of(c);
          if (prep == "by") args.subjects.push_back(c);
          else if (!prep.empty()) args.preps.emplace_back(prep, c);
          else if (r == rel_.amod || r == rel_.compound) {
            args.preps.emplace_back("mod", c);
            // "U.S. sanctions", "the Iraqi attack": the actor modifier acts.
            if (mention_at[c] >= 0) args.subjects.push_back(c);
          }
        }
      }
      if (argument_of_event && args.subjects.empty())
        return decide("dropped: argument of a coded verb");
      // "Iran announced the expulsion of ...": the announcer acts; also
      // through "of" ("held three hours of talks with", "a wave of
      // arrests").
      int q = p;
      while (tree.head(q) >= 0 && tree.rel(q) == rel_.nmod && case_of(q) == "of")
        q = tree.head(q);
      int h = tree.head(q);
      if (args.subjects.empty() && h >= 0 && tree.rel(q) == rel_.obj) {
        Arguments outer;
        arguments(h, &outer, 0);
        args.subjects = outer.subjects;
      }
    } else {
      arguments(p, &args, 0);
      // "demanded that Ethiopia withdraw": who is asked is the target.
      int asked = tree.Child(p, rel_.ccomp);
      if (args.objects.empty() && asked >= 0 && lemma_is(p, irrealis_)) {
        int inner = tree.Child(asked, rel_.nsubj);
        if (inner >= 0) args.objects.push_back(inner);
      }
    }

    // Parse lost an argument: the surface supplies it (subject first).
    std::string surface_note;
    if (!nominal && !args.passive && args.subjects.empty()) {
      if (int s = surface_actor(p, -1); s >= 0) {
        args.subjects.push_back(s);
        surface_note = " (subject from the surface)";
      }
    }
    const Pattern* chosen = nullptr;
    std::vector<int> targets, sources, matched_deps;
    bool object_used = false;
    auto match = [&]() {
      for (const Pattern* candidate : found) {
        const Pattern& pattern = *candidate;
        bool ok = true;
        std::vector<int> slot_targets, slot_sources, slot_deps;
        bool uses_object = false;
        for (const Slot& slot : pattern.slots) {
          int dep = -1;
          if (slot.relation == "obj") {
            for (int o : args.objects) {
              if (!slot_matches(slot, o)) continue;
              // Every conjunct of a target object is a target.
              if (dep >= 0 && slot.target) slot_targets.push_back(o);
              if (dep < 0) dep = o;
              if (!slot.target) break;
            }
            uses_object = true;
          } else if (slot.relation == "subj") {
            for (int o : args.subjects)
              if (slot_matches(slot, o)) { dep = o; break; }
          } else if (slot.relation == "xcomp") {
            if (args.xcomp >= 0 && slot_matches(slot, args.xcomp)) dep = args.xcomp;
          } else {
            // "imposed sanctions on Tuesday on two Chinese refineries": a
            // target slot takes the dependents that name actors.
            std::vector<int> with_actor;
            for (auto& [prep, d] : args.preps) {
              if (prep != slot.relation || !slot_matches(slot, d)) continue;
              if (dep < 0) dep = d;
              if (slot.target && actor_at(d) >= 0) with_actor.push_back(d);
            }
            if (!with_actor.empty()) {
              dep = with_actor.front();
              slot_targets.insert(slot_targets.end(), with_actor.begin() + 1,
                                  with_actor.end());
            }
          }
          if (dep < 0) { ok = false; break; }
          if (slot.target) slot_targets.push_back(dep);
          if (slot.source) slot_sources.push_back(dep);
          if (!slot.source) slot_deps.push_back(dep);
        }
        if (!ok) continue;
        chosen = &pattern;
        targets = slot_targets;
        sources = slot_sources;
        matched_deps = slot_deps;
        object_used = uses_object;
        break;
      }
    };
    match();
    int surface_object = -1;
    if (!nominal && !args.passive && args.objects.empty())
      surface_object = surface_actor(p, +1);
    if (!chosen && surface_object >= 0) {
      args.objects.push_back(surface_object);
      surface_note += " (object from the surface)";
      match();
    }
    if (!chosen) return decide("no pattern matched the arguments");
    cand.pattern = chosen->text;
    cand.rule = chosen->rule;
    if (chosen->blocks()) return decide("dropped: pattern codes no event");
    std::string code = chosen->code;
    if (!intent.empty()) {
      code = IntentCode(chosen->code);
      if (code.empty())
        return decide("dropped: intent (" + intent + ") to an act with no intent code");
      surface_note += " (intent: " + intent + ", act " + chosen->code + ")";
    }
    const CodeInfo* info = codes_->Find(code);
    if (!info) return decide("dropped: unknown code " + code);

    if (sources.empty()) sources = args.subjects;
    bool target_from_slot = !targets.empty();
    if (targets.empty() && !object_used) targets = args.objects;
    if (targets.empty()) {
      // "the expulsion of two Russian diplomats" (of=&DIPLOMAT), "imposed
      // sanctions on X" written without @T: a dependent the pattern named
      // that holds an actor is the target.
      for (int d : matched_deps)
        if (actor_at(d) >= 0) targets.push_back(d);
    }
    if (targets.empty() && !target_from_slot) {
      // No object: an actor reached by against/on/with/to is the target.
      for (const char* prep : {"against", "on", "with", "to", "at"}) {
        for (auto& [pr, d] : args.preps)
          if (pr == prep && actor_at(d) >= 0) targets.push_back(d);
        if (!targets.empty()) break;
      }
    }
    if (targets.empty() && !target_from_slot && surface_object >= 0) {
      targets.push_back(surface_object);
      surface_note += " (target from the surface)";
    }
    for (int t : targets) consumed[t] = true;
    for (auto& [pr, d] : args.preps) consumed[d] = true;
    for (int o : args.objects) consumed[o] = true;

    std::vector<int> source_mentions, target_mentions;
    // "The two countries fought a war", "each side blamed the other": the
    // pair acts on itself, each on the other.
    bool mutual = false;
    for (int s : sources) {
      if (actor_at(s) >= 0 || !source_mentions.empty()) continue;
      std::vector<int> pair = pair_at(s, {});
      if (pair.empty()) continue;
      source_mentions = pair;
      mutual = true;
    }
    for (int s : sources) {
      if (mutual) break;
      int m = actor_at(s);
      // "We will respond," the minister said: the speaker is the source.
      if (m < 0 && speaker >= 0 &&
          (tree.lemma(s) == "we" || tree.lemma(s) == "i"))
        m = speaker;
      // "The statement called on both countries": its author speaks.
      if (m < 0 && InSet(document_nouns_, tree.lemma(s))) {
        auto it = authors->find(tree.lemma(s));
        if (it != authors->end()) m = it->second;
      }
      if (m >= 0 && !doc.mentions[m].code.empty()) source_mentions.push_back(m);
    }
    for (int t : targets) {
      if (int m = actor_at(t); m >= 0 && !doc.mentions[m].code.empty()) {
        target_mentions.push_back(m);
      } else {
        for (int m2 : pair_at(t, source_mentions)) target_mentions.push_back(m2);
      }
    }
    if (source_mentions.empty()) return decide("dropped: no coded source actor");
    // "Moscow denied the accusations": the object names an earlier act, so
    // its author is the target: the source of the latest event before this
    // one, within a few sentences, by an actor of another country (or
    // another code when countries are missing).
    if (mutual && target_mentions.empty()) {
      target_mentions.push_back(source_mentions[1]);
      source_mentions.resize(1);
    } else {
      mutual = false;
    }
    if (target_mentions.empty() && !nominal) {
      int answered = -1;
      for (int o : args.objects)
        if (answered < 0 && actor_at(o) < 0 && InSet(response_objects_, tree.lemma(o)))
          answered = o;
      if (int author = answered >= 0 ? author_answered(source_mentions.front(),
                                                       tree.lemma(answered))
                                     : -1;
          author >= 0) {
        target_mentions.push_back(author);
        surface_note += " (target: author of the act answered)";
      }
    }
    // "The junta rejected U.N. calls for a ceasefire", "Iran dismissed
    // U.S. demands": an event noun with its own source, taken as the
    // object of a verb, is aimed at that verb's subject.
    bool aimed_at_subject = false;
    if (nominal && target_mentions.empty() && tree.rel(p) == rel_.obj &&
        tree.head(p) >= 0) {
      Arguments outer;
      arguments(tree.head(p), &outer, 0);
      for (int s : outer.subjects)
        if (int m = actor_at(s); m >= 0 && !doc.mentions[m].code.empty() &&
                                 m != source_mentions.front())
          target_mentions.push_back(m);
      aimed_at_subject = !target_mentions.empty();
      if (aimed_at_subject) surface_note += " (target: subject of \"" +
                                            std::string(tree.form(tree.head(p))) + "\")";
    }
    extend_coordinated(&source_mentions);
    extend_coordinated(&target_mentions);
    const bool symmetric = InSet(symmetric_codes_, info->code);
    // "A and B agreed", "A and B met": each with the other.
    if (target_mentions.empty() && symmetric && source_mentions.size() == 2)
      target_mentions.push_back(source_mentions[1]),
          source_mentions.resize(1);
    // Most political events have both sides; an event with no coded target
    // is far more often a misreading than a codable one-sided act.
    if (target_mentions.empty()) return decide("dropped: no coded target actor");
    if (argument_of_event && !target_from_slot && !aimed_at_subject)
      return decide("dropped: argument of a coded verb");

    std::vector<std::pair<int, int>> pairs;
    for (int s : source_mentions)
      for (int t : target_mentions) {
        if (s == t) continue;
        // The same actor twice, or two parts of one actor (a minister
        // meeting his president): not an event between political actors.
        if (t >= 0 && doc.mentions[t].code == doc.mentions[s].code) continue;
        pairs.emplace_back(s, t);
        if ((symmetric || mutual) && t >= 0) pairs.emplace_back(t, s);
      }
    if (pairs.empty()) return decide("dropped: source and target are the same actor");
    if (pairs.size() > kMaxEventsPerPredicate) pairs.resize(kMaxEventsPerPredicate);
    std::string made;
    for (auto [s, t] : pairs) {
      if (!first_time(s, t, info->code)) continue;
      Event e;
      e.sentence = sentence_index;
      e.source = s;
      e.target = t;
      e.verb = tree.token(p).span;
      if (particle >= 0 && !nominal) e.verb.end = std::max(e.verb.end, tree.token(particle).span.end);
      e.code = info->code;
      e.plover = info->plover;
      e.quad = info->quad;
      e.goldstein = info->goldstein;
      e.historical = historical(p);
      e.reported = reported(p);
      e.rule = chosen->rule;
      made += std::string(made.empty() ? "event " : ", ") + e.code + " " +
              doc.mentions[s].code + " -> " +
              (t >= 0 ? doc.mentions[t].code : std::string("(none)"));
      doc.events.push_back(std::move(e));
    }
    decide(made.empty() ? "dropped: already coded" : made + surface_note);
  };

  const size_t first_event = doc.events.size();
  // Verbs first: nouns they take as arguments are not coded again.
  for (int i = 0; i < n; ++i)
    if (is_verb(i)) code_predicate(i, false);
  for (int i = 0; i < n; ++i)
    if (tree.upos(i) == Upos::NOUN) code_predicate(i, true);

  // "Germany said Iran's decision was the wrong answer": a speaker whose
  // reported words judge another actor's act with a word of disapproval
  // (&DISAPPROVAL) criticizes that actor (111), unless the speaker's
  // criticism is already coded in this sentence.
  const CodeInfo* criticize = codes_->Find("111");
  for (int v = 0; criticize && v < n; ++v) {
    if (tree.upos(v) != Upos::VERB || !lemma_is(v, speech_)) continue;
    int subject = tree.Child(v, rel_.nsubj);
    int s = subject >= 0 ? actor_at(subject) : -1;
    if (s < 0 || doc.mentions[s].code.empty()) continue;
    int complement = tree.Child(v, rel_.ccomp);
    if (complement < 0) continue;
    int judged = -1;
    for (int t = 0; t < n && judged < 0; ++t)
      if (tree.Dominates(complement, t) && lemma_is(t, disapproval_) &&
          unasserted(t).rfind("negated", 0) != 0)
        judged = t;
    if (judged < 0) continue;
    const Mention& self = doc.mentions[s];
    auto other = [&](int m) {
      const Mention& x = doc.mentions[m];
      if (x.code.empty()) return false;
      return !self.country.empty() && !x.country.empty() ? x.country != self.country
                                                         : x.code != self.code;
    };
    // The judged actor: the complement's subject, else the first actor
    // named in it, else (for "the decision", "the move") the author of
    // the act answered.
    int target = -1;
    int inner = tree.Child(complement, rel_.nsubj);
    if (inner < 0) inner = tree.Child(complement, rel_.nsubj_pass);
    if (inner >= 0 && actor_at(inner) >= 0 && other(actor_at(inner))) target = actor_at(inner);
    for (int t = 0; t < n && target < 0; ++t)
      if (mention_at[t] >= 0 && tree.Dominates(complement, t) && other(mention_at[t]))
        target = mention_at[t];
    if (target < 0 && inner >= 0 && InSet(response_objects_, tree.lemma(inner)))
      target = author_answered(s, tree.lemma(inner));
    if (target < 0 || !other(target)) continue;
    bool coded = false;
    for (size_t k = first_event; k < doc.events.size(); ++k)
      coded |= doc.events[k].source == s && doc.events[k].code.rfind("11", 0) == 0;
    if (coded || !first_time(s, target, criticize->code)) continue;
    Event e;
    e.sentence = sentence_index;
    e.source = s;
    e.target = target;
    e.verb = tree.token(judged).span;
    e.code = criticize->code;
    e.plover = criticize->plover;
    e.quad = criticize->quad;
    e.goldstein = criticize->goldstein;
    e.historical = historical(v);
    e.reported = reported(v);
    e.rule = "verbs/control.txt:&DISAPPROVAL";
    if (trace) {
      Candidate cand;
      cand.sentence = sentence_index;
      cand.token = tree.doc_index(judged);
      cand.predicate = "&DISAPPROVAL:" + tree.lemma(judged);
      cand.rule = e.rule;
      cand.decision = "event 111 " + self.code + " -> " + doc.mentions[target].code +
                      " (judgement in what \"" + std::string(tree.form(v)) + "\" reports)";
      trace->push_back(cand);
    }
    doc.events.push_back(std::move(e));
  }
  std::stable_sort(doc.events.begin() + static_cast<std::ptrdiff_t>(first_event),
                   doc.events.end(), [](const Event& a, const Event& b) {
                     return a.verb.start < b.verb.start;
                   });
}

}  // namespace dyad::events
