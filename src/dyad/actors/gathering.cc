#include "dyad/actors/gathering.h"

#include <algorithm>
#include <numeric>

#include "dyad/actors/coref.h"
#include "dyad/actors/fold.h"

namespace dyad::actors {

namespace {

void AddFolded(const std::vector<std::string>& words, bool plurals,
               std::unordered_set<std::string>* out) {
  for (const std::string& w : words) {
    std::string folded = FoldWord(w);
    if (folded.empty()) continue;
    if (plurals) out->insert(Plural(folded));
    out->insert(std::move(folded));
  }
}

// The tokens of one sentence seen by the gathering rules.
class SentenceView {
 public:
  SentenceView(const Document& doc, uint32_t sentence_index,
               const std::vector<ActorPhrase>& phrases)
      : doc_(doc), sentence_(sentence_index), phrases_(phrases) {
    const Sentence& s = doc.sentences[sentence_index];
    begin_ = s.first_token;
    end_ = s.first_token + s.token_count;
  }

  uint32_t begin() const { return begin_; }
  uint32_t end() const { return end_; }
  bool Inside(int64_t t) const { return t >= begin_ && t < end_; }
  std::string Word(int64_t t) const {
    return Inside(t) ? FoldWord(doc_.Form(doc_.tokens[static_cast<uint32_t>(t)])) : "";
  }
  std::string_view Form(uint32_t t) const { return doc_.Form(doc_.tokens[t]); }

  // A lower-case word or a number: the inside of a clause, not a name or
  // punctuation ("an", "anti-Tehran", "three-day").
  bool Plain(int64_t t) const {
    if (!Inside(t)) return false;
    std::string_view f = Form(static_cast<uint32_t>(t));
    return !f.empty() && ((f[0] >= 'a' && f[0] <= 'z') || (f[0] >= '0' && f[0] <= '9'));
  }

  // The actor phrase (or pronoun) of this sentence covering token t; a
  // description with nothing of its own ("the statement") counts only if
  // `generic`.
  bool Actor(int64_t t, bool generic = true) const {
    if (!Inside(t)) return false;
    for (size_t i = phrases_.size(); i-- > 0;) {
      const ActorPhrase& p = phrases_[i];
      if (p.sentence != sentence_) break;
      if (p.first <= t && t <= p.last) return generic || !p.generic;
    }
    return false;
  }

  // The last token of the phrase covering t (t itself if none).
  int64_t PhraseEnd(int64_t t) const {
    for (size_t i = phrases_.size(); i-- > 0;) {
      const ActorPhrase& p = phrases_[i];
      if (p.sentence != sentence_) break;
      if (p.first <= t && t <= p.last) return p.last;
    }
    return t;
  }

  // The phrase covering t if it names a state alone ("France", "Paris").
  bool BareState(int64_t t) const {
    for (size_t i = phrases_.size(); i-- > 0;) {
      const ActorPhrase& p = phrases_[i];
      if (p.sentence != sentence_) break;
      if (p.first <= t && t <= p.last) return p.rule.rfind("country:", 0) == 0;
    }
    return false;
  }

 private:
  const Document& doc_;
  uint32_t sentence_;
  const std::vector<ActorPhrase>& phrases_;
  uint32_t begin_ = 0, end_ = 0;
};

// "that" is left out: far more often "said that news reports ..." than a
// demonstrative.
bool Determiner(const std::string& w) { return w == "the" || w == "this"; }

// The doer of the verb at `verb`: the actor just before it, over at most
// three plain words ("the MKO to hold", "the group will hold") and a
// parenthesis ("Organization (MKO/MEK) to hold"). -1 if none.
int32_t DoerBefore(const SentenceView& s, const GatheringWords::Kind& words, int64_t verb) {
  int skipped = 0;
  for (int64_t j = verb - 1; s.Inside(j);) {
    if (s.Form(static_cast<uint32_t>(j)) == ")") {
      while (s.Inside(j) && s.Form(static_cast<uint32_t>(j)) != "(") --j;
      --j;
      continue;
    }
    if (s.Actor(j)) return static_cast<int32_t>(j);
    std::string w = s.Word(j);
    if (!s.Plain(j) || ++skipped > 3 || words.held_by.count(w) || words.hosted_by.count(w))
      return -1;
    --j;
  }
  return -1;
}

}  // namespace

GatheringWords GatheringWords::From(const ActorDictionary& dict) {
  GatheringWords out;
  for (const Entry& e : dict.entries()) {
    if (e.kind != EntryKind::kGathering) continue;
    Kind& kind = out.kinds.emplace_back();
    AddFolded(e.nouns, e.plural, &kind.nouns);
    AddFolded(e.held_by, false, &kind.held_by);
    AddFolded(e.hosted_by, false, &kind.hosted_by);
    AddFolded(e.refer, false, &kind.refer);
    AddFolded(e.not_after, false, &out.not_after);
  }
  return out;
}

const GatheringWords::Kind* GatheringWords::KindOf(const std::string& noun) const {
  for (const Kind& k : kinds)
    if (k.nouns.count(noun)) return &k;
  return nullptr;
}

bool GatheringWords::Names(const std::string& noun, const std::string& clue_noun) const {
  if (noun == clue_noun || Plural(noun) == clue_noun || Plural(clue_noun) == noun) return true;
  const Kind* kind = KindOf(clue_noun);
  return kind && kind->refer.count(noun) > 0;
}

void FindGatherings(const GatheringWords& words, const ActorDictionary& dict,
                    const Document& doc, uint32_t sentence_index,
                    const std::vector<Piece>& pieces,
                    const std::vector<ActorPhrase>& phrases, Gatherings* out) {
  if (words.empty()) return;
  SentenceView s(doc, sentence_index, phrases);
  for (uint32_t t = s.begin(); t < s.end(); ++t) {
    const GatheringWords::Kind* kind = words.KindOf(s.Word(t));
    if (!kind || s.Actor(t, false)) continue;
    GatheringClue clue;
    clue.noun = t;
    clue.word = s.Word(t);
    auto take = [&](int32_t doer, bool hosted) {
      if (doer < 0) return;
      if (hosted) clue.host = doer;
      else clue.organizer = doer;
    };
    // "the MKO to hold an anti-Tehran conference": a verb a few plain
    // words before the noun, and its doer before that.
    for (int64_t k = static_cast<int64_t>(t) - 1; k >= static_cast<int64_t>(t) - 4; --k) {
      if (!s.Plain(k)) break;
      std::string w = s.Word(k);
      // The verb brings in a new one ("held a rally"): "said the statement
      // was false" says nothing of who issued it.
      if (Determiner(w)) break;
      bool held = kind->held_by.count(w) > 0, hosted = kind->hosted_by.count(w) > 0;
      if (held || hosted) {
        take(DoerBefore(s, *kind, k), hosted);
        break;
      }
    }
    // "a summit organized by the African Union", "the rally, staged by ...".
    int64_t v = s.Word(t + 1) == "," ? t + 2 : t + 1;
    if (s.Word(v + 1) == "by" && s.Actor(v + 2)) {
      std::string w = s.Word(v);
      if (kind->held_by.count(w) || kind->hosted_by.count(w))
        take(static_cast<int32_t>(v + 2), kind->hosted_by.count(w) > 0);
    }
    // "an emergency meeting of NATO ambassadors"; not "in the event of the
    // government's fall".
    if (clue.organizer < 0 && s.Word(t + 1) == "of" && s.Actor(t + 2, false) &&
        s.Word(s.PhraseEnd(t + 2) + 1) != "'s")
      take(static_cast<int32_t>(t + 2), false);
    // "the MEK conference", "the MEK's annual rally", "the Paris summit".
    int64_t m = t - 1;
    if (s.Plain(m) && s.Word(m - 1) == "'s") --m;
    if (s.Word(m) == "'s") --m;
    if (clue.organizer < 0 && clue.host < 0 && s.Actor(m, false))
      take(static_cast<int32_t>(m), s.BareState(m));
    // "a conference in Paris": the country of the place.
    if (s.Word(t + 1) == "in" || s.Word(t + 1) == "at") {
      uint32_t at = s.Word(t + 2) == "the" ? t + 3 : t + 2;
      for (const Piece& p : pieces) {
        if (p.first != at || p.kind != PieceKind::kCountry || p.entry < 0) continue;
        clue.host_country = dict.entries()[static_cast<size_t>(p.entry)].country;
      }
    }
    bool held_here = clue.organizer >= 0 || clue.host >= 0;
    if (held_here || !clue.host_country.empty()) out->clues.push_back(clue);
    // "The conference was attended by ...": a definite description not
    // followed by "of" or "'s", nor a time or place ("at the conference"),
    // nor the thing held in its own sentence ("the MEK held the rally").
    if (held_here) continue;
    std::string next = s.Word(t + 1);
    if (next == "of" || next == "'s") continue;
    int64_t k = static_cast<int64_t>(t) - 1;
    for (int mods = 0; mods < 2 && s.Plain(k) && !Determiner(s.Word(k)) &&
                       !words.not_after.count(s.Word(k)) && !s.Actor(k, false);
         ++mods)
      --k;
    if (!s.Inside(k) || !Determiner(s.Word(k))) continue;
    if (words.not_after.count(s.Word(k - 1))) continue;
    out->descriptions.push_back(
        GatheringDescription{sentence_index, static_cast<uint32_t>(k), t, clue.word});
  }
}

void ResolveGatherings(const GatheringWords& words, const Gatherings& gatherings,
                       Document& doc) {
  if (gatherings.descriptions.empty() || gatherings.clues.empty()) return;
  std::vector<Mention>& mentions = doc.mentions;
  auto coded_at = [&](int32_t token) -> int32_t {
    for (size_t m = 0; m < mentions.size(); ++m) {
      const Mention& x = mentions[m];
      if (x.first_token <= static_cast<uint32_t>(token) &&
          static_cast<uint32_t>(token) < x.first_token + x.token_count && !x.code.empty())
        return static_cast<int32_t>(m);
    }
    return -1;
  };
  auto speech_at = [&](int64_t t) {
    return t >= 0 && t < static_cast<int64_t>(doc.tokens.size()) &&
           IsSpeechVerb(FoldWord(doc.Form(doc.tokens[static_cast<size_t>(t)])));
  };
  size_t before = mentions.size();
  for (const GatheringDescription& d : gatherings.descriptions) {
    bool overlaps = false;
    for (size_t m = 0; m < before; ++m) {
      const Mention& x = mentions[m];
      overlaps = overlaps || (x.first_token <= d.last && d.first < x.first_token + x.token_count);
    }
    if (overlaps) continue;
    // The latest organizer and host named before the description.
    int32_t organizer = -1, host = -1;
    std::string host_country;
    for (const GatheringClue& c : gatherings.clues) {
      if (c.noun >= d.first) break;
      if (!words.Names(d.word, c.word)) continue;
      if (c.organizer >= 0) {
        int32_t m = coded_at(c.organizer);
        if (m >= 0) organizer = m;
      }
      if (c.host >= 0) {
        int32_t m = coded_at(c.host);
        if (m >= 0) host = m, host_country = mentions[m].country;
      } else if (!c.host_country.empty()) {
        host = -1;
        host_country = c.host_country;
      }
    }
    bool has_host = host >= 0 || !host_country.empty();
    if (organizer < 0 && !has_host) continue;
    bool use_host = organizer < 0;
    if (!use_host && has_host && !host_country.empty()) {
      // A government of another state speaking of the gathering holds the
      // host to account: "The event contradicts ..., Baghaei added."
      for (size_t m = 0; m < before && !use_host; ++m) {
        const Mention& x = mentions[m];
        if (x.sentence != d.sentence || x.role != "GOV" || x.country.empty() ||
            x.country == host_country)
          continue;
        use_host = speech_at(static_cast<int64_t>(x.first_token) + x.token_count) ||
                   speech_at(static_cast<int64_t>(x.first_token) - 1);
      }
    }
    Mention g;
    g.span = Span{doc.tokens[d.first].span.start, doc.tokens[d.last].span.end};
    g.sentence = d.sentence;
    g.first_token = d.first;
    g.token_count = d.last - d.first + 1;
    g.head = d.last;
    g.kind = Mention::Kind::kNominal;
    int32_t from = use_host ? host : organizer;
    if (from >= 0) {
      const Mention& a = mentions[static_cast<size_t>(from)];
      g.code = a.code;
      g.country = a.country;
      g.role = a.role;
      g.entity = a.entity;
      g.rule = std::string(use_host ? "gathering:host>" : "gathering:organizer>") + a.rule;
      g.antecedent = from;
    } else {
      g.country = host_country;
      g.role = "GOV";
      g.code = g.country + g.role;
      g.rule = "gathering:host-place";
    }
    mentions.push_back(std::move(g));
  }
  if (mentions.size() == before) return;
  // Back to text order, with antecedents following their mentions.
  std::vector<size_t> order(mentions.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
    return mentions[a].first_token < mentions[b].first_token;
  });
  std::vector<int32_t> new_index(mentions.size());
  for (size_t i = 0; i < order.size(); ++i) new_index[order[i]] = static_cast<int32_t>(i);
  std::vector<Mention> sorted;
  sorted.reserve(mentions.size());
  for (size_t i : order) {
    sorted.push_back(std::move(mentions[i]));
    if (sorted.back().antecedent >= 0)
      sorted.back().antecedent = new_index[static_cast<size_t>(sorted.back().antecedent)];
  }
  mentions = std::move(sorted);
}

}  // namespace dyad::actors
