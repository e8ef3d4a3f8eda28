#include "dyad/actors/matcher.h"

#include <utf8proc.h>

#include "dyad/actors/fold.h"

namespace dyad::actors {

namespace {

struct Unit {
  uint32_t token = 0;
  std::string_view surface;  // the hyphen-separated part of the token
  std::string folded;
  uint32_t word = Lexicon::kNoWord;
  bool token_start = false, token_end = false;
};

bool StartsUpper(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (c == '#' || c == '@') return StartsUpper(s.substr(1));
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  utf8proc_int32_t cp = 0;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                            static_cast<utf8proc_ssize_t>(s.size()), &cp);
  return n > 0 && utf8proc_get_property(cp)->category == UTF8PROC_CATEGORY_LU;
}

// "al-Shaheen", "el-Sisi": a name behind a lower-case particle.
bool ParticleName(std::string_view s) {
  size_t dash = s.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash > 3) return false;
  std::string_view particle = s.substr(0, dash);
  if (particle != "al" && particle != "el" && particle != "bin" && particle != "ibn" &&
      particle != "abu")
    return false;
  return StartsUpper(s.substr(dash + 1));
}

bool StartsLower(std::string_view s) {
  if (s.empty()) return false;
  unsigned char c = static_cast<unsigned char>(s[0]);
  if (c < 0x80) return c >= 'a' && c <= 'z';
  utf8proc_int32_t cp = 0;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                            static_cast<utf8proc_ssize_t>(s.size()), &cp);
  return n > 0 && utf8proc_get_property(cp)->category == UTF8PROC_CATEGORY_LL;
}

// "al-Assad", "bin Salman": lower-case particles that belong to names.
bool IsNameParticle(std::string_view folded) {
  static const std::unordered_set<std::string_view> kParticles = {
      "al", "el", "bin", "ibn", "bint", "de", "del", "della", "da", "dos",
      "van", "von", "der", "den", "la", "le", "abu", "ul"};
  return kParticles.count(folded) > 0;
}

std::vector<Unit> Units(const Lexicon& lexicon, const Document& doc,
                        const Sentence& sentence) {
  std::vector<Unit> units;
  for (uint32_t t = sentence.first_token;
       t < sentence.first_token + sentence.token_count; ++t) {
    std::string_view form = doc.Form(doc.tokens[t]);
    size_t before = units.size();
    auto push = [&](std::string_view surface, std::string folded) {
      Unit u;
      u.token = t;
      u.surface = surface;
      u.folded = std::move(folded);
      u.word = lexicon.WordId(u.folded);
      units.push_back(std::move(u));
    };
    if (form == "'s" || form == "'S" || form == "'") {
      push(form, FoldWord(form));
    } else {
      size_t start = 0;
      while (start <= form.size()) {
        size_t dash = form.find('-', start);
        if (dash == std::string_view::npos) dash = form.size();
        std::string_view part = form.substr(start, dash - start);
        std::string folded = FoldWord(part);
        if (!folded.empty()) push(part, std::move(folded));
        start = dash + 1;
      }
    }
    if (units.size() > before) {
      units[before].token_start = true;
      units.back().token_end = true;
    }
  }
  return units;
}

PieceKind KindOf(const Entry& e, AliasType type) {
  switch (e.kind) {
    case EntryKind::kCountry:
      return type == AliasType::kAdjective ? PieceKind::kAdjective
                                           : PieceKind::kCountry;
    case EntryKind::kOrganization: return PieceKind::kOrganization;
    case EntryKind::kPerson: return PieceKind::kPerson;
    case EntryKind::kAgent: return PieceKind::kAgent;
    case EntryKind::kModifier: return PieceKind::kModifier;
    case EntryKind::kFiller: return PieceKind::kFiller;
    case EntryKind::kCommon:
    case EntryKind::kGathering: return PieceKind::kCommon;
  }
  return PieceKind::kName;
}

// Whether the text of units [first, last] satisfies the alias' case rules.
bool CaseFits(const Lexicon& lexicon, const Hit& hit,
              const std::vector<Unit>& units, size_t first, size_t last) {
  const Entry& e = lexicon.dictionary().entries()[hit.entry];
  if (hit.acronym) {
    for (size_t i = first; i <= last; ++i)
      if (!IsAcronym(units[i].surface) && units[i].surface.size() > 1) return false;
    return true;
  }
  switch (e.kind) {
    case EntryKind::kCountry:
    case EntryKind::kOrganization:
    case EntryKind::kPerson:
      // Proper names start with a capital ("Turkey", not "turkey").
      return HasUpper(units[first].surface);
    default:
      return true;
  }
}

}  // namespace

WordCases DocumentWordCases(const Document& doc) {
  WordCases out;
  for (const Sentence& s : doc.sentences) {
    for (uint32_t t = s.first_token; t < s.first_token + s.token_count; ++t) {
      std::string_view form = doc.Form(doc.tokens[t]);
      if (StartsLower(form)) {
        out.lower.insert(FoldWord(form));
      } else if (t > s.first_token && StartsUpper(form) && !IsAcronym(form)) {
        std::string_view prev = doc.Form(doc.tokens[t - 1]);
        if (prev != "\"" && prev != ":" && prev != "-" && prev != "(" && prev != "'")
          out.inner_capital.insert(FoldWord(form));
      }
    }
  }
  return out;
}

std::vector<Piece> MatchSentence(const Lexicon& lexicon, const Document& doc,
                                 const Sentence& sentence, const WordCases& cases) {
  std::vector<Unit> units = Units(lexicon, doc, sentence);
  std::vector<Piece> pieces;
  std::vector<bool> covered(sentence.token_count, false);
  const auto& entries = lexicon.dictionary().entries();
  size_t i = 0;
  while (i < units.size()) {
    uint32_t node = Lexicon::kRoot;
    const Hit* best = nullptr;
    size_t best_end = i;
    for (size_t j = i; j < units.size(); ++j) {
      node = lexicon.Next(node, units[j].word);
      if (node == Lexicon::kNoNode) break;
      for (const Hit& h : lexicon.Hits(node)) {
        if (!CaseFits(lexicon, h, units, i, j)) continue;
        best = &h;
        best_end = j;
        break;
      }
    }
    if (!best) {
      ++i;
      continue;
    }
    Piece p;
    const Entry& e = entries[best->entry];
    p.kind = KindOf(e, best->type);
    p.entry = static_cast<int32_t>(best->entry);
    p.first = units[i].token;
    p.last = units[best_end].token;
    p.partial = !units[i].token_start || !units[best_end].token_end;
    p.capital = best->type == AliasType::kCapital;
    p.demonym = best->type == AliasType::kDemonym;
    if (!units[i].token_start && i > 0) {
      const std::string& prefix = units[i - 1].folded;
      p.negated = prefix == "anti" || prefix == "pro";
    }
    for (size_t k = i; k <= best_end; ++k) p.words.push_back(units[k].folded);
    for (uint32_t t = p.first; t <= p.last; ++t) covered[t - sentence.first_token] = true;
    pieces.push_back(std::move(p));
    i = best_end + 1;
  }

  // Unknown names: runs of capitalized tokens no piece covers.
  std::vector<Piece> names;
  uint32_t begin = sentence.first_token;
  uint32_t end = begin + sentence.token_count;
  auto initial = [&](uint32_t t) {
    if (t == begin) return true;
    std::string_view prev = doc.Form(doc.tokens[t - 1]);
    return prev == "\"" || prev == ":" || prev == "-" || prev == "(" || prev == "'";
  };
  uint32_t t = begin;
  while (t < end) {
    std::string_view form = doc.Form(doc.tokens[t]);
    if (covered[t - begin] || !(StartsUpper(form) || ParticleName(form))) {
      ++t;
      continue;
    }
    uint32_t last = t;
    uint32_t k = t + 1;
    while (k < end) {
      std::string_view f = doc.Form(doc.tokens[k]);
      if (!covered[k - begin] && (StartsUpper(f) || ParticleName(f))) {
        last = k++;
        continue;
      }
      if (!covered[k - begin] && IsNameParticle(FoldWord(f)) && k + 1 < end &&
          !covered[k + 1 - begin] && StartsUpper(doc.Form(doc.tokens[k + 1]))) {
        k += 1;
        continue;
      }
      break;
    }
    Piece p;
    p.kind = PieceKind::kName;
    p.first = t;
    p.last = last;
    for (uint32_t x = t; x <= last; ++x)
      for (std::string& w : FoldToken(doc.Form(doc.tokens[x])))
        p.words.push_back(std::move(w));
    bool keep = !p.words.empty();
    // A lone capitalized word opening a sentence is usually just a word.
    if (keep && t == last && initial(t)) {
      const std::string& w = p.words.front();
      bool plural_common = form.size() > 3 && form.back() == 's' && !IsAcronym(form);
      keep = !cases.lower.count(w) && (!plural_common || cases.inner_capital.count(w));
    }
    // Lone letters ("X", "A.") are not names.
    if (keep && t == last && p.words.front().size() <= 1) keep = false;
    if (keep) names.push_back(std::move(p));
    t = k > last ? last + 1 : k;
  }
  if (!names.empty()) {
    std::vector<Piece> merged;
    merged.reserve(pieces.size() + names.size());
    size_t a = 0, b = 0;
    while (a < pieces.size() || b < names.size()) {
      if (b == names.size() || (a < pieces.size() && pieces[a].first < names[b].first))
        merged.push_back(std::move(pieces[a++]));
      else
        merged.push_back(std::move(names[b++]));
    }
    pieces = std::move(merged);
  }
  return pieces;
}

}  // namespace dyad::actors
