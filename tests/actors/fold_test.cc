#include "dyad/actors/fold.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace dyad::actors {
namespace {

using ::testing::ElementsAre;

TEST(FoldTest, CaseDiacriticsPeriodsApostrophes) {
  EXPECT_EQ(FoldWord("Iran"), "iran");
  EXPECT_EQ(FoldWord("IRAN"), "iran");
  EXPECT_EQ(FoldWord("Türkiye"), "turkiye");
  EXPECT_EQ(FoldWord("Élysée"), "elysee");
  EXPECT_EQ(FoldWord("U.S."), "us");
  EXPECT_EQ(FoldWord("Raja'i"), "rajai");
  EXPECT_EQ(FoldWord("#IRGC"), "irgc");
  EXPECT_EQ(FoldWord("'s"), "'s");
}

TEST(FoldTest, HyphensSplitSoVariantsMeet) {
  EXPECT_THAT(FoldToken("Mujahedin-e"), ElementsAre("mujahedin", "e"));
  EXPECT_THAT(FoldToken("IRGC-affiliated"), ElementsAre("irgc", "affiliated"));
  EXPECT_THAT(FoldToken("--"), ElementsAre());
  EXPECT_EQ(AliasWords("Mujahedin-e Khalq"), AliasWords("Mujahedin e Khalq"));
  EXPECT_EQ(AliasWords("MUJAHEDIN-E_KHALQ_"), AliasWords("Mujahedin e Khalq"));
}

TEST(FoldTest, PossessiveSplitsLikeTheTokenizer) {
  EXPECT_THAT(AliasWords("People's Mojahedin"),
              ElementsAre("people", "'s", "mojahedin"));
  EXPECT_THAT(AliasWords("Workers' Party"), ElementsAre("workers", "'", "party"));
}

TEST(FoldTest, Plurals) {
  EXPECT_EQ(Plural("ministry"), "ministries");
  EXPECT_EQ(Plural("spokesman"), "spokesmen");
  EXPECT_EQ(Plural("prosecutor"), "prosecutors");
  EXPECT_EQ(Plural("police"), "police");
  EXPECT_EQ(Plural("Chinese"), "Chinese");
  EXPECT_EQ(Plural("journalist"), "journalists");
  EXPECT_EQ(Plural("embassy"), "embassies");
}

TEST(FoldTest, Acronyms) {
  EXPECT_TRUE(IsAcronym("US"));
  EXPECT_TRUE(IsAcronym("U.N."));
  EXPECT_TRUE(IsAcronym("#IRGC"));
  EXPECT_FALSE(IsAcronym("us"));
  EXPECT_FALSE(IsAcronym("Iran"));
  EXPECT_FALSE(IsAcronym("A"));
}

}  // namespace
}  // namespace dyad::actors
