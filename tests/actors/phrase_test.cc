// Compound actors and dictionary matching on realistic sentences.
#include <gtest/gtest.h>

#include "actors_test_util.h"

namespace dyad::testing {
namespace {

TEST(PhraseTest, PossessivesAndTitlesCompose) {
  Document doc = Annotated(
      "Iran's foreign ministry spokesperson Esmail Baghaei condemned the "
      "decision on Saturday.");
  EXPECT_EQ(CodeAtWord(doc, "Baghaei"), "IRNGOV");
  doc = Annotated("German Chancellor Friedrich Merz met Egyptian prosecutors in Cairo.");
  EXPECT_EQ(CodeAtWord(doc, "Merz"), "DEUGOV");
  EXPECT_EQ(CodeOf(doc, "Egyptian prosecutors"), "EGYJUD");
  doc = Annotated("Gunmen attacked the Nigerian army near the border.");
  EXPECT_EQ(CodeOf(doc, "the Nigerian army"), "NGAMIL");
}

TEST(PhraseTest, FormerOfficialsAreElites) {
  Document doc = Annotated(
      "James Jones, former US National Security Advisor, called for the "
      "closure of Iranian embassies.");
  EXPECT_EQ(CodeAtWord(doc, "Jones"), "USAELI");
  EXPECT_EQ(CodeOf(doc, "Iranian embassies"), "IRNGOV");
  doc = Annotated("Former UK Prime Minister Liz Truss spoke at the conference.");
  EXPECT_EQ(CodeAtWord(doc, "Truss"), "GBRELI");
  doc = Annotated("A former US National Security Advisor attended.");
  EXPECT_EQ(CodeAtWord(doc, "Advisor"), "USAELI");
}

TEST(PhraseTest, DateBoundedRoles) {
  // Truss led the government in October 2022 and had left by 2025.
  Document then = Annotated("Liz Truss said Britain would act.", "2022-10-01");
  EXPECT_EQ(CodeOf(then, "Liz Truss"), "GBRGOV");
  Document now = Annotated("Liz Truss said Britain would act.", "2025-01-18");
  EXPECT_EQ(CodeOf(now, "Liz Truss"), "GBRELI");
  // The KGB was Soviet until December 1991, Belarusian since.
  Document soviet = Annotated("The KGB arrested two dissidents.", "1987-03-02");
  EXPECT_EQ(CodeOf(soviet, "The KGB"), "RUSSPY");
  Document belarus = Annotated("The KGB arrested two dissidents.", "2021-03-02");
  EXPECT_EQ(CodeOf(belarus, "The KGB"), "BLRSPY");
}

TEST(PhraseTest, MediaOfAnAffiliateIsMedia) {
  Document doc = Annotated(
      "The IRGC-affiliated Fars News Agency reported the arrests.");
  EXPECT_EQ(CodeAtWord(doc, "Agency"), "IRNMED");
}

TEST(PhraseTest, CapitalsStandForGovernments) {
  Document doc = Annotated("Tehran rejected the claim, and Washington said nothing.");
  EXPECT_EQ(CodeOf(doc, "Tehran"), "IRNGOV");
  EXPECT_EQ(CodeOf(doc, "Washington"), "USAGOV");
  // ... but not where they are only the place.
  doc = Annotated("A conference was held in Paris on Saturday.");
  EXPECT_EQ(CodeOf(doc, "Paris"), "<none>");
}

TEST(PhraseTest, OneGroupManyNames) {
  for (const char* name : {"MEK", "MKO", "Mojahedin Khalq", "Mujahedin-e Khalq",
                           "Mujahedin e Khalq", "Mojahedin Khalq Organization",
                           "People's Mojahedin Organization of Iran"}) {
    Document doc = Annotated(std::string("Iran accused the ") + name + " of terrorism.");
    bool found = false;
    for (const Mention& m : doc.mentions)
      if (m.code == "IRNOPP" && m.entity == "mek") found = true;
    EXPECT_TRUE(found) << name;
  }
}

TEST(PhraseTest, InternationalOrganizationsHaveNoCountry) {
  Document doc = Annotated(
      "The UN, the EU and NATO urged restraint, and the U.N. Security "
      "Council met.");
  const Mention* un = MentionOf(doc, "The UN");
  ASSERT_NE(un, nullptr);
  EXPECT_EQ(un->code, "IGOUNO");
  EXPECT_EQ(un->role, "IGO");
  EXPECT_EQ(un->country, "");
  EXPECT_EQ(CodeOf(doc, "the EU"), "IGOEU");
  EXPECT_EQ(CodeOf(doc, "NATO"), "IGONATO");
  EXPECT_EQ(CodeOf(doc, "the U.N. Security Council"), "IGOUNO");
}

TEST(PhraseTest, CaseDiacriticsAndAcronyms) {
  Document doc = Annotated("Türkiye and IRAN signed a deal; Turkiye praised it.");
  EXPECT_EQ(CodeOf(doc, "Türkiye"), "TURGOV");
  EXPECT_EQ(CodeOf(doc, "IRAN"), "IRNGOV");
  EXPECT_EQ(CodeOf(doc, "Turkiye"), "TURGOV");
  // "us" the pronoun is not the United States; "US" is.
  doc = Annotated("They told us the US would respond.");
  EXPECT_EQ(CodeOf(doc, "us"), "<none>");
  EXPECT_EQ(CodeOf(doc, "the US"), "USAGOV");
}

TEST(PhraseTest, PluralsOfAgents) {
  Document doc = Annotated(
      "The foreign ministries of both states and Sudanese rebels issued "
      "statements.");
  EXPECT_EQ(CodeAtWord(doc, "rebels"), "SDNREB");
  doc = Annotated("Thousands of Serbian protesters marched.");
  EXPECT_EQ(CodeAtWord(doc, "protesters"), "SRBPRO");
}

TEST(PhraseTest, UnknownNamesAreReportedWithoutCode) {
  Document doc = Annotated(
      "The Zarvanian Liberation Council threatened the Kenyan government.");
  const Mention* unknown = MentionOf(doc, "The Zarvanian Liberation Council");
  if (!unknown) unknown = MentionOf(doc, "Zarvanian Liberation Council");
  ASSERT_NE(unknown, nullptr);
  EXPECT_EQ(unknown->code, "");
  EXPECT_EQ(unknown->kind, Mention::Kind::kNamed);
  EXPECT_EQ(CodeOf(doc, "the Kenyan government"), "KENGOV");
}

TEST(PhraseTest, MentionsAreInTextOrderWithSpans) {
  Document doc = Annotated("France and Iran met. Germany watched.");
  ASSERT_GE(doc.mentions.size(), 3u);
  for (size_t i = 1; i < doc.mentions.size(); ++i)
    EXPECT_LE(doc.mentions[i - 1].span.start, doc.mentions[i].span.start);
  EXPECT_EQ(doc.Text(doc.mentions[0].span), "France");
  EXPECT_EQ(doc.mentions[2].sentence, 1u);
  EXPECT_EQ(doc.mentions[0].kind, Mention::Kind::kNamed);
}

TEST(PhraseTest, WorksWithSyntaxTags) {
  // With UPOS filled (as after the syntax stage) adjectives join phrases.
  Document doc = Segmented("Ethiopian mechanised units crossed the border.");
  for (Token& t : doc.tokens) t.upos = Upos::NOUN;
  doc.tokens[1].upos = Upos::ADJ;
  ShippedCoder().Annotate(doc);
  EXPECT_EQ(CodeOf(doc, "Ethiopian mechanised units"), "ETHMIL");
}

}  // namespace
}  // namespace dyad::testing
