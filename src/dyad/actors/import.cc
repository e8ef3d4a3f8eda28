#include "dyad/actors/import.h"

#include <algorithm>
#include <map>
#include <memory>
#include <unordered_set>

namespace dyad::actors {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool IsUpperAlpha(char c) { return c >= 'A' && c <= 'Z'; }

// Secondary CAMEO sectors that dyad folds into its primary roles.
std::string_view SectorRole(std::string_view s) {
  static const std::map<std::string_view, std::string_view> kMap = {
      {"UAF", "REB"}, {"INS", "REB"}, {"SEP", "REB"}, {"IMG", "REB"},
      {"TER", "REB"}, {"MNC", "BUS"}, {"EDU", "CVL"}, {"LAB", "CVL"},
      {"AGR", "CVL"}, {"HLH", "CVL"}, {"REL", "CVL"}, {"CHR", "CVL"},
      {"MOS", "CVL"}, {"JEW", "CVL"}, {"BUD", "CVL"}, {"HIN", "CVL"},
      {"ACT", "CVL"}, {"DEV", "NGO"}, {"ENV", "NGO"}, {"RAD", ""},
      {"MOD", ""},    {"SPY", "SPY"}};
  auto it = kMap.find(s);
  return it == kMap.end() ? std::string_view("?") : it->second;
}

// Three-letter prefixes that are not countries: regions and the
// transnational codes of CAMEO.
bool IsNonCountry(std::string_view s) {
  static const std::unordered_set<std::string_view> kSet = {
      "INT", "IMG", "NGO", "MNC", "UIS", "AFR", "ASA", "EUR", "MEA", "NMR",
      "SAM", "WST", "SAS", "SEA", "CAS", "CAU", "EAF", "WAF", "SAF", "NAF",
      "CAF", "LAM", "CRB", "BLK", "BFR", "BAL", "PGS", "EEU", "SCN", "FRO2"};
  return kSet.count(s) > 0;
}

std::string Slug(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
    else if (!out.empty() && out.back() != '-') out.push_back('-');
  }
  while (!out.empty() && out.back() == '-') out.pop_back();
  return out.empty() ? "entry" : out;
}

// "991201" -> "1999-12-01"; "20050803" -> "2005-08-03".
bool ConvertDate(std::string_view d, std::string* out) {
  if (d.size() == 6 && std::all_of(d.begin(), d.end(), ::isdigit)) {
    int yy = (d[0] - '0') * 10 + (d[1] - '0');
    // Two-digit years: the dictionaries were written around 2010.
    std::string century = yy <= 30 ? "20" : "19";
    *out = century + std::string(d.substr(0, 2)) + "-" + std::string(d.substr(2, 2)) +
           "-" + std::string(d.substr(4, 2));
    return true;
  }
  if (d.size() == 8 && std::all_of(d.begin(), d.end(), ::isdigit)) {
    *out = std::string(d.substr(0, 4)) + "-" + std::string(d.substr(4, 2)) + "-" +
           std::string(d.substr(6, 2));
    return true;
  }
  return false;
}

// One bracket's content: "USAGOV 991201-010114", "IRNGOV >19890604".
bool ConvertBracket(std::string_view inside, DatedCode* out, std::string* raw) {
  inside = Trim(inside);
  size_t space = inside.find_first_of(" \t");
  std::string_view code = inside.substr(0, space);
  *raw = std::string(code);
  out->code = ConvertCode(code);
  out->from.clear();
  out->to.clear();
  if (space == std::string_view::npos) return true;
  std::string_view dates = Trim(inside.substr(space));
  if (dates.empty()) return true;
  if (dates[0] == '>') return ConvertDate(Trim(dates.substr(1)), &out->from);
  if (dates[0] == '<') return ConvertDate(Trim(dates.substr(1)), &out->to);
  size_t dash = dates.find('-');
  if (dash == std::string_view::npos) return false;
  return ConvertDate(Trim(dates.substr(0, dash)), &out->from) &&
         ConvertDate(Trim(dates.substr(dash + 1)), &out->to);
}

// An agent code has no country: "~GOVMIL" -> GOV, "~AGR" -> CVL.
std::string AgentRole(std::string_view raw) {
  std::string role;
  for (size_t i = 0; i + 3 <= raw.size(); i += 3) {
    std::string chunk(raw.substr(i, 3));
    if (IsRole(chunk)) {
      if (role.empty()) role = chunk;
      else if (role == "GOV" && (chunk == "LEG" || chunk == "JUD")) role = chunk;
      continue;
    }
    std::string_view mapped = SectorRole(chunk);
    if (role.empty() && mapped != "?" && !mapped.empty()) role = std::string(mapped);
  }
  return role;
}

struct Pending {
  Entry entry;
  std::vector<std::string> raw_codes;
  bool agent = false;
};

// "IRAQ_ [IRQ <030320] [IRQ >060520]": every code a bare country, so the
// names are the country (and its cities), not an organization.
bool IsCountryHeadword(const Pending& p) {
  if (p.raw_codes.empty()) return false;
  for (const std::string& raw : p.raw_codes)
    if (raw.size() != 3 || IsNonCountry(raw) || raw == "IGO" || IsRole(raw)) return false;
  return true;
}

class Importer {
 public:
  Importer(std::string_view origin, const ImportOptions& options,
           std::vector<Entry>* out, ImportStats* stats)
      : origin_(origin), options_(options), out_(out), stats_(stats) {
    for (const Entry& e : *out) ids_.insert(e.id);
  }

  bool Run(std::string_view content, std::string* error) {
    size_t pos = 0, line_no = 0;
    std::string block;  // TABARI <NOUN> ... </NOUN>
    while (pos < content.size()) {
      size_t nl = content.find('\n', pos);
      if (nl == std::string_view::npos) nl = content.size();
      std::string_view line = content.substr(pos, nl - pos);
      pos = nl + 1;
      ++line_no;
      line = StripComment(line);
      std::string_view trimmed = Trim(line);
      if (trimmed.empty()) continue;
      if (trimmed.front() == '<') {
        if (trimmed.size() > 1 && trimmed[1] == '/') block.clear();
        else if (trimmed.find("!--") == std::string_view::npos) block = std::string(trimmed);
        continue;
      }
      if (!block.empty()) continue;
      if (trimmed.front() == '!' && trimmed.find('=') != std::string_view::npos) {
        DefineSet(trimmed);
        continue;
      }
      bool indented = line.front() == ' ' || line.front() == '\t';
      if (trimmed.front() == '+') {
        if (!current_) continue;  // a synonym with no headword: ignore
        AddNames(trimmed.substr(1), &current_->entry);
        TakeCodes(trimmed, line_no);
        continue;
      }
      if (trimmed.front() == '[') {
        if (!current_) {
          *error = std::string(origin_) + ":" + std::to_string(line_no) +
                   ": a code line with no headword before it";
          return false;
        }
        TakeCodes(trimmed, line_no);
        continue;
      }
      (void)indented;
      Flush();
      current_ = std::make_unique<Pending>();
      current_->entry.origin = std::string(origin_) + ":" + std::to_string(line_no);
      size_t bracket = trimmed.find('[');
      std::string_view name = Trim(trimmed.substr(0, bracket));
      TakeCodes(trimmed, line_no);
      if (!current_->agent) {
        AddNames(name, &current_->entry);
      } else {
        AddAgentNouns(name, &current_->entry);
      }
      current_->entry.id = UniqueId(options_.id_prefix + (current_->agent ? "agent-" : "") +
                                    Slug(current_->entry.names.empty()
                                             ? (current_->entry.nouns.empty() ? "x" : current_->entry.nouns[0])
                                             : current_->entry.names[0]));
    }
    Flush();
    return true;
  }

 private:
  std::string_view StripComment(std::string_view line) const {
    char mark = options_.format == ImportFormat::kTabari ? ';' : '#';
    size_t at = line.find(mark);
    // PETRARCH-2 files also use TABARI-style ';' comments after codes.
    size_t semi = line.find(';');
    if (options_.format == ImportFormat::kPetrarch2 && semi != std::string_view::npos &&
        line.rfind(']', semi) != std::string_view::npos)
      at = std::min(at, semi);
    return at == std::string_view::npos ? line : line.substr(0, at);
  }

  void DefineSet(std::string_view line) {
    size_t eq = line.find('=');
    std::string name(Trim(line.substr(0, eq)));
    std::vector<std::string> items;
    std::string_view rest = line.substr(eq + 1);
    size_t start = 0;
    while (start <= rest.size()) {
      size_t comma = rest.find(',', start);
      if (comma == std::string_view::npos) comma = rest.size();
      std::string_view item = Trim(rest.substr(start, comma - start));
      if (!item.empty()) items.emplace_back(item);
      start = comma + 1;
    }
    sets_[name] = items;
  }

  // Expands "!PERSON!" sets: "CATTLE!PERSON!" -> CATTLEMAN, CATTLEMEN, ...
  std::vector<std::string> Expand(const std::string& word) const {
    size_t a = word.find('!');
    if (a == std::string::npos) return {word};
    size_t b = word.find('!', a + 1);
    if (b == std::string::npos) return {word};
    auto it = sets_.find(word.substr(a, b - a + 1));
    if (it == sets_.end()) return {word.substr(0, a) + word.substr(b + 1)};
    std::vector<std::string> out;
    for (const std::string& item : it->second)
      for (std::string& rest : Expand(word.substr(b + 1)))
        out.push_back(word.substr(0, a) + item + rest);
    return out;
  }

  void TakeCodes(std::string_view text, size_t line_no) {
    size_t at = 0;
    while ((at = text.find('[', at)) != std::string_view::npos) {
      size_t close = text.find(']', at);
      if (close == std::string_view::npos) break;
      std::string_view inside = text.substr(at + 1, close - at - 1);
      at = close + 1;
      if (Trim(inside).empty()) continue;
      bool agent = Trim(inside).front() == '~';
      DatedCode code;
      std::string raw;
      if (!ConvertBracket(agent ? Trim(inside).substr(1) : inside, &code, &raw) ||
          code.code.empty()) {
        ++stats_->skipped_codes;
        continue;
      }
      (void)line_no;
      if (agent) {
        current_->agent = true;
        current_->entry.role = AgentRole(raw);
      } else {
        current_->entry.codes.push_back(code);
      }
      current_->raw_codes.push_back(raw);
    }
  }

  void AddNames(std::string_view text, Entry* e) {
    // "MUJAHEDIN-E-KHALQ_(MEK)_" names both the long form and "MEK".
    std::string_view name = Trim(text.substr(0, text.find('[')));
    std::string plain;
    std::vector<std::string> extra;
    for (size_t i = 0; i < name.size(); ++i) {
      if (name[i] == '(') {
        size_t close = name.find(')', i);
        if (close == std::string_view::npos) break;
        extra.push_back(ReadableName(name.substr(i + 1, close - i - 1)));
        i = close;
        continue;
      }
      if (name[i] == '{') {  // plural variants: {CHAMBERS_OF_COMMERCE}
        size_t close = name.find('}', i);
        if (close == std::string_view::npos) break;
        i = close;
        continue;
      }
      plain.push_back(name[i]);
    }
    std::string readable = ReadableName(plain);
    if (!readable.empty()) e->names.push_back(readable), ++stats_->aliases;
    for (std::string& x : extra)
      if (!x.empty()) e->names.push_back(std::move(x)), ++stats_->aliases;
  }

  void AddAgentNouns(std::string_view text, Entry* e) {
    std::string head;
    std::vector<std::string> plurals;
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == '{') {
        size_t close = text.find('}', i);
        if (close == std::string_view::npos) break;
        std::string_view inside = text.substr(i + 1, close - i - 1);
        size_t start = 0;
        while (start < inside.size()) {
          size_t sp = inside.find(' ', start);
          if (sp == std::string_view::npos) sp = inside.size();
          if (sp > start) plurals.emplace_back(inside.substr(start, sp - start));
          start = sp + 1;
        }
        i = close;
        continue;
      }
      head.push_back(text[i]);
    }
    head = std::string(Trim(head));
    for (const std::string& word : Expand(head)) AddNoun(word, e);
    for (const std::string& word : plurals) AddNoun(word, e);
  }

  void AddNoun(std::string_view word, Entry* e) {
    std::string noun;
    for (char c : word) {
      if (c == '_') noun.push_back(' ');
      else if (c >= 'A' && c <= 'Z') noun.push_back(static_cast<char>(c - 'A' + 'a'));
      else noun.push_back(c);
    }
    noun = std::string(Trim(noun));
    if (noun.empty()) return;
    e->nouns.push_back(noun);
    ++stats_->aliases;
  }

  std::string UniqueId(const std::string& base) {
    std::string id = base;
    for (int n = 2; !ids_.insert(id).second; ++n) id = base + "-" + std::to_string(n);
    return id;
  }

  void Flush() {
    if (!current_) return;
    std::unique_ptr<Pending> p = std::move(current_);
    Entry& e = p->entry;
    if (p->raw_codes.empty() && !p->agent) return;  // no code, nothing to say
    std::string comment = options_.format == ImportFormat::kTabari ? "tabari:" : "petrarch2:";
    for (const std::string& raw : p->raw_codes) comment += " " + raw;
    e.comment = comment;
    if (p->agent) {
      e.kind = EntryKind::kAgent;
      e.codes.clear();
    } else if (IsCountryHeadword(*p)) {
      if (options_.skip_country_names) return;
      e.kind = EntryKind::kCountry;
      e.country = e.codes.front().code.substr(0, 3);
      e.capitals.clear();
      e.codes.clear();
    } else {
      bool dated = std::any_of(e.codes.begin(), e.codes.end(),
                               [](const DatedCode& c) { return !c.undated(); });
      e.kind = dated ? EntryKind::kPerson : EntryKind::kOrganization;
    }
    out_->push_back(std::move(e));
    ++stats_->entries;
  }

  std::string_view origin_;
  const ImportOptions& options_;
  std::vector<Entry>* out_;
  ImportStats* stats_;
  std::unique_ptr<Pending> current_;
  std::map<std::string, std::vector<std::string>> sets_;
  std::unordered_set<std::string> ids_;
};

}  // namespace

std::string ConvertCode(std::string_view code) {
  std::string c;
  for (char ch : code)
    if (IsUpperAlpha(ch) || (ch >= '0' && ch <= '9')) c.push_back(ch);
  if (c.size() < 3 || c == "---") return "";
  std::string head = c.substr(0, 3);
  if (head == "IGO") return c;
  std::string country;
  size_t i = 0;
  if (IsRole(head)) {
    // a bare role: "ELI", "REB"
  } else if (head == "NGO") {
    return "NGO";
  } else if (IsNonCountry(head)) {
    i = 3;
    if (head == "IMG") return "REB";
  } else {
    country = head;
    i = 3;
  }
  std::string role;
  for (; i + 3 <= c.size(); i += 3) {
    std::string chunk = c.substr(i, 3);
    if (IsRole(chunk)) {
      if (role.empty()) role = chunk;
      else if (role == "GOV" && (chunk == "LEG" || chunk == "JUD")) role = chunk;
      continue;
    }
    std::string_view mapped = SectorRole(chunk);
    if (role.empty() && mapped != "?" && !mapped.empty()) role = std::string(mapped);
  }
  if (role.empty()) role = country.empty() ? "UNK" : "GOV";
  // A country-less actor keeps its role alone ("REB"); IGO codes pass whole.
  if (country.empty() && c.size() == 3 && head == "INT") return "UNK";
  return country + role;
}

std::string ReadableName(std::string_view word) {
  std::string s;
  for (char c : word) s.push_back(c == '_' ? ' ' : c);
  std::string_view t = Trim(s);
  // A lone short word in capitals is an acronym ("MEK", "UN"); inside a
  // longer name it is a word ("ALI KHAMENEI").
  bool single = t.find(' ') == std::string_view::npos && t.find('-') == std::string_view::npos;
  std::string out;
  size_t i = 0;
  while (i < t.size()) {
    size_t j = i;
    while (j < t.size() && t[j] != ' ' && t[j] != '-') ++j;
    std::string_view w = t.substr(i, j - i);
    bool has_lower = std::any_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    bool has_digit_or_dot = std::any_of(w.begin(), w.end(), [](char c) {
      return c == '.' || (c >= '0' && c <= '9');
    });
    static const std::unordered_set<std::string_view> kLower = {
        "OF", "THE", "AND", "FOR", "IN", "ON", "AL", "E", "DE", "DU", "DES",
        "LA", "LE", "EL", "BIN", "VON", "VAN", "DA", "DOS", "DEL", "TO"};
    bool no_vowel = std::none_of(w.begin(), w.end(), [](char c) {
      return c == 'A' || c == 'E' || c == 'I' || c == 'O' || c == 'U' || c == 'Y';
    });
    if (has_lower || has_digit_or_dot || (single && w.size() <= 3) ||
        (no_vowel && w.size() > 1)) {
      out += w;
    } else if (kLower.count(w) && i > 0) {
      for (char c : w) out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    } else {
      bool first = true;
      for (char c : w) {
        if (first) out.push_back(c);
        else out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
        first = false;
      }
    }
    if (j < t.size()) {
      out.push_back(t[j]);
      // Collapse runs of blanks.
      while (j + 1 < t.size() && t[j + 1] == ' ' && t[j] == ' ') ++j;
    }
    i = j + 1;
  }
  return std::string(Trim(out));
}

bool ImportDictionary(std::string_view content, std::string_view origin,
                      const ImportOptions& options, std::vector<Entry>* out,
                      ImportStats* stats, std::string* error) {
  Importer importer(origin, options, out, stats);
  return importer.Run(content, error);
}

}  // namespace dyad::actors
