#include "dyad/actors/phrase.h"

#include <algorithm>

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

bool IsDefiniteWord(std::string_view folded) {
  return folded == "the" || folded == "this" || folded == "that" ||
         folded == "these" || folded == "those";
}

// One noun phrase between joiners.
struct Part {
  uint32_t first = 0, last = 0;
  std::vector<size_t> pieces;  // indices into the sentence's pieces
};

// Parts joined by 'o' (of), 'i' (in/from) or ',' (apposition).
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
    for (const Group& g : groups) {
      ActorPhrase p;
      if (Emit(g, &p)) out.push_back(std::move(p));
    }
    return out;
  }

 private:
  std::string Fold(uint32_t t) const { return FoldWord(doc_.Form(doc_.tokens[t])); }

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
      if (f == "'s" || f == "'" || IsPossessivePronoun(f)) c = Cls::kGlue;
      else if (has_digit || adjective) c = Cls::kGlue;
      else if (f == "of") c = Cls::kOf;
      else if (form == ",") c = Cls::kComma;
      else if (f == "in" || f == "from") c = Cls::kLocative;
    }
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
    if (op && op_role == "IGO") {
      c.role = "IGO";
      c.igo = op_code;
      c.rule = "entry:" + entries_[op->entry].id;
      if (c.eli && (c.has_agent || c.op_person)) c.role = "ELI";
      return c;
    }
    std::string office_country, office_role;
    if (office) SplitCode(entries_[office->entry].CodeAt(date_), &office_country, &office_role);
    if (strong) {
      c.role = entries_[strong->entry].role;
    } else if (office && !office_role.empty() && office_role != "IGO") {
      c.role = office_role;
    } else if (op && !op_role.empty()) {
      c.role = op_role;
    } else if (weak) {
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
      if (!op) c.rule = "compound:" + base + "+" + c.rule.substr(c.rule.find(':') + 1);
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
        if (between == Cls::kOf && PartHasAgent(a)) {
          joiner = 'o';
        } else if (between == Cls::kLocative && PartHasAgent(a) &&
                   !PartHasCountryOrOp(a) && PartOnlyCountries(b)) {
          joiner = 'i';
        } else if (between == Cls::kComma) {
          // "James Jones, former US National Security Advisor, said": the
          // title closes with a comma or the sentence, not with a verb.
          bool name_then_title = PartOnlyNames(a) && PartHasAgent(b) && !PartHasName(b) &&
                                 ClosedAfter(EndWithOf(groups, index));
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

  bool ClosedAfter(uint32_t last) const {
    if (last + 1 >= end_) return true;
    std::string_view f = doc_.Form(doc_.tokens[last + 1]);
    return f == "," || f == "." || f == ";" || f == ":" || f == ")" || f == "\"";
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
      } else if (j == 'i') {
        if (next.valid && cur.country.empty()) cur.country = next.country;
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
    p.acronym = g.acronym;
    bool named = r.has_op || r.has_name || r.named_country;
    p.kind = named ? Mention::Kind::kNamed : Mention::Kind::kNominal;
    // A name no dictionary knows with only a weak head noun ("the
    // Zarvanian Liberation Council") is an unknown organization.
    if (r.has_name && !r.has_op && p.country.empty() && !r.strong && !r.person_agent &&
        p.role != "IGO") {
      p.role.clear();
      p.code.clear();
    }
    p.unknown = p.role.empty() && p.country.empty() && r.has_name;
    p.generic = p.role.empty() && p.country.empty() && !r.has_name;
    p.needs_country = !p.role.empty() && p.role != "IGO" && p.country.empty();
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
        if (piece.words.size() == 2 && piece.words.front().size() >= 2)
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
