#include <gtest/gtest.h>

#include "dyad/segment/segmenter.h"
#include "test_util.h"

namespace dyad {
namespace {

using ::testing::ElementsAre;
using testing::Segmented;
using testing::SentenceTexts;
using testing::TokenForms;

TEST(Tokenize, SplitsClitics) {
  Document d = Segmented("Iran's envoy said they don't and can't, we'll see.");
  EXPECT_THAT(TokenForms(d),
              ElementsAre("Iran", "'s", "envoy", "said", "they", "do", "n't",
                          "and", "ca", "n't", ",", "we", "'ll", "see", "."));
}

TEST(Tokenize, KeepsHyphenatedWordsNumbersAndDatesWhole) {
  Document d = Segmented(
      "The MEK-affiliated group held an anti-Tehran rally on 18/01/2025 with "
      "1,200 people, up 3.5% from 2012-13, costing $40,000.");
  EXPECT_THAT(TokenForms(d),
              ElementsAre("The", "MEK-affiliated", "group", "held", "an",
                          "anti-Tehran", "rally", "on", "18/01/2025", "with",
                          "1,200", "people", ",", "up", "3.5", "%", "from",
                          "2012-13", ",", "costing", "$", "40,000", "."));
}

TEST(Tokenize, KeepsUrlsHandlesHashtagsAndEmailsWhole) {
  Document d = Segmented(
      "Rajavi posted on X (@Maryam_Rajavi): freedom in #Iran, see "
      "https://example.org/a?b=1. Write to press@example.org.");
  EXPECT_THAT(TokenForms(d),
              ElementsAre("Rajavi", "posted", "on", "X", "(", "@Maryam_Rajavi",
                          ")", ":", "freedom", "in", "#Iran", ",", "see",
                          "https://example.org/a?b=1", ".", "Write", "to",
                          "press@example.org", "."));
}

TEST(Tokenize, SlashesAndParenthesesBetweenNames) {
  Document d = Segmented("the Mojahedin Khalq Organization (MKO/MEK) met.");
  EXPECT_THAT(TokenForms(d),
              ElementsAre("the", "Mojahedin", "Khalq", "Organization", "(",
                          "MKO", "/", "MEK", ")", "met", "."));
}

TEST(Tokenize, AbbreviationsKeepTheirPeriod) {
  Document d = Segmented("Gen. Smith of the U.S. Army met Dr. Rao at 5 p.m.");
  EXPECT_THAT(TokenForms(d),
              ElementsAre("Gen.", "Smith", "of", "the", "U.S.", "Army", "met",
                          "Dr.", "Rao", "at", "5", "p.m."));
}

TEST(Tokenize, TokenOffsetsPointIntoTheOriginalText) {
  std::string text = "\u201CThe move is illegal,\u201D Baghaei said.";
  Document d = Segmented(text);
  for (const Token& t : d.tokens) {
    Span o = d.ToOriginal(t.span);
    std::string_view orig = std::string_view(text).substr(o.start, o.size());
    std::string_view form = d.Form(t);
    if (form == "\"")
      EXPECT_TRUE(orig == "\u201C" || orig == "\u201D") << orig;
    else
      EXPECT_EQ(orig, form);
  }
}

TEST(Sentences, AbbreviationsInitialsAndTitlesDoNotEndSentences) {
  Document d = Segmented(
      "Gen. James F. Smith met U.S. envoys on Jan. 5 in No. 10 Downing St. "
      "with Dr. Rao. The talks ended.");
  EXPECT_THAT(SentenceTexts(d),
              ElementsAre("Gen. James F. Smith met U.S. envoys on Jan. 5 in "
                          "No. 10 Downing St. with Dr. Rao.",
                          "The talks ended."));
}

TEST(Sentences, AbbreviationAtTheEndBeforeASentenceStarter) {
  Document d = Segmented("He moved to the U.S. The ministry objected.");
  EXPECT_THAT(SentenceTexts(d),
              ElementsAre("He moved to the U.S.", "The ministry objected."));
}

TEST(Sentences, QuotesSpanningSentencesAndAttribution) {
  Document d = Segmented(
      "\u201CToday, the balance of power has shifted. With the fall of "
      "Assad, the regime's forces disintegrated,\u201D she added. "
      "\u201CWhy now?\u201D he asked. \u201CWe will respond.\u201D The "
      "ministry said nothing.");
  EXPECT_THAT(
      SentenceTexts(d),
      ElementsAre("\u201CToday, the balance of power has shifted.",
                  "With the fall of Assad, the regime's forces "
                  "disintegrated,\u201D she added.",
                  "\u201CWhy now?\u201D he asked.",
                  "\u201CWe will respond.\u201D",
                  "The ministry said nothing."));
}

TEST(Sentences, QuestionInQuotesFollowedByNameAndSpeechVerb) {
  Document d = Segmented(
      "\"What were they talking about?\" Foulkes said. Nobody answered.");
  EXPECT_THAT(SentenceTexts(d),
              ElementsAre("\"What were they talking about?\" Foulkes said.",
                          "Nobody answered."));
}

TEST(Sentences, DatelinesStayWithTheirSentence) {
  Document d = Segmented(
      "ERBIL, Kurdistan Region - Iran on Saturday condemned France.\n"
      "KYIV/MOSCOW (Reuters) \u2014 Russia launched drones overnight.");
  EXPECT_THAT(SentenceTexts(d),
              ElementsAre("ERBIL, Kurdistan Region - Iran on Saturday "
                          "condemned France.",
                          "KYIV/MOSCOW (Reuters) \u2014 Russia launched "
                          "drones overnight."));
}

TEST(Sentences, StrayPeriodBeforeLowercaseDoesNotSplit) {
  Document d = Segmented(
      "the growing power of the resistance units inside Iran. ,\u201D "
      "Safavi. said, calling the report a pathetic attempt.");
  ASSERT_EQ(d.sentences.size(), 1u);
}

TEST(Sentences, HeadlinesAndListItemsAreTheirOwnSentences) {
  Document d = Segmented(
      "Iran condemns France over conference in Paris\n"
      "The ministry listed its demands:\n"
      "- close the office\n"
      "- expel the organisers\n");
  EXPECT_THAT(SentenceTexts(d),
              ElementsAre("Iran condemns France over conference in Paris",
                          "The ministry listed its demands:",
                          "- close the office", "- expel the organisers"));
}

TEST(Sentences, HardWrappedWireCopyJoinsLines) {
  Document d = Segmented(
      "NICOSIA, March 27 - Cyprus has protested to the United Nations\n"
      "over alleged airspace violations by the Turkish air force, an\n"
      "official statement said. The protest said Turkish jets flew over\n"
      "Cyprus yesterday during an exercise of Turkish forces occupying\n"
      "north Cyprus.\n");
  ASSERT_EQ(d.sentences.size(), 2u);
  EXPECT_EQ(SentenceTexts(d)[1],
            "The protest said Turkish jets flew over\nCyprus yesterday during "
            "an exercise of Turkish forces occupying\nnorth Cyprus.");
}

TEST(Sentences, SeedBodyPastedTwiceIsCodedOnce) {
  std::string text = testing::ReadFile(testing::SharedDir() +
                                       "/seeds/000_e4e2ae2144d8c61f.txt");
  ASSERT_FALSE(text.empty());
  Document d = Segmented(text);
  size_t fresh = 0, repeated = 0;
  for (const Sentence& s : d.sentences) (s.duplicate ? repeated : fresh)++;
  // The body after the headline and dateline lead appears twice.
  EXPECT_EQ(fresh, 21u);
  EXPECT_EQ(repeated, 19u);
  // The first "Baghaei added" sentence is coded, its copy is not.
  int seen = 0;
  for (const Sentence& s : d.sentences) {
    if (d.OriginalText(s.span).find("Baghaei added") == std::string::npos)
      continue;
    EXPECT_EQ(s.duplicate, seen++ > 0);
  }
  EXPECT_EQ(seen, 2);
}

TEST(Segmenter, DataFileErrorsNameTheLine) {
  std::string error;
  auto s = Segmenter::FromString("[title]\nMr.\n[bogus]\n", "seg.txt", &error);
  EXPECT_EQ(s, nullptr);
  EXPECT_EQ(error, "seg.txt:3: unknown section [bogus]");
}

TEST(Dateline, FoundAtTheHeadOfTheStoryOnly) {
  // Wire style, a place in several capital words with a country, and a
  // bare place: the dateline runs to the dash.
  Document wire = Segmented("MOSCOW, April 13 - Shultz and Shevardnadze met today.");
  EXPECT_EQ(wire.DatelineLength(0), 5u);
  Document city = Segmented("THE HAGUE, Netherlands - Judges issued a warrant.");
  EXPECT_EQ(city.DatelineLength(0), 5u);
  Document bare = Segmented("WASHINGTON - The Treasury imposed sanctions.");
  EXPECT_EQ(bare.DatelineLength(0), 2u);
  // After a headline, in the story's first paragraph.
  Document headed = Segmented(
      "Iran condemns France\n\nERBIL, Kurdistan Region - Iran on Saturday "
      "condemned France. Tehran said more.");
  ASSERT_EQ(headed.sentences.size(), 3u);
  EXPECT_EQ(headed.DatelineLength(0), 0u);
  EXPECT_EQ(headed.DatelineLength(1), 5u);
  EXPECT_EQ(headed.DatelineLength(2), 0u);
  // A dash far into the sentence, or after ordinary words.
  EXPECT_EQ(Segmented("IRGC commanders said on Monday in a long statement to "
                      "reporters - again - that they would respond.")
                .DatelineLength(0),
            0u);
  EXPECT_EQ(Segmented("Iran said - again - it would respond.").DatelineLength(0), 0u);
}

}  // namespace
}  // namespace dyad
