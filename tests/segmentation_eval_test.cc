// Accuracy floors of the segmenter, measured as `dyad eval segmentation`
// measures them. Floors sit a little below the figures reached (README), so
// a change that hurts segmentation fails here.
#include "dyad/eval/segmentation_eval.h"
#include "test_util.h"

namespace dyad {
namespace {

TEST(SegmentationEval, UdEnglishEwtTestSplit) {
  UdSegmentationScore s;
  std::string error;
  ASSERT_TRUE(EvaluateUdSegmentation(
      testing::SharedDir() + "/data/ud-english-ewt/en_ewt-ud-test.conllu",
      testing::SharedPipeline(), &s, &error))
      << error;
  EXPECT_EQ(s.documents, 316u);
  EXPECT_EQ(s.tokens.gold, 25094u);
  EXPECT_GE(s.tokens.F1(), 0.98);
  EXPECT_GE(s.sentences.F1(), 0.80);
}

TEST(SegmentationEval, GoldNewsSentencesComeOutWhole) {
  NewsSentenceScore s;
  std::string error;
  ASSERT_TRUE(EvaluateNewsSentences(testing::SharedDir() + "/dev",
                                    testing::SharedPipeline(), &s, nullptr,
                                    &error))
      << error;
  EXPECT_EQ(s.articles, 44u);
  EXPECT_EQ(s.not_found, 0u);
  EXPECT_GE(s.WholeShare(), 0.97);
  EXPECT_GE(s.ExactShare(), 0.95);
}

TEST(SegmentationEval, ProjectDevSetComesOutWhole) {
  std::string dir = testing::SourceDir() + "/tests/eval";
  if (!std::filesystem::exists(dir + "/gold")) GTEST_SKIP() << "no " << dir;
  NewsSentenceScore s;
  std::string error;
  ASSERT_TRUE(EvaluateNewsSentences(dir, testing::SharedPipeline(), &s,
                                    nullptr, &error))
      << error;
  EXPECT_GE(s.articles, 10u);
  EXPECT_EQ(s.not_found, 0u);
  EXPECT_GE(s.WholeShare(), 0.97);
}

}  // namespace
}  // namespace dyad
