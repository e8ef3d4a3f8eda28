#include "dyad/actors/coref.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "dyad/actors/fold.h"

namespace dyad::actors {

namespace {

// How far back (in sentences) pronouns and role-only descriptions look.
constexpr uint32_t kPronounWindow = 3;
constexpr uint32_t kRoleWindow = 2;
constexpr int kDatelineWeight = 3;

class Resolver {
 public:
  Resolver(const Lexicon& lexicon, Document& doc)
      : entries_(lexicon.dictionary().entries()), doc_(doc) {}

  void Run(std::vector<ActorPhrase>& phrases) {
    MarkDateline();
    home_ = HomeCountry(phrases, kDatelineWeight);
    topic_ = TopicCountry(phrases);
    MarkQuotes();
    all_ = &phrases;
    for (current_ = 0; current_ < phrases.size(); ++current_) Resolve(phrases[current_]);
    SameCount();
  }

 private:
  // "his", "our" standing for an actor: an IGO lends its whole code,
  // others their country (and their role when the phrase has none).
  static void TakeActor(const std::string& code, const std::string& country,
                        const std::string& role, ActorPhrase* p) {
    if (role == "IGO") {
      p->code = code;
      p->role = "IGO";
    } else {
      p->country = country;
      if (p->role.empty()) p->role = role;
      p->code = p->country + p->role;
    }
  }

  // The country the document's named actors name most; a dateline
  // ("KUWAIT, June 2 -") counts `dateline_weight` extra.
  // The country of the lead sentence's first actor after the dateline
  // when that actor is named ("Belarus released ..."), or "".
  std::string TopicCountry(const std::vector<ActorPhrase>& phrases) const {
    for (const ActorPhrase& p : phrases) {
      if (p.sentence > 0) break;
      if (InDateline(p.first) || p.kind == Mention::Kind::kPronoun) continue;
      // "Police fired tear gas ...": the lead opens with no country.
      return p.kind == Mention::Kind::kNamed ? p.country : "";
    }
    return "";
  }
  std::string HomeCountry(const std::vector<ActorPhrase>& phrases, int dateline_weight) const {
    std::map<std::string, std::pair<int, size_t>> counts;  // count, first
    for (size_t i = 0; i < phrases.size(); ++i) {
      const ActorPhrase& p = phrases[i];
      if (p.kind != Mention::Kind::kNamed || p.country.empty()) continue;
      auto& c = counts.try_emplace(p.country, 0, i).first->second;
      ++c.first;
      bool dateline = !doc_.sentences.empty() && p.sentence == 0 &&
                      p.first == doc_.sentences[0].first_token &&
                      p.last + 1 < doc_.tokens.size() &&
                      doc_.Form(doc_.tokens[p.last + 1]) == ",";
      if (dateline) c.first += dateline_weight;
    }
    std::string best;
    std::pair<int, size_t> best_count{0, 0};
    for (const auto& [country, c] : counts) {
      if (c.first > best_count.first ||
          (c.first == best_count.first && c.second < best_count.second)) {
        best = country;
        best_count = c;
      }
    }
    return best;
  }

  // "VILNIUS, Lithuania - ...", "KUWAIT, June 2 -": where the report was
  // filed, not an actor of its first sentence. Sets the dateline's tokens
  // [dateline_start_, dateline_end_) (empty if there is none).
  void MarkDateline() {
    dateline_start_ = dateline_end_ = 0;
    for (uint32_t i = 0; i < doc_.sentences.size(); ++i)
      if (uint32_t n = doc_.DatelineLength(i); n > 0) {
        dateline_start_ = doc_.sentences[i].first_token;
        dateline_end_ = dateline_start_ + n;
        return;
      }
  }
  bool InDateline(uint32_t token) const {
    return token >= dateline_start_ && token < dateline_end_;
  }

  // in_quote_[t]: token t is inside quotation marks. Quotes are paired
  // within a paragraph; a paragraph ending inside a quote closes it (the
  // next one reopens it, as news style does).
  void MarkQuotes() {
    in_quote_.assign(doc_.tokens.size(), false);
    paragraph_.assign(doc_.tokens.size(), 0);
    bool open = false;
    uint32_t paragraph = UINT32_MAX;
    for (const Sentence& s : doc_.sentences) {
      if (s.paragraph != paragraph) open = false;
      paragraph = s.paragraph;
      for (uint32_t t = s.first_token; t < s.first_token + s.token_count; ++t) {
        paragraph_[t] = s.paragraph;
        if (doc_.Form(doc_.tokens[t]) == "\"") {
          open = !open;
          continue;
        }
        in_quote_[t] = open;
      }
    }
  }

  // "61 US officials" ... "61 former very senior US officials": phrases
  // with the same number, head noun and country name the same people, so
  // what "former" says of one holds for all.
  void SameCount() {
    std::map<std::tuple<std::string, int32_t, std::string>, std::vector<size_t>> sets;
    for (size_t m = 0; m < doc_.mentions.size(); ++m) {
      const Mention& x = doc_.mentions[m];
      if (x.kind == Mention::Kind::kPronoun || meta_[m].head_entry < 0 || x.country.empty())
        continue;
      std::string count = CountIn(x.first_token, x.first_token + x.token_count - 1);
      if (count.empty() || !(count[0] >= '0' && count[0] <= '9')) continue;
      sets[{count, meta_[m].head_entry, x.country}].push_back(m);
    }
    for (const auto& [key, members] : sets) {
      bool eli = false;
      for (size_t m : members) eli = eli || doc_.mentions[m].role == "ELI";
      if (!eli) continue;
      for (size_t m : members) {
        Mention& x = doc_.mentions[m];
        if (x.role == "ELI") continue;
        x.role = "ELI";
        x.code = x.country + x.role;
        x.rule += "+same-count";
      }
    }
  }

  // Rebels fight their own state: the country of the nearest government,
  // army or leader (not a bare state name) before them in the sentence
  // ("Assad's regime fell after a coalition of rebel groups launched..."
  // -> SYR), or "".
  std::string SentenceCountry(const ActorPhrase& p) const {
    for (size_t m = doc_.mentions.size(); m-- > 0;) {
      const Mention& x = doc_.mentions[m];
      if (x.sentence != p.sentence) break;
      if (x.first_token >= p.first || x.country.empty()) continue;
      if (x.role != "GOV" && x.role != "MIL") continue;
      if (InDateline(x.first_token)) continue;
      // A state named bare is often not the one at war ("France hosted
      // the 'terrorist group'"); its regime, army or leader is.
      if (x.rule.rfind("country:", 0) == 0) continue;
      return x.country;
    }
    return "";
  }

  // Opposition, civilians, protesters, courts and police belong to the
  // state acting on them in the sentence: the first government named
  // there before them ("Belarus released 31 political prisoners"), or "".
  std::string DomesticCountry(const ActorPhrase& p) const {
    static const std::unordered_set<std::string_view> kDomestic = {
        "OPP", "CVL", "PRO", "HRI", "JUD", "COP", "ELI"};
    if (!kDomestic.count(p.role)) return "";
    std::string found;
    for (size_t m = doc_.mentions.size(); m-- > 0;) {
      const Mention& x = doc_.mentions[m];
      if (x.sentence != p.sentence) break;
      if (x.first_token >= p.first || x.country.empty() || x.role != "GOV") continue;
      if (x.kind == Mention::Kind::kPronoun || InDateline(x.first_token)) continue;
      found = x.country;  // keeps the first one of the sentence
    }
    return found;
  }

  // The speaker of the quote around phrase p: the first actor after the
  // closing quote in the paragraph ("'...,' Gaddafi said"), else the
  // subject or first actor before the opening quote in its sentence
  // ("Gaddafi said: '...'"). Returns a mention index, or -2 - i for the
  // not yet resolved phrase i (with a code of its own); -1 if none.
  int32_t Speaker(const ActorPhrase& p, std::string* code) const {
    uint32_t open = p.first, close = p.first;
    while (open > 0 && in_quote_[open - 1] && paragraph_[open - 1] == paragraph_[p.first])
      --open;
    while (close + 1 < doc_.tokens.size() && in_quote_[close + 1] &&
           paragraph_[close + 1] == paragraph_[p.first])
      ++close;
    for (size_t i = current_ + 1; i < all_->size(); ++i) {
      const ActorPhrase& q = (*all_)[i];
      if (q.first <= close) continue;
      if (paragraph_[q.first] != paragraph_[p.first] || in_quote_[q.first]) break;
      // Stop at the next quote.
      bool quote_between = false;
      for (uint32_t t = close + 1; t < q.first && !quote_between; ++t)
        quote_between = in_quote_[t];
      if (quote_between) break;
      // Only the one saying it: "..., it said", "said Gaddafi".
      if (!SpeechVerbAt(q.last + 1) && !(q.first > 0 && SpeechVerbAt(q.first - 1))) continue;
      if (q.kind == Mention::Kind::kPronoun) {
        // "'...,' he said": the person (or for "it", the thing) before.
        ActorPhrase at = q;
        at.first = open;
        at.sentence = p.sentence;
        bool person = q.rule == "person";
        return Leftmost(at, person ? kPronounWindow : 1, [&](size_t m) {
          return Individual(m) == person && !in_quote_[doc_.mentions[m].first_token];
        });
      }
      if (q.code.empty() || q.needs_country || q.possessive >= 0) break;
      *code = q.code;
      return -2 - static_cast<int32_t>(i);
    }
    // Before the quote, in the sentence where it opens.
    int32_t best = -1, subject = -1;
    for (size_t m = doc_.mentions.size(); m-- > 0;) {
      const Mention& x = doc_.mentions[m];
      if (x.first_token >= open) continue;
      if (doc_.sentences[x.sentence].first_token > open ||
          doc_.sentences[x.sentence].first_token + doc_.sentences[x.sentence].token_count <= open)
        break;
      if (!Coded(m) || in_quote_[x.first_token]) continue;
      best = static_cast<int32_t>(m);
      if (MainSubject(m)) subject = best;
    }
    return subject >= 0 ? subject : best;
  }

  bool SpeechVerbAt(uint32_t t) const {
    if (t >= doc_.tokens.size()) return false;
    return IsSpeechVerb(FoldWord(doc_.Form(doc_.tokens[t])));
  }

  // The number counting a phrase's tokens [first, last] ("61", "two"), or "".
  std::string CountIn(uint32_t first, uint32_t last) const {
    static const std::unordered_set<std::string_view> kWords = {
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "dozen", "hundred", "hundreds", "thousands"};
    for (uint32_t t = first; t <= last && t < doc_.tokens.size(); ++t) {
      std::string_view f = doc_.Form(doc_.tokens[t]);
      if (!f.empty() && f[0] >= '0' && f[0] <= '9') return std::string(f);
      std::string w = FoldWord(f);
      if (kWords.count(w)) return w;
    }
    return "";
  }

  bool Coded(size_t m) const { return !doc_.mentions[m].code.empty(); }

  // An individual: a person entry or a name, singular.
  bool Individual(size_t m) const { return meta_[m].person_like; }

  // The leftmost acceptable mention of the pronoun's sentence before it,
  // else of the nearest earlier sentence that has one.
  // Whether mention m is the subject of a main-clause verb: its head
  // depends on a verb after it that is the root or hangs from it, with no
  // preposition of its own ("Shultz delivered", not "a meeting with
  // President Aquino"), from the parse; or, from the words alone, the
  // mention right after an opening clause (AfterOpeningClause).
  bool MainSubject(size_t m) const {
    const Mention& x = doc_.mentions[m];
    const Sentence& s = doc_.sentences[x.sentence];
    const Token& head = doc_.tokens[x.head];
    if (AfterOpeningClause(x)) return true;
    if (head.head < 0 || doc_.Lemma(head).empty()) return false;
    uint32_t g = s.first_token + static_cast<uint32_t>(head.head);
    if (g >= doc_.tokens.size() || g <= x.head) return false;
    if (doc_.tokens[g].upos != Upos::VERB && doc_.tokens[g].upos != Upos::AUX) return false;
    // A main clause: the verb is the root or hangs from it directly.
    int32_t up = doc_.tokens[g].head;
    if (up >= 0 && doc_.tokens[s.first_token + static_cast<uint32_t>(up)].head >= 0)
      return false;
    for (uint32_t t = s.first_token; t < x.head; ++t)
      if (doc_.tokens[t].head >= 0 &&
          s.first_token + static_cast<uint32_t>(doc_.tokens[t].head) == x.head &&
          doc_.tokens[t].upos == Upos::ADP)
        return false;
    return true;
  }

  // Mention x opens the main clause after an opening participle or
  // prepositional clause (read from the words, so it holds without the
  // parse and where the parse errs) ("Speaking after a meeting with
  // President Aquino, Shultz delivered ...": Shultz).
  bool AfterOpeningClause(const Mention& x) const {
    static const std::unordered_set<std::string_view> kOpeners = {
        "after", "before", "during", "following", "despite", "in", "at", "on",
        "with", "since", "while", "when", "as", "amid", "asked", "speaking"};
    const Sentence& s = doc_.sentences[x.sentence];
    if (x.first_token <= s.first_token + 1) return false;
    std::string first = FoldWord(doc_.Form(doc_.tokens[s.first_token]));
    bool opener = kOpeners.count(first) > 0 ||
                  (first.size() > 4 && first.compare(first.size() - 3, 3, "ing") == 0);
    if (!opener || doc_.Form(doc_.tokens[x.first_token - 1]) != ",") return false;
    for (uint32_t t = s.first_token; t + 1 < x.first_token; ++t)
      if (doc_.Form(doc_.tokens[t]) == ",") return false;  // the first comma only
    return true;
  }

  // The subject of the main clause among the acceptable mentions of the
  // pronoun's sentence before it, else the leftmost; if none, the same in
  // the nearest earlier sentence that has one.
  template <typename Accept>
  int32_t Leftmost(const ActorPhrase& p, uint32_t window, Accept accept) const {
    int32_t best = -1, subject = -1;
    uint32_t best_sentence = 0;
    for (size_t m = doc_.mentions.size(); m-- > 0;) {
      const Mention& x = doc_.mentions[m];
      if (x.sentence + window < p.sentence) break;
      if (x.first_token >= p.first || !Coded(m) || !accept(m)) continue;
      if (best >= 0 && x.sentence != best_sentence) break;
      best = static_cast<int32_t>(m);
      best_sentence = x.sentence;
      if (MainSubject(m)) subject = best;
    }
    return subject >= 0 ? subject : best;
  }

  template <typename Accept>
  int32_t Nearest(const ActorPhrase& p, uint32_t window, Accept accept) const {
    for (size_t m = doc_.mentions.size(); m-- > 0;) {
      const Mention& x = doc_.mentions[m];
      if (x.sentence + window < p.sentence) break;
      if (x.first_token >= p.first || !Coded(m) || !accept(m)) continue;
      return static_cast<int32_t>(m);
    }
    return -1;
  }

  bool Refers(size_t m, const std::string& noun) const {
    auto check = [&](int32_t entry) {
      if (entry < 0) return false;
      for (const std::string& r : entries_[entry].refer) {
        std::string f = FoldWord(r);
        if (f == noun || Plural(f) == noun) return true;
      }
      return false;
    };
    return check(meta_[m].entity_entry) || check(meta_[m].head_entry);
  }

  // Token t is "a" or "an".
  bool IndefiniteAt(uint32_t t) const {
    std::string w = FoldWord(doc_.Form(doc_.tokens[t]));
    return w == "a" || w == "an";
  }

  // Token t is "the" (t may be out of range).
  bool IsDefiniteWord(uint32_t t) const {
    return t < doc_.tokens.size() && FoldWord(doc_.Form(doc_.tokens[t])) == "the";
  }

  // An IGO named later in p's sentence whose entry refers to `noun`
  // ("Judges at the International Criminal Court"): -2 - its phrase index,
  // else -1.
  int32_t IgoLater(const ActorPhrase& p, const std::string& noun) const {
    for (size_t i = current_ + 1; i < all_->size(); ++i) {
      const ActorPhrase& q = (*all_)[i];
      if (q.sentence != p.sentence) break;
      if (q.role != "IGO" || q.entity_entry < 0) continue;
      for (const std::string& r : entries_[q.entity_entry].refer) {
        std::string f = FoldWord(r);
        if (f == noun || Plural(f) == noun) return -2 - static_cast<int32_t>(i);
      }
    }
    return -1;
  }

  void CopyFrom(ActorPhrase& p, size_t m, const std::string& how) {
    const Mention& a = doc_.mentions[m];
    std::string own_role = p.role;
    p.code = a.code;
    p.country = a.country;
    p.role = a.role;
    // "opposition supporters" were PRO at the protest; "the opposition"
    // after it, elsewhere, is the opposition again; people stay protesters
    // ("the people arrested").
    if (a.role == "PRO" && !p.protest && !own_role.empty() && own_role != "PRO" &&
        own_role != "CVL" &&
        a.rule.find("+protest") != std::string::npos && !a.country.empty()) {
      p.role = own_role;
      p.code = p.country + p.role;
    }
    if (p.entity.empty()) {
      p.entity = a.entity;
      p.entity_entry = meta_[m].entity_entry;
    }
    p.rule = how + ">" + a.rule;
    // "the students" at a protest are protesters, whatever they were
    // when first named.
    if (p.protest && p.role == "CVL" && p.kind != Mention::Kind::kPronoun) {
      p.role = "PRO";
      p.code = p.country + p.role;
      p.rule += "+protest";
    }
    antecedent_ = static_cast<int32_t>(m);
  }

  void Resolve(ActorPhrase& p) {
    antecedent_ = -1;
    std::string head = FoldWord(doc_.Form(doc_.tokens[p.head]));
    if (p.kind == Mention::Kind::kPronoun) {
      std::string kind = p.rule;
      int32_t a = -1;
      if (kind == "person") {
        std::string form = FoldWord(doc_.Form(doc_.tokens[p.first]));
        char gender = form == "she" || form == "her" ? 'f' : 'm';
        // Outside quotation marks, "he" is not someone the quote talks
        // about: "'... a senior Iranian diplomat ...' He said" is the
        // speaker.
        bool quoted = in_quote_[p.first];
        a = Leftmost(p, kPronounWindow, [&](size_t m) {
          return Individual(m) && (!meta_[m].gender || meta_[m].gender == gender) &&
                 (quoted || !in_quote_[doc_.mentions[m].first_token]);
        });
      } else if (kind == "speaker") {
        // "we", "I", "our" inside a quote: whoever says it.
        if (!in_quote_[p.first]) return;
        std::string code;
        a = Speaker(p, &code);
        if (a < 0 && code.empty()) return;
        if (a < 0) {
          const ActorPhrase& q = (*all_)[static_cast<size_t>(-a - 2)];
          p.code = q.code;
          p.country = q.country;
          p.role = q.role;
          p.entity = q.entity;
          p.rule = "speaker>" + q.rule;
          Emit(p);
          return;
        }
        CopyFrom(p, static_cast<size_t>(a), "speaker");
        Emit(p);
        return;
      } else if (kind == "thing") {
        a = Leftmost(p, 1, [&](size_t m) { return !Individual(m) && !meta_[m].plural; });
      } else {
        // "they", "them": a plural group nearby ("two Russian diplomats")
        // before the sentence's leading actor.
        // Plural people count ("the senators ... they"); a lone name
        // ending in s ("Jones") does not.
        a = Nearest(p, 1, [&](size_t m) {
          return meta_[m].plural && (!Individual(m) || meta_[m].head_entry >= 0);
        });
        if (a < 0) a = Leftmost(p, 1, [&](size_t m) { return !Individual(m); });
      }
      if (a < 0) return;
      CopyFrom(p, static_cast<size_t>(a), "pronoun");
      Emit(p);
      return;
    }
    if (p.possessive >= 0 && p.country.empty() && p.role != "IGO") {
      // "its spokesperson": the nearest fitting actor before the phrase.
      std::string poss = FoldWord(doc_.Form(doc_.tokens[p.possessive]));
      bool person = poss == "his" || poss == "her";
      int32_t a = -1;
      if (poss == "our" || poss == "my") {
        // "'Our forces are continuing their advance,' it said": the speaker.
        std::string code;
        if (in_quote_[p.first]) a = Speaker(p, &code);
        if (a < -1) {
          const ActorPhrase& q = (*all_)[static_cast<size_t>(-a - 2)];
          TakeActor(q.code, q.country, q.role, &p);
          p.rule += "+speaker";
          p.needs_country = p.generic = false;
          a = -1;
        }
      } else {
        a = Nearest(p, 1, [&](size_t m) { return Individual(m) == person; });
      }
      if (a >= 0) {
        const Mention& x = doc_.mentions[a];
        TakeActor(x.code, x.country, x.role, &p);
        p.rule += "+possessive";
        p.needs_country = false;
        p.generic = false;
        antecedent_ = a;
      }
    }
    if (p.unknown || p.needs_country) {
      // "SWF members" after "Sahel Workers Front (SWF)": the name decides.
      for (auto it = p.name_keys.begin(); it != p.name_keys.end(); ++it) {
        auto found = names_.find(*it);
        if (found == names_.end()) continue;
        // "Borno Governor Musa Kachalla" after an uncoded "Borno": the
        // title already says more than that name.
        if (p.needs_country && !Coded(found->second)) continue;
        CopyFrom(p, found->second, "name");
        p.needs_country = p.generic = false;
        break;
      }
    }
    if (p.generic || p.needs_country) {
      bool strong_role = p.head_entry >= 0 && !entries_[p.head_entry].weak &&
                         !entries_[p.head_entry].role.empty();
      int32_t a = -1;
      std::string near;
      // A phrase with a name of its own ("the Mohammed al-Qassem unit")
      // is not a description of something named before.
      if (p.definite && p.name_keys.empty()) {
        // "the court" after "the International Criminal Court" (its entry
        // lists "court"), anywhere before; the same agent noun ("the
        // ministry" after "Iran's foreign ministry") nearby for roles that
        // every state has, anywhere for the rest.
        a = Nearest(p, UINT32_MAX / 2, [&](size_t m) { return Refers(m, head); });
        uint32_t window = strong_role ? kRoleWindow : UINT32_MAX / 2;
        // "the two diplomats": the two named before, if counted.
        std::string count = CountIn(p.first, p.last);
        int32_t same = -1;
        if (!count.empty())
          same = Nearest(p, UINT32_MAX / 2, [&](size_t m) {
            const Mention& x = doc_.mentions[m];
            // "the two men" after "two Russian diplomats": plain people
            // nouns (CVL) name any people counted the same.
            bool same_head = p.head_entry >= 0 &&
                             (meta_[m].head_entry == p.head_entry ||
                              (entries_[p.head_entry].role == "CVL" &&
                               meta_[m].head_entry >= 0 &&
                               entries_[meta_[m].head_entry].person));
            return same_head &&
                   CountIn(x.first_token, x.first_token + x.token_count - 1) == count;
          });
        if (same >= 0) {
          a = same;
        } else {
          same = Nearest(p, window, [&](size_t m) {
            return p.head_entry >= 0 && meta_[m].head_entry == p.head_entry;
          });
          if (same > a) a = same;
        }
      }
      // "the country", "the island": the state named last, nearby;
      // "the country's potash industry" takes its country only.
      if (a < 0 && p.state_ref) {
        int32_t state = Nearest(p, kRoleWindow, [&](size_t m) {
          const Mention& x = doc_.mentions[m];
          return x.kind == Mention::Kind::kNamed && x.role == "GOV" &&
                 x.rule.rfind("country:", 0) == 0;
        });
        if (state >= 0 && p.head_entry >= 0 && entries_[p.head_entry].state) {
          a = state;
        } else if (state >= 0) {
          p.country = doc_.mentions[state].country;
          p.code = p.country + p.role;
          p.rule += "+state";
          p.needs_country = p.generic = false;
          antecedent_ = state;
          Emit(p);
          return;
        }
      }
      // "Prosecutors said ..." in a report on the ICC, "Judges at the
      // International Criminal Court": a body an IGO names under `refer:`
      // is that IGO's, not the home country's.
      // So are "the council's 15 members" after the Security Council, "the
      // group's 13 members" after OPEC: the possessor is the IGO.
      int32_t body = -1;
      if (a < 0 && p.needs_country) {
        body = Nearest(p, UINT32_MAX / 2, [&](size_t m) {
          return doc_.mentions[m].role == "IGO" && Refers(m, head);
        });
        if (body < 0) body = IgoLater(p, head);
        for (uint32_t t = p.first + 1; body < 0 && t <= p.last; ++t) {
          if (doc_.Form(doc_.tokens[t]) != "'s" || !IsDefiniteWord(t - 2)) continue;
          std::string owner = FoldWord(doc_.Form(doc_.tokens[t - 1]));
          body = Nearest(p, UINT32_MAX / 2, [&](size_t m) {
            return doc_.mentions[m].role == "IGO" && Refers(m, owner);
          });
        }
      }
      // "a former Venezuelan military intelligence chief ... retired
      // General Ramon Lozada": a titled name of no known country is the
      // person an indefinite description just introduced.
      int32_t introduced = -1;
      bool titled_name = p.kind == Mention::Kind::kNamed && !p.name_keys.empty() &&
                         p.head_entry >= 0 && entries_[p.head_entry].person;
      if (a < 0 && body == -1 && p.needs_country && titled_name)
        introduced = Nearest(p, 1, [&](size_t m) {
          const Mention& x = doc_.mentions[m];
          static const std::unordered_set<std::string_view> kOfficeRoles = {
              "GOV", "MIL", "SPY", "COP", "JUD", "ELI", "OPP", "REB", "LEG"};
          return x.kind == Mention::Kind::kNominal && kOfficeRoles.count(x.role) &&
                 !meta_[m].plural && !x.country.empty() && x.antecedent < 0 &&
                 IndefiniteAt(x.first_token);
        });
      if (a >= 0) {
        CopyFrom(p, static_cast<size_t>(a), "description");
      } else if (introduced >= 0) {
        p.country = doc_.mentions[introduced].country;
        p.code = p.country + p.role;
        p.rule += "+introduced";
        antecedent_ = introduced;
      } else if (body >= 0) {
        CopyFrom(p, static_cast<size_t>(body), "igo-body");
      } else if (body < -1) {
        const ActorPhrase& q = (*all_)[static_cast<size_t>(-body - 2)];
        p.code = q.code;
        p.country.clear();
        p.role = q.role;
        p.rule += "+igo-body:" + q.rule;
      } else if (p.needs_country &&
                 !(near = p.role == "REB" ? SentenceCountry(p) : DomesticCountry(p)).empty()) {
        p.country = near;
        p.code = p.country + p.role;
        p.rule += "+sentence";
      } else if (p.needs_country && !HomeFor(p).empty()) {
        // A role left without a country: the document's home (HomeFor).
        p.country = HomeFor(p);
        p.code = p.country + p.role;
        p.rule += "+home";
      } else if (p.generic) {
        return;  // "the group" with nothing before it: not an actor
      }
    }
    Emit(p);
  }

  // The home country a role without one takes. The dateline says where
  // the reporter is: the state's own agents there ("police", "the
  // government", "Foreign Minister Sanne de Vries") are most often that
  // state's. People with an affiliation of their own (opposition, exiles,
  // protesters, civilians, former officials) belong to the country the
  // report is about: the first country its lead names after the dateline
  // ("VILNIUS, Lithuania - Belarus released ..."), else the home.
  const std::string& HomeFor(const ActorPhrase& p) const {
    static const std::unordered_set<std::string_view> kStateRoles = {
        "GOV", "MIL", "COP", "SPY", "LEG", "JUD"};
    static const std::string kNone;
    // "several ships", "About 120 ships": under any flag (`home: no`).
    if (p.head_entry >= 0 && !entries_[p.head_entry].home) return kNone;
    if (kStateRoles.count(p.role)) return home_;
    return topic_.empty() ? home_ : topic_;
  }

  void Emit(const ActorPhrase& p) {
    Mention m;
    const Token& first = doc_.tokens[p.first];
    const Token& last = doc_.tokens[p.last];
    m.span = Span{first.span.start, last.span.end};
    m.sentence = p.sentence;
    m.first_token = p.first;
    m.token_count = p.last - p.first + 1;
    m.head = p.head;
    m.kind = p.kind;
    m.code = p.code;
    m.country = p.country;
    m.role = p.role;
    m.entity = p.entity;
    m.rule = p.rule;
    m.antecedent = antecedent_;
    size_t index = doc_.mentions.size();
    doc_.mentions.push_back(std::move(m));
    Meta meta;
    meta.person_like = p.person_like;
    meta.plural = p.plural;
    if (p.entity_entry >= 0) meta.gender = entries_[p.entity_entry].gender;
    if (antecedent_ >= 0 && !meta.gender) meta.gender = meta_[antecedent_].gender;
    meta.head_entry = p.head_entry;
    meta.entity_entry = p.entity_entry;
    if (antecedent_ >= 0 && meta.entity_entry < 0)
      meta.entity_entry = meta_[antecedent_].entity_entry;
    if (antecedent_ >= 0 && p.kind == Mention::Kind::kPronoun)
      meta.person_like = meta_[antecedent_].person_like;
    meta_.push_back(meta);
    // Unknown names are registered too: "SWF" after "Sahel Workers Front
    // (SWF)" still points back, code or not.
    for (const std::string& key : p.name_keys) names_[key] = index;
    if (!p.acronym.empty()) names_[p.acronym] = index;
  }

  struct Meta {
    bool person_like = false;
    bool plural = false;
    char gender = 0;
    int32_t head_entry = -1;
    int32_t entity_entry = -1;
  };

  const std::vector<Entry>& entries_;
  Document& doc_;
  std::string home_, topic_;
  std::vector<Meta> meta_;
  std::vector<bool> in_quote_;
  uint32_t dateline_start_ = 0, dateline_end_ = 0;
  std::vector<uint32_t> paragraph_;
  const std::vector<ActorPhrase>* all_ = nullptr;
  size_t current_ = 0;
  std::unordered_map<std::string, size_t> names_;
  int32_t antecedent_ = -1;
};

}  // namespace

bool IsSpeechVerb(std::string_view folded) {
  static const std::unordered_set<std::string_view> kSpeech = {
      "said", "says", "say", "added", "adds", "told", "tells", "stated", "states",
      "declared", "announced", "claimed", "insisted", "warned", "wrote", "writes",
      "noted", "argued", "explained", "stressed", "asserted", "quoted", "according",
      "continued", "replied", "urged", "vowed", "emphasized", "emphasised"};
  return kSpeech.count(folded) > 0;
}

void ResolveAndEmit(const Lexicon& lexicon, std::vector<ActorPhrase> phrases,
                    Document& doc) {
  Resolver resolver(lexicon, doc);
  resolver.Run(phrases);
}

}  // namespace dyad::actors
