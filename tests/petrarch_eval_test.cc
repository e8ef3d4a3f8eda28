// PETRARCH-2's unit-test records as a peer suite: the record reader on an
// inline snippet, the actor-code rule, and a floor on the whole suite.
#include "dyad/eval/petrarch_eval.h"

#include <filesystem>

#include "test_util.h"

namespace dyad {
namespace {

constexpr char kSnippet[] = R"(<Validation>
<!-- a comment with <Sentence date="1" id="NOT-A-RECORD"> inside -->
<Sentences>
<Sentence date="19950101" id="DEMO-00" category="DEMO" sentence="true">
<!-- Last update: 29 July 2013 -->
<EventCoding sourcecode="ARN" targetcode="GON" eventcode="064"></EventCoding>
<EventCoding sourcecode='"INJURY TOLL"' targetcode="OSG" eventcode="223"></EventCoding>
<Text>
Arnor is about to restore full diplomatic ties with Gondor &amp; Osgiliath
almost five years after crowds trashed its embassy.
</Text>
<Parse> (ROOT (S (NP (NNP Arnor)) (VP (VBZ is)))) </Parse>
</Sentence>
<Sentence date = "20010502" id ="NULL-01"  category="ERROR" sentence="true">
<EventCoding noevents = "True"> </EventCoding>
<Text>Nothing happened.</Text>
</Sentence>
<Sentence date="20010503" id="ERR-01" category="ERROR" sentence="true">
<EventCoding error="storydiscard"></EventCoding>
<Text>Arnor beat Gondor 3-1 at football.</Text>
</Sentence>
</Sentences>
</Validation>
)";

TEST(PetrarchRecords, ReadsSnippet) {
  std::vector<PetrarchRecord> records;
  std::string error;
  ASSERT_TRUE(ReadPetrarchRecords(kSnippet, &records, &error)) << error;
  ASSERT_EQ(records.size(), 3u);
  const PetrarchRecord& r = records[0];
  EXPECT_EQ(r.id, "DEMO-00");
  EXPECT_EQ(r.date, "19950101");
  EXPECT_EQ(r.category, "DEMO");
  EXPECT_EQ(r.text,
            "Arnor is about to restore full diplomatic ties with Gondor & "
            "Osgiliath almost five years after crowds trashed its embassy.");
  ASSERT_EQ(r.expected.size(), 2u);
  EXPECT_EQ(r.expected[0].source, "ARN");
  EXPECT_EQ(r.expected[0].target, "GON");
  EXPECT_EQ(r.expected[0].code, "064");
  EXPECT_EQ(r.expected[1].source, "\"INJURY TOLL\"");
  EXPECT_EQ(r.expected[1].code, "223");
  EXPECT_FALSE(r.noevents);

  EXPECT_EQ(records[1].id, "NULL-01");
  EXPECT_EQ(records[1].date, "20010502");
  EXPECT_TRUE(records[1].noevents);
  EXPECT_TRUE(records[1].expected.empty());
  EXPECT_EQ(records[1].text, "Nothing happened.");

  EXPECT_EQ(records[2].error, "storydiscard");
  EXPECT_TRUE(records[2].expected.empty());
}

TEST(PetrarchRecords, RejectsUnclosedRecord) {
  std::vector<PetrarchRecord> records;
  std::string error;
  EXPECT_FALSE(ReadPetrarchRecords(
      "<Sentence date=\"19950101\" id=\"X\"><Text>a</Text>", &records, &error));
  EXPECT_THAT(error, ::testing::HasSubstr("unclosed"));
}

TEST(PetrarchRecords, ActorCodeRule) {
  Mention m;
  m.code = "ARNGOV";
  m.country = "ARN";
  m.role = "GOV";
  EXPECT_TRUE(ActorCodeMatches("ARN", &m));      // country only
  EXPECT_TRUE(ActorCodeMatches("ARNGOV", &m));   // full code
  EXPECT_TRUE(ActorCodeMatches("ARNGOVFRM", &m));  // reduced like the importer
  EXPECT_FALSE(ActorCodeMatches("ARNMIL", &m));
  EXPECT_FALSE(ActorCodeMatches("GON", &m));
  EXPECT_FALSE(ActorCodeMatches("\"ARNOR\"", &m));
  EXPECT_TRUE(ActorCodeMatches("---", nullptr));
  EXPECT_FALSE(ActorCodeMatches("ARN", nullptr));
  Mention gov;
  gov.code = "GOV";
  gov.role = "GOV";
  EXPECT_TRUE(ActorCodeMatches("---GOV", &gov));
  EXPECT_FALSE(ActorCodeMatches("---MIL", &gov));
}

// The whole suite. The floor sits a little below what dyad scored when the
// test was written (see below), so that a regression in the
// actors or events stages shows here.
TEST(PetrarchSuite, CodesAtLeastTheFloor) {
  std::string records =
      testing::SharedDir() + "/data/petrarch2/text/PETR.UnitTest.records.xml";
  if (!std::filesystem::exists(records)) GTEST_SKIP() << "no " << records;
  PetrarchEvalOptions options;
  options.data_dir = testing::DataDir();
  PetrarchScore s;
  std::string error;
  ASSERT_TRUE(EvaluatePetrarch(records, options, &s, nullptr, &error)) << error;
  EXPECT_EQ(s.records, 284u);
  EXPECT_EQ(s.expected, 359u);
  EXPECT_FALSE(std::filesystem::exists(s.data_dir_used));  // cleaned up
  // Measured 2026-11-25 (session 2): 6 by source+target+root, 1 by exact
  // code, 146 coded, of 359 expected. Future acts are now coded as intents
  // (CAMEO 03x/13x: "will meet" is 036), which PETRARCH's records code as
  // the act itself, so exact matches fell while root matches rose.
  EXPECT_GE(s.matched_root, 5u);
  EXPECT_GE(s.matched_exact, 1u);
  EXPECT_LE(s.matched_exact, s.matched_root);
  EXPECT_GT(s.coded, 0u);
}

}  // namespace
}  // namespace dyad
