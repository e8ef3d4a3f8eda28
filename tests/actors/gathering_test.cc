// Gatherings ("the summit", "the rally") stand for who held or hosted them
// (gathering.cc, data/actors/65-gatherings.actors), and the dateline's
// country is a home only for the state's own agents (coref.cc).
#include <gtest/gtest.h>

#include "actors_test_util.h"

namespace dyad::testing {
namespace {

TEST(GatheringTest, TheRallyIsItsOrganizer) {
  Document doc = Annotated(
      "Hezbollah held a rally in Beirut on Sunday to mark the anniversary. "
      "The rally was attended by several thousand supporters.");
  const Mention* rally = MentionOf(doc, "The rally");
  ASSERT_NE(rally, nullptr);
  EXPECT_EQ(rally->code, CodeOf(doc, "Hezbollah"));
  EXPECT_NE(rally->code, "LBNGOV");  // not the host city's state
  EXPECT_EQ(rally->kind, Mention::Kind::kNominal);
  ASSERT_GE(rally->antecedent, 0);
  EXPECT_NE(doc.mentions[rally->antecedent].code, "");
  // Mentions stay in text order after the description is added.
  for (size_t m = 1; m < doc.mentions.size(); ++m)
    EXPECT_LE(doc.mentions[m - 1].first_token, doc.mentions[m].first_token);
}

TEST(GatheringTest, PassiveOrganizerAndPermittedGroup) {
  Document doc = Annotated(
      "A summit organized by the African Union opened in Addis Ababa. "
      "The summit was attended by 30 heads of state.");
  EXPECT_EQ(CodeOf(doc, "The summit"), "IGOAU");
  Document permitted = Annotated(
      "Ankara criticised Germany for allowing the PKK to stage a gathering in "
      "Cologne. The gathering drew thousands of people.");
  EXPECT_EQ(CodeOf(permitted, "The gathering"), CodeOf(permitted, "the PKK"));
}

TEST(GatheringTest, ForeignGovernmentSpeakingHoldsTheHostToAccount) {
  // The organizer held it, the host country let it happen: a government of
  // another state speaking of the event addresses the host.
  Document doc = Annotated(
      "Iran protested after the Mujahedin-e Khalq held a conference in Berlin. "
      "The conference was attended by European lawmakers. "
      "The event violated international law, Iranian foreign ministry "
      "spokesman Nasser Kanaani said.");
  EXPECT_EQ(CodeOf(doc, "The conference"), "IRNOPP");
  EXPECT_EQ(CodeOf(doc, "The event"), "DEUGOV");
}

TEST(GatheringTest, HostedSummitAndNotAnActor) {
  Document doc = Annotated(
      "Egypt hosted a summit on Gaza on Monday. Speaking at the summit, the "
      "Jordanian king called for a ceasefire. The summit ended without a "
      "statement.");
  EXPECT_EQ(CodeOf(doc, "The summit"), "EGYGOV");
  // A place or time, not an actor: "at the summit", "in the event of".
  EXPECT_EQ(CodeOf(doc, "the summit"), "<none>");
  Document none = Annotated(
      "The group offered itself as an alternative in the event of the "
      "government's fall. The meeting was postponed.");
  EXPECT_EQ(CodeOf(none, "the event"), "<none>");
  // Nothing says who held the meeting: no actor.
  EXPECT_EQ(CodeOf(none, "The meeting"), "<none>");
}

TEST(GatheringTest, IssuedTextsStandForTheirIssuer) {
  Document doc = Annotated(
      "The UN Security Council adopted a resolution on Friday demanding a "
      "ceasefire in Sudan. The resolution was welcomed by the African Union, "
      "while Russia voted against the text.");
  EXPECT_EQ(CodeOf(doc, "The resolution"), "IGOUNO");
  EXPECT_EQ(CodeOf(doc, "the text"), "IGOUNO");
  Document statement = Annotated(
      "Japan's foreign ministry said in a statement that the tests were a "
      "grave threat. Pyongyang rejected the statement on Saturday.");
  EXPECT_EQ(CodeOf(statement, "the statement"), "JPNGOV");
  // "paving the way for talks": no determiner of the gathering's own.
  Document way = Annotated(
      "The two foreign ministers met in Seoul, paving the way for a summit "
      "meeting next month.");
  EXPECT_EQ(CodeOf(way, "the way for a summit"), "<none>");
}

TEST(GatheringTest, NoClueFromWordsThatSayOtherThings) {
  // "said the statement", "banned the planned rally", "a short-covering
  // rally" after an OPEC meeting: nobody held or issued these here.
  Document doc = Annotated(
      "Oil rose after an emergency OPEC meeting. Police in Athens banned the "
      "planned rally. Greece said the statement was false. The rally ended "
      "early, and Turkey rejected the statement.");
  EXPECT_EQ(CodeOf(doc, "The rally"), "<none>");
  EXPECT_EQ(CodeOf(doc, "the statement", doc.text.find("rejected")), "<none>");
}

TEST(GatheringTest, MeetingOfAnOrganization) {
  Document doc = Annotated(
      "After an emergency meeting of NATO ambassadors, the alliance urged "
      "restraint. The meeting was called after warships were sighted.");
  EXPECT_EQ(CodeOf(doc, "The meeting"), "IGONATO");
}

TEST(HomeCountryTest, DatelineIsHomeForLocalAgentsOnly) {
  Document doc = Annotated(
      "VILNIUS, Lithuania - Belarus freed 14 political prisoners on Friday, "
      "Lithuania's foreign ministry said. Exiled opposition figures welcomed "
      "the release. Police in Vilnius said the freed men were safe. "
      "Lithuanian officials met them at the border.");
  EXPECT_EQ(CodeOf(doc, "Exiled opposition figures"), "BLROPP");
  EXPECT_EQ(CodeAtWord(doc, "Police"), "LTUCOP");
}

TEST(HomeCountryTest, ATitledNameIsThePersonJustIntroduced) {
  // Not the dateline's country: the description before says whose he is.
  Document doc = Annotated(
      "PARIS, France - A French court ordered the release of a former "
      "Rwandan army officer on Tuesday. Retired Colonel Aloys Ntiwiragabo, "
      "72, had been held since March. Ntiwiragabo denies the charges.");
  EXPECT_EQ(CodeOf(doc, "Ntiwiragabo"), "RWAELI");
}

TEST(HomeCountryTest, ShipsTakeNoHomeCountry) {
  Document doc = Annotated(
      "MANAMA, Bahrain - About 80 ships waited outside the strait on Monday, "
      "Bahrain's transport ministry said. Bahraini police closed the port.");
  EXPECT_EQ(CodeAtWord(doc, "ships"), "BUS");
  EXPECT_EQ(CodeAtWord(doc, "police"), "BHRCOP");
}

TEST(HomeCountryTest, AnIgoBodyIsTheIgo) {
  Document doc = Annotated(
      "THE HAGUE, Netherlands - Judges at the International Criminal Court "
      "ordered the arrest of a Sudanese militia leader. Prosecutors said he "
      "had led attacks on villages in Darfur.");
  EXPECT_EQ(CodeOf(doc, "Judges"), "IGOICC");
  EXPECT_EQ(CodeOf(doc, "Prosecutors"), "IGOICC");
  Document members = Annotated(
      "OPEC ministers agreed in Vienna to cut output. The deal sets a ceiling "
      "for the group's 13 members until December.");
  EXPECT_EQ(CodeOf(members, "the group's 13 members"), "IGOOPEC");
  // The dateline is a place, not an actor of the lead.
  const Mention* hague = MentionOf(doc, "THE HAGUE");
  if (hague) EXPECT_NE(hague->code, "NLDJUD");
}

}  // namespace
}  // namespace dyad::testing
