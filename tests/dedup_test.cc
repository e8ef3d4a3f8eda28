#include <gtest/gtest.h>

#include "dyad/ingest/dedup.h"

namespace dyad {
namespace {

const char kStory[] =
    "Albania expelled two Iranian diplomats on Monday after police linked "
    "them to a plot against members of the exiled opposition group living in "
    "a camp near Durres, the foreign ministry in Tirana said in a statement. "
    "Iran rejected the accusation and summoned the Albanian charge d'affaires.";

TEST(DuplicateDetector, ExactCopiesMatchWhateverTheWhitespace) {
  DuplicateDetector d;
  EXPECT_FALSE(d.Check("a", kStory));
  std::string spaced = std::string("  ") + kStory + "\n\n";
  auto dup = d.Check("b", spaced);
  ASSERT_TRUE(dup);
  EXPECT_EQ(dup->id, "a");
  EXPECT_EQ(dup->similarity, 1.0);
}

TEST(DuplicateDetector, LightlyEditedRewriteIsANearDuplicate) {
  DuplicateDetector d;
  EXPECT_FALSE(d.Check("wire", kStory));
  std::string edited = kStory;
  edited.replace(edited.find("Monday"), 6, "Tuesday");
  edited += " Officials declined to comment further.";
  auto dup = d.Check("reprint", edited);
  ASSERT_TRUE(dup);
  EXPECT_EQ(dup->id, "wire");
  EXPECT_GE(dup->similarity, 0.7);
  EXPECT_LT(dup->similarity, 1.0);
}

TEST(DuplicateDetector, DifferentStoriesOnTheSameTopicAreNotDuplicates) {
  DuplicateDetector d;
  EXPECT_FALSE(d.Check("a", kStory));
  EXPECT_FALSE(d.Check(
      "b",
      "Iran summoned the Albanian charge d'affaires in Tehran on Tuesday to "
      "protest what it called baseless accusations, a day after Albania "
      "expelled two Iranian diplomats over an alleged plot near Durres, "
      "state media reported, citing a foreign ministry spokesman."));
}

TEST(DuplicateDetector, ShortTextsOnlyMatchExactly) {
  DuplicateDetector d;
  EXPECT_FALSE(d.Check("a", "Iran condemned France."));
  EXPECT_FALSE(d.Check("b", "Iran condemned Britain."));
  EXPECT_TRUE(d.Check("c", "Iran condemned France."));
}

TEST(DuplicateDetector, MemoryIsBoundedToTwoGenerations) {
  DuplicateDetector d(0.7, 2);
  EXPECT_FALSE(d.Check("a", "Iran condemned France."));
  EXPECT_FALSE(d.Check("b", "Iran condemned Britain."));
  EXPECT_FALSE(d.Check("c", "Iran condemned Germany."));
  // "a" is still remembered (older generation), then forgotten.
  EXPECT_TRUE(d.Check("a2", "Iran condemned France."));
  EXPECT_FALSE(d.Check("d", "Iran condemned Italy."));
  EXPECT_FALSE(d.Check("e", "Iran condemned Spain."));
  EXPECT_FALSE(d.Check("a3", "Iran condemned France."));
  // A recent one is found.
  EXPECT_TRUE(d.Check("e2", "Iran condemned Spain."));
}

}  // namespace
}  // namespace dyad
