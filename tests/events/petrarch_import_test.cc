#include "dyad/events/petrarch_import.h"

#include <sstream>

#include "dyad/events/patterns.h"
#include "events/events_test_util.h"

namespace dyad::events {
namespace {

using ::testing::HasSubstr;

// A small dictionary in the CAMEO.2.0.txt format, written for this test.
constexpr char kSnippet[] = R"(# TEST VERB DICTIONARY
# (c) nobody; a header comment that the output keeps.

&PENALTY
+SANCTION
+EMBARGO
+TRADE_BARRIERS

&SOFT_
+WORDS

####### VERB PATTERNS #######

---  IMPOSE   [---]  ---
IMPOSE
LEVY [163]
+SLAP_ON {+SLAPS_ON +SLAPPED_ON}
- * SANCTIONS  [163]          # IMPOSE
- * &PENALTY (AGAINST +)  [163]  # IMPOSE
- * CURFEW [1723]
- * {MARTIAL LAW} [1724]
- &MILITARY * CURFEW [1723]   # undefined set: ignored, as PETRARCH does
- POLICE * (ON $) [173]
- * (TO A VOTE) [014]
- * VISIT [042:043]
- * (BEFORE COURT) [:173]
- WILL NOT * SANCTIONS [---]
- * {&PENALTY RELIEF} [085]
- * SANCTIONS [999]
- * OUT VIEWS [010]

---  ASK   [020]  ---
ASK
+ASK_FOR {+ASKED_FOR}
- * AID [023]
- * (FOR HELP) [023]

~ a (a b ATTACK) SAY = a b 015
)";

class ImportTest : public ::testing::Test {
 protected:
  void SetUp() override { codes_ = testing::ShippedCodes(); }
  std::string Import(const std::string& text, ImportStats* stats,
                     bool with_codes = true,
                     const std::string& origin = "test.verbs") {
    std::istringstream in(text);
    std::ostringstream out;
    std::string error;
    EXPECT_TRUE(ImportPetrarchVerbs(in, origin, out, &error, stats,
                                    with_codes ? codes_.get() : nullptr))
        << error;
    return out.str();
  }
  std::unique_ptr<CodeTable> codes_;
};

TEST_F(ImportTest, SingularNoun) {
  EXPECT_EQ(SingularNoun("sanctions"), "sanction");
  EXPECT_EQ(SingularNoun("embassies"), "embassy");
  EXPECT_EQ(SingularNoun("clashes"), "clash");
  EXPECT_EQ(SingularNoun("taxes"), "tax");
  EXPECT_EQ(SingularNoun("talks"), "talk");
  EXPECT_EQ(SingularNoun("arms"), "arm");  // as UD lemmatizes it
  for (const char* same : {"process", "status", "crisis", "series", "news",
                           "gas", "aid", "headquarters"})
    EXPECT_EQ(SingularNoun(same), same);
}

TEST_F(ImportTest, Snippet) {
  ImportStats stats;
  std::string out = Import(kSnippet, &stats);
  // Sets: plurals made singular, phrases joined, '_' sets left alone.
  EXPECT_THAT(out, HasSubstr("&PENALTY  sanction  embargo  trade_barrier\n"));
  EXPECT_THAT(out, HasSubstr("&SOFT  words\n"));
  // Verbs alone: own codes, the block default [---] writes nothing.
  EXPECT_THAT(out, HasSubstr("163   levy  # verb\n"));
  EXPECT_THAT(out, HasSubstr("020   ask  # verb\n"));
  EXPECT_THAT(out, HasSubstr("020   ask  for=*  # verb\n"));
  // Patterns apply to every verb of the block.
  EXPECT_THAT(out, HasSubstr("163   impose|levy|slap_on  obj=sanction  # test.verbs:"));
  EXPECT_THAT(out, HasSubstr("163   impose|levy|slap_on  obj=&PENALTY  against=@T"));
  EXPECT_THAT(out, HasSubstr("1724  impose|levy|slap_on  obj=martial_law"));
  EXPECT_THAT(out, HasSubstr("173   impose|levy|slap_on  subj=police  on=@S"));
  EXPECT_THAT(out, HasSubstr("014   impose|levy|slap_on  to=vote"));  // article dropped
  EXPECT_THAT(out, HasSubstr("042   impose|levy|slap_on  obj=visit"));  // paired: first
  EXPECT_THAT(out, HasSubstr("010   impose_out|levy_out  obj=view"));  // particle
  // A preposition verb takes the pattern's object as its own.
  EXPECT_THAT(out, HasSubstr("023   ask  for=aid"));
  EXPECT_THAT(out, HasSubstr("023   ask  obj=aid"));
  EXPECT_THAT(out, HasSubstr("023   ask  for=help"));
  // What cannot be said is listed and counted.
  EXPECT_THAT(out, HasSubstr("# skipped: test.verbs:22: set not defined before use"));
  EXPECT_THAT(out, HasSubstr("code only for the reversed event: - * (BEFORE COURT) [:173]"));
  EXPECT_THAT(out, HasSubstr("words before the verb: - WILL NOT * SANCTIONS [---]"));
  EXPECT_THAT(out, HasSubstr("set or actor marker inside a {phrase}"));
  EXPECT_THAT(out, HasSubstr("code not in the code table: - * SANCTIONS [999]"));
  EXPECT_THAT(out, HasSubstr("transformation (~)"));
  EXPECT_THAT(out, HasSubstr("# (c) nobody"));

  EXPECT_EQ(stats.blocks, 2);
  EXPECT_EQ(stats.verbs, 5);
  EXPECT_EQ(stats.sets, 2);
  EXPECT_EQ(stats.patterns_in, 15);
  EXPECT_EQ(stats.converted, 10);
  EXPECT_EQ(stats.skipped, 6);  // 5 patterns + 1 transformation
  EXPECT_EQ(stats.skip_reasons["transformation (~)"], 1);

  // The output loads as a pattern file.
  std::string error;
  auto set = PatternSet::Parse({{"verbs/test.txt", out}}, *codes_, &error);
  ASSERT_NE(set, nullptr) << error;
  auto levy = set->ForPredicate("levy");
  ASSERT_FALSE(levy.empty());
  EXPECT_EQ(levy[0].code, "163");  // obj=&PENALTY against=@T: most specific
  ASSERT_NE(levy[0].TargetSlot(), nullptr);
  EXPECT_EQ(levy[0].TargetSlot()->relation, "against");
}

TEST_F(ImportTest, Deterministic) {
  ImportStats a, b;
  EXPECT_EQ(Import(kSnippet, &a), Import(kSnippet, &b));
}

TEST_F(ImportTest, NotADictionary) {
  std::istringstream in("just some text\nwithout blocks\n");
  std::ostringstream out;
  std::string error;
  EXPECT_FALSE(ImportPetrarchVerbs(in, "x.txt", out, &error, nullptr));
  EXPECT_THAT(error, HasSubstr("x.txt"));
}

TEST_F(ImportTest, Cameo20Dictionary) {
  std::string text = testing::ReadFile(testing::SharedDir() +
                                       "/data/petrarch2/dictionaries/CAMEO.2.0.txt");
  if (text.empty()) GTEST_SKIP() << "shared data not found";
  ImportStats stats;
  std::string out = Import(text, &stats, true, "CAMEO.2.0.txt");
  EXPECT_EQ(stats.blocks, 397);
  EXPECT_EQ(stats.patterns_in, 4668);
  EXPECT_GT(stats.converted, 4000);
  EXPECT_LT(stats.skipped, 500);
  EXPECT_GE(stats.sets, 40);
  EXPECT_EQ(stats.skip_reasons["transformation (~)"], 8);
  // A few known conversions.
  EXPECT_THAT(out, HasSubstr("163   add  obj=sanction  # CAMEO.2.0.txt:"));
  EXPECT_THAT(out, HasSubstr("160   call_off|"));  // +CALL_OFF [160]
  EXPECT_THAT(out, HasSubstr("  obj=&CEASEFIRE  #"));
  EXPECT_THAT(out, HasSubstr("&CEASEFIRE  truce  armistice  cease-fire  ceasefire  cease_fire\n"));
  EXPECT_THAT(out, HasSubstr("The MIT License (MIT)"));

  // The output loads, together with the rest of the shipped set.
  std::string error;
  auto set = PatternSet::Parse({{"verbs/cameo-petrarch2.txt", out}}, *codes_, &error);
  ASSERT_NE(set, nullptr) << error;
  bool impose_sanction = false;
  for (const Pattern& p : set->ForPredicate("impose"))
    impose_sanction |= p.code == "163" && !p.slots.empty() &&
                       p.slots[0].relation == "obj" && p.slots[0].AcceptsHead("sanction");
  EXPECT_TRUE(impose_sanction);

  // The shipped file is this output.
  EXPECT_EQ(out, testing::ReadFile(testing::DataDir() + "/verbs/cameo-petrarch2.txt"))
      << "data/verbs/cameo-petrarch2.txt is stale: re-run the importer";
}

TEST_F(ImportTest, ValidationDictionary) {
  std::string text = testing::ReadFile(
      testing::SharedDir() + "/data/petrarch2/dictionaries/PETR.Validate.verbs.txt");
  if (text.empty()) GTEST_SKIP() << "shared data not found";
  ImportStats stats;
  std::string out = Import(text, &stats);
  EXPECT_GT(stats.blocks, 200);
  EXPECT_GT(stats.converted, 150);
  // Its codes are mostly WEIS, not CAMEO: skipped against the table.
  EXPECT_GT(stats.skip_reasons["code not in the code table"], 50);
  std::string error;
  EXPECT_NE(PatternSet::Parse({{"verbs/validate.txt", out}}, *codes_, &error), nullptr)
      << error;
  // Without a table every well-formed code is kept.
  ImportStats unchecked;
  Import(text, &unchecked, /*with_codes=*/false);
  EXPECT_GT(unchecked.converted, stats.converted);
}

}  // namespace
}  // namespace dyad::events
