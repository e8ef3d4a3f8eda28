// End-to-end tests of the shipped syntax model: accuracy floors on the UD
// English EWT test split, lemmas and parses of news-like sentences.
#include "dyad/syntax/model.h"

#include <gtest/gtest.h>

#include <sstream>
#include <thread>

#include "dyad/syntax/conllu.h"
#include "dyad/syntax/evaluate.h"

namespace dyad::syntax {
namespace {

class SyntaxModelTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    std::string error;
    model_ = Model::Load(DYAD_SYNTAX_MODEL, &error).release();
    ASSERT_NE(model_, nullptr) << error;
  }
  static void TearDownTestSuite() {
    delete model_;
    model_ = nullptr;
  }

  // A document holding one pre-tokenized sentence (tokens split on spaces),
  // annotated by the model.
  static Document Annotated(const std::string& words) {
    Document doc;
    doc.text = words;
    std::istringstream in(words);
    std::string w;
    size_t pos = 0;
    while (in >> w) {
      pos = doc.text.find(w, pos);
      Token t;
      t.span = Span{static_cast<uint32_t>(pos),
                    static_cast<uint32_t>(pos + w.size())};
      doc.tokens.push_back(t);
      pos += w.size();
    }
    Sentence s;
    s.span = Span{0, static_cast<uint32_t>(doc.text.size())};
    s.token_count = static_cast<uint32_t>(doc.tokens.size());
    doc.sentences.push_back(s);
    Workspace ws;
    model_->Annotate(doc, doc.sentences[0], ws);
    return doc;
  }

  static int Find(const Document& doc, std::string_view form) {
    for (size_t i = 0; i < doc.tokens.size(); ++i) {
      if (doc.Form(doc.tokens[i]) == form) return static_cast<int>(i);
    }
    return -2;
  }

  static std::string_view Rel(const Document& doc, int i) {
    return model_->DeprelName(doc.tokens[i].deprel);
  }

  static Model* model_;
};

Model* SyntaxModelTest::model_ = nullptr;

TEST_F(SyntaxModelTest, MeetsFloorsOnEwtTest) {
  std::vector<ConlluSentence> gold;
  std::string error;
  ASSERT_TRUE(ReadConllu(std::string(DYAD_SYNTAX_EWT_DIR) +
                             "/en_ewt-ud-test.conllu",
                         &gold, &error))
      << error;
  SyntaxScores s = Evaluate(*model_, gold);
  ASSERT_GT(s.words, 20000u);
  std::cout << "EWT test: " << s.Summary() << "\n";
  // Floors sit about 0.4 below what the shipped model reaches (UPOS
  // 95.96, UAS 87.45, LAS 84.63), so a change that hurts tagging or
  // parsing fails. The targets (UAS 88, LAS 85) are not reached
  // yet by the speed-bound neural parser: see docs/syntax.md.
  EXPECT_GE(SyntaxScores::Pct(s.upos, s.words), 95.5);
  EXPECT_GE(SyntaxScores::Pct(s.uas, s.words), 87.0);
  EXPECT_GE(SyntaxScores::Pct(s.las, s.words), 84.2);
}

TEST_F(SyntaxModelTest, LemmatizesNewsWords) {
  Document doc = Annotated(
      "The minister said the embassies were closed after Iran condemned "
      "the attacks .");
  auto lemma = [&](std::string_view form) {
    return std::string(doc.Lemma(doc.tokens[Find(doc, form)]));
  };
  EXPECT_EQ(lemma("said"), "say");
  EXPECT_EQ(lemma("embassies"), "embassy");
  EXPECT_EQ(lemma("were"), "be");
  EXPECT_EQ(lemma("condemned"), "condemn");
  EXPECT_EQ(lemma("attacks"), "attack");
  EXPECT_EQ(lemma("The"), "the");
  EXPECT_EQ(lemma("Iran"), "Iran");

  Document was = Annotated("He was in Paris on Monday .");
  EXPECT_EQ(was.Lemma(was.tokens[1]), "be");
}

TEST_F(SyntaxModelTest, ParsesActiveClause) {
  Document doc =
      Annotated("Iran condemned France for hosting the conference .");
  int verb = Find(doc, "condemned");
  EXPECT_EQ(doc.tokens[verb].head, -1);
  EXPECT_EQ(Rel(doc, verb), "root");
  EXPECT_EQ(doc.tokens[verb].upos, Upos::VERB);
  EXPECT_EQ(model_->XposName(doc.tokens[verb].xpos), "VBD");
  EXPECT_EQ(doc.tokens[Find(doc, "Iran")].head, verb);
  EXPECT_EQ(Rel(doc, Find(doc, "Iran")), "nsubj");
  EXPECT_EQ(doc.tokens[Find(doc, "France")].head, verb);
  EXPECT_EQ(Rel(doc, Find(doc, "France")), "obj");
  EXPECT_EQ(doc.tokens[Find(doc, "conference")].head, Find(doc, "hosting"));
}

TEST_F(SyntaxModelTest, ParsesPassiveWithAgent) {
  Document doc = Annotated("The embassy was closed by the government .");
  int verb = Find(doc, "closed");
  EXPECT_EQ(doc.tokens[verb].head, -1);
  int subj = Find(doc, "embassy");
  EXPECT_EQ(doc.tokens[subj].head, verb);
  EXPECT_EQ(Rel(doc, subj), "nsubj:pass");
  int agent = Find(doc, "government");
  EXPECT_EQ(doc.tokens[agent].head, verb);
  // EWT marks by-agents obl:agent; the universal relation is obl.
  EXPECT_EQ(Rel(doc, agent).substr(0, 3), "obl");
  EXPECT_EQ(Rel(doc, Find(doc, "was")), "aux:pass");
}

TEST_F(SyntaxModelTest, ParsesReportedSpeech) {
  Document doc = Annotated(
      "Officials said the army had attacked rebels in the north .");
  int said = Find(doc, "said");
  int attacked = Find(doc, "attacked");
  EXPECT_EQ(doc.tokens[said].head, -1);
  EXPECT_EQ(doc.tokens[attacked].head, said);
  EXPECT_EQ(Rel(doc, attacked), "ccomp");
  EXPECT_EQ(Rel(doc, Find(doc, "army")), "nsubj");
  EXPECT_EQ(Rel(doc, Find(doc, "rebels")), "obj");
}

// A table pasted into a story makes one "sentence" of thousands of words:
// it is parsed in windows (decoding is cubic), still as one tree.
TEST_F(SyntaxModelTest, VeryLongSentenceIsOneTree) {
  std::string words;
  for (int i = 0; i < 200; ++i) words += "Iran and Iraq exported 12.5 mln barrels , ";
  words += ".";
  Document doc = Annotated(words);
  const int n = static_cast<int>(doc.tokens.size());
  ASSERT_GT(n, 1500);
  int roots = 0;
  for (const Token& t : doc.tokens) {
    if (t.head < 0) ++roots;
    EXPECT_LT(t.head, n);
    EXPECT_GE(t.head, -1);
  }
  EXPECT_EQ(roots, 1);
  // No word is its own head and every chain reaches the root.
  for (int i = 0; i < n; ++i) {
    int steps = 0;
    for (int h = i; h >= 0 && steps <= n; h = doc.tokens[h].head) ++steps;
    EXPECT_LE(steps, n) << "cycle through word " << i;
  }
}

TEST_F(SyntaxModelTest, NameTablesRoundTrip) {
  for (std::string_view rel : {"nsubj", "nsubj:pass", "obj", "obl", "ccomp",
                               "xcomp", "conj", "nmod", "nmod:poss", "appos",
                               "compound", "flat", "root"}) {
    uint8_t id = model_->DeprelId(rel);
    EXPECT_NE(id, 0) << rel;
    EXPECT_EQ(model_->DeprelName(id), rel);
  }
  EXPECT_EQ(model_->DeprelId("no-such-relation"), 0);
  EXPECT_EQ(model_->DeprelName(0), "_");
}

TEST_F(SyntaxModelTest, ConcurrentAnnotationMatchesSerial) {
  const std::string sentence =
      "Rebels attacked a convoy near the border on Tuesday , officials said .";
  Document expected = Annotated(sentence);
  std::vector<Document> docs(4);
  std::vector<std::thread> threads;
  for (auto& d : docs) {
    threads.emplace_back([&d, &sentence] {
      for (int k = 0; k < 50; ++k) d = Annotated(sentence);
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& d : docs) {
    ASSERT_EQ(d.tokens.size(), expected.tokens.size());
    for (size_t i = 0; i < d.tokens.size(); ++i) {
      EXPECT_EQ(d.tokens[i].head, expected.tokens[i].head);
      EXPECT_EQ(d.tokens[i].deprel, expected.tokens[i].deprel);
      EXPECT_EQ(d.tokens[i].xpos, expected.tokens[i].xpos);
    }
  }
}

}  // namespace
}  // namespace dyad::syntax
