#include "dyad/eval/segmentation_eval.h"

#include "dyad/eval/gold_set.h"

#include <simdjson.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <sstream>
#include <utility>
#include <vector>

#include "dyad/ingest/formats.h"
#include "dyad/ingest/sources.h"

namespace dyad {

namespace {

using SpanSet = std::set<std::pair<uint32_t, uint32_t>>;

void Score(const SpanSet& gold, const SpanSet& predicted, SpanScore* s) {
  s->gold += gold.size();
  s->predicted += predicted.size();
  for (const auto& g : gold) s->correct += predicted.count(g);
}

// One document of a treebank, rebuilt as raw text with gold spans.
struct UdDocument {
  std::string text;
  SpanSet tokens, sentences;
  bool Empty() const { return text.empty(); }
};

class UdReader {
 public:
  explicit UdReader(std::istream& in) : in_(in) {}

  // Reads the next document; false at the end of the file.
  bool Next(UdDocument* doc) {
    *doc = UdDocument();
    if (pending_.has_value()) {
      AddSentence(*pending_, doc);
      pending_.reset();
    }
    std::string line;
    Sentence s;
    bool in_sentence = false;
    while (std::getline(in_, line)) {
      if (line.empty()) {
        if (in_sentence) {
          if (s.new_doc && !doc->Empty()) {
            pending_ = std::move(s);
            return true;
          }
          AddSentence(s, doc);
        }
        s = Sentence();
        in_sentence = false;
        continue;
      }
      in_sentence = true;
      if (line[0] == '#') {
        if (line.rfind("# newdoc", 0) == 0) s.new_doc = true;
        if (line.rfind("# newpar", 0) == 0) s.new_par = true;
        if (line.rfind("# text = ", 0) == 0) s.text = line.substr(9);
        continue;
      }
      size_t tab = line.find('\t');
      size_t tab2 = line.find('\t', tab + 1);
      if (tab == std::string::npos || tab2 == std::string::npos) continue;
      std::string id = line.substr(0, tab);
      std::string form = line.substr(tab + 1, tab2 - tab - 1);
      if (id.find('.') != std::string::npos) continue;  // empty node
      if (size_t dash = id.find('-'); dash != std::string::npos) {
        s.units.push_back({form, {}});
        s.mwt_left = std::stoi(id.substr(dash + 1)) - std::stoi(id.substr(0, dash)) + 1;
        continue;
      }
      if (s.mwt_left > 0) {
        s.units.back().words.push_back(form);
        --s.mwt_left;
      } else {
        s.units.push_back({form, {}});
      }
    }
    if (in_sentence) AddSentence(s, doc);
    return !doc->Empty();
  }

 private:
  struct Unit {
    std::string surface;
    std::vector<std::string> words;  // for multiword tokens
  };
  struct Sentence {
    bool new_doc = false, new_par = false;
    std::string text;
    std::vector<Unit> units;
    int mwt_left = 0;
  };

  static void AddSentence(const Sentence& s, UdDocument* doc) {
    if (s.text.empty()) return;
    if (!doc->text.empty()) doc->text += s.new_par ? "\n" : " ";
    const auto base = static_cast<uint32_t>(doc->text.size());
    doc->text += s.text;
    size_t cursor = 0;
    uint32_t first = UINT32_MAX, last = 0;
    for (const Unit& u : s.units) {
      size_t at = s.text.find(u.surface, cursor);
      if (at == std::string::npos) continue;  // not spelled out in the text
      cursor = at + u.surface.size();
      auto start = static_cast<uint32_t>(base + at);
      auto end = static_cast<uint32_t>(base + cursor);
      first = std::min(first, start);
      last = std::max(last, end);
      std::string joined;
      for (const std::string& w : u.words) joined += w;
      if (!u.words.empty() && joined == u.surface) {
        uint32_t p = start;
        for (const std::string& w : u.words) {
          doc->tokens.insert({p, p + static_cast<uint32_t>(w.size())});
          p += static_cast<uint32_t>(w.size());
        }
      } else {
        doc->tokens.insert({start, end});
      }
    }
    if (first < last) doc->sentences.insert({first, last});
  }

  std::istream& in_;
  std::optional<Sentence> pending_;
};

}  // namespace

bool EvaluateUdSegmentation(const std::string& conllu_path,
                            const Pipeline& pipeline, UdSegmentationScore* score,
                            std::string* error) {
  std::ifstream in(conllu_path);
  if (!in) {
    *error = conllu_path + ": cannot open";
    return false;
  }
  UdReader reader(in);
  UdDocument gold;
  Reporter quiet(nullptr);
  while (reader.Next(&gold)) {
    Document doc;
    doc.id = "ud";
    doc.date = "2000-01-01";
    doc.original = gold.text;
    if (!pipeline.Process(doc, quiet)) continue;
    SpanSet tokens, sentences;
    for (const Token& t : doc.tokens) {
      Span o = doc.ToOriginal(t.span);
      tokens.insert({o.start, o.end});
    }
    for (const Sentence& s : doc.sentences) {
      Span o = doc.ToOriginal(s.span);
      sentences.insert({o.start, o.end});
    }
    Score(gold.tokens, tokens, &score->tokens);
    Score(gold.sentences, sentences, &score->sentences);
    ++score->documents;
  }
  return true;
}

bool EvaluateNewsSentences(const std::string& dir, const Pipeline& pipeline,
                           NewsSentenceScore* score, std::string* misses,
                           std::string* error) {
  simdjson::ondemand::parser parser;
  return ForEachGoldArticle(dir, pipeline, false, [&](GoldArticle& article) {
    const Document& doc = article.doc;
    ++score->articles;
    std::vector<Span> sentences;
    for (const Sentence& s : doc.sentences)
      sentences.push_back(doc.ToOriginal(s.span));
    std::ifstream gin(article.gold_path);
    std::string line;
    std::set<std::string> seen;
    while (std::getline(gin, line)) {
      simdjson::padded_string padded(line);
      std::string_view sent;
      simdjson::ondemand::document json;
      if (parser.iterate(padded).get(json) || json["sent"].get_string().get(sent))
        continue;
      std::string text(sent);
      while (!text.empty() && (text.back() == ' ' || text.back() == '\n')) text.pop_back();
      if (text.empty() || !seen.insert(text).second) continue;
      ++score->gold;
      size_t at = doc.original.find(text);
      if (at == std::string::npos) {
        ++score->not_found;
        continue;
      }
      auto start = static_cast<uint32_t>(at);
      auto end = static_cast<uint32_t>(at + text.size());
      int overlapping = 0;
      bool exact = false;
      for (const Span& s : sentences) {
        if (s.start < end && s.end > start) ++overlapping;
        if (s.start == start && s.end == end) exact = true;
      }
      if (overlapping == 1) ++score->whole;
      if (exact) ++score->exact;
      if (overlapping != 1 && misses) *misses += article.id + ": " + text + "\n";
    }
  }, error);
}

}  // namespace dyad
