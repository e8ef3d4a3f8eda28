#include "dyad/actors/phrase.h"

#include <algorithm>
#include <unordered_set>

#include "dyad/actors/fold.h"

namespace dyad::actors {

namespace {

enum class Cls : uint8_t { kOther, kContent, kGlue, kOf, kComma, kLocative };

bool IsContent(PieceKind k) {
  return k == PieceKind::kCountry || k == PieceKind::kAdjective ||
         k == PieceKind::kOrganization || k == PieceKind::kPerson ||
         k == PieceKind::kAgent || k == PieceKind::kName;
}

bool IsPossessivePronoun(std::string_view folded) {
  return folded == "its" || folded == "his" || folded == "her" ||
         folded == "their" || folded == "our";
}

bool IsCopula(std::string_view folded) {
  return folded == "is" || folded == "are" || folded == "was" || folded == "were" ||
         folded == "be" || folded == "been" || folded == "being" || folded == "as" ||
         folded == "become" || folded == "became" || folded == "remains";
}

bool IsLocative(std::string_view folded) {
  return folded == "in" || folded == "at" || folded == "near" || folded == "inside" ||
         folded == "outside" || folded == "around" || folded == "across" ||
         folded == "throughout" || folded == "into";
}

// Roles of actors outside the state.
bool NonState(std::string_view role) {
  return role == "OPP" || role == "REB" || role == "PTY" || role == "MED" ||
         role == "BUS" || role == "NGO" || role == "HRI" || role == "CRM" ||
         role == "PRO";
}

bool IsDefiniteWord(std::string_view folded) {
  return folded == "the" || folded == "this" || folded == "that" ||
         folded == "these" || folded == "those";
}

// One noun phrase between joiners.
struct Part {
  uint32_t first = 0, last = 0;
  std::vector<size_t> pieces;  // indices into the sentence's pieces
};

// Parts joined by 'o' (of), 'i' (in), 'f' (from) or ',' (apposition).
struct Group {
  std::vector<Part> parts;
  std::vector<char> joiners;  // joiners[k] sits between parts k and k+1
  std::string acronym;
  int32_t possessive = -1;
  bool definite = false;
};

// What one part (or a combination of parts) says about its actor.
struct Coded {
  bool valid = false;      // has a content piece that is not partial
  std::string country, role, entity, rule;
  std::string igo;         // the full code when role is IGO ("IGOUNO")
  bool has_agent = false, strong = false, has_op = false, op_person = false;
  bool has_name = false, named_country = false, only_adjective = false;
  bool eli = false, person_like = false, person_agent = false;
  std::string weak_role;   // the role of a weak agent ("forces" MIL)
  bool regional = false;   // "European leaders": several states, none named
  int32_t head_entry = -1;
  int32_t entity_entry = -1;
  uint32_t head = 0;
};

class Builder {
 public:
  Builder(const Lexicon& lexicon, const Document& doc, uint32_t sentence_index,
          const std::vector<Piece>& pieces, const std::string& date)
      : lexicon_(lexicon), entries_(lexicon.dictionary().entries()), doc_(doc),
        sentence_(doc.sentences[sentence_index]), index_(sentence_index),
        pieces_(pieces), date_(date) {
    begin_ = sentence_.first_token;
    end_ = begin_ + sentence_.token_count;
  }

  std::vector<ActorPhrase> Run() {
    Classify();
    std::vector<Group> groups = Groups();
    groups = Merge(std::move(groups));
    std::vector<ActorPhrase> out;
    const Group* prev = nullptr;  // the group of out.back()
    for (const Group& g : groups) {
      ActorPhrase p;
      if (!Emit(g, &p)) continue;
      if (prev && !out.empty()) SharedHead(*prev, out.back(), g, &p);
      out.push_back(std::move(p));
      prev = &g;
    }
    return out;
  }

 private:
  std::string Fold(uint32_t t) const { return FoldWord(doc_.Form(doc_.tokens[t])); }

  // Every content piece of g is a name no dictionary knows.
  bool OnlyUnknownNames(const Group& g) const {
    bool any = false;
    for (const Part& part : g.parts)
      for (size_t i : part.pieces) {
        if (!IsContent(pieces_[i].kind)) continue;
        if (pieces_[i].kind != PieceKind::kName) return false;
        any = true;
      }
    return any;
  }

  // Token `first` follows a locative ("in", "near"), maybe over "the", or
  // closes a list of capitalized places after one ("in Surin and Sisaket").
  bool AfterLocative(uint32_t first) const {
    uint32_t k = first;
    if (k > begin_ && IsDefiniteWord(Fold(k - 1))) --k;
    if (k > begin_ && (Fold(k - 1) == "and" || Fold(k - 1) == "or" || Fold(k - 1).empty())) {
      uint32_t j = k - 1;
      while (j > begin_ && HasUpper(doc_.Form(doc_.tokens[j - 1])) &&
             !IsContentToken(j - 1))
        --j;
      if (j < k - 1) k = j;
    }
    return k > begin_ && IsLocative(Fold(k - 1));
  }

  // Token t belongs to a piece naming something a dictionary knows.
  bool IsContentToken(uint32_t t) const {
    for (const Piece& piece : pieces_)
      if (piece.first <= t && t <= piece.last)
        return IsContent(piece.kind) && piece.kind != PieceKind::kName;
    return false;
  }

  void Classify() {
    cls_.assign(sentence_.token_count, Cls::kOther);
    piece_at_.assign(sentence_.token_count, -1);
    for (size_t i = 0; i < pieces_.size(); ++i) {
      const Piece& p = pieces_[i];
      bool content = IsContent(p.kind);
      bool glue = p.kind == PieceKind::kFiller || p.kind == PieceKind::kModifier;
      for (uint32_t t = p.first; t <= p.last; ++t) {
        Cls& c = cls_[t - begin_];
        if (content) c = Cls::kContent;
        else if (glue && c != Cls::kContent) c = Cls::kGlue;
        if (content || piece_at_[t - begin_] < 0) piece_at_[t - begin_] = static_cast<int32_t>(i);
      }
    }
    for (uint32_t t = begin_; t < end_; ++t) {
      Cls& c = cls_[t - begin_];
      if (c != Cls::kOther) continue;
      std::string f = Fold(t);
      std::string_view form = doc_.Form(doc_.tokens[t]);
      bool has_digit = std::any_of(form.begin(), form.end(),
                                   [](char ch) { return ch >= '0' && ch <= '9'; });
      // Adjectives between the words of a phrase ("Ethiopian mechanised
      // units") are glue when the syntax stage has tagged them; so are
      // numbers and designations ("28 Iranian boats", "Thai F-16 jets").
      bool adjective = doc_.tokens[t].upos == Upos::ADJ;
      // A noun modifying an agent noun ("Soviet arms negotiators", "black
      // transport workers", "the potash industry") belongs to its phrase.
      bool lower_initial = !form.empty() && form[0] >= 'a' && form[0] <= 'z';
      if (doc_.tokens[t].upos == Upos::NOUN && lower_initial && t + 1 < end_) {
        int32_t next = piece_at_[t + 1 - begin_];
        if (next >= 0 && pieces_[next].kind == PieceKind::kAgent &&
            pieces_[next].first == t + 1)
          adjective = true;
      }
      if (f == "'s" || f == "'" || IsPossessivePronoun(f)) c = Cls::kGlue;
      else if (has_digit || adjective) c = Cls::kGlue;
      else if (f == "of") c = Cls::kOf;
      else if (form == ",") c = Cls::kComma;
      else if (f == "in" || f == "from") c = Cls::kLocative;
    }
  }

  // A state named alone, coded as its government.
  static bool StateAlone(const Coded& r) { return r.role == "GOV" && !r.has_agent; }
  // Whether the group counts its members ("five", "4,000", "thousands of").
  bool HasCount(const Group& g) const {
    for (uint32_t t = g.parts.front().first; t <= g.parts.back().last; ++t) {
      int32_t p = piece_at_[t - begin_];
      if (p >= 0 && pieces_[p].partial) continue;  // "a two-week-long ..."
      std::string_view form = doc_.Form(doc_.tokens[t]);
      bool number = !form.empty() && std::all_of(form.begin(), form.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == ',' || c == '.';
      });
      if (number || (p >= 0 && IsQuantity(t))) return true;
    }
    return false;
  }

  bool CountryNameAt(uint32_t t) const {
    int32_t p = piece_at_[t - begin_];
    return p >= 0 && pieces_[p].first == t && pieces_[p].kind == PieceKind::kCountry &&
           !pieces_[p].partial && !pieces_[p].capital;
  }
  bool AgentEndsAt(uint32_t t) const {
    int32_t p = piece_at_[t - begin_];
    return p >= 0 && pieces_[p].last == t && pieces_[p].kind == PieceKind::kAgent;
  }

  bool IsQuantity(uint32_t t) const {
    int32_t p = piece_at_[t - begin_];
    if (p >= 0 && pieces_[p].entry >= 0 && pieces_[p].kind == PieceKind::kFiller)
      return entries_[pieces_[p].entry].quantity;
    std::string_view form = doc_.Form(doc_.tokens[t]);
    return !form.empty() && form[0] >= '0' && form[0] <= '9';
  }

  std::vector<Group> Groups() {
    std::vector<Group> groups;
    uint32_t t = begin_;
    while (t < end_) {
      Cls c = cls_[t - begin_];
      if (c != Cls::kContent && c != Cls::kGlue) {
        ++t;
        continue;
      }
      Group g;
      uint32_t start = t;
      int64_t last_content = -1;
      uint32_t u = t;
      uint32_t resume = t;
      while (u < end_) {
        Cls k = cls_[u - begin_];
        // "a number of vessels Kuwait had sought": a country's name after
        // a common noun starts a new phrase (English puts it before).
        if (k == Cls::kContent && u > start && CountryNameAt(u) && AgentEndsAt(u - 1)) break;
        if (k == Cls::kContent || k == Cls::kGlue) {
          if (k == Cls::kContent) last_content = u;
          ++u;
          continue;
        }
        // the Iranian "regime": a quote mark inside the phrase.
        if (doc_.Form(doc_.tokens[u]) == "\"" && last_content == int64_t(u) - 1 &&
            u + 1 < end_ && cls_[u + 1 - begin_] == Cls::kContent &&
            piece_at_[u - 1 - begin_] >= 0 &&
            pieces_[piece_at_[u - 1 - begin_]].kind == PieceKind::kAdjective) {
          ++u;
          continue;
        }
        // "thousands of protesters", "two of the ministers"
        if (k == Cls::kOf && u > start && IsQuantity(u - 1)) {
          ++u;
          continue;
        }
        // "the National Council of Resistance of Iran (NCRI)"
        if (last_content == int64_t(u) - 1 && u + 2 < end_ &&
            doc_.Form(doc_.tokens[u]) == "(" &&
            doc_.Form(doc_.tokens[u + 2]) == ")" &&
            IsAcronym(doc_.Form(doc_.tokens[u + 1]))) {
          g.acronym = Fold(u + 1);
          u += 3;
          resume = u;
          continue;
        }
        break;
      }
      if (last_content < 0) {
        t = std::max(u, t + 1);
        continue;
      }
      Part part;
      part.first = start;
      part.last = static_cast<uint32_t>(last_content);
      for (size_t i = 0; i < pieces_.size(); ++i)
        if (pieces_[i].first >= part.first && pieces_[i].last <= part.last)
          part.pieces.push_back(i);
      std::string first_word = Fold(start);
      if (IsPossessivePronoun(first_word)) g.possessive = static_cast<int32_t>(start);
      g.definite = IsDefiniteWord(first_word);
      g.parts.push_back(std::move(part));
      groups.push_back(std::move(g));
      t = std::max<uint32_t>(static_cast<uint32_t>(last_content) + 1, resume);
    }
    return groups;
  }

  Coded CodePart(const Part& part) const {
    Coded c;
    const Piece* country_piece = nullptr;
    const Piece* op = nullptr;
    const Piece* strong = nullptr;
    const Piece* weak = nullptr;
    const Piece* last_agent = nullptr;
    const Piece* head = nullptr;
    const Piece* office = nullptr;
    bool any_full = false, adjective_only = true;
    for (size_t i : part.pieces) {
      const Piece& p = pieces_[i];
      if (p.negated) continue;
      const Entry* e = p.entry >= 0 ? &entries_[p.entry] : nullptr;
      switch (p.kind) {
        case PieceKind::kCountry:
        case PieceKind::kAdjective:
          if (!country_piece || (country_piece->partial && !p.partial)) country_piece = &p;
          if (!p.partial && p.kind == PieceKind::kCountry) c.named_country = true;
          break;
        case PieceKind::kOrganization:
        case PieceKind::kPerson:
          if (p.partial) {  // "IRGC-affiliated": lends its country only
            if (!country_piece) country_piece = &p;
          } else {
            // An organization before a person is the person's office
            // ("German Chancellor Friedrich Merz", "CIA director John
            // Ratcliffe"): it says what role the person acts in.
            if (op && p.kind == PieceKind::kPerson && op->kind == PieceKind::kOrganization)
              office = op;
            op = &p;
          }
          break;
        case PieceKind::kAgent:
          c.has_agent = true;
          last_agent = &p;
          if (!e->role.empty()) (e->weak ? weak : strong) = &p;
          if (e->person) c.person_like = c.person_agent = true;
          break;
        case PieceKind::kModifier:
          if (e->marks == "ELI") c.eli = true;
          if (e->marks == "REGION") c.regional = true;
          break;
        case PieceKind::kName:
          c.has_name = true;
          c.person_like = true;
          break;
        default:
          break;
      }
      if (IsContent(p.kind) && (!p.partial || p.kind == PieceKind::kAgent)) {
        any_full = true;
        head = &p;
        if (p.kind != PieceKind::kAdjective) adjective_only = false;
      }
    }
    if (!any_full) return c;
    c.valid = true;
    c.head = head->last;
    c.only_adjective = adjective_only;
    if (last_agent) c.head_entry = last_agent->entry;
    std::string country;
    if (country_piece) {
      const Entry& e = entries_[country_piece->entry];
      if (e.kind == EntryKind::kCountry) {
        country = e.country;
      } else {
        std::string role;
        SplitCode(e.CodeAt(date_), &country, &role);
      }
    }
    std::string op_country, op_role, op_code;
    if (op) {
      const Entry& e = entries_[op->entry];
      op_code = e.CodeAt(date_);
      SplitCode(op_code, &op_country, &op_role);
      if (op_country.empty() && op_role.empty() && !e.country.empty()) op_country = e.country;
      c.has_op = true;
      c.op_person = e.kind == EntryKind::kPerson;
      if (c.op_person) c.person_like = true;
      c.entity = e.id;
      c.entity_entry = op->entry;
    }
    c.strong = strong != nullptr;
    if (weak) c.weak_role = entries_[weak->entry].role;
    // "Pakistan's U.N. representative", "the U.S. envoy to NATO": a
    // state's person at an organization acts for the state.
    if (op && op_role == "IGO" && country_piece && !country_piece->partial &&
        country_piece->last < op->first && c.person_agent &&
        entries_[country_piece->entry].kind == EntryKind::kCountry) {
      op_role.clear();
      op_country.clear();
    }
    if (op && op_role == "IGO") {
      c.role = "IGO";
      c.igo = op_code;
      c.rule = "entry:" + entries_[op->entry].id;
      if (c.eli && (c.has_agent || c.op_person)) c.role = "ELI";
      return c;
    }
    std::string office_country, office_role;
    if (office) SplitCode(entries_[office->entry].CodeAt(date_), &office_country, &office_role);
    // "U.N. Secretary-General Javier Perez de Cuellar": the person acts
    // for the organization whose office he holds.
    if (office && office_role == "IGO" &&
        !(country_piece && country_piece->last < office->first)) {
      c.role = "IGO";
      c.igo = entries_[office->entry].CodeAt(date_);
      c.rule = "entry:" + entries_[op->entry].id;
      if (c.eli) {  // "former U.N. Secretary-General Ban Ki-moon": KORELI
        c.role = "ELI";
        c.country = op_country;
      }
      return c;
    }
    // A government title inside a non-state organization ("African
    // National Congress president Oliver Tambo", "Hezbollah chief") is
    // that organization's office, not the state's.
    bool title_of_group = strong && op && !office && entries_[strong->entry].person &&
                          entries_[strong->entry].role == "GOV" && NonState(op_role);
    if (strong && !title_of_group) {
      c.role = entries_[strong->entry].role;
    } else if (office && !office_role.empty() && office_role != "IGO") {
      c.role = office_role;
    } else if (op && !op_role.empty()) {
      c.role = op_role;
    } else if (weak && !(last_agent != weak && entries_[last_agent->entry].role.empty() &&
                         country.empty())) {
      // ... but "an official statement", "a government report" with no
      // owner named are things, not actors.
      c.role = entries_[weak->entry].role;
    } else if (!country.empty() || !op_country.empty()) {
      c.role = "GOV";  // a state named as an actor is its government
    }
    c.country = !op_country.empty() ? op_country : country;
    if (c.eli && (c.has_agent || c.op_person)) c.role = "ELI";
    if (op) c.rule = "entry:" + entries_[op->entry].id;
    else if (strong) c.rule = "agent:" + entries_[strong->entry].id;
    else if (weak) c.rule = "agent:" + entries_[weak->entry].id;
    else if (country_piece) c.rule = "country:" + entries_[country_piece->entry].id;
    else c.rule = "name";
    if (c.has_agent && (country_piece || op)) {
      std::string base = country_piece ? entries_[country_piece->entry].id
                                       : entries_[op->entry].id;
      std::string agent = strong ? entries_[strong->entry].id
                          : weak ? entries_[weak->entry].id
                                 : entries_[last_agent->entry].id;
      if (!op) c.rule = "compound:" + base + "+" + agent;
    }
    return c;
  }

  // "A of B": a strong agent keeps its role and borrows B's country;
  // anything weaker ("leader", "members") stands for B.
  static Coded CombineOf(const Coded& a, const Coded& b) {
    if (!b.valid) return a;
    Coded r;
    if (a.strong && !a.has_op) {
      r = a;
      if (r.country.empty() && r.role != "IGO") r.country = b.country;
      if (b.role == "IGO" && r.country.empty()) {
        r.role = "IGO";
        r.igo = b.igo;
        r.rule = b.rule;
      }
    } else {
      r = b;
      r.head = a.head;
      r.head_entry = a.head_entry >= 0 ? a.head_entry : b.head_entry;
      r.person_like = a.person_like;
      // "the forces of President Hissene Habre": a weak noun with a role
      // of its own says which arm of that state acts.
      if (!a.weak_role.empty() && a.weak_role != "GOV" && b.role == "GOV") r.role = a.weak_role;
      if (a.eli) r.role = "ELI";
      r.rule = "of:" + b.rule;
    }
    r.valid = true;
    r.has_agent = a.has_agent || b.has_agent;
    r.has_name = a.has_name || b.has_name;
    return r;
  }

  static Coded CombineApposition(const Coded& a, const Coded& b) {
    // The side with the title codes the actor; the name side lends its
    // country when the title has none.
    const Coded& title = a.has_agent ? a : b;
    const Coded& name = a.has_agent ? b : a;
    Coded r = title;
    if (r.country.empty() && r.role != "IGO") {
      if (!name.country.empty()) r.country = name.country;
      if (r.role.empty()) r.role = name.role;
    }
    if (name.has_op && !name.entity.empty()) {
      r.entity = name.entity;
      r.entity_entry = name.entity_entry;
    }
    r.head = a.head;
    r.person_like = true;
    r.has_name = true;
    r.rule = "apposition:" + title.rule;
    return r;
  }

  // True when the group is one content piece (plus glue words).
  const Piece* SinglePiece(const Group& g) const {
    if (g.parts.size() != 1) return nullptr;
    const Piece* found = nullptr;
    for (size_t i : g.parts[0].pieces) {
      if (!IsContent(pieces_[i].kind)) continue;
      if (found) return nullptr;
      found = &pieces_[i];
    }
    return found;
  }

  bool PartHasAgent(const Part& p) const {
    for (size_t i : p.pieces)
      if (pieces_[i].kind == PieceKind::kAgent) return true;
    return false;
  }
  bool PartOnlyNames(const Part& p) const {
    bool any = false;
    for (size_t i : p.pieces) {
      PieceKind k = pieces_[i].kind;
      if (k == PieceKind::kName || k == PieceKind::kPerson) any = true;
      else if (IsContent(k)) return false;
    }
    return any;
  }
  bool PartHasOrganization(const Part& p) const {
    for (size_t i : p.pieces)
      if (pieces_[i].kind == PieceKind::kOrganization && !pieces_[i].partial) return true;
    return false;
  }
  bool PartOnlyCountries(const Part& p) const {
    bool any = false;
    for (size_t i : p.pieces) {
      PieceKind k = pieces_[i].kind;
      if (k == PieceKind::kCountry) any = true;
      else if (IsContent(k)) return false;
    }
    return any;
  }
  bool PartHasCountryOrOp(const Part& p) const {
    for (size_t i : p.pieces) {
      PieceKind k = pieces_[i].kind;
      if (k == PieceKind::kCountry || k == PieceKind::kAdjective ||
          k == PieceKind::kOrganization || k == PieceKind::kPerson)
        return true;
    }
    return false;
  }
  bool EndsWithPersonTitle(const Part& p) const {
    if (p.pieces.empty()) return false;
    const Piece& last = pieces_[p.pieces.back()];
    return last.kind == PieceKind::kAgent && entries_[last.entry].person;
  }
  bool EndsWithName(const Part& p) const {
    if (p.pieces.empty()) return false;
    const Piece& last = pieces_[p.pieces.back()];
    return (last.kind == PieceKind::kName || last.kind == PieceKind::kPerson) &&
           last.last == p.last;
  }
  bool StartsWithArticle(const Part& p) const {
    std::string f = Fold(p.first);
    return f == "a" || f == "an" || f == "the";
  }
  bool PartHasName(const Part& p) const {
    for (size_t i : p.pieces)
      if (pieces_[i].kind == PieceKind::kName) return true;
    return false;
  }

  // The last token of group `i` and the groups "of" joins to it
  // ("leader of MKO"), to see what follows the whole phrase.
  uint32_t EndWithOf(const std::vector<Group>& groups, size_t i) const {
    uint32_t last = groups[i].parts.back().last;
    while (i + 1 < groups.size() && last + 2 == groups[i + 1].parts.front().first &&
           cls_[last + 1 - begin_] == Cls::kOf) {
      ++i;
      last = groups[i].parts.back().last;
    }
    return last;
  }

  std::vector<Group> Merge(std::vector<Group> groups) {
    std::vector<Group> out;
    for (size_t index = 0; index < groups.size(); ++index) {
      Group& g = groups[index];
      if (out.empty()) {
        out.push_back(std::move(g));
        continue;
      }
      Group& prev = out.back();
      const Part& a = prev.parts.back();
      const Part& b = g.parts.front();
      char joiner = 0;
      if (b.first == a.last + 2 && prev.acronym.empty()) {
        Cls between = cls_[a.last + 1 - begin_];
        // "Dr. Hana Mahmoud of the Victims' Rights Centre", "John Smith
        // of Reuters": a person of an organization acts for it.
        bool name_of_group = PartOnlyNames(a) && !PartOnlyCountries(b) &&
                             (PartHasAgent(b) || PartHasOrganization(b));
        if (between == Cls::kOf && (PartHasAgent(a) || name_of_group)) {
          joiner = 'o';
        } else if (between == Cls::kLocative && PartHasAgent(a) &&
                   !PartHasCountryOrOp(a) && PartOnlyCountries(b)) {
          joiner = Fold(a.last + 1) == "from" ? 'f' : 'i';
        } else if (between == Cls::kComma) {
          // "James Jones, former US National Security Advisor, said": the
          // title closes with a comma or the sentence, not with a verb.
          // ... also "Sen. John McCain, an Arizona Republican,".
          bool name_then_title =
              (PartOnlyNames(a) || (EndsWithName(a) && StartsWithArticle(b))) &&
              (PartHasAgent(b) || (StartsWithArticle(b) && PartHasOrganization(b))) &&
              !PartHasName(b) && ClosedAfter(EndWithOf(groups, index));
          bool title_then_name = EndsWithPersonTitle(a) && PartOnlyNames(b) &&
                                 g.parts.size() == 1 && FollowedByBoundary(b.last);
          if (name_then_title || title_then_name) joiner = ',';
        }
      }
      if (!joiner) {
        out.push_back(std::move(g));
        continue;
      }
      prev.joiners.push_back(joiner);
      for (size_t k = 0; k < g.parts.size(); ++k) {
        prev.parts.push_back(std::move(g.parts[k]));
        if (k < g.joiners.size()) prev.joiners.push_back(g.joiners[k]);
      }
      if (!g.acronym.empty()) prev.acronym = g.acronym;
    }
    return out;
  }

  // "former officials from the United States and the United Kingdom",
  // "the foreign ministers of France and Germany": a country conjoined to
  // the country of an "of"/"from" phrase shares its head noun, so it gets
  // that phrase's role ("the United Kingdom" GBRELI) with its own country.
  void SharedHead(const Group& a, const ActorPhrase& pa, const Group& b,
                  ActorPhrase* pb) const {
    // "Kuwait's Crown Prince and Prime Minister Sheikh Saad", "Iranian
    // officials and military commanders": a conjunct with a role and no
    // country shares the country of the one before it.
    // Only a country word distributes so; a person's own country does not
    // ("Secretary of State George Shultz and Foreign Minister Vahit
    // Halefoglu" are of two states).
    bool country_word = pa.rule.rfind("compound:", 0) == 0 || pa.rule.rfind("country:", 0) == 0;
    if (pb->needs_country && country_word && pa.role != "IGO" &&
        b.parts.front().first == a.parts.back().last + 2 &&
        Fold(a.parts.back().last + 1) == "and" && b.possessive < 0) {
      pb->country = pa.country;
      pb->code = pb->country + pb->role;
      pb->needs_country = false;
      pb->rule += "+conjunct";
      return;
    }
    if (a.joiners.empty() || b.parts.size() != 1) return;
    char j = a.joiners.back();
    if (j != 'o' && j != 'i' && j != 'f') return;
    const Part& last = a.parts.back();
    const Part& next = b.parts.front();
    if (!PartOnlyCountries(last) || !PartOnlyCountries(next)) return;
    if (next.first != last.last + 2) return;
    std::string between = Fold(last.last + 1);
    if (between != "and" && between != "or") return;
    if (pa.role.empty() || pa.role == "IGO" || pa.country.empty() || pb->country.empty())
      return;
    if (pa.role == pb->role) return;
    pb->role = pa.role;
    pb->code = pb->country + pb->role;
    pb->head_entry = pa.head_entry;
    pb->person_like = pa.person_like;
    pb->plural = pa.plural;
    pb->rule += "+conjunct";
  }

  // Whether the sentence speaks of a protest (lower-case words only: not
  // "March").
  bool ProtestSentence() const {
    if (protest_ >= 0) return protest_ > 0;
    // Protest words, and the police means against crowds.
    static const char* const kStems[] = {"protest", "demonstrat", "rally", "rallie",
                                         "marched", "marching", "riot", "sit-in",
                                         "picket", "walkout", "blockade", "teargas",
                                         "tear-gas", "dispers", "water cannon",
                                         "rubber bullet", "tear gas", "striker"};
    protest_ = 0;
    // A labour strike, not a military one ("air strike", "drone strikes").
    static const std::unordered_set<std::string_view> kForceBefore = {
        "air", "airstrike", "drone", "missile", "military", "rocket", "artillery",
        "pre-emptive", "preemptive", "first", "retaliatory", "precision", "nuclear",
        "surgical", "israeli", "american", "russian", "us", "u.s."};
    for (uint32_t t = begin_; t < end_ && !protest_; ++t) {
      std::string_view f = doc_.Form(doc_.tokens[t]);
      if (f.empty() || f[0] < 'a' || f[0] > 'z') continue;
      if (f == "strike" || f == "strikes" || f == "striking" || f == "stoning" ||
          f == "stone-throwing") {
        std::string before = t > begin_ ? Fold(t - 1) : "";
        if (!kForceBefore.count(before)) protest_ = 1;
        continue;
      }
      std::string two(f);
      if (t + 1 < end_) two += " " + std::string(doc_.Form(doc_.tokens[t + 1]));
      for (const char* stem : kStems)
        if (two.rfind(stem, 0) == 0) protest_ = 1;
    }
    return protest_ > 0;
  }

  bool ClosedAfter(uint32_t last) const {
    auto closing = [&](uint32_t t) {
      if (t >= end_) return true;
      std::string_view f = doc_.Form(doc_.tokens[t]);
      return f == "," || f == "." || f == ";" || f == ":" || f == ")" || f == "\"";
    };
    if (closing(last + 1)) return true;
    // "Vice Minister of the International Trade and Industry Ministry,":
    // the rest of a capitalized name after "and" still closes the title.
    if (Fold(last + 1) != "and") return false;
    uint32_t t = last + 2;
    while (t < end_ && t < last + 7 && HasUpper(doc_.Form(doc_.tokens[t]))) ++t;
    return t > last + 2 && closing(t);
  }

  bool FollowedByBoundary(uint32_t last) const {
    if (last + 1 >= end_) return true;
    std::string_view f = doc_.Form(doc_.tokens[last + 1]);
    std::string folded = FoldWord(f);
    if (folded == "and" || folded == "or") return false;
    return true;
  }

  bool Emit(const Group& g, ActorPhrase* out) {
    // Fold "of"/"in" joins first, then apposition commas.
    std::vector<Coded> segments;
    Coded cur = CodePart(g.parts[0]);
    for (size_t k = 0; k < g.joiners.size(); ++k) {
      Coded next = CodePart(g.parts[k + 1]);
      char j = g.joiners[k];
      if (j == 'o') {
        cur = cur.valid ? CombineOf(cur, next) : next;
      } else if (j == 'i' || j == 'f') {
        // "refugees in Bangladesh" are where they are, not whose.
        // ... nor are "delegations in Muscat" or "the embassy in Tehran"
        // (agents posted abroad).
        bool where_only = j == 'i' && (cur.role == "REF" || (cur.head_entry >= 0 &&
                                                             entries_[cur.head_entry].abroad));
        if (next.valid && cur.country.empty() && !where_only) cur.country = next.country;
      } else {
        segments.push_back(cur);
        cur = next;
      }
    }
    segments.push_back(cur);
    Coded r = segments[0];
    for (size_t k = 1; k < segments.size(); ++k)
      r = r.valid ? (segments[k].valid ? CombineApposition(r, segments[k]) : r)
                  : segments[k];
    if (!r.valid) return false;
    // An adjective alone ("Iranian oil platform", "Soviet proposal") still
    // names its state as the one acting or owning: annotators code it.
    uint32_t last = g.parts.back().last;
    // A predicate nominal ("MEK is a leftist organization", "treated as a
    // terrorist organization") describes an actor; it is not one.
    uint32_t first = g.parts.front().first;
    if (!r.has_op && !r.has_name && !r.named_country && first > begin_) {
      std::string det = Fold(first);
      if ((det == "a" || det == "an") && IsCopula(Fold(first - 1))) return false;
    }
    // "five Americans", "thousands of Iranians": people, not their state.
    // So are counted adjectives: "three American and one Indian (professor)".
    if (const Piece* only = SinglePiece(g);
        only && (only->demonym || only->kind == PieceKind::kAdjective) && StateAlone(r) &&
        HasCount(g)) {
      r.role = "CVL";
      r.rule += "+people";
    }
    // "in eight cities", "at a refugee camp": where, not who.
    if (r.head_entry >= 0 && entries_[r.head_entry].place && !r.has_op && !r.has_name &&
        first > begin_ && IsLocative(Fold(first - 1)))
      return false;
    // "villages in Surin and Sisaket provinces", "near Uvira": a name no
    // dictionary knows after a locative is a place, not an actor.
    if (OnlyUnknownNames(g) && AfterLocative(first)) return false;
    // "the country", "the island" stand for a state named before them;
    // "any country", "a nation" for none.
    bool state_ref = false;
    for (size_t i : g.parts[0].pieces) {
      const Piece& piece = pieces_[i];
      if (!IsContent(piece.kind)) continue;
      state_ref = piece.kind == PieceKind::kAgent && entries_[piece.entry].state;
      break;
    }
    if (state_ref && !g.definite) {
      if (SinglePiece(g) && !r.regional) return false;
      state_ref = false;
    }
    if (r.head_entry >= 0 && entries_[r.head_entry].state) {
      // "Mindanao island", "Thassos island": a place with its name.
      if (r.has_name && !r.has_op && !r.named_country) return false;
      // "both countries", "member states": several states, none named;
      // left to the events stage, which knows the two latest actors ("the
      // two countries" are the ones named last, as for "the country").
      std::string_view head_form = doc_.Form(doc_.tokens[r.head]);
      if (!head_form.empty() && (head_form.back() == 's' || head_form.back() == 'S') &&
          r.country.empty() && !g.definite && !r.regional)
        return false;
    }
    if (const Piece* single = SinglePiece(g)) {
      const Piece& only = *single;
      // "in Tehran", "at the Kremlin": a place, not the government.
      if (only.capital) {
        uint32_t k = only.first;
        std::string before = k > begin_ ? Fold(k - 1) : "";
        if (IsDefiniteWord(before) && k - 1 > begin_) before = Fold(k - 2);
        if (IsLocative(before)) return false;
      }
      // A bare singular weak noun ("board", "plane") is too vague to be
      // an actor on its own; "officials" or "the spokesperson" are not.
      if (only.kind == PieceKind::kAgent && entries_[only.entry].weak && only.first == first) {
        std::string_view form = doc_.Form(doc_.tokens[only.last]);
        if (form.empty() || (form.back() != 's' && form.back() != 'S')) return false;
      }
    }
    ActorPhrase& p = *out;
    p.sentence = index_;
    p.first = g.parts.front().first;
    p.last = last;
    p.head = r.head;
    p.country = r.country;
    p.role = r.role;
    p.entity = r.entity;
    p.rule = r.rule;
    if (p.role == "IGO") {
      p.country.clear();
      p.code = r.igo.empty() ? "IGO" : r.igo;
    } else {
      p.code = p.country + p.role;
    }
    // "thousands of students marched", "47 people were arrested at the
    // protests": people in a sentence about a protest are protesters.
    // So are an actor's supporters there ("police dispersed several
    // hundred opposition supporters"; `protester: yes`).
    bool people = p.role == "CVL" && !r.has_op && r.head_entry >= 0 &&
                  entries_[r.head_entry].role == "CVL" && !entries_[r.head_entry].place;
    bool followers = false;
    for (const Part& part : g.parts)
      for (size_t i : part.pieces)
        if (pieces_[i].first <= r.head && r.head <= pieces_[i].last &&
            pieces_[i].kind == PieceKind::kAgent &&
            entries_[pieces_[i].entry].protester && p.role != "IGO")
          followers = true;
    if ((people || followers) && ProtestSentence()) {
      p.role = "PRO";
      p.code = p.country + p.role;
      p.rule += "+protest";
    }
    p.person_like = r.person_like;
    {
      // Plural heads ("vessels", "Iranians") are not what "it" refers to.
      std::string_view head_form = doc_.Form(doc_.tokens[r.head]);
      p.plural = !r.has_op && head_form.size() > 3 && head_form.back() == 's' &&
                 head_form[head_form.size() - 2] != 's';
    }
    p.head_entry = r.head_entry;
    p.entity_entry = r.entity_entry;
    p.possessive = g.possessive;
    p.definite = g.definite;
    p.state_ref = state_ref;
    p.protest = ProtestSentence();
    p.acronym = g.acronym;
    bool named = r.has_op || r.has_name || r.named_country;
    p.kind = named ? Mention::Kind::kNamed : Mention::Kind::kNominal;
    // A name no dictionary knows with only a weak head noun ("the
    // Zarvanian Liberation Council") is an unknown organization; a weak
    // noun with a role of its own keeps it ("the Mohammed al-Qassem unit").
    if (r.has_name && !r.has_op && p.country.empty() && !r.strong && !r.person_agent &&
        p.role != "IGO" && (p.role.empty() || p.role == "GOV")) {
      p.role.clear();
      p.code.clear();
    }
    p.unknown = p.role.empty() && p.country.empty() && r.has_name;
    p.generic = p.role.empty() && p.country.empty() && !r.has_name;
    // "European leaders", "Western governments", "Gulf Arab states": the
    // states of a region, coded by role alone.
    p.needs_country =
        !p.role.empty() && p.role != "IGO" && p.country.empty() && !r.regional;
    // Names this phrase introduces, for later short mentions ("Baghaei").
    for (const Part& part : g.parts) {
      for (size_t i : part.pieces) {
        const Piece& piece = pieces_[i];
        if (piece.kind != PieceKind::kName && piece.kind != PieceKind::kPerson) continue;
        if (piece.partial) continue;
        std::string full;
        for (const std::string& w : piece.words) full += (full.empty() ? "" : " ") + w;
        p.name_keys.push_back(full);
        if (piece.words.size() > 1) p.name_keys.push_back(piece.words.back());
        // Family name first ("Zhao Ming", "Lho Shin-yong"): a later "Zhao".
        // ... also with a hyphenated given name ("Lho Shin-yong").
        if ((piece.words.size() == 2 || piece.last == piece.first + 1) &&
            piece.words.front().size() >= 2)
          p.name_keys.push_back(piece.words.front());
      }
    }
    return true;
  }

  const Lexicon& lexicon_;
  const std::vector<Entry>& entries_;
  const Document& doc_;
  const Sentence& sentence_;
  uint32_t index_;
  const std::vector<Piece>& pieces_;
  const std::string& date_;
  uint32_t begin_ = 0, end_ = 0;
  mutable int protest_ = -1;  // ProtestSentence(), once computed
  std::vector<Cls> cls_;
  std::vector<int32_t> piece_at_;
};

}  // namespace

std::vector<ActorPhrase> BuildPhrases(const Lexicon& lexicon,
                                      const Document& doc,
                                      uint32_t sentence_index,
                                      const std::vector<Piece>& pieces,
                                      const std::string& date) {
  Builder builder(lexicon, doc, sentence_index, pieces, date);
  return builder.Run();
}

}  // namespace dyad::actors
