// Codes that depend on the words around a phrase: shared heads of
// conjuncts, counted groups, quotes and their speakers, regions, states
// referred to as "the country", protests.
#include <gtest/gtest.h>

#include "actors_test_util.h"

namespace dyad::testing {
namespace {

TEST(ContextTest, ConjoinedCountriesShareTheHead) {
  Document doc = Annotated(
      "The meeting was attended by former officials from Germany and France.");
  EXPECT_EQ(CodeOf(doc, "France"), "FRAELI");
  doc = Annotated("The foreign ministers of Egypt and Jordan met in Cairo.");
  EXPECT_EQ(CodeOf(doc, "Jordan"), "JORGOV");
  // Two states side by side stay states.
  doc = Annotated("Egypt and Jordan signed the agreement.");
  EXPECT_EQ(CodeOf(doc, "Jordan"), "JORGOV");
}

TEST(ContextTest, ACountedGroupIsTheSameGroup) {
  Document doc = Annotated(
      "Tehran sanctioned 48 Canadian officials on Monday. The list named 48 former "
      "Canadian officials, among them two ministers.");
  EXPECT_EQ(CodeOf(doc, "48 Canadian officials"), "CANELI");
  doc = Annotated(
      "Poland expelled two Russian diplomats. A Polish diplomat said the two "
      "diplomats had spied.");
  EXPECT_EQ(CodeOf(doc, "the two diplomats"), "RUSGOV");
}

TEST(ContextTest, PronounsAfterAQuoteMeanTheSpeaker) {
  Document doc = Annotated(
      "Opposition leader Ali Safavi of the MEK spoke in Paris on Monday.\n\n"
      "\"In 2018 a senior Iranian diplomat in Vienna carried explosives to Paris.\" "
      "He said the European response was weak.");
  const Mention* he = nullptr;
  for (const Mention& m : doc.mentions)
    if (doc.Text(m.span) == "He") he = &m;
  ASSERT_NE(he, nullptr);
  EXPECT_EQ(he->code, "IRNOPP");
}

TEST(ContextTest, WeInsideAQuoteIsTheSpeaker) {
  Document doc = Annotated(
      "\"We will continue to stand by them,\" Libyan leader Muammar Gaddafi said.",
      "1987-03-29");
  EXPECT_EQ(CodeOf(doc, "We"), "LBYGOV");
  doc = Annotated("Iran's foreign ministry said: \"We reject the accusation.\"");
  EXPECT_EQ(CodeOf(doc, "We"), "IRNGOV");
  // Outside quotes "we" is the writer: not an actor.
  doc = Annotated("We expect Iran to respond.");
  EXPECT_EQ(CodeOf(doc, "We"), "<none>");
}

TEST(ContextTest, RegionsAreStatesWithoutACountry) {
  Document doc = Annotated("European leaders urged Iran to return to talks.");
  EXPECT_EQ(CodeOf(doc, "European leaders"), "GOV");
  doc = Annotated("Western governments condemned the vote.");
  EXPECT_EQ(CodeOf(doc, "Western governments"), "GOV");
  doc = Annotated("Gulf Arab states welcomed the truce.");
  EXPECT_EQ(CodeOf(doc, "Gulf Arab states"), "GOV");
}

TEST(ContextTest, TheCountryIsTheStateNamedLast) {
  Document doc = Annotated(
      "Belarus freed 31 prisoners on Tuesday. Washington said it would ease "
      "sanctions on the country.");
  EXPECT_EQ(CodeOf(doc, "the country"), "USAGOV") << "nearest state, by design";
  doc = Annotated("Belarus freed 31 prisoners. The country's leader spoke.");
  EXPECT_EQ(CodeOf(doc, "The country's leader"), "BLRGOV");
  // "any country" names none; "both countries" is left to the events
  // stage (the two latest actors).
  doc = Annotated("Iran said any country that attacks it will regret it.");
  EXPECT_EQ(CodeOf(doc, "any country"), "<none>");
  doc = Annotated("Greek and Turkish warships sailed. NATO called on both countries.");
  EXPECT_EQ(CodeOf(doc, "both countries"), "<none>");
}

TEST(ContextTest, PeopleAtAProtestAreProtesters) {
  Document doc = Annotated(
      "Police fired tear gas to disperse 1,000 miners in La Paz, Bolivia.");
  EXPECT_EQ(CodeAtWord(doc, "miners"), "BOLPRO");
  doc = Annotated("Bolivia said 1,000 miners lost their jobs.");
  EXPECT_EQ(CodeAtWord(doc, "miners"), "BOLCVL");
}

TEST(ContextTest, SupportersAtAProtestAreProtesters) {
  Document doc = Annotated(
      "Kenya's opposition leader called for calm. Riot police fired tear gas "
      "to disperse hundreds of opposition supporters in Nairobi. Later the "
      "government said it would talk to the opposition.");
  EXPECT_EQ(CodeAtWord(doc, "supporters"), "KENPRO");
  // Named again away from the protest, they are the opposition.
  EXPECT_EQ(CodeOf(doc, "the opposition"), "KENOPP");
  doc = Annotated("Opposition supporters in Kenya backed the new leader.");
  EXPECT_EQ(CodeAtWord(doc, "supporters"), "KENOPP");
}

TEST(ContextTest, RebelsBelongToTheRegimeTheyFight) {
  Document doc = Annotated(
      "Iran backed Assad's regime, which fell after a coalition of rebel groups "
      "launched an offensive.");
  EXPECT_EQ(CodeOf(doc, "a coalition of rebel groups"), "SYRREB");
}

TEST(ContextTest, PlacesAfterInAreNotActors) {
  Document doc = Annotated("Iraqi artillery shelled Iranian towns on Tuesday.");
  EXPECT_EQ(CodeOf(doc, "Iranian towns"), "IRNCVL");
  doc = Annotated("Protests spread to eight cities in Ecuador.");
  EXPECT_EQ(CodeOf(doc, "eight cities"), "<none>");
  // A name no dictionary knows after "in"/"near" is a place too.
  doc = Annotated(
      "Rebels shelled army positions near Kalehe and in Minova and Sake on "
      "Sunday, the Congolese army said.");
  for (const Mention& m : doc.mentions) {
    std::string text(doc.Text(m.span));
    EXPECT_TRUE(text != "Kalehe" && text != "Minova" && text != "Sake") << text;
  }
}

TEST(ContextTest, PortfoliosCommissionersAndTribunals) {
  Document doc = Annotated(
      "Spain's agriculture minister, Luis Prado, met EU Trade Commissioner "
      "Anna Berg in Madrid. An international arbitration tribunal ruled "
      "against Spain last year.");
  EXPECT_EQ(CodeOf(doc, "Spain's agriculture minister, Luis Prado"), "ESPGOV");
  EXPECT_EQ(CodeOf(doc, "EU Trade Commissioner Anna Berg"), "IGOEU");
  EXPECT_EQ(CodeOf(doc, "An international arbitration tribunal"), "IGO");
}

TEST(ContextTest, TitleClosesAfterACapitalizedConjunct) {
  Document doc = Annotated(
      "Hiroshi Tanaka, Vice Minister of the Economy, Trade and Industry "
      "Ministry, said Japan would respond. Tanaka spoke in Tokyo.");
  EXPECT_EQ(CodeOf(doc, "Tanaka"), "JPNGOV");
}

TEST(ContextTest, PeopleOfOrganizations) {
  Document doc = Annotated(
      "Hana Mahmoud of the Tripoli-based Victims' Rights Centre criticised the court.");
  EXPECT_EQ(CodeOf(doc, "Hana Mahmoud of the Tripoli-based Victims' Rights Centre"),
            "LBYHRI");
  doc = Annotated("Pakistan's acting U.N. representative Aneesuddin Ahmed spoke.");
  EXPECT_EQ(CodeAtWord(doc, "Ahmed"), "PAKGOV");
  doc = Annotated("The U.N. representative in Kabul spoke.");
  EXPECT_EQ(CodeAtWord(doc, "representative"), "IGOUNO");
  doc = Annotated("Rohingya refugees in Bangladesh protested.");
  EXPECT_EQ(CodeAtWord(doc, "refugees"), "MMRREF");
}

TEST(ContextTest, TitlesAndApposedParties) {
  Document doc = Annotated(
      "Sen. Pete Domenici, a New Mexico Republican, said they would act.");
  EXPECT_EQ(CodeOf(doc, "Sen. Pete Domenici, a New Mexico Republican"), "USALEG");
  // Officers alone are police; a stronger word decides.
  doc = Annotated("Ugandan officers fired tear gas at Ugandan army officers.");
  EXPECT_EQ(CodeOf(doc, "Ugandan officers"), "UGACOP");
  EXPECT_EQ(CodeOf(doc, "Ugandan army officers"), "UGAMIL");
}

}  // namespace
}  // namespace dyad::testing
