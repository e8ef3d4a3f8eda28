#include "dyad/actors/dictionary.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <unordered_set>

namespace dyad::actors {

namespace {

constexpr std::string_view kRoles[] = {
    "GOV", "MIL", "LEG", "JUD", "COP", "SPY", "OPP", "REB", "PTY", "MED",
    "BUS", "CVL", "PRO", "ELI", "NGO", "IGO", "HRI", "REF", "CRM", "UNK"};

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// A '#' at the start of a line or after a blank starts a comment.
std::string_view StripComment(std::string_view line, std::string_view* comment) {
  for (size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '#' && (i == 0 || line[i - 1] == ' ' || line[i - 1] == '\t')) {
      *comment = Trim(line.substr(i + 1));
      return line.substr(0, i);
    }
  }
  *comment = {};
  return line;
}

std::vector<std::string> SplitList(std::string_view value) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= value.size()) {
    size_t bar = value.find('|', start);
    if (bar == std::string_view::npos) bar = value.size();
    std::string_view item = Trim(value.substr(start, bar - start));
    if (!item.empty()) out.emplace_back(item);
    start = bar + 1;
  }
  return out;
}

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(),
                                   [](char c) { return c >= '0' && c <= '9'; });
}

// "2024", "2024-08", "2024-08-21" -> padded YYYY-MM-DD; `end` pads a bare
// year or month to its last day (exclusive bounds then start the day after,
// which string comparison handles with "-99").
bool ParseDate(std::string_view s, bool end, std::string* out) {
  if (s.empty()) {
    out->clear();
    return true;
  }
  if (s.size() == 4 && IsDigits(s)) {
    *out = std::string(s) + (end ? "-99-99" : "-01-01");
    return true;
  }
  if (s.size() == 7 && IsDigits(s.substr(0, 4)) && s[4] == '-' &&
      IsDigits(s.substr(5))) {
    *out = std::string(s) + (end ? "-99" : "-01");
    return true;
  }
  if (s.size() == 10 && IsDigits(s.substr(0, 4)) && s[4] == '-' &&
      IsDigits(s.substr(5, 2)) && s[7] == '-' && IsDigits(s.substr(8))) {
    *out = std::string(s);
    return true;
  }
  return false;
}

bool IsCode(std::string_view code) {
  if (code.size() < 3) return false;
  return std::all_of(code.begin(), code.end(),
                     [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

bool ParseYesNo(std::string_view v, bool* out) {
  if (v == "yes" || v == "true") return *out = true, true;
  if (v == "no" || v == "false") return *out = false, true;
  return false;
}

bool ParseKind(std::string_view v, EntryKind* kind) {
  static constexpr std::pair<std::string_view, EntryKind> kKinds[] = {
      {"country", EntryKind::kCountry},   {"organization", EntryKind::kOrganization},
      {"person", EntryKind::kPerson},     {"agent", EntryKind::kAgent},
      {"modifier", EntryKind::kModifier}, {"filler", EntryKind::kFiller},
      {"common", EntryKind::kCommon},     {"gathering", EntryKind::kGathering}};
  for (const auto& [name, k] : kKinds)
    if (v == name) return *kind = k, true;
  return false;
}

uint64_t Fnv1a(uint64_t h, std::string_view bytes) {
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

}  // namespace

std::string_view EntryKindName(EntryKind kind) {
  switch (kind) {
    case EntryKind::kCountry: return "country";
    case EntryKind::kOrganization: return "organization";
    case EntryKind::kPerson: return "person";
    case EntryKind::kAgent: return "agent";
    case EntryKind::kModifier: return "modifier";
    case EntryKind::kFiller: return "filler";
    case EntryKind::kCommon: return "common";
    case EntryKind::kGathering: return "gathering";
  }
  return "organization";
}

bool IsRole(std::string_view role) {
  return std::find(std::begin(kRoles), std::end(kRoles), role) != std::end(kRoles);
}

void SplitCode(std::string_view code, std::string* country, std::string* role) {
  country->clear();
  role->clear();
  if (code.size() < 3) return;
  std::string_view head = code.substr(0, 3);
  if (head == "IGO") {
    *role = "IGO";
    return;
  }
  if (IsRole(head)) {  // a bare role: "ELI", "REB"
    *role = std::string(head);
    return;
  }
  *country = std::string(head);
  *role = code.size() >= 6 ? std::string(code.substr(3, 3)) : "GOV";
}

std::string Entry::CodeAt(std::string_view date) const {
  const DatedCode* undated = nullptr;
  const DatedCode* latest = nullptr;
  for (const DatedCode& c : codes) {
    if (c.undated()) {
      if (!undated) undated = &c;
      continue;
    }
    if (!latest || c.from > latest->from) latest = &c;
    if (date.empty()) continue;
    if ((c.from.empty() || c.from <= date) && (c.to.empty() || date < c.to))
      return c.code;
  }
  if (undated) return undated->code;
  if (!latest) return "";
  if (date.empty()) return latest->code;
  // Outside every dated office: a former (or future) office holder.
  std::string country, role;
  SplitCode(latest->code, &country, &role);
  return country + "ELI";
}

bool ActorDictionary::Parse(std::string_view content, std::string_view origin,
                            std::string* error) {
  std::vector<Entry> parsed;
  std::unordered_set<std::string> ids;
  for (const Entry& e : entries_) ids.insert(e.id);
  Entry* current = nullptr;
  size_t line_no = 0;
  auto fail = [&](const std::string& what) {
    *error = std::string(origin) + ":" + std::to_string(line_no) + ": " + what;
    return false;
  };
  auto finish = [&]() {
    if (!current) return true;
    if (current->kind == EntryKind::kCountry && current->country.empty())
      return fail("entry '" + current->id + "': a country needs 'country:'");
    return true;
  };
  size_t pos = 0;
  while (pos < content.size()) {
    size_t nl = content.find('\n', pos);
    if (nl == std::string_view::npos) nl = content.size();
    std::string_view raw = content.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    std::string_view comment;
    std::string_view line = Trim(StripComment(raw, &comment));
    if (line.empty()) continue;
    size_t colon = line.find(':');
    if (colon == std::string_view::npos)
      return fail("expected 'key: value', got '" + std::string(line) + "'");
    std::string_view key = Trim(line.substr(0, colon));
    std::string_view value = Trim(line.substr(colon + 1));
    if (key == "entry") {
      if (!finish()) return false;
      if (value.empty() || value.find(' ') != std::string_view::npos)
        return fail("an entry id is one word");
      if (!ids.insert(std::string(value)).second)
        return fail("duplicate entry id '" + std::string(value) + "'");
      parsed.emplace_back();
      current = &parsed.back();
      current->id = std::string(value);
      current->origin = std::string(origin) + ":" + std::to_string(line_no);
      if (!comment.empty()) current->comment = std::string(comment);
      continue;
    }
    if (!current) return fail("'" + std::string(key) + ":' before any 'entry:'");
    Entry& e = *current;
    if (key == "kind") {
      if (!ParseKind(value, &e.kind)) return fail("unknown kind '" + std::string(value) + "'");
    } else if (key == "country") {
      if (value.size() != 3 || !IsCode(value))
        return fail("country must be ISO alpha-3, got '" + std::string(value) + "'");
      e.country = std::string(value);
    } else if (key == "code") {
      DatedCode c;
      size_t space = value.find_first_of(" \t");
      c.code = std::string(value.substr(0, space));
      if (!IsCode(c.code)) return fail("bad code '" + c.code + "'");
      if (space != std::string_view::npos) {
        std::string_view range = Trim(value.substr(space));
        size_t dots = range.find("..");
        if (dots == std::string_view::npos)
          return fail("a date range is FROM..TO, got '" + std::string(range) + "'");
        if (!ParseDate(range.substr(0, dots), false, &c.from) ||
            !ParseDate(range.substr(dots + 2), true, &c.to))
          return fail("bad date in '" + std::string(range) + "' (use YYYY-MM-DD)");
      }
      e.codes.push_back(std::move(c));
    } else if (key == "role") {
      if (value == "-") {
        e.role.clear();
      } else if (!IsRole(value)) {
        return fail("unknown role '" + std::string(value) + "'");
      } else {
        e.role = std::string(value);
      }
    } else if (key == "names") {
      for (auto& s : SplitList(value)) e.names.push_back(std::move(s));
    } else if (key == "adjectives") {
      for (auto& s : SplitList(value)) e.adjectives.push_back(std::move(s));
    } else if (key == "demonyms") {
      for (auto& s : SplitList(value)) e.demonyms.push_back(std::move(s));
    } else if (key == "capitals") {
      for (auto& s : SplitList(value)) e.capitals.push_back(std::move(s));
    } else if (key == "nouns") {
      for (auto& s : SplitList(value)) e.nouns.push_back(std::move(s));
    } else if (key == "refer") {
      for (auto& s : SplitList(value)) e.refer.push_back(std::move(s));
    } else if (key == "held-by") {
      for (auto& s : SplitList(value)) e.held_by.push_back(std::move(s));
    } else if (key == "hosted-by") {
      for (auto& s : SplitList(value)) e.hosted_by.push_back(std::move(s));
    } else if (key == "not-after") {
      for (auto& s : SplitList(value)) e.not_after.push_back(std::move(s));
    } else if (key == "marks") {
      if (!IsRole(value) && value != "REGION")
        return fail("unknown role '" + std::string(value) + "'");
      e.marks = std::string(value);
    } else if (key == "gender") {
      if (value == "female") e.gender = 'f';
      else if (value == "male") e.gender = 'm';
      else return fail("gender: female or male");
    } else if (key == "weak") {
      if (!ParseYesNo(value, &e.weak)) return fail("weak: yes or no");
    } else if (key == "person") {
      if (!ParseYesNo(value, &e.person)) return fail("person: yes or no");
    } else if (key == "abroad") {
      if (!ParseYesNo(value, &e.abroad)) return fail("abroad: yes or no");
    } else if (key == "state") {
      if (!ParseYesNo(value, &e.state)) return fail("state: yes or no");
    } else if (key == "place") {
      if (!ParseYesNo(value, &e.place)) return fail("place: yes or no");
    } else if (key == "protester") {
      if (!ParseYesNo(value, &e.protester)) return fail("protester: yes or no");
    } else if (key == "home") {
      if (!ParseYesNo(value, &e.home)) return fail("home: yes or no");
    } else if (key == "quantity") {
      if (!ParseYesNo(value, &e.quantity)) return fail("quantity: yes or no");
    } else if (key == "plural") {
      if (!ParseYesNo(value, &e.plural)) return fail("plural: yes or no");
    } else {
      return fail("unknown key '" + std::string(key) + "'");
    }
  }
  if (!finish()) return false;
  source_hash_ = Fnv1a(source_hash_, content);
  for (Entry& e : parsed) entries_.push_back(std::move(e));
  return true;
}

bool ActorDictionary::LoadDirectory(const std::string& dir, std::string* error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> files;
  for (const auto& item : fs::directory_iterator(dir, ec))
    if (item.path().extension() == ".actors") files.push_back(item.path());
  if (ec) {
    *error = dir + ": " + ec.message();
    return false;
  }
  if (files.empty()) {
    *error = dir + ": no *.actors dictionary files";
    return false;
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& path : files) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      *error = path.string() + ": cannot read";
      return false;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (!Parse(buffer.str(), path.string(), error)) return false;
  }
  return true;
}

namespace {

void WriteList(std::ostringstream& out, std::string_view key,
               const std::vector<std::string>& items) {
  // Long lists wrap onto several lines of the same key.
  size_t width = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    if (width == 0) {
      out << key << ": ";
      width = key.size() + 2;
    } else {
      out << " | ";
      width += 3;
    }
    out << items[i];
    width += items[i].size();
    if (width > 76 || i + 1 == items.size()) {
      out << "\n";
      width = 0;
    }
  }
}

std::string ShortDate(const std::string& d) {
  // Undo the padding ParseDate adds, so files stay as people wrote them.
  if (d.size() == 10 && d.substr(4) == "-99-99") return d.substr(0, 4);
  if (d.size() == 10 && d.substr(7) == "-99") return d.substr(0, 7);
  return d;
}

}  // namespace

std::string FormatEntries(const std::vector<Entry>& entries) {
  std::ostringstream out;
  for (const Entry& e : entries) {
    out << "entry: " << e.id;
    if (!e.comment.empty()) out << "  # " << e.comment;
    out << "\nkind: " << EntryKindName(e.kind) << "\n";
    if (!e.country.empty()) out << "country: " << e.country << "\n";
    if (e.kind == EntryKind::kAgent) out << "role: " << (e.role.empty() ? "-" : e.role) << "\n";
    for (const DatedCode& c : e.codes) {
      out << "code: " << c.code;
      if (!c.undated()) out << " " << ShortDate(c.from) << ".." << ShortDate(c.to);
      out << "\n";
    }
    WriteList(out, "names", e.names);
    WriteList(out, "adjectives", e.adjectives);
    WriteList(out, "demonyms", e.demonyms);
    WriteList(out, "capitals", e.capitals);
    WriteList(out, "nouns", e.nouns);
    WriteList(out, "refer", e.refer);
    WriteList(out, "held-by", e.held_by);
    WriteList(out, "hosted-by", e.hosted_by);
    WriteList(out, "not-after", e.not_after);
    if (!e.marks.empty()) out << "marks: " << e.marks << "\n";
    if (e.gender) out << "gender: " << (e.gender == 'f' ? "female" : "male") << "\n";
    if (e.weak) out << "weak: yes\n";
    if (e.person) out << "person: yes\n";
    if (e.quantity) out << "quantity: yes\n";
    if (e.place) out << "place: yes\n";
    if (e.protester) out << "protester: yes\n";
    if (!e.home) out << "home: no\n";
    if (e.state) out << "state: yes\n";
    if (e.abroad) out << "abroad: yes\n";
    if (!e.plural) out << "plural: no\n";
    out << "\n";
  }
  return out.str();
}

}  // namespace dyad::actors
