#include "dyad/actors/coref.h"

#include <map>
#include <unordered_map>

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
    home_ = HomeCountry(phrases);
    for (ActorPhrase& p : phrases) Resolve(p);
  }

 private:
  // The country the document's named actors name most; a dateline
  // ("KUWAIT, June 2 -") counts extra, for the home of the report.
  std::string HomeCountry(const std::vector<ActorPhrase>& phrases) const {
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
      if (dateline) c.first += kDatelineWeight;
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

  bool Coded(size_t m) const { return !doc_.mentions[m].code.empty(); }

  // An individual: a person entry or a name, singular.
  bool Individual(size_t m) const { return meta_[m].person_like; }

  // The leftmost acceptable mention of the pronoun's sentence before it,
  // else of the nearest earlier sentence that has one.
  template <typename Accept>
  int32_t Leftmost(const ActorPhrase& p, uint32_t window, Accept accept) const {
    int32_t best = -1;
    uint32_t best_sentence = 0;
    for (size_t m = doc_.mentions.size(); m-- > 0;) {
      const Mention& x = doc_.mentions[m];
      if (x.sentence + window < p.sentence) break;
      if (x.first_token >= p.first || !Coded(m) || !accept(m)) continue;
      if (best >= 0 && x.sentence != best_sentence) break;
      best = static_cast<int32_t>(m);
      best_sentence = x.sentence;
    }
    return best;
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

  void CopyFrom(ActorPhrase& p, size_t m, const std::string& how) {
    const Mention& a = doc_.mentions[m];
    p.code = a.code;
    p.country = a.country;
    p.role = a.role;
    if (p.entity.empty()) {
      p.entity = a.entity;
      p.entity_entry = meta_[m].entity_entry;
    }
    p.rule = how + ">" + a.rule;
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
        a = Leftmost(p, kPronounWindow, [&](size_t m) {
          return Individual(m) && (!meta_[m].gender || meta_[m].gender == gender);
        });
      } else if (kind == "thing") {
        a = Leftmost(p, 1, [&](size_t m) { return !Individual(m) && !meta_[m].plural; });
      } else {
        // "they", "them": a plural group nearby ("two Russian diplomats")
        // before the sentence's leading actor.
        a = Nearest(p, 1, [&](size_t m) { return !Individual(m) && meta_[m].plural; });
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
      int32_t a = Nearest(p, 1, [&](size_t m) { return Individual(m) == person; });
      if (a >= 0) {
        const Mention& x = doc_.mentions[a];
        if (x.role == "IGO") {
          p.code = x.code;
          p.role = "IGO";
        } else {
          p.country = x.country;
          if (p.role.empty()) p.role = x.role;
          p.code = p.country + p.role;
        }
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
        CopyFrom(p, found->second, "name");
        p.needs_country = p.generic = false;
        break;
      }
    }
    if (p.generic || p.needs_country) {
      bool strong_role = p.head_entry >= 0 && !entries_[p.head_entry].weak &&
                         !entries_[p.head_entry].role.empty();
      int32_t a = -1;
      if (p.definite) {
        // "the court" after "the International Criminal Court" (its entry
        // lists "court"), anywhere before; the same agent noun ("the
        // ministry" after "Iran's foreign ministry") nearby for roles that
        // every state has, anywhere for the rest.
        a = Nearest(p, UINT32_MAX / 2, [&](size_t m) { return Refers(m, head); });
        uint32_t window = strong_role ? kRoleWindow : UINT32_MAX / 2;
        int32_t same = Nearest(p, window, [&](size_t m) {
          return p.head_entry >= 0 && meta_[m].head_entry == p.head_entry;
        });
        if (same > a) a = same;
      }
      if (a >= 0) {
        CopyFrom(p, static_cast<size_t>(a), "description");
      } else if (p.needs_country && !home_.empty()) {
        p.country = home_;
        p.code = p.country + p.role;
        p.rule += "+home";
      } else if (p.generic) {
        return;  // "the group" with nothing before it: not an actor
      }
    }
    Emit(p);
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
  std::string home_;
  std::vector<Meta> meta_;
  std::unordered_map<std::string, size_t> names_;
  int32_t antecedent_ = -1;
};

}  // namespace

void ResolveAndEmit(const Lexicon& lexicon, std::vector<ActorPhrase> phrases,
                    Document& doc) {
  Resolver resolver(lexicon, doc);
  resolver.Run(phrases);
}

}  // namespace dyad::actors
