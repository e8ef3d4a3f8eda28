#include "dyad/events/sentence_coder.h"

#include <algorithm>
#include <cstddef>
#include <string>

#include "dyad/events/text_util.h"

namespace dyad::events {

namespace {

constexpr int kMaxActorDepth = 3;
constexpr size_t kMaxEventsPerPredicate = 6;

// A 4-digit year (or decade, "1970s") written as a number token.
int YearOf(std::string_view w) {
  if (w.size() == 5 && w.back() == 's') w.remove_suffix(1);
  if (w.size() != 4) return 0;
  for (char c : w)
    if (c < '0' || c > '9') return 0;
  int y = std::stoi(std::string(w));
  return (y >= 1800 && y <= 2100) ? y : 0;
}

// The actor a dependent names: its own mention, else one among the words
// that modify it ("Iranian embassies", "the government of Iran"), also
// through a participle of affiliation ("a group linked to Russia's
// military intelligence", &AFFILIATION).
int MentionActor(const SentenceTree& tree, const std::vector<int>& mention_at,
                 const Relations& rel, const CoderLexicon& lexicon, int head) {
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
      if (r == rel.acl && std::binary_search(lexicon.affiliation.begin(),
                                             lexicon.affiliation.end(), tree.lemma(c)))
        for (int g : tree.children(c))
          if (tree.rel(g) == rel.obl || tree.rel(g) == rel.obl_agent)
            frontier.emplace_back(g, depth + 1);
    }
  }
  return -1;
}

}  // namespace

void CoderLexicon::Load(const PatternSet& patterns) {
  auto load = [&](const char* name, std::vector<std::string>* out,
                  std::initializer_list<const char*> fallback) {
    if (const auto* set = patterns.Set(name)) {
      *out = *set;
    } else {
      for (const char* w : fallback) out->emplace_back(w);
    }
    std::sort(out->begin(), out->end());
  };
  load("&NEGATION", &negation, {"not", "n't", "never", "no"});
  load("&MODAL", &modal, {"could", "might", "may", "would", "should", "can"});
  load("&SPEECH", &speech, {"say", "tell", "add", "state", "claim"});
  load("&ASPECTUAL", &aspectual,
       {"begin", "continue", "keep", "resume", "start", "proceed"});
  load("&SYMMETRIC_CODES", &symmetric_codes,
       {"030", "031", "036", "040", "043", "044", "045", "046", "057", "062",
        "063", "064"});
  load("&CONTENT_MARKERS", &content_markers,
       {"of", "for", "about", "over", "against", "from"});
  load("&CONDITION_MARKERS", &condition_markers,
       {"if", "unless", "whether", "lest"});
  load("&RESPONSE_OBJECTS", &response_objects,
       {"accusation", "claim", "sanction", "move", "decision", "statement"});
  load("&DOCUMENT_NOUNS", &document_nouns,
       {"statement", "resolution", "communique", "declaration", "letter"});
  load("&FUTURE_MODAL", &future_modals, {"will", "shall", "'ll", "would"});
  load("&WARNING", &warning, {"warn", "threaten", "caution"});
  load("&JOINT_ACTS", &joint_acts, {"agreement", "deal", "ceasefire", "truce"});
  load("&OWN_PEOPLE", &own_people, {"cvl"});
  load("&QUANTIFIERS", &quantifiers,
       {"more", "than", "at", "least", "about", "some", "nearly", "almost", "over"});
  load("&DESTINATION_PREPS", &destination_preps,
       {"to", "near", "around", "toward", "towards", "into", "along", "off", "at"});
  load("&COMMITMENT", &commitment,
       {"agree", "pledge", "promise", "vow", "threaten", "offer", "undertake"});
  // "KEY>VALUE" tables.
  auto load_pairs = [&](const char* name,
                        std::vector<std::pair<std::string, std::string>>* out) {
    std::vector<std::string> entries;
    load(name, &entries, {});
    for (const std::string& entry : entries)
      if (size_t arrow = entry.find('>'); arrow != std::string::npos)
        out->emplace_back(entry.substr(0, arrow), entry.substr(arrow + 1));
  };
  load_pairs("&INTENT_CODES", &intent_codes);
  std::sort(intent_codes.begin(), intent_codes.end(),
            [](const auto& a, const auto& b) {
              return a.first.size() != b.first.size() ? a.first.size() > b.first.size()
                                                      : a.first < b.first;
            });
  load_pairs("&RESPONSE_ROOTS", &response_roots);
  load("&IRREALIS", &irrealis,
       {"demand", "urge", "ask", "insist", "propose", "want", "hope", "request"});
  load("&DISAPPROVAL", &disapproval, {"wrong", "illegal", "unacceptable"});
  load("&GATHERINGS", &gatherings, {"conference", "summit", "rally"});
  load("&DENIAL", &denial, {"deny", "reject", "dismiss", "refute"});
  load("&RESPONDING_ROOTS", &responding_roots, {"01", "05", "11", "12"});
  load("&AFFILIATION", &affiliation,
       {"link", "affiliate", "back", "tie", "loyal", "connect", "ally"});
  load("&PAIR_NOUNS", &pair_nouns,
       {"country", "side", "nation", "government", "party", "state",
        "neighbour", "neighbor", "rival"});
}

std::string CoderLexicon::IntentCode(std::string_view code) const {
  for (const auto& [prefix, intent] : intent_codes)
    if (code.starts_with(prefix)) return intent == "same" ? std::string(code) : intent;
  return {};
}

std::string CoderLexicon::ResponseRoots(std::string_view noun) const {
  for (const auto& [word, roots] : response_roots)
    if (word == noun) return roots;
  return {};
}

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

int SpeakerOf(const Document& doc, const SentenceTree& tree,
              const std::vector<int>& mention_at, const Relations& rel,
              const CoderLexicon& lexicon) {
  for (int i = 0; i < tree.size(); ++i) {
    if (tree.upos(i) != Upos::VERB ||
        !std::binary_search(lexicon.speech.begin(), lexicon.speech.end(), tree.lemma(i)))
      continue;
    int subject = tree.Child(i, rel.nsubj);
    if (subject < 0) continue;
    int m = MentionActor(tree, mention_at, rel, lexicon, subject);
    if (m >= 0 && !doc.mentions[m].code.empty()) return m;
  }
  return -1;
}

SentenceCoder::SentenceCoder(const CoderLexicon& lexicon, const CodeTable& codes,
                             const PatternSet& patterns, const Relations& rel,
                             Document& doc, uint32_t sentence_index,
                             int carried_speaker, DocumentMemory* memory,
                             std::vector<Candidate>* trace)
    : lexicon_(lexicon),
      codes_(codes),
      patterns_(patterns),
      rel_(rel),
      doc_(doc),
      sentence_index_(sentence_index),
      sentence_(doc.sentences[sentence_index]),
      memory_(memory),
      trace_(trace),
      tree_(doc, sentence_),
      n_(tree_.size()),
      mention_at_(MentionsByToken(doc, sentence_index, n_)),
      quoted_(static_cast<size_t>(n_), false),
      consumed_(static_cast<size_t>(n_), false) {
  if (n_ == 0) return;
  // A dateline ("NICOSIA, March 27 -", "THE HAGUE, Netherlands -") names
  // where the story was filed, not an actor: its mentions take no part.
  for (int i = 0; i < static_cast<int>(doc.DatelineLength(sentence_index)); ++i)
    mention_at_[i] = -1;
  // Inside a quotation: an odd number of quote marks before the token.
  {
    bool inside = false;
    for (int i = 0; i < n_; ++i) {
      if (tree_.form(i) == "\"") inside = !inside;
      quoted_[i] = inside;
    }
  }
  doc_year_ = doc_.date.size() >= 4 ? YearOf(doc_.date.substr(0, 4)) : 0;
  // The speaker of the sentence: the coded subject of a verb of saying,
  // else the speaker of the quotation the sentence is part of.
  speaker_ = SpeakerOf(doc_, tree_, mention_at_, rel_, lexicon_);
  if (speaker_ < 0) speaker_ = carried_speaker;

  // Documents issued and gatherings held in this sentence ("NATO issued
  // a statement", "the MEK held a conference"): their authors, for later
  // sentences where the document speaks or the gathering is attended.
  for (int i = 0; i < n_; ++i) {
    if (tree_.upos(i) != Upos::NOUN || tree_.rel(i) != rel_.obj || tree_.head(i) < 0 ||
        !(Has(lexicon_.document_nouns, tree_.lemma(i)) ||
          Has(lexicon_.gatherings, tree_.lemma(i))))
      continue;
    const int verb = tree_.head(i);
    int subject = tree_.Child(verb, rel_.nsubj);
    // "permitted the MEK to hold a conference": the controller holds it.
    bool infinitive = tree_.rel(verb) == rel_.xcomp ||
                      (tree_.rel(verb) == rel_.advcl && CaseOf(verb) == "to");
    if (subject < 0 && infinitive && tree_.head(verb) >= 0) {
      subject = tree_.Child(tree_.head(verb), rel_.obj);
      if (subject < 0) subject = tree_.Child(tree_.head(verb), rel_.nsubj);
    }
    if (subject < 0) continue;
    int m = ActorAt(subject);
    if (m >= 0 && !doc_.mentions[m].code.empty())
      memory_->authors[tree_.lemma(i)] = m;
  }
}

bool SentenceCoder::Has(const std::vector<std::string>& set, std::string_view w) const {
  return std::binary_search(set.begin(), set.end(), w);
}

void SentenceCoder::Run() {
  if (n_ == 0) return;
  first_event_ = doc_.events.size();
  // Verbs first: nouns they take as arguments are not coded again.
  for (int i = 0; i < n_; ++i)
    if (IsVerb(i)) CodePredicate(i, false);
  for (int i = 0; i < n_; ++i)
    if (tree_.upos(i) == Upos::NOUN) CodePredicate(i, true);
  CodeJudgements();

  std::stable_sort(doc_.events.begin() + static_cast<std::ptrdiff_t>(first_event_),
                   doc_.events.end(), [](const Event& a, const Event& b) {
                     return a.verb.start < b.verb.start;
                   });
}

Event SentenceCoder::MakeEvent(int source, int target, const CodeInfo& info,
                               int verb, int clause, const std::string& rule) const {
  Event e;
  e.sentence = sentence_index_;
  e.source = source;
  e.target = target;
  e.verb = tree_.token(verb).span;
  e.code = info.code;
  e.plover = info.plover;
  e.quad = info.quad;
  e.goldstein = info.goldstein;
  e.historical = Historical(clause);
  e.reported = Reported(clause);
  e.rule = rule;
  return e;
}

bool SentenceCoder::IsVerb(int i) const {
  return tree_.upos(i) == Upos::VERB || tree_.upos(i) == Upos::AUX;
}

bool SentenceCoder::LemmaIs(int i, const std::vector<std::string>& set) const {
  return Has(set, tree_.lemma(i));
}

std::string SentenceCoder::CaseOf(int dep) const {
  for (int c : tree_.children(dep))
    if (tree_.rel(c) == rel_.case_ || tree_.rel(c) == rel_.mark) return tree_.lemma(c);
  // "on Ugandan authorities" with "on" hung on the modifier: a preposition
  // opening the phrase marks the phrase.
  if (IsVerb(dep)) return {};
  for (int c : tree_.children(dep)) {
    if (c > dep) break;
    if (tree_.rel(c) != rel_.amod && tree_.rel(c) != rel_.compound) continue;
    for (int g : tree_.children(c))
      if (tree_.rel(g) == rel_.case_ && g < c) return tree_.lemma(g);
  }
  return {};
}

void SentenceCoder::AddWithConjuncts(int head, std::vector<int>* out) const {
  out->push_back(head);
  for (int c : tree_.children(head))
    if (tree_.rel(c) == rel_.conj && tree_.upos(c) != Upos::VERB) out->push_back(c);
}

int SentenceCoder::ActorAt(int head) const {
  return MentionActor(tree_, mention_at_, rel_, lexicon_, head);
}

// Arguments of a predicate, inheriting the subject where the clause
// shares it (coordinated verbs, participle clauses, aspectual verbs,
// relative clauses).
void SentenceCoder::CollectArguments(int p, Arguments* a, int depth) const {
  // Passive only when the clause says so and has no active subject: a
  // misparsed dateline ("NICOSIA, ... - Cyprus has protested") must not
  // turn an active clause around.
  // A passive subject with neither a passive auxiliary nor a by-agent
  // ("planes from Afghanistan attacked a village" read as passive) is an
  // active subject.
  bool has_subject = false, passive_marks = false, passive_subject = false;
  for (int c : tree_.children(p)) {
    uint8_t r = tree_.rel(c);
    has_subject |= r == rel_.nsubj;
    passive_subject |= r == rel_.nsubj_pass;
    passive_marks |= r == rel_.aux_pass || r == rel_.obl_agent;
  }
  // "Russia's deputy ambassador, Yevgeny Pankov, said ...": a noun phrase
  // before a verb with no subject, hung on it as a clause or a list item,
  // is its subject (the parse's usual slip on an appositive name).
  int lost_subject = -1;
  if (!has_subject && !passive_subject) {
    for (int c : tree_.children(p)) {
      uint8_t r = tree_.rel(c);
      if (c < p && (r == rel_.ccomp || r == rel_.parataxis || r == rel_.list || r == rel_.dep) &&
          (tree_.upos(c) == Upos::NOUN || tree_.upos(c) == Upos::PROPN) &&
          ActorAt(c) >= 0) {
        lost_subject = c;
        break;
      }
    }
  }
  bool has_object = tree_.Child(p, rel_.obj) >= 0;
  if (passive_subject && !passive_marks) passive_subject = false;
  a->passive = (passive_marks || passive_subject) && !has_subject;
  bool has_direct_object = false;
  for (int c : tree_.children(p)) {
    uint8_t r = tree_.rel(c);
    if (r == rel_.nsubj) {
      AddWithConjuncts(c, &a->subjects);
    } else if (r == rel_.nsubj_pass) {
      AddWithConjuncts(c, a->passive ? &a->objects : &a->subjects);
    } else if (r == rel_.obj) {
      // A second direct object is a parse error (a headline's "condemns
      // France over dissident organization's conference"): the first one.
      if (!a->passive && !has_direct_object) AddWithConjuncts(c, &a->objects);
      has_direct_object = true;
    } else if (r == rel_.iobj) {
      a->preps.emplace_back("iobj", c);
    } else if (r == rel_.obl || r == rel_.nmod) {
      std::string prep = CaseOf(c);
      if (!prep.empty()) {
        a->preps.emplace_back(prep, c);
        for (int cc : tree_.children(c))
          if (tree_.rel(cc) == rel_.conj) a->preps.emplace_back(prep, cc);
      }
    } else if (r == rel_.xcomp) {
      a->xcomp = c;
    }
    // "called on Ugandan authorities to release ...": a subject with a
    // preposition, in a clause under this verb, is the parse's mistake
    // for this verb's prepositional phrase.
    if (r == rel_.xcomp || r == rel_.advcl || r == rel_.ccomp) {
      int inner = tree_.Child(c, rel_.nsubj);
      if (inner >= 0 && inner < c && tree_.Child(inner, rel_.case_) >= 0)
        a->preps.emplace_back(tree_.lemma(tree_.Child(inner, rel_.case_)), inner);
    }
  }
  // "killed or wounded 4,000 Iraqis": a verb coordinated with a later
  // one shares its object.
  if (!a->passive && !has_direct_object) {
    for (int c : tree_.children(p)) {
      if (tree_.rel(c) != rel_.conj || tree_.upos(c) != Upos::VERB) continue;
      int o = tree_.Child(c, rel_.obj);
      bool own_subject = tree_.Child(c, rel_.nsubj) >= 0 || tree_.Child(c, rel_.nsubj_pass) >= 0;
      if (o >= 0 && !own_subject && c == p + 2 &&
          tree_.upos(p + 1) == Upos::CCONJ)
        AddWithConjuncts(o, &a->objects);
      break;
    }
  }
  if (lost_subject >= 0 && a->subjects.empty() && !a->passive) a->subjects.push_back(lost_subject);
  // "Opposition leader X, who ..., was detained by officers, his party
  // said": the verb of saying took both subjects; the one before this
  // clause is this clause's.
  if (!has_subject && !passive_subject && tree_.rel(p) == rel_.ccomp && tree_.head(p) >= 0) {
    int said = tree_.head(p), first = -1, count = 0;
    for (int c : tree_.children(said))
      if (tree_.rel(c) == rel_.nsubj) {
        ++count;
        if (c < p && first < 0) first = c;
      }
    if (count >= 2 && first >= 0) AddWithConjuncts(first, a->passive ? &a->objects : &a->subjects);
  }
  if (a->passive) {
    // In a passive the by-agent acts; nsubj (if any) was mis-attached.
    std::vector<int> agents;
    for (int c : tree_.children(p))
      if (tree_.rel(c) == rel_.obl_agent) AddWithConjuncts(c, &agents);
    if (agents.empty())
      for (auto& [prep, dep] : a->preps)
        if (prep == "by") agents.push_back(dep);
    a->subjects = agents;
    // "talks between A and B, mediated by Qatar": a passive participle
    // on a noun acts on that noun.
    int h = tree_.head(p);
    if (a->objects.empty() && tree_.rel(p) == rel_.acl && h >= 0 && !IsVerb(h))
      a->objects.push_back(h);
  }
  // Relative pronouns stand for the noun the clause modifies, as subject
  // or, in a passive ("a candidate who was arrested by the KGB") or as
  // object ("the ships which Iran seized"), as object.
  auto relative = [&](int& s) {
    if ((tree_.upos(s) == Upos::PRON || tree_.upos(s) == Upos::DET ||
         tree_.upos(s) == Upos::SCONJ) &&
        tree_.rel(p) == rel_.acl_relcl &&
        (tree_.lemma(s) == "who" || tree_.lemma(s) == "whom" ||
         tree_.lemma(s) == "which" || tree_.lemma(s) == "that"))
      s = tree_.head(p);
  };
  for (int& s : a->subjects) relative(s);
  for (int& o : a->objects) relative(o);
  // "an accusation the rebels denied": a denial in a relative clause with
  // its own subject denies the noun it modifies.
  if (tree_.rel(p) == rel_.acl_relcl && LemmaIs(p, lexicon_.denial) && !a->passive &&
      !a->subjects.empty() && a->objects.empty() && !IsVerb(tree_.head(p)) &&
      a->subjects.front() != tree_.head(p))
    a->objects.push_back(tree_.head(p));
  if (!a->subjects.empty() || a->passive || depth > 4) return;
  int h = tree_.head(p);
  if (h < 0) return;
  uint8_t r = tree_.rel(p);
  bool shares = false;
  if (r == rel_.conj && IsVerb(h)) shares = true;
  // "said it had acted in accordance with the law against ships ..., and
  // accused Manila": a verb coordinated with a noun by the parse is
  // coordinated with the verb that noun hangs from.
  // With no verb above, the noun phrase before it is its subject, as for
  // parataxis below ("Russia's spokeswoman, Irina Sokolova, denied ...").
  if (r == rel_.conj && !IsVerb(h) && tree_.upos(p) == Upos::VERB) {
    int v = h;
    while (v >= 0 && !IsVerb(v)) v = tree_.head(v);
    if (v >= 0) {
      Arguments outer;
      CollectArguments(v, &outer, depth + 1);
      a->subjects = outer.subjects;
      return;
    }
    if (h < p && !tree_.form(p).ends_with("ing") && CaseOf(p).empty()) {
      a->subjects.push_back(h);
      return;
    }
  }
  // "..., saying", "after meeting X", "while visiting": the participle or
  // clause shares the subject of the clause it hangs on.
  if (r == rel_.advcl && IsVerb(h) &&
      (CaseOf(p).empty() || !Has(lexicon_.content_markers, CaseOf(p))))
    shares = true;
  if (r == rel_.acl && IsVerb(h) && CaseOf(p).empty()) shares = true;
  // "Police fired tear gas to disperse the crowd": a purpose clause on
  // the object shares the subject of the object's verb.
  if (r == rel_.acl && !IsVerb(h) && CaseOf(p) == "to" &&
      tree_.rel(h) == rel_.obj && tree_.head(h) >= 0) {
    Arguments outer;
    CollectArguments(tree_.head(h), &outer, depth + 1);
    a->subjects = outer.subjects;
    return;
  }
  // "Fighters overran an army base before dawn, killing 20 soldiers": a
  // participle after a comma, hung on a noun by the parse, belongs to the
  // clause and shares its subject.
  if (r == rel_.acl && !IsVerb(h) && CaseOf(p).empty() && p > 0 &&
      tree_.form(p - 1) == "," && tree_.form(p).ends_with("ing")) {
    int clause = h;
    while (clause >= 0 && !IsVerb(clause)) clause = tree_.head(clause);
    if (clause >= 0) {
      Arguments outer;
      CollectArguments(clause, &outer, depth + 1);
      if (!outer.subjects.empty()) {
        a->subjects = outer.subjects;
        return;
      }
    }
  }
  if (r == rel_.acl && !IsVerb(h) && CaseOf(p).empty()) {
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
  if (r == rel_.xcomp && (LemmaIs(h, lexicon_.aspectual) || LemmaIs(h, lexicon_.commitment)))
    shares = true;
  if (r == rel_.acl_relcl && !IsVerb(h)) {
    a->subjects.push_back(h);
    return;
  }
  // "Russia's foreign ministry spokeswoman, Irina Sokolova, denied ...":
  // a verb the parse hung on the noun before it as parataxis or
  // apposition is that noun's predicate (a participle or an infinitive is
  // not).
  if ((r == rel_.parataxis || r == rel_.appos) && !IsVerb(h) && h < p &&
      tree_.upos(p) == Upos::VERB && !tree_.form(p).ends_with("ing") && CaseOf(p).empty()) {
    a->subjects.push_back(h);
    return;
  }
  if (shares) {
    Arguments outer;
    CollectArguments(h, &outer, depth + 1);
    a->subjects = outer.subjects;
    if (r == rel_.conj && !a->objects.empty()) ConjunctOfEmbeddedClause(h, a, depth);
  }
}

// A verb with an object that the parse coordinated with an embedded
// clause h, whose subject is not the verb's own (it names no actor, or
// the object's own actor), belongs to the clause above h:
//  - h reported by a verb of saying: the speaker ("told supporters the
//    count had been rigged and accused the commission", "said sanctions
//    had failed and blamed Washington", "says Iran is holding 20
//    Europeans and accuses Tehran of ...");
//  - h a relative or participle clause: the main clause ("accused a group
//    of a cyberattack that disabled systems, and summoned the ambassador").
void SentenceCoder::ConjunctOfEmbeddedClause(int h, Arguments* a, int depth) const {
  for (int sj : a->subjects) {
    int m = ActorAt(sj);
    if (m < 0) continue;
    bool object_too = false;
    for (int o : a->objects)
      if (int mo = ActorAt(o); mo >= 0 && doc_.mentions[mo].kind == Mention::Kind::kNamed &&
                               doc_.mentions[mo].code == doc_.mentions[m].code)
        object_too = true;
    if (!object_too) return;
  }
  int above = -1;
  if (tree_.rel(h) == rel_.ccomp && tree_.head(h) >= 0 &&
      LemmaIs(tree_.head(h), lexicon_.speech)) {
    above = tree_.head(h);
  } else if (tree_.rel(h) == rel_.acl_relcl || tree_.rel(h) == rel_.acl) {
    above = tree_.head(h);
    while (above >= 0 && (!IsVerb(above) || tree_.rel(above) == rel_.acl ||
                          tree_.rel(above) == rel_.acl_relcl))
      above = tree_.head(above);
  }
  if (above < 0) return;
  Arguments outer;
  CollectArguments(above, &outer, depth + 1);
  a->subjects = outer.subjects;
}

// "The navy seized a tanker, accusing it of smuggling": a pronoun object
// is not the clause's own subject (coreference took the subject); it
// stands for the nearest actor named before it in the sentence with
// another code. Any other mention is returned as it is.
int SentenceCoder::ObjectPronoun(int m, const std::vector<int>& sources) const {
  const Mention& pronoun = doc_.mentions[m];
  if (pronoun.kind != Mention::Kind::kPronoun) return m;
  bool is_subject = false;
  for (int s : sources) is_subject |= doc_.mentions[s].code == pronoun.code;
  if (!is_subject) return m;
  int at = static_cast<int>(pronoun.first_token - sentence_.first_token);
  for (int t = at - 1; t >= 0; --t) {
    int other = mention_at_[t];
    if (other < 0 || other == m) continue;
    const Mention& candidate = doc_.mentions[other];
    if (candidate.kind != Mention::Kind::kPronoun && !candidate.code.empty() &&
        candidate.code != pronoun.code)
      return other;
  }
  return m;
}

// Why a predicate is not asserted, or "" if it is.
std::string SentenceCoder::Unasserted(int p) const {
  for (int c : tree_.children(p)) {
    uint8_t r = tree_.rel(c);
    if ((r == rel_.advmod || r == rel_.aux || r == rel_.det) &&
        LemmaIs(c, lexicon_.negation))
      return "negated (" + std::string(tree_.form(c)) + ")";
    if (r == rel_.aux && LemmaIs(c, lexicon_.modal))
      return "hypothetical (" + std::string(tree_.form(c)) + ")";
    if (r == rel_.mark && LemmaIs(c, lexicon_.condition_markers))
      return "condition (" + std::string(tree_.form(c)) + ")";
  }
  int h = tree_.head(p);
  if (h < 0) return {};
  uint8_t r = tree_.rel(p);
  // A verb coordinated with the content of another, or with a condition,
  // is no more asserted ("were detained for stoning police ... and
  // setting fire to vehicles"); a negation stays with its own verb.
  if (r == rel_.conj && IsVerb(h) && tree_.Child(p, rel_.nsubj) < 0) {
    std::string why = Unasserted(h);
    if (why.starts_with("content") || why.starts_with("unrealized") ||
        why.starts_with("condition"))
      return why;
  }
  if (r == rel_.xcomp && !LemmaIs(h, lexicon_.aspectual))
    return "unrealized complement of \"" + std::string(tree_.form(h)) + "\"";
  if ((r == rel_.advcl || r == rel_.acl || r == rel_.ccomp) &&
      !CaseOf(p).empty() && Has(lexicon_.content_markers, CaseOf(p)))
    return "content of \"" + std::string(tree_.form(h)) + "\" (" + CaseOf(p) + ")";
  // "blamed Washington for raising tensions by holding drills": a clause
  // after the content clause continues it (the parse hung it one up).
  if (r == rel_.advcl)
    for (int c : tree_.children(h))
      if (c < p && tree_.rel(c) == rel_.advcl && IsVerb(c) && !CaseOf(c).empty() &&
          Has(lexicon_.content_markers, CaseOf(c)))
        return "content of \"" + std::string(tree_.form(h)) + "\" (" + CaseOf(c) + ")";
  // "demanded that both sides cease attacks", "called on X to release":
  // what is asked for has not happened; the demand is the event.
  if ((r == rel_.ccomp || (r == rel_.advcl && CaseOf(p) == "to")) &&
      LemmaIs(h, lexicon_.irrealis))
    return "content of \"" + std::string(tree_.form(h)) + "\" (asked for)";
  if (r == rel_.ccomp && LemmaIs(h, lexicon_.denial))
    return "content of \"" + std::string(tree_.form(h)) + "\" (denied)";
  return {};
}

// Historical: a year before the article's in the predicate's own clause.
bool SentenceCoder::Historical(int p) const {
  if (doc_year_ == 0) return false;
  // A year heading the clause ("In 2018, Israel attacked ..."), also when
  // the parser made the year the head.
  for (int t = tree_.head(p), steps = 0; t >= 0 && steps < n_; t = tree_.head(t), ++steps) {
    int y = YearOf(tree_.form(t));
    if (y > 0 && y < doc_year_) return true;
    if (IsVerb(t)) break;
  }
  std::vector<int> stack{p};
  while (!stack.empty()) {
    int t = stack.back();
    stack.pop_back();
    int y = YearOf(tree_.form(t));
    if (y > 0 && y < doc_year_) return true;
    for (int c : tree_.children(t)) {
      uint8_t r = tree_.rel(c);
      if (r == rel_.ccomp || r == rel_.advcl || r == rel_.acl ||
          r == rel_.acl_relcl || r == rel_.parataxis || r == rel_.conj ||
          r == rel_.xcomp)
        continue;
      stack.push_back(c);
    }
  }
  return false;
}

bool SentenceCoder::Reported(int p) const {
  if (quoted_[p]) return true;
  for (int t = p, steps = 0; t >= 0 && steps < n_; ++steps) {
    int h = tree_.head(t);
    if (h < 0) break;
    if (tree_.rel(t) == rel_.ccomp && LemmaIs(h, lexicon_.speech)) return true;
    t = h;
  }
  return false;
}

// A slot value is a lemma or a phrase "humanitarian_aid": its last word
// is the dependent's head, the words before it stand right before it.
bool SentenceCoder::SlotMatches(const Slot& slot, int dep) const {
  if (slot.lemmas.empty()) return true;
  const std::string& head = tree_.lemma(dep);
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
      if (t < 0 || tree_.lemma(t) != std::string_view(want).substr(from, end - from))
        prefix_ok = false;
      --t;
      end = start;
    }
    if (prefix_ok) return true;
  }
  return false;
}

// One event per (source code, target code, event code) in a sentence:
// "deploying warships near Taiwan ... around Taiwan" is one act.
bool SentenceCoder::FirstTime(int s, int t, const std::string& code) {
  return seen_.emplace(doc_.mentions[s].code, t >= 0 ? doc_.mentions[t].code : "", code)
      .second;
}

void SentenceCoder::CodePredicate(int p, bool nominal) {
  std::string key = tree_.lemma(p);
  int particle = nominal ? -1 : tree_.Child(p, rel_.prt);
  std::string particle_lemma = particle >= 0 ? tree_.lemma(particle) : "";
  if (nominal) key = "n:" + key;
  // The lemmatizer's suffix rules miss some verbs ("blamed" -> "blam",
  // "rammed" -> "ramm"): a verb no pattern knows is tried with a final
  // "e" restored or a doubled consonant undone.
  if (!nominal && patterns_.ForPredicate(key).empty() && key.size() >= 3) {
    std::string with_e = key + "e";
    std::string undoubled = key.substr(0, key.size() - 1);
    bool doubled = key[key.size() - 1] == key[key.size() - 2] &&
                   std::string_view("aeiou").find(key.back()) == std::string_view::npos;
    if (!patterns_.ForPredicate(with_e).empty()) key = with_e;
    else if (doubled && !patterns_.ForPredicate(undoubled).empty()) key = undoubled;
  }
  // Phrasal patterns ("call_off") first when the particle is there; a
  // pattern for another particle never applies.
  std::vector<const Pattern*> found;
  for (int pass = 0; pass < 2; ++pass)
    for (const Pattern& pattern : patterns_.ForPredicate(key)) {
      bool phrasal = !pattern.particle.empty();
      if (phrasal && pattern.particle != particle_lemma) continue;
      if ((pass == 0) == phrasal) found.push_back(&pattern);
    }
  if (found.empty()) return;
  if (!particle_lemma.empty() && !found.front()->particle.empty())
    key += "_" + particle_lemma;
  Candidate cand;
  cand.sentence = sentence_index_;
  cand.token = tree_.doc_index(p);
  cand.predicate = key;
  auto decide = [&](std::string decision) {
    if (!trace_) return;
    cand.decision = std::move(decision);
    trace_->push_back(cand);
  };
  // A noun another event took as its argument is coded again only when
  // it names both of its own actors ("backed the U.S. attack on an
  // Iranian platform": the attack is an event of its own).
  const bool argument_of_event = nominal && consumed_[p];
  // "Iran will retaliate", "Beijing said it would impose tariffs": the
  // intent is the event (03x / 13x), not the act.
  std::string intent;
  if (!nominal) {
    bool negated = false;
    for (int c : tree_.children(p)) {
      uint8_t r = tree_.rel(c);
      negated |= (r == rel_.advmod || r == rel_.aux) && LemmaIs(c, lexicon_.negation);
      if (r == rel_.aux && LemmaIs(c, lexicon_.future_modals)) intent = tree_.lemma(c);
    }
    if (negated || (intent == "would" && !Reported(p) && speaker_ < 0)) intent.clear();
    // "threatened to impose sanctions", "pledged to send aid", "agreed to
    // extend the truce": the open complement of a verb of &COMMITMENT is
    // its subject's intent, unless the commitment is negated.
    int committer = tree_.head(p);
    if (intent.empty() && !negated && tree_.rel(p) == rel_.xcomp && committer >= 0 &&
        LemmaIs(committer, lexicon_.commitment) && Unasserted(committer).empty())
      intent = tree_.lemma(committer);
    // "ECOWAS warned that it could impose sanctions": a possibility held
    // out by a warning is a threat.
    int clause = p;
    while (tree_.rel(clause) == rel_.conj && tree_.head(clause) >= 0) clause = tree_.head(clause);
    int warner = tree_.head(clause);
    if (intent.empty() && !negated && tree_.rel(clause) == rel_.ccomp && warner >= 0 &&
        LemmaIs(warner, lexicon_.warning))
      for (int c : tree_.children(p))
        if (tree_.rel(c) == rel_.aux && LemmaIs(c, lexicon_.modal)) intent = tree_.lemma(c);
  }
  if (std::string why = Unasserted(p);
      !why.empty() && !((why.starts_with("hypothetical") || why.starts_with("unrealized")) &&
                        !intent.empty()))
    return decide("dropped: " + why);
  // "could impose sanctions on Iran": an event noun is no more asserted
  // than the verb that takes it as its object.
  if (nominal && tree_.rel(p) == rel_.obj && tree_.head(p) >= 0 && IsVerb(tree_.head(p))) {
    if (std::string why = Unasserted(tree_.head(p)); !why.empty())
      return decide("dropped: object of \"" + std::string(tree_.form(tree_.head(p))) +
                    "\", " + why);
  }

  Arguments args;
  if (nominal) {
    for (int c : tree_.children(p)) {
      uint8_t r = tree_.rel(c);
      if (r == rel_.nmod_poss) args.subjects.push_back(c);
      if (r == rel_.nmod || r == rel_.amod || r == rel_.compound) {
        std::string prep = CaseOf(c);
        if (prep == "by") args.subjects.push_back(c);
        else if (!prep.empty()) args.preps.emplace_back(prep, c);
        else if (r == rel_.amod || r == rel_.compound) {
          args.preps.emplace_back("mod", c);
          // "U.S. sanctions", "the Iraqi attack": the actor modifier acts.
          if (mention_at_[c] >= 0) args.subjects.push_back(c);
        }
      }
    }
    // "rejected U.N. calls for a ceasefire" with "for" hung on the verb:
    // a prepositional phrase right after the noun may be the noun's.
    if (tree_.rel(p) == rel_.obj && tree_.head(p) >= 0) {
      for (int c : tree_.children(tree_.head(p))) {
        if (c <= p || (tree_.rel(c) != rel_.obl && tree_.rel(c) != rel_.nmod)) continue;
        int first = c;
        for (int g : tree_.children(c)) first = std::min(first, g);
        std::string prep = CaseOf(c);
        if (first == p + 1 && !prep.empty() && prep != "by") args.preps.emplace_back(prep, c);
      }
    }
    if (argument_of_event && args.subjects.empty())
      return decide("dropped: argument of a coded verb");
    // "Iran announced the expulsion of ...": the announcer acts; also
    // through "of" ("held three hours of talks with", "a wave of
    // arrests").
    int q = p;
    while (tree_.head(q) >= 0 && tree_.rel(q) == rel_.nmod && CaseOf(q) == "of")
      q = tree_.head(q);
    int h = tree_.head(q);
    if (args.subjects.empty() && h >= 0 && tree_.rel(q) == rel_.obj) {
      Arguments outer;
      CollectArguments(h, &outer, 0);
      args.subjects = outer.subjects;
    }
  } else {
    CollectArguments(p, &args, 0);
    // "approved the sale of 48 engines to Poland": prepositional phrases
    // of the object (also through "of") serve the verb's slots too, after
    // its own.
    std::vector<int> nouns(args.objects.begin(), args.objects.end());
    for (size_t k = 0; k < nouns.size() && k < 8; ++k)
      for (int c : tree_.children(nouns[k]))
        if (tree_.rel(c) == rel_.nmod) {
          std::string prep = CaseOf(c);
          if (prep == "of") nouns.push_back(c);
          else if (!prep.empty() && prep != "by") args.preps.emplace_back(prep, c);
        }
    // "demanded that Ethiopia withdraw": who is asked is the target.
    int asked = tree_.Child(p, rel_.ccomp);
    if (args.objects.empty() && asked >= 0 && LemmaIs(p, lexicon_.irrealis)) {
      int inner = tree_.Child(asked, rel_.nsubj);
      if (inner >= 0) args.objects.push_back(inner);
    }
  }

  // Parse lost an argument: the surface supplies it (subject first).
  std::string surface_note;
  if (!nominal && !args.passive && args.subjects.empty()) {
    if (int s = SurfaceActor(p, -1); s >= 0) {
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
            if (!SlotMatches(slot, o)) continue;
            // Every conjunct of a target object is a target.
            if (dep >= 0 && slot.target) slot_targets.push_back(o);
            if (dep < 0) dep = o;
            if (!slot.target) break;
          }
          uses_object = true;
        } else if (slot.relation == "subj") {
          for (int o : args.subjects)
            if (SlotMatches(slot, o)) { dep = o; break; }
        } else if (slot.relation == "xcomp") {
          if (args.xcomp >= 0 && SlotMatches(slot, args.xcomp)) dep = args.xcomp;
        } else {
          // "imposed sanctions on Tuesday on two Chinese refineries": a
          // target slot takes the dependents that name actors.
          std::vector<int> with_actor;
          for (auto& [prep, d] : args.preps) {
            if (prep != slot.relation || !SlotMatches(slot, d)) continue;
            if (dep < 0) dep = d;
            if (slot.target && ActorAt(d) >= 0) with_actor.push_back(d);
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
    surface_object = SurfaceActor(p, +1);
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
    code = lexicon_.IntentCode(chosen->code);
    if (code.empty())
      return decide("dropped: intent (" + intent + ") to an act with no intent code");
    surface_note += " (intent: " + intent + ", act " + chosen->code + ")";
  }
  const CodeInfo* info = codes_.Find(code);
  if (!info) return decide("dropped: unknown code " + code);

  if (sources.empty()) sources = args.subjects;
  bool target_from_slot = !targets.empty();
  if (targets.empty() && !object_used) targets = args.objects;
  if (targets.empty()) {
    // "the expulsion of two Russian diplomats" (of=&DIPLOMAT), "imposed
    // sanctions on X" written without @T: a dependent the pattern named
    // that holds an actor is the target.
    for (int d : matched_deps)
      if (ActorAt(d) >= 0 || !PairAt(d, {}).empty()) targets.push_back(d);
  }
  if (targets.empty() && !target_from_slot) {
    // No object: an actor reached by against/on/with/to is the target.
    for (const char* prep : {"against", "on", "with", "to", "at"}) {
      for (auto& [pr, d] : args.preps)
        if (pr == prep && ActorAt(d) >= 0) targets.push_back(d);
      if (!targets.empty()) break;
    }
  }
  if (targets.empty() && !target_from_slot && surface_object >= 0) {
    targets.push_back(surface_object);
    surface_note += " (target from the surface)";
  }
  for (int t : targets) consumed_[t] = true;
  for (auto& [pr, d] : args.preps) consumed_[d] = true;
  for (int o : args.objects) consumed_[o] = true;

  std::vector<int> source_mentions, target_mentions;
  // "The two countries fought a war", "each side blamed the other": the
  // pair acts on itself, each on the other.
  bool mutual = false;
  for (int s : sources) {
    // A pair phrase is two actors even where coreference made it one.
    if (!source_mentions.empty()) continue;
    std::vector<int> pair = PairAt(s, {});
    if (pair.empty()) continue;
    source_mentions = pair;
    mutual = true;
  }
  for (int s : sources) {
    if (mutual) break;
    int m = ActorAt(s);
    // "We will respond," the minister said: the speaker is the source.
    if (m < 0 && speaker_ >= 0 &&
        (tree_.lemma(s) == "we" || tree_.lemma(s) == "i"))
      m = speaker_;
    // "The statement called on both countries": its author speaks.
    if (m < 0 && Has(lexicon_.document_nouns, tree_.lemma(s))) {
      auto it = memory_->authors.find(tree_.lemma(s));
      if (it != memory_->authors.end()) m = it->second;
    }
    if (m >= 0 && !doc_.mentions[m].code.empty()) source_mentions.push_back(m);
  }
  for (int t : targets) {
    std::vector<int> pair = PairAt(t, source_mentions);
    if (!pair.empty()) {
      target_mentions.insert(target_mentions.end(), pair.begin(), pair.end());
    } else if (int m = ActorAt(t); m >= 0 && !doc_.mentions[m].code.empty()) {
      target_mentions.push_back(ObjectPronoun(m, source_mentions));
    }
  }
  // "attended the conference": its organizer, if named before.
  for (int o : args.objects) {
    if (!target_mentions.empty() || ActorAt(o) >= 0 || !Has(lexicon_.gatherings, tree_.lemma(o)))
      continue;
    auto it = memory_->authors.find(tree_.lemma(o));
    if (it != memory_->authors.end()) {
      target_mentions.push_back(it->second);
      surface_note += " (target: who held the " + tree_.lemma(o) + ")";
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
  // "Rwanda and Congo signed an agreement": two parties acting together
  // are each other's target (below), not responders to an earlier act.
  ExtendCoordinated(&source_mentions);
  const bool symmetric_code = Has(lexicon_.symmetric_codes, info->code);
  const bool joint = symmetric_code && source_mentions.size() == 2;
  bool untargeted = false;
  if (target_mentions.empty() && !nominal && !joint &&
      Has(lexicon_.responding_roots, info->code.substr(0, 2))) {
    // The act answered is the object, or a word a slot took ("voted
    // against the duties").
    int answered = -1;
    std::vector<int> answers = args.objects;
    answers.insert(answers.end(), matched_deps.begin(), matched_deps.end());
    for (int o : answers)
      if (answered < 0 && ActorAt(o) < 0 && Has(lexicon_.response_objects, tree_.lemma(o)))
        answered = o;
    // "welcomed the ceasefire": an act of two parties answered has no
    // one author; the response has no target.
    if (answered >= 0 && LemmaIs(answered, lexicon_.joint_acts) && !symmetric_code) {
      untargeted = true;
      answered = -1;
    }
    if (int author = answered >= 0 ? AuthorAnswered(source_mentions.front(),
                                                     tree_.lemma(answered))
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
  if (nominal && target_mentions.empty() && tree_.rel(p) == rel_.obj &&
      tree_.head(p) >= 0) {
    Arguments outer;
    CollectArguments(tree_.head(p), &outer, 0);
    for (int s : outer.subjects)
      if (int m = ActorAt(s); m >= 0 && !doc_.mentions[m].code.empty() &&
                               m != source_mentions.front())
        target_mentions.push_back(m);
    aimed_at_subject = !target_mentions.empty();
    if (aimed_at_subject) surface_note += " (target: subject of \"" +
                                          std::string(tree_.form(tree_.head(p))) + "\")";
  }
  ExtendCoordinated(&target_mentions);
  // "China deployed warships and coast guard vessels near Taiwan": a show
  // of force (15x) moves the actor's own forces; they are not its target,
  // whoever the forces go to, near or around is.
  if (info->code.starts_with("15") && !source_mentions.empty()) {
    const std::string& home = doc_.mentions[source_mentions.front()].country;
    std::vector<int> kept;
    for (int t : target_mentions)
      if (t < 0 || home.empty() || doc_.mentions[t].country != home) kept.push_back(t);
    if (kept.size() != target_mentions.size()) {
      for (auto& [prep, d] : args.preps) {
        int m = ActorAt(d);
        if (m < 0 || doc_.mentions[m].code.empty() || doc_.mentions[m].country == home) continue;
        if (Has(lexicon_.destination_preps, prep) &&
            std::find(kept.begin(), kept.end(), m) == kept.end())
          kept.push_back(m);
      }
      target_mentions = kept;
    }
  }
  // An intent is its subject's alone ("agreed to meet X") unless two parties
  // share it ("A and B agreed to meet").
  const bool symmetric = symmetric_code && (intent.empty() || joint);
  // "A and B agreed", "A and B met": each with the other.
  if (target_mentions.empty() && symmetric && source_mentions.size() == 2)
    target_mentions.push_back(source_mentions[1]),
        source_mentions.resize(1);
  // Most political events have both sides; an event with no coded target
  // is far more often a misreading than a codable one-sided act.
  if (target_mentions.empty() && untargeted) target_mentions.push_back(-1);
  if (target_mentions.empty()) return decide("dropped: no coded target actor");
  if (argument_of_event && !target_from_slot && !aimed_at_subject)
    return decide("dropped: argument of a coded verb");

  std::vector<std::pair<int, int>> pairs;
  for (int s : source_mentions)
    for (int t : target_mentions) {
      if (s == t) continue;
      // The same actor twice, or two parts of one actor (a minister
      // meeting his president): not an event between political actors.
      if (t >= 0 && doc_.mentions[t].code == doc_.mentions[s].code) continue;
      // "The president thanked voters", "troops freed 40 villagers":
      // cooperation with one's own people is not an event between
      // political actors.
      if (t >= 0 && info->quad <= 2 && Has(lexicon_.own_people, Lower(doc_.mentions[t].role)) &&
          !doc_.mentions[t].country.empty() &&
          doc_.mentions[t].country == doc_.mentions[s].country)
        continue;
      pairs.emplace_back(s, t);
      if ((symmetric || mutual) && t >= 0) pairs.emplace_back(t, s);
    }
  if (pairs.empty()) return decide("dropped: source and target are the same actor");
  if (pairs.size() > kMaxEventsPerPredicate) pairs.resize(kMaxEventsPerPredicate);
  std::string made;
  for (auto [s, t] : pairs) {
    if (!FirstTime(s, t, info->code)) continue;
    Event e = MakeEvent(s, t, *info, p, p, chosen->rule);
    if (particle >= 0 && !nominal) e.verb.end = std::max(e.verb.end, tree_.token(particle).span.end);
    made += std::string(made.empty() ? "event " : ", ") + e.code + " " +
            doc_.mentions[s].code + " -> " +
            (t >= 0 ? doc_.mentions[t].code : std::string("(none)"));
    doc_.events.push_back(std::move(e));
  }
  decide(made.empty() ? "dropped: already coded" : made + surface_note);
}

}  // namespace dyad::events
