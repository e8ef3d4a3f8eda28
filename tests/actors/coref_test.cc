// Within-document coreference: short names, acronyms, pronouns and
// definite descriptions.
#include <gtest/gtest.h>

#include "actors_test_util.h"

namespace dyad::testing {
namespace {

const Mention* Nth(const Document& doc, const std::string& text, int n) {
  for (const Mention& m : doc.mentions)
    if (doc.Text(m.span) == text && n-- == 0) return &m;
  return nullptr;
}

TEST(CorefTest, ShortNameAfterFullName) {
  Document doc = Annotated(
      "China's foreign ministry spokesman, Zhao Ming, rejected the report. "
      "Zhao said Beijing would respond.");
  const Mention* zhao = Nth(doc, "Zhao", 0);
  ASSERT_NE(zhao, nullptr);
  EXPECT_EQ(zhao->code, "CHNGOV");
  ASSERT_GE(zhao->antecedent, 0);
  EXPECT_NE(std::string(doc.Text(doc.mentions[zhao->antecedent].span)).find("Zhao Ming"),
            std::string::npos);
}

TEST(CorefTest, AcronymDefinedInText) {
  Document doc = Annotated(
      "The Sahel Workers Front (SWF) called a strike in Niger. Niamey's "
      "police arrested SWF members on Monday.");
  const Mention* swf = nullptr;
  for (const Mention& m : doc.mentions)
    if (m.sentence == 1 && std::string(doc.Text(m.span)).find("SWF") != std::string::npos)
      swf = &m;
  ASSERT_NE(swf, nullptr);
  EXPECT_GE(swf->antecedent, 0);
  EXPECT_EQ(CodeOf(doc, "Niamey's police"), "NERCOP");
}

TEST(CorefTest, PronounsFindTheirSpeaker) {
  Document doc = Annotated(
      "Maryam Rajavi, leader of MKO, said the regime would fall. "
      "\"The balance of power has shifted,\" she added.");
  const Mention* she = Nth(doc, "she", 0);
  ASSERT_NE(she, nullptr);
  EXPECT_EQ(she->kind, Mention::Kind::kPronoun);
  EXPECT_EQ(she->code, "IRNOPP");
  EXPECT_EQ(doc.mentions[she->antecedent].code, "IRNOPP");
}

TEST(CorefTest, DefiniteDescriptions) {
  Document doc = Annotated(
      "Iran considers MEK to be a terrorist organization, since the group took "
      "up arms against Tehran.");
  const Mention* group = Nth(doc, "the group", 0);
  ASSERT_NE(group, nullptr);
  EXPECT_EQ(group->code, "IRNOPP");
  EXPECT_EQ(doc.Text(doc.mentions[group->antecedent].span), "MEK");

  doc = Annotated(
      "Iran's foreign ministry cited its spokesperson Esmail Baghaei. "
      "The ministry later repeated the charge, the spokesperson claimed.");
  EXPECT_EQ(CodeOf(doc, "its spokesperson Esmail Baghaei"), "IRNGOV");
  EXPECT_EQ(CodeOf(doc, "The ministry"), "IRNGOV");
  EXPECT_EQ(CodeOf(doc, "the spokesperson"), "IRNGOV");
  EXPECT_GE(MentionOf(doc, "The ministry")->antecedent, 0);
}

TEST(CorefTest, RolesWithoutCountryTakeTheHomeCountry) {
  Document doc = Annotated(
      "QUITO, March 5 - Ecuador's government declared an emergency. Police "
      "detained dozens of protesters in Quito.");
  EXPECT_EQ(CodeOf(doc, "Police"), "ECUCOP");
}

TEST(CorefTest, UnresolvablePronounsAreLeftOut) {
  Document doc = Annotated("It was raining when they arrived.");
  EXPECT_EQ(Nth(doc, "It", 0), nullptr);
}

// Without the parse, the main clause's subject after an opening clause is
// what "he" in the next sentence means, not the leftmost person.
TEST(CorefTest, HeAfterAnOpeningClause) {
  Document doc = Annotated(
      "Speaking after talks with Chancellor Angela Merkel, Secretary of State "
      "John Kerry praised Germany. \"We are partners,\" he said.");
  const Mention* he = Nth(doc, "he", 0);
  ASSERT_NE(he, nullptr);
  EXPECT_EQ(he->code, "USAGOV");
}

// "the three men" are the three officers counted before, whatever the noun.
TEST(CorefTest, CountedPeopleUnderAPlainNoun) {
  Document doc = Annotated(
      "Estonia expelled three Russian military officers on Friday. The "
      "foreign ministry said the three men had spied on NATO bases.");
  const Mention* men = Nth(doc, "the three men", 0);
  ASSERT_NE(men, nullptr);
  EXPECT_EQ(men->code, CodeAtWord(doc, "officers"));
  EXPECT_EQ(men->code.substr(0, 3), "RUS");
}

}  // namespace
}  // namespace dyad::testing
