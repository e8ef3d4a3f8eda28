#include "dyad/actors/evaluate.h"

#include "dyad/eval/gold_set.h"

#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <tuple>

#include "dyad/ingest/formats.h"
#include "dyad/ingest/sources.h"

namespace dyad::actors {

namespace {

struct GoldActor {
  uint32_t start = 0, end = 0;  // normalized text offsets
  std::string country, role, text;
};

// The normalized offset of original offset `o` (first byte produced at or
// after it).
uint32_t ToNormalized(const Document& doc, uint32_t o) {
  auto it = std::lower_bound(doc.norm_to_orig.begin(), doc.norm_to_orig.end(), o);
  return static_cast<uint32_t>(it - doc.norm_to_orig.begin());
}

bool WordChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The first occurrence of `text` in `hay` at or after `from` that does not
// start or end inside a word ("he" is not the end of "The"); npos if none.
size_t FindWords(const std::string& hay, const std::string& text, size_t from) {
  if (text.empty()) return std::string::npos;
  for (size_t at = hay.find(text, from); at != std::string::npos;
       at = hay.find(text, at + 1)) {
    size_t end = at + text.size();
    if (WordChar(text.front()) && at > 0 && WordChar(hay[at - 1])) continue;
    if (WordChar(text.back()) && end < hay.size() && WordChar(hay[end])) continue;
    return at;
  }
  return std::string::npos;
}

std::string Field(simdjson::ondemand::object& actor, const char* key) {
  std::string_view v;
  if (actor[key].get_string().get(v)) return "";
  return std::string(v);
}

}  // namespace

void ActorScore::Add(const ActorScore& o) {
  articles += o.articles;
  gold += o.gold;
  not_in_text += o.not_in_text;
  detected += o.detected;
  correct += o.correct;
  predicted += o.predicted;
  predicted_correct += o.predicted_correct;
}

bool EvaluateActors(const std::string& dir, const Pipeline& pipeline,
                    const ActorCoder& coder, ActorScore* score,
                    std::string* misses, std::string* error) {
  simdjson::ondemand::parser parser;
  return ForEachGoldArticle(dir, pipeline, false, [&](GoldArticle& article) {
    Document& doc = article.doc;
    coder.Annotate(doc);
    ++score->articles;

    std::vector<GoldActor> actors;
    std::set<std::tuple<uint32_t, uint32_t, std::string, std::string>> seen;
    std::ifstream in(article.gold_path);
    std::string line;
    while (std::getline(in, line)) {
      if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
      simdjson::padded_string padded(line);
      simdjson::ondemand::document json;
      std::string_view sent;
      if (parser.iterate(padded).get(json) || json["sent"].get_string().get(sent)) continue;
      std::string sentence(sent);
      size_t at = doc.original.find(sentence);
      for (const char* side : {"source", "target"}) {
        simdjson::ondemand::object actor;
        if (json[side].get_object().get(actor)) continue;  // null
        GoldActor g;
        g.text = Field(actor, "text");
        g.country = Field(actor, "country");
        g.role = Field(actor, "role");
        if (g.text.empty()) continue;
        size_t where = at == std::string::npos
                           ? std::string::npos
                           : FindWords(doc.original, g.text, at);
        if (where == std::string::npos || where + g.text.size() > at + sentence.size()) {
          if (seen.emplace(UINT32_MAX, 0, g.text + "|" + sentence, g.country + g.role).second)
            ++score->not_in_text;
          continue;
        }
        g.start = ToNormalized(doc, static_cast<uint32_t>(where));
        g.end = ToNormalized(doc, static_cast<uint32_t>(where + g.text.size()));
        if (!seen.emplace(g.start, g.end, g.country, g.role).second) continue;
        actors.push_back(std::move(g));
      }
    }

    std::map<size_t, bool> chosen;  // mention -> right code for its gold
    for (const GoldActor& g : actors) {
      ++score->gold;
      int best = -1;
      std::pair<int, uint32_t> best_key{-1, 0};
      for (size_t m = 0; m < doc.mentions.size(); ++m) {
        const Mention& x = doc.mentions[m];
        if (x.span.end <= g.start || x.span.start >= g.end) continue;
        const Span head = doc.tokens[x.head].span;
        int head_inside = head.start >= g.start && head.end <= g.end ? 1 : 0;
        uint32_t overlap = std::min(x.span.end, g.end) - std::max(x.span.start, g.start);
        std::pair<int, uint32_t> key{head_inside, overlap};
        if (key > best_key) {
          best_key = key;
          best = static_cast<int>(m);
        }
      }
      bool right = false;
      if (best >= 0) {
        ++score->detected;
        const Mention& x = doc.mentions[best];
        right = x.country == g.country && x.role == g.role;
        bool& slot = chosen[static_cast<size_t>(best)];
        slot = slot || right;
      }
      if (right) ++score->correct;
      if (!right && misses) {
        *misses += article.id + ": \"" + g.text + "\" gold " +
                   (g.country.empty() ? "-" : g.country) + " " + g.role;
        if (best >= 0) {
          const Mention& x = doc.mentions[best];
          *misses += ", got \"" + std::string(doc.Text(x.span)) + "\" " +
                     (x.code.empty() ? "(no code)" : x.code) + " by " + x.rule;
        } else {
          *misses += ", no mention";
        }
        *misses += "\n";
      }
    }
    for (const auto& [m, right] : chosen) {
      ++score->predicted;
      if (right) ++score->predicted_correct;
    }
  }, error);
}

}  // namespace dyad::actors
