// The shipped data/verbs set loads against the shipped code table, holds
// the reserved control sets, and covers every CAMEO root.
#include <set>

#include "dyad/events/patterns.h"
#include "events/events_test_util.h"

namespace dyad::events {
namespace {

std::unique_ptr<PatternSet> LoadShipped(const CodeTable& codes) {
  std::string error;
  auto files = PatternSet::DefaultFiles(testing::DataDir() + "/verbs");
  auto set = PatternSet::Load(files, codes, &error);
  EXPECT_NE(set, nullptr) << error;
  return set;
}

TEST(ShippedPatterns, DefaultOrderPutsControlAndCuratedFirst) {
  auto files = PatternSet::DefaultFiles(testing::DataDir() + "/verbs");
  ASSERT_GE(files.size(), 2u);
  EXPECT_TRUE(files[0].ends_with("/control.txt")) << files[0];
  EXPECT_TRUE(files[1].ends_with("/curated.txt")) << files[1];
}

TEST(ShippedPatterns, LoadAndCoverEveryRoot) {
  auto codes = testing::ShippedCodes();
  ASSERT_NE(codes, nullptr);
  auto set = LoadShipped(*codes);
  ASSERT_NE(set, nullptr);
  std::set<std::string> curated_roots, all_roots;
  for (const Pattern& p : set->patterns()) {
    if (p.blocks()) continue;
    all_roots.insert(p.code.substr(0, 2));
    if (p.rule.starts_with("verbs/curated.txt")) curated_roots.insert(p.code.substr(0, 2));
  }
  for (int r = 1; r <= 20; ++r) {
    std::string root = testing::RootCode(r);
    EXPECT_TRUE(curated_roots.count(root)) << "curated.txt has no root " << root;
    EXPECT_TRUE(all_roots.count(root)) << root;
  }
}

TEST(ShippedPatterns, ControlSets) {
  auto codes = testing::ShippedCodes();
  ASSERT_NE(codes, nullptr);
  auto set = LoadShipped(*codes);
  ASSERT_NE(set, nullptr);
  auto has = [&](std::string_view name, std::string_view word) {
    const std::vector<std::string>* words = set->Set(name);
    return words && std::find(words->begin(), words->end(), word) != words->end();
  };
  EXPECT_TRUE(has("NEGATION", "not"));
  EXPECT_TRUE(has("NEGATION", "n't"));
  EXPECT_TRUE(has("NEGATION", "never"));
  EXPECT_TRUE(has("MODAL", "could"));
  EXPECT_TRUE(has("MODAL", "might"));
  EXPECT_TRUE(has("SPEECH", "say"));
  EXPECT_TRUE(has("SPEECH", "tell"));
  EXPECT_TRUE(has("FUTURE_INTENT", "threaten"));
  EXPECT_TRUE(has("FUTURE_INTENT", "vow"));
  EXPECT_TRUE(has("NEGATIVE_COMPLEMENT", "refuse"));
}

// Conventions of the annotation guide, checked on the patterns that carry
// them: a verb with its most general pattern.
TEST(ShippedPatterns, GuideConventions) {
  auto codes = testing::ShippedCodes();
  ASSERT_NE(codes, nullptr);
  auto set = LoadShipped(*codes);
  ASSERT_NE(set, nullptr);
  auto general_code = [&](std::string_view predicate) -> std::string {
    auto list = set->ForPredicate(predicate);
    if (list.empty()) return "";
    return list.back().code;  // least specific: the verb's default
  };
  EXPECT_EQ(general_code("urge").substr(0, 2), "02");
  EXPECT_EQ(general_code("appeal").substr(0, 2), "02");
  EXPECT_EQ(general_code("demand").substr(0, 2), "10");
  EXPECT_EQ(general_code("condemn"), "111");
  EXPECT_EQ(general_code("accuse"), "112");
  EXPECT_EQ(general_code("arrest"), "173");
  EXPECT_EQ(general_code("sanction"), "163");
  // call on X: 02, not 10.
  for (const Pattern& p : set->ForPredicate("call")) {
    if (p.rule.starts_with("verbs/curated.txt") && p.slots.size() == 1 &&
        p.slots[0].relation == "on") {
      EXPECT_EQ(p.code.substr(0, 2), "02") << p.rule;
    }
  }
}

}  // namespace
}  // namespace dyad::events
