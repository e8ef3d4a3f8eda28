#include "dyad/eval/event_eval.h"

#include "dyad/eval/gold_set.h"
#include "dyad/eval/matching.h"

#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <vector>

#include "dyad/ingest/formats.h"
#include "dyad/ingest/sources.h"

namespace dyad {

namespace {

struct Side {
  bool present = false;
  std::string country, role, text;
};

struct Coded {
  std::string sentence;  // folded
  Side source, target;
  std::string code, root;
  int quad = 0;
  bool historical = false;
  std::string describe;
};

// Whitespace collapsed, curly quotes and dashes folded, ends trimmed.
std::string Fold(std::string_view s) {
  std::string out;
  bool space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::string_view rest = s.substr(i);
    if (rest.substr(0, 3) == "\u2018" || rest.substr(0, 3) == "\u2019") {
      out += '\''; i += 2; space = false; continue;
    }
    if (rest.substr(0, 3) == "\u201C" || rest.substr(0, 3) == "\u201D") {
      out += '"'; i += 2; space = false; continue;
    }
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      space = true;
      continue;
    }
    if (space && !out.empty()) out += ' ';
    space = false;
    out += static_cast<char>(c);
  }
  return out;
}

std::string NormalizeCode(std::string code) {
  if (code.size() == 2) code += "0";  // "04" names the root like "040"
  return code;
}

bool SentencesAgree(const std::string& a, const std::string& b) {
  if (a.empty() || b.empty()) return false;
  return a == b || a.find(b) != std::string::npos || b.find(a) != std::string::npos;
}

bool SameCountry(const Side& a, const Side& b) {
  if (a.present != b.present) return false;
  return !a.present || a.country == b.country;
}
bool SameRole(const Side& a, const Side& b) {
  return !a.present || a.role == b.role;
}

bool Agree(const Coded& s, const Coded& g, EventLevel level) {
  if (!SentencesAgree(s.sentence, g.sentence)) return false;
  switch (level) {
    case EventLevel::kRoot:
      return s.root == g.root;
    case EventLevel::kQuad:
      return s.quad == g.quad && SameCountry(s.source, g.source) &&
             SameCountry(s.target, g.target);
    case EventLevel::kDyadRoot:
      return s.root == g.root && SameCountry(s.source, g.source) &&
             SameCountry(s.target, g.target);
    case EventLevel::kStrict:
      return s.root == g.root && SameCountry(s.source, g.source) &&
             SameCountry(s.target, g.target) && SameRole(s.source, g.source) &&
             SameRole(s.target, g.target) &&
             NormalizeCode(s.code) == NormalizeCode(g.code);
  }
  return false;
}


std::string Describe(const Coded& c) {
  auto side = [](const Side& s) {
    return s.present ? (s.country.empty() ? std::string("IGO") : s.country) + s.role
                     : std::string("-");
  };
  return side(c.source) + " " + c.code + " " + side(c.target) + " | " +
         c.sentence.substr(0, 110);
}

Side SideFromJson(simdjson::dom::element e) {
  Side s;
  if (e.is_null()) return s;
  s.present = true;
  std::string_view v;
  if (!e["country"].get_string().get(v)) s.country = std::string(v);
  if (!e["role"].get_string().get(v)) s.role = std::string(v);
  if (!e["text"].get_string().get(v)) s.text = std::string(v);
  return s;
}

Side SideFromMention(const Document& doc, int m) {
  Side s;
  if (m < 0) return s;
  const Mention& mention = doc.mentions[static_cast<size_t>(m)];
  s.present = true;
  s.country = mention.country;
  s.role = mention.role;
  s.text = std::string(doc.OriginalText(mention.span));
  return s;
}

}  // namespace

bool EvaluateEvents(const std::string& dir, const Pipeline& pipeline,
                    EventScore* score, std::string* details, std::string* error) {
  simdjson::dom::parser parser;
  bool failed = false;
  bool listed = ForEachGoldArticle(dir, pipeline, true, [&](GoldArticle& article) {
    if (failed) return;
    const Document& doc = article.doc;
    const std::string& id = article.id;
    ++score->articles;

    std::vector<Coded> gold, system;
    std::ifstream gin(article.gold_path);
    std::string line;
    size_t line_no = 0;
    while (std::getline(gin, line)) {
      ++line_no;
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      simdjson::dom::element e;
      if (parser.parse(line).get(e)) {
        *error = article.gold_path + ":" + std::to_string(line_no) + ": bad JSON";
        failed = true;
        return;
      }
      Coded c;
      std::string_view v;
      if (!e["sent"].get_string().get(v)) c.sentence = Fold(v);
      c.source = SideFromJson(e["source"].value_unsafe());
      c.target = SideFromJson(e["target"].value_unsafe());
      if (!e["cameo"].get_string().get(v)) c.code = std::string(v);
      c.root = c.code.substr(0, 2);
      if (!e["root"].get_string().get(v)) c.root = std::string(v).substr(0, 2);
      int64_t quad = 0;
      if (!e["quad"].get_int64().get(quad)) c.quad = static_cast<int>(quad);
      bool hist = false;
      if (!e["historical"].get_bool().get(hist)) c.historical = hist;
      gold.push_back(std::move(c));
    }
    for (const Event& ev : doc.events) {
      Coded c;
      c.sentence = Fold(doc.OriginalText(doc.sentences[ev.sentence].span));
      c.source = SideFromMention(doc, ev.source);
      c.target = SideFromMention(doc, ev.target);
      c.code = ev.code;
      c.root = ev.code.substr(0, 2);
      c.quad = ev.quad;
      c.historical = ev.historical;
      system.push_back(std::move(c));
    }
    score->gold += gold.size();
    score->system += system.size();
    std::vector<int> match;
    for (int level = 0; level < 4; ++level) {
      std::vector<std::vector<int>> edges(system.size());
      for (size_t s = 0; s < system.size(); ++s)
        for (size_t g = 0; g < gold.size(); ++g)
          if (Agree(system[s], gold[g], static_cast<EventLevel>(level)))
            edges[s].push_back(static_cast<int>(g));
      score->matched[level] += MaxMatching(edges, gold.size(), &match);
      if (level != int(EventLevel::kDyadRoot)) continue;
      std::vector<bool> system_matched(system.size(), false);
      for (size_t g = 0; g < gold.size(); ++g) {
        if (match[g] >= 0) {
          system_matched[static_cast<size_t>(match[g])] = true;
          score->historical_agree +=
              system[static_cast<size_t>(match[g])].historical == gold[g].historical;
        } else if (details) {
          *details += id + " FN " + Describe(gold[g]) + "\n";
        }
      }
      if (details)
        for (size_t s = 0; s < system.size(); ++s)
          if (!system_matched[s])
            *details += id + " FP " + Describe(system[s]) + "\n";
    }
  }, error);
  return listed && !failed;
}

}  // namespace dyad
