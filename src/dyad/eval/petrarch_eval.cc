#include "dyad/eval/petrarch_eval.h"

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>

#include "dyad/eval/matching.h"
#include "dyad/actors/dictionary.h"
#include "dyad/actors/import.h"
#include "dyad/ingest/report.h"
#include "dyad/pipeline/pipeline.h"

namespace dyad {

namespace fs = std::filesystem;

namespace {

bool ReadWhole(const std::string& path, std::string* out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream buffer;
  buffer << in.rdbuf();
  *out = buffer.str();
  return true;
}

// The input with every <!-- ... --> replaced by a space (an unclosed
// comment runs to the end).
std::string StripComments(std::string_view xml) {
  std::string out;
  out.reserve(xml.size());
  size_t i = 0;
  while (i < xml.size()) {
    size_t open = xml.find("<!--", i);
    if (open == std::string_view::npos) {
      out.append(xml.substr(i));
      break;
    }
    out.append(xml.substr(i, open - i));
    out.push_back(' ');
    size_t close = xml.find("-->", open + 4);
    if (close == std::string_view::npos) break;
    i = close + 3;
  }
  return out;
}

std::string DecodeEntities(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '&') {
      static const std::pair<std::string_view, char> kEntities[] = {
          {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
      bool done = false;
      for (const auto& [name, c] : kEntities) {
        if (s.substr(i, name.size()) == name) {
          out.push_back(c);
          i += name.size() - 1;
          done = true;
          break;
        }
      }
      if (done) continue;
    }
    out.push_back(s[i]);
  }
  return out;
}

bool IsSpace(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Whitespace runs become one space; ends trimmed. The records break
// sentences over lines, which must not read as paragraph breaks.
std::string FoldSpace(std::string_view s) {
  std::string out;
  bool space = false;
  for (char c : s) {
    if (IsSpace(c)) {
      space = true;
      continue;
    }
    if (space && !out.empty()) out.push_back(' ');
    space = false;
    out.push_back(c);
  }
  return out;
}

// Attributes of a start tag's inside ("date = \"1995\" id='x'"): name ->
// value, values entity-decoded. A value may hold the other quote
// (sourcecode='"INJURY TOLL"').
std::vector<std::pair<std::string, std::string>> ParseAttributes(std::string_view s) {
  std::vector<std::pair<std::string, std::string>> out;
  size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && IsSpace(s[i])) ++i;
    size_t name_start = i;
    while (i < s.size() && !IsSpace(s[i]) && s[i] != '=' && s[i] != '/') ++i;
    std::string name(s.substr(name_start, i - name_start));
    while (i < s.size() && IsSpace(s[i])) ++i;
    if (i >= s.size() || s[i] != '=') {
      if (name.empty()) ++i;  // stray '/' or similar
      continue;
    }
    ++i;
    while (i < s.size() && IsSpace(s[i])) ++i;
    if (i >= s.size()) break;
    std::string value;
    if (s[i] == '"' || s[i] == '\'') {
      char quote = s[i++];
      size_t end = s.find(quote, i);
      if (end == std::string_view::npos) end = s.size();
      value = DecodeEntities(s.substr(i, end - i));
      i = end + 1;
    } else {
      size_t start = i;
      while (i < s.size() && !IsSpace(s[i])) ++i;
      value = DecodeEntities(s.substr(start, i - start));
    }
    if (!name.empty()) out.emplace_back(std::move(name), std::move(value));
  }
  return out;
}

std::string Attribute(const std::vector<std::pair<std::string, std::string>>& attrs,
                      std::string_view name, bool* present = nullptr) {
  for (const auto& [n, v] : attrs) {
    if (n == name) {
      if (present) *present = true;
      return v;
    }
  }
  if (present) *present = false;
  return "";
}

// The position just past the end of the start tag beginning at `lt`,
// skipping '>' inside quoted values; npos if unclosed.
size_t TagEnd(std::string_view s, size_t lt) {
  char quote = 0;
  for (size_t i = lt + 1; i < s.size(); ++i) {
    char c = s[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      return i + 1;
    }
  }
  return std::string_view::npos;
}

// True if s[pos] starts the tag <name followed by a space, '>' or '/'.
bool TagAt(std::string_view s, size_t pos, std::string_view name) {
  if (s.substr(pos, 1 + name.size()) != std::string("<") + std::string(name)) return false;
  size_t after = pos + 1 + name.size();
  return after < s.size() && (IsSpace(s[after]) || s[after] == '>' || s[after] == '/');
}

bool ParseRecord(std::string_view body, std::string_view attrs_text, size_t line,
                 PetrarchRecord* r, std::string* error) {
  auto attrs = ParseAttributes(attrs_text);
  r->id = Attribute(attrs, "id");
  r->date = Attribute(attrs, "date");
  r->category = Attribute(attrs, "category");
  std::string where = r->id.empty() ? "line " + std::to_string(line) : r->id;
  size_t pos = 0;
  while ((pos = body.find("<EventCoding", pos)) != std::string_view::npos) {
    if (!TagAt(body, pos, "EventCoding")) {
      ++pos;
      continue;
    }
    size_t end = TagEnd(body, pos);
    if (end == std::string_view::npos) {
      *error = "record " + where + ": unclosed <EventCoding>";
      return false;
    }
    std::string_view inside = body.substr(pos + 12, end - 1 - (pos + 12));
    if (!inside.empty() && inside.back() == '/') inside.remove_suffix(1);
    auto ea = ParseAttributes(inside);
    bool has_code = false, has_noevents = false, has_error = false;
    PetrarchCoding c;
    c.code = Attribute(ea, "eventcode", &has_code);
    c.source = Attribute(ea, "sourcecode");
    c.target = Attribute(ea, "targetcode");
    std::string noevents = Attribute(ea, "noevents", &has_noevents);
    std::string err = Attribute(ea, "error", &has_error);
    if (has_code) r->expected.push_back(std::move(c));
    if (has_noevents && noevents != "False" && noevents != "false") r->noevents = true;
    if (has_error) r->error = err.empty() ? "error" : err;
    pos = end;
  }
  size_t text = body.find("<Text>");
  size_t text_end = text == std::string_view::npos ? text : body.find("</Text>", text);
  if (text_end == std::string_view::npos) {
    *error = "record " + where + ": no <Text>...</Text>";
    return false;
  }
  r->text = FoldSpace(DecodeEntities(body.substr(text + 6, text_end - text - 6)));
  return true;
}

bool IsStandardCode(std::string_view code) {
  if (code.size() < 2) return false;
  if (code[0] < '0' || code[0] > '9' || code[1] < '0' || code[1] > '9') return false;
  int root = (code[0] - '0') * 10 + (code[1] - '0');
  return root >= 1 && root <= 20;
}

std::string Root(std::string_view code) {
  return std::string(code.substr(0, std::min<size_t>(2, code.size())));
}

// "19950101" -> "1995-01-01"; anything else passes as written.
std::string IsoDate(std::string_view d) {
  if (d.size() == 8 && d.find_first_not_of("0123456789") == std::string_view::npos)
    return std::string(d.substr(0, 4)) + "-" + std::string(d.substr(4, 2)) + "-" +
           std::string(d.substr(6, 2));
  return std::string(d);
}


std::string DescribeMention(const Document& doc, int m) {
  if (m < 0) return "-";
  const Mention& mention = doc.mentions[m];
  std::string code = mention.code.empty() ? "?" : mention.code;
  return code + "(" + std::string(doc.Text(mention.span)) + ")";
}

// Writes the converted validation dictionaries (and dyad's words and
// agents) into `actors`.
bool WriteActors(const fs::path& actors, const fs::path& dictionaries,
                 const fs::path& shipped_actors, bool dyad_agents, std::string* error) {
  fs::create_directories(actors);
  struct Source {
    const char* file;
    const char* out;
    const char* prefix;
  };
  const Source sources[] = {
      {"PETR.Validate.actors.txt", "10-petr-validate-actors.actors", "petr-"},
      {"PETR.Validate.agents.txt", "20-petr-validate-agents.actors", "petr-agent-"},
  };
  for (const Source& s : sources) {
    fs::path in = dictionaries / s.file;
    std::string content;
    if (!ReadWhole(in.string(), &content)) {
      *error = "cannot read " + in.string();
      return false;
    }
    actors::ImportOptions options;
    options.format = actors::ImportFormat::kPetrarch2;
    options.id_prefix = s.prefix;
    std::vector<actors::Entry> entries;
    actors::ImportStats stats;
    if (!actors::ImportDictionary(content, in.string(), options, &entries, &stats, error))
      return false;
    std::string text = "# Converted from " + in.string() + " for `dyad eval petrarch`\n\n" +
                       actors::FormatEntries(entries);
    std::ofstream out(actors / s.out, std::ios::binary | std::ios::trunc);
    if (!(out << text)) {
      *error = "cannot write " + (actors / s.out).string();
      return false;
    }
  }
  if (dyad_agents) {
    // File names keep dyad's order after the validation files: on a shared
    // name, the validation dictionaries win (earlier files win).
    const std::pair<const char*, const char*> copies[] = {
        {"00-words.actors", "00-words.actors"},
        {"60-agents.actors", "60-agents.actors"}};
    for (const auto& [from, to] : copies) {
      std::error_code ec;
      fs::copy_file(shipped_actors / from, actors / to,
                    fs::copy_options::overwrite_existing, ec);
      if (ec) {
        *error = "cannot copy " + (shipped_actors / from).string() + ": " + ec.message();
        return false;
      }
    }
  }
  return true;
}

// A copy of `shipped` without its actors/, plus the validation actors.
bool BuildDataDir(const std::string& shipped, const fs::path& dictionaries,
                  bool dyad_agents, fs::path* dir, std::string* error) {
  static std::atomic<int> counter{0};
  *dir = fs::temp_directory_path() /
         ("dyad-petrarch-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  std::error_code ec;
  fs::remove_all(*dir, ec);
  fs::create_directories(*dir, ec);
  if (ec) {
    *error = "cannot create " + dir->string() + ": " + ec.message();
    return false;
  }
  for (const fs::directory_entry& e : fs::directory_iterator(shipped, ec)) {
    if (e.path().filename() == "actors") continue;
    fs::copy(e.path(), *dir / e.path().filename(),
             fs::copy_options::recursive | fs::copy_options::overwrite_existing, ec);
    if (ec) {
      *error = "cannot copy " + e.path().string() + ": " + ec.message();
      return false;
    }
  }
  if (ec) {
    *error = "cannot read " + shipped + ": " + ec.message();
    return false;
  }
  return WriteActors(*dir / "actors", dictionaries, fs::path(shipped) / "actors",
                     dyad_agents, error);
}

}  // namespace

bool ReadPetrarchRecords(std::string_view xml, std::vector<PetrarchRecord>* out,
                         std::string* error) {
  std::string s = StripComments(xml);
  std::string_view v(s);
  size_t pos = 0;
  while ((pos = v.find("<Sentence", pos)) != std::string_view::npos) {
    if (!TagAt(v, pos, "Sentence")) {
      ++pos;
      continue;
    }
    size_t line = 1 + static_cast<size_t>(std::count(v.begin(), v.begin() + pos, '\n'));
    size_t end = TagEnd(v, pos);
    size_t close = end == std::string_view::npos ? end : v.find("</Sentence>", end);
    if (close == std::string_view::npos) {
      *error = "line " + std::to_string(line) + ": unclosed <Sentence>";
      return false;
    }
    PetrarchRecord r;
    if (!ParseRecord(v.substr(end, close - end), v.substr(pos + 9, end - 1 - (pos + 9)),
                     line, &r, error))
      return false;
    out->push_back(std::move(r));
    pos = close;
  }
  return true;
}

// How a PETRARCH actor code is compared with a dyad mention. dyad codes an
// actor as country + one role (ARNGOV; a bare country name is coded with
// its country and GOV by default), PETRARCH as country + any number of
// 3-letter sector codes, or the bare country (ARN). So:
//  - the first three letters (the country, or IGO/NGO...) must agree;
//  - when the expected code says more than the country, the whole code must
//    agree once reduced the way dyad's importer reduces PETRARCH codes
//    (ConvertCode: ARNGOVFRM -> ARNGOV, PSEREBHMS -> PSEREB), since dyad
//    cannot represent the extra sectors;
//  - "---" (PETRARCH's null actor, also "###") matches a missing actor or
//    a mention with no code; "---GOV" (a role with no country) matches a
//    country-less mention with that role;
//  - a quoted phrase ('"INJURY TOLL"', an actor PETRARCH reports by its
//    text) never matches: dyad has no such code.
bool ActorCodeMatches(std::string_view expected, const Mention* mention) {
  if (expected.empty() || expected.front() == '"') return false;
  if (expected == "---" || expected == "###")
    return mention == nullptr || mention->code.empty();
  if (mention == nullptr || mention->code.empty()) return false;
  const std::string& code = mention->code;
  if (expected.substr(0, 3) == "---")
    return mention->country.empty() && code == actors::ConvertCode(expected);
  if (code.size() < 3 || code.compare(0, 3, expected.substr(0, 3)) != 0) return false;
  if (expected.size() <= 3) return true;
  return code == actors::ConvertCode(expected);
}

bool EvaluatePetrarch(const std::string& records_path,
                      const PetrarchEvalOptions& options, PetrarchScore* score,
                      std::string* details, std::string* error) {
  std::string xml;
  if (!ReadWhole(records_path, &xml)) {
    *error = "cannot read " + records_path;
    return false;
  }
  std::vector<PetrarchRecord> records;
  if (!ReadPetrarchRecords(xml, &records, error)) {
    *error = records_path + ": " + *error;
    return false;
  }
  fs::path dictionaries = options.dictionaries_dir.empty()
                              ? fs::absolute(records_path).parent_path().parent_path() /
                                    "dictionaries"
                              : fs::path(options.dictionaries_dir);
  fs::path dir;
  std::string shipped = FindDataDir(options.data_dir);
  if (!BuildDataDir(shipped, dictionaries, options.dyad_agents, &dir, error)) return false;
  score->data_dir_used = dir.string();
  struct Cleanup {
    fs::path dir;
    bool keep;
    ~Cleanup() {
      std::error_code ec;
      if (!keep) fs::remove_all(dir, ec);
    }
  } cleanup{dir, options.keep_data_dir};

  PipelineOptions po;
  po.data_dir = dir.string();
  po.english_only = false;
  po.threads = 1;
  auto pipeline = Pipeline::Create(po, error);
  if (!pipeline) return false;

  for (const PetrarchRecord& r : records) {
    Document doc;
    doc.id = r.id;
    doc.origin = records_path + ":" + r.id;
    doc.original = r.text;
    doc.date = IsoDate(r.date);
    Reporter report = Reporter::Buffered();
    bool coded = pipeline->Process(doc, report);
    ++score->records;
    if (!coded) doc.events.clear();
    score->coded += doc.events.size();
    if (r.expected.empty() && (r.noevents || !r.error.empty())) {
      ++score->noevent_records;
      if (doc.events.empty()) ++score->noevent_clean;
    }

    const size_t n = r.expected.size();
    std::vector<std::vector<int>> root_edges(n), exact_edges(n);
    for (size_t g = 0; g < n; ++g) {
      const PetrarchCoding& want = r.expected[g];
      ++score->expected;
      if (!want.source.empty() && want.source.front() == '"') ++score->expected_phrase;
      else if (!want.target.empty() && want.target.front() == '"') ++score->expected_phrase;
      if (!IsStandardCode(want.code)) ++score->expected_nonstandard;
      for (size_t e = 0; e < doc.events.size(); ++e) {
        const Event& ev = doc.events[e];
        const Mention* src = ev.source >= 0 ? &doc.mentions[ev.source] : nullptr;
        const Mention* tgt = ev.target >= 0 ? &doc.mentions[ev.target] : nullptr;
        if (!ActorCodeMatches(want.source, src) || !ActorCodeMatches(want.target, tgt))
          continue;
        if (Root(ev.code) != Root(want.code)) continue;
        root_edges[g].push_back(static_cast<int>(e));
        if (ev.code == want.code) exact_edges[g].push_back(static_cast<int>(e));
      }
    }
    std::vector<int> root_match, exact_match;
    score->matched_root += MaxMatching(root_edges, doc.events.size(), &root_match);
    score->matched_exact += MaxMatching(exact_edges, doc.events.size(), &exact_match);

    if (details) {
      std::vector<bool> found(n, false);
      for (int g : root_match)
        if (g >= 0) found[g] = true;
      bool all_found = true;
      for (bool f : found) all_found = all_found && f;
      bool extra = false;
      for (int g : root_match) extra = extra || g < 0;
      if (all_found && !extra) continue;
      std::string out = r.id + " [" + r.category + "]";
      if (r.noevents) out += " noevents";
      if (!r.error.empty()) out += " error=" + r.error;
      out += ": " + r.text.substr(0, 160) + "\n";
      for (size_t g = 0; g < n; ++g) {
        const PetrarchCoding& want = r.expected[g];
        out += std::string(found[g] ? "  ok    " : "  MISS  ") + want.source + " " +
               want.code + " " + want.target + "\n";
      }
      for (size_t e = 0; e < doc.events.size(); ++e) {
        const Event& ev = doc.events[e];
        out += std::string(root_match[e] >= 0 ? "  coded " : "  EXTRA ") +
               DescribeMention(doc, ev.source) + " " + ev.code + " " +
               DescribeMention(doc, ev.target) + " [" + std::string(doc.Text(ev.verb)) +
               "] " + ev.rule + "\n";
      }
      *details += out;
    }
  }
  return true;
}

}  // namespace dyad
