#include "dyad/syntax/evaluate.h"

#include <cstdio>
#include <string_view>

namespace dyad::syntax {
namespace {

std::string_view Universal(std::string_view rel) {
  return rel.substr(0, rel.find(':'));
}

}  // namespace

std::string SyntaxScores::Summary() const {
  char buf[256];
  std::snprintf(buf, sizeof buf,
                "UPOS %.2f  XPOS %.2f  Lemma %.2f  UAS %.2f  LAS %.2f  "
                "(LAS with subtypes %.2f; %zu words, %zu sentences)",
                Pct(upos, words), Pct(xpos, words), Pct(lemma, words),
                Pct(uas, words), Pct(las, words), Pct(las_full, words), words,
                sentences);
  return buf;
}

Document DocumentFromConllu(const std::vector<ConlluSentence>& sentences) {
  Document doc;
  for (const auto& s : sentences) {
    Sentence sent;
    sent.first_token = static_cast<uint32_t>(doc.tokens.size());
    sent.token_count = static_cast<uint32_t>(s.words.size());
    sent.span.start = static_cast<uint32_t>(doc.text.size());
    for (size_t i = 0; i < s.words.size(); ++i) {
      if (i) doc.text.push_back(' ');
      Token t;
      t.span.start = static_cast<uint32_t>(doc.text.size());
      doc.text += s.words[i].form;
      t.span.end = static_cast<uint32_t>(doc.text.size());
      doc.tokens.push_back(t);
    }
    sent.span.end = static_cast<uint32_t>(doc.text.size());
    doc.text.push_back('\n');
    doc.sentences.push_back(sent);
  }
  return doc;
}

SyntaxScores Evaluate(const Model& model,
                      const std::vector<ConlluSentence>& gold) {
  Document doc = DocumentFromConllu(gold);
  Workspace ws;
  SyntaxScores sc;
  for (size_t si = 0; si < gold.size(); ++si) {
    const Sentence& sent = doc.sentences[si];
    model.Annotate(doc, sent, ws);
    const Token* toks = doc.SentenceTokens(sent);
    ++sc.sentences;
    for (size_t i = 0; i < gold[si].words.size(); ++i) {
      const ConlluWord& g = gold[si].words[i];
      const Token& t = toks[i];
      ++sc.words;
      sc.upos += UposName(t.upos) == g.upos;
      sc.xpos += model.XposName(t.xpos) == g.xpos;
      sc.lemma += doc.Lemma(t) == g.lemma;
      if (t.head == g.head) {
        ++sc.uas;
        std::string_view rel = model.DeprelName(t.deprel);
        sc.las += Universal(rel) == Universal(g.deprel);
        sc.las_full += rel == g.deprel;
      }
    }
  }
  return sc;
}

}  // namespace dyad::syntax
