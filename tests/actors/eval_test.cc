// Mention-level precision/recall against the actors of gold events, with
// floors a little below what the shipped dictionaries reach (measured
// 2026-11-25: P 0.88, R 0.83 over ../shared/dev + tests/eval, with the
// syntax stage; P 0.88, R 0.83 without it).
#include "dyad/actors/evaluate.h"

#include <gtest/gtest.h>

#include "actors_test_util.h"

namespace dyad::testing {
namespace {

TEST(ActorEvalTest, MeetsFloors) {
  actors::ActorScore total;
  for (const std::string& dir : {SharedDir() + "/dev", SourceDir() + "/tests/eval"}) {
    actors::ActorScore s;
    std::string error;
    ASSERT_TRUE(actors::EvaluateActors(dir, SharedPipeline(), ShippedCoder(), &s,
                                       nullptr, &error))
        << error;
    EXPECT_GT(s.articles, 10u) << dir;
    total.Add(s);
  }
  EXPECT_GT(total.gold, 800u);
  EXPECT_GE(total.Precision(), 0.85);
  EXPECT_GE(total.Recall(), 0.79);
  EXPECT_GE(total.DetectionRate(), 0.93);
}

TEST(ActorEvalTest, MissingDirectoryIsAnError) {
  actors::ActorScore s;
  std::string error;
  EXPECT_FALSE(actors::EvaluateActors("/nonexistent", SharedPipeline(), ShippedCoder(),
                                      &s, nullptr, &error));
  EXPECT_NE(error.find("/nonexistent"), std::string::npos);
}

}  // namespace
}  // namespace dyad::testing
