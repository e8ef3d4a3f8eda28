#include "dyad/syntax/weight_table.h"

#include <gtest/gtest.h>

#include "dyad/syntax/perceptron.h"

namespace dyad::syntax {
namespace {

TEST(WeightTable, QuantizedScoresSurviveRoundTrip) {
  std::vector<FeatureWeights> rows(2);
  rows[0].key = 7;
  rows[0].weights = {{0, 1.5f}, {2, -0.25f}};
  rows[1].key = 99;
  rows[1].weights = {{1, 3.0f}};
  WeightTable t = WeightTable::Build(3, rows);
  ByteWriter w;
  t.Write(w);
  WeightTable u;
  ByteReader r(w.buffer());
  std::string error;
  ASSERT_TRUE(u.Read(r, &error)) << error;
  uint32_t keys[] = {7, 99, 12345};
  float scores[3] = {0, 0, 0};
  u.Score(keys, 3, scores);
  EXPECT_NEAR(scores[0], 1.5f, 1e-3);
  EXPECT_NEAR(scores[1], 3.0f, 1e-3);
  EXPECT_NEAR(scores[2], -0.25f, 1e-3);
}

TEST(WeightTable, DenseAndSparseRowsScoreAlikeAndPrune) {
  // 20 classes: a feature with 10 weights gets a dense row, one with 2 a
  // sparse list.
  std::vector<FeatureWeights> rows(2);
  rows[0].key = 5;
  for (int c = 0; c < 20; c += 2) {
    rows[0].weights.emplace_back(static_cast<uint8_t>(c), 0.5f * (c + 1));
  }
  rows[1].key = 6;
  rows[1].weights = {{3, -2.0f}, {19, 0.01f}};
  WeightTable t = WeightTable::Build(20, rows);
  EXPECT_EQ(t.num_features(), 2u);
  EXPECT_EQ(t.num_weights(), 12u);
  EXPECT_EQ(t.num_dense_rows(), 1u);
  uint32_t keys[] = {5, 6};
  float scores[20] = {};
  t.Score(keys, 2, scores);
  EXPECT_NEAR(scores[0], 0.5f, 1e-3);
  EXPECT_NEAR(scores[18], 9.5f, 1e-3);
  EXPECT_NEAR(scores[3], -2.0f, 1e-3);
  EXPECT_NEAR(scores[19], 0.01f, 1e-3);
  EXPECT_EQ(scores[1], 0.f);

  WeightTable p = t.Pruned(0.1f);
  EXPECT_EQ(p.num_weights(), 11u);
  float pruned[20] = {};
  p.Score(keys, 2, pruned);
  EXPECT_EQ(pruned[19], 0.f);
  EXPECT_NEAR(pruned[3], -2.0f, 1e-3);

  ByteWriter w;
  p.Write(w);
  WeightTable u;
  ByteReader r(w.buffer());
  std::string error;
  ASSERT_TRUE(u.Read(r, &error)) << error;
  float again[20] = {};
  u.Score(keys, 2, again);
  for (int c = 0; c < 20; ++c) EXPECT_NEAR(again[c], pruned[c], 1e-3) << c;
}

TEST(Perceptron, LearnsSeparableExample) {
  PerceptronTrainer p(2);
  uint32_t a[] = {10, 11}, b[] = {20, 11};
  for (int it = 0; it < 5; ++it) {
    float s[2] = {0, 0};
    p.Score(a, 2, s);
    p.Update(a, 2, 0, s[1] > s[0] ? 1 : 0);
    p.Tick();
    float t[2] = {0, 0};
    p.Score(b, 2, t);
    p.Update(b, 2, 1, t[1] > t[0] ? 1 : 0);
    p.Tick();
  }
  WeightTable avg = p.Averaged(0.f);
  float s[2] = {0, 0}, t[2] = {0, 0};
  avg.Score(a, 2, s);
  avg.Score(b, 2, t);
  EXPECT_GT(s[0], s[1]);
  EXPECT_GT(t[1], t[0]);
}

}  // namespace
}  // namespace dyad::syntax
