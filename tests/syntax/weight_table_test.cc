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
