// The seed articles (../shared/seeds): every actor their gold events
// (../shared/dev/gold/seed000.jsonl, seed003.jsonl) name gets the gold
// code. "The event" is France, which hosted the MEK's conference, and "The
// conference" the MEK, which held it (gatherings, gathering.cc). One gold
// actor is left: the garbled "Iran's entire Free World. Summit" (the
// MEK's Free Iran World Summit, cut by a sentence break), which no general
// rule reads as the MEK.
#include <unistd.h>

#include <filesystem>

#include "dyad/actors/evaluate.h"

#include <gtest/gtest.h>

#include "actors_test_util.h"

namespace dyad::testing {
namespace {

Document Seed(const std::string& prefix) {
  for (const auto& f : std::filesystem::directory_iterator(SharedDir() + "/seeds"))
    if (f.path().filename().string().rfind(prefix, 0) == 0)
      return Annotated(ReadFile(f.path().string()), "2025-01-18");
  ADD_FAILURE() << "no seed " << prefix;
  return Document();
}

struct Expected {
  const char* text;
  const char* code;
};

void ExpectCodes(const Document& doc, const std::vector<Expected>& expected) {
  for (const Expected& e : expected) {
    bool found = false;
    for (const Mention& m : doc.mentions)
      if (doc.OriginalText(m.span) == e.text && m.code == e.code) found = true;
    EXPECT_TRUE(found) << e.text << " should be " << e.code;
  }
}

// Every mention whose text is `text` has `code`, and there are `count`.
void ExpectEvery(const Document& doc, const std::string& text, const std::string& code,
                 size_t count) {
  size_t seen = 0;
  for (const Mention& m : doc.mentions) {
    if (doc.OriginalText(m.span) != text) continue;
    ++seen;
    EXPECT_EQ(m.code, code) << "\"" << text << "\" at byte " << m.span.start;
  }
  EXPECT_EQ(seen, count) << text;
}

TEST(SeedsTest, IranCondemnsFrance) {
  Document doc = Seed("000_");
  ExpectCodes(doc, {
      {"Iran", "IRNGOV"},
      {"France", "FRAGOV"},
      {"the dissident Mojahedin Khalq Organization", "IRNOPP"},
      {"MKO", "IRNOPP"},
      {"MEK", "IRNOPP"},
      {"the French government", "FRAGOV"},
      {"Iran’s foreign ministry", "IRNGOV"},
      {"its spokesperson Esmail Baghaei", "IRNGOV"},
      {"the ruling theocracy", "IRNGOV"},
      {"Maryam Rajavi, leader of MKO", "IRNOPP"},
      {"she", "IRNOPP"},
      {"She", "IRNOPP"},
      {"the #IRGC", "IRNMIL"},
      {"the Islamic Revolutionary Guard Corps", "IRNMIL"},
      {"Assad’s regime", "SYRGOV"},
      // The rebels of the regime they brought down, not of the home
      // country of the article.
      {"a coalition of rebel groups", "SYRREB"},
      {"the Iranian “regime", "IRNGOV"},
      {"Baghaei", "IRNGOV"},
      {"the spokesperson", "IRNGOV"},
      {"former government officials from the United States", "USAELI"},
      // "former government officials from the United States and the United
      // Kingdom": the second country shares the head noun.
      {"the United Kingdom", "GBRELI"},
      {"James Jones, former US National Security Advisor", "USAELI"},
      {"Tehran", "IRNGOV"},
      {"Former UK Prime Minister Liz Truss", "GBRELI"},
      {"the regime in Iran", "IRNGOV"},
      {"The MKO", "IRNOPP"},
      {"the group", "IRNOPP"},
      {"the US", "USAGOV"},
      {"the State Department", "USAGOV"},
      {"the National Council of Resistance in Iran", "IRNOPP"},
      // Gatherings: Iran's spokesman speaking of the event addresses its
      // host; the attended conference is its organizer's.
      {"The event", "FRAGOV"},
      {"The conference", "IRNOPP"},
  });
  // "... removed from the list by the State Department": it = MEK.
  bool it_mek = false;
  for (const Mention& m : doc.mentions)
    if (doc.OriginalText(m.span) == "it" && m.code == "IRNOPP") it_mek = true;
  EXPECT_TRUE(it_mek);
}

TEST(SeedsTest, ResistanceGroupAccusesTehran) {
  Document doc = Seed("003_");
  ExpectCodes(doc, {
      {"An Iranian resistance group", "IRNOPP"},
      {"the current regime", "IRNGOV"},
      {"Tehran", "IRNGOV"},
      {"The Fars News Agency", "IRNMED"},
      {"the Islamic Republic", "IRNGOV"},
      {"Ali Safavi, a member of the Foreign Affairs Committee of the Paris-based "
       "National Council of the Resistance of Iran", "IRNOPP"},
      {"Iran’s ruling theocracy", "IRNGOV"},
      {"the Mujahedin-e Khalq", "IRNOPP"},
      {"the mullahs", "IRNGOV"},
      {"Safavi", "IRNOPP"},
      {"Fars", "IRNMED"},
      {"Mujahedin-e Khalq", "IRNOPP"},
      {"MOK", "IRNOPP"},
      {"The US", "USAGOV"},
      {"the State Department", "USAGOV"},
      {"the groups", "IRNOPP"},
      {"Secretary of State John Kerry", "USAGOV"},
      {"former Vice President Mike Pence", "USAELI"},
      {"former Secretary of State Mike Pompeo", "USAELI"},
      {"members of the MEK group", "IRNOPP"},
      {"The Iranian regime’s Ministry of Foreign Affairs", "IRNGOV"},
      {"the European Parliament", "IGOEU"},
      {"the Council of Europe", "IGOCOE"},
      {"leaders in Tehran", "IRNGOV"},
      {"Iranian officials", "IRNGOV"},
      {"the Fars report", "IRNMED"},
      // A report stands for who wrote it.
      {"the report", "IRNMED"},
      // "61 former very senior US officials" in the next paragraph: the
      // same 61 people, so "former" holds for both.
      {"61 US officials", "USAELI"},
      {"61 former very senior US officials", "USAELI"},
      {"Tehran", "IRNGOV"},
      {"a very senior Iranian diplomat", "IRNGOV"},
      {"the European Union", "IGOEU"},
      {"the US", "USAGOV"},
      {"Iran", "IRNGOV"},
  });
  // "The West, he said", and after the quote about "a very senior Iranian
  // diplomat", "He said ..." and "He also asserted": the speaker, Safavi,
  // not the diplomat the quote talks about.
  ExpectEvery(doc, "he", "IRNOPP", 1);
  ExpectEvery(doc, "He", "IRNOPP", 2);
  ExpectEvery(doc, "Safavi", "IRNOPP", 3);
}

// All 80 gold actors of the two seed articles, scored the way `dyad eval
// actors` scores them (the articles are linked into a scratch directory).
TEST(SeedsTest, AllGoldActorsButTheGarbledSummit) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("dyad-seeds-" + std::to_string(::getpid()));
  fs::create_directories(dir / "articles");
  fs::create_directories(dir / "gold");
  for (const char* id : {"seed000", "seed003"}) {
    fs::create_symlink(SharedDir() + "/dev/articles/" + id + ".txt",
                       dir / "articles" / (std::string(id) + ".txt"));
    fs::create_symlink(SharedDir() + "/dev/gold/" + id + ".jsonl",
                       dir / "gold" / (std::string(id) + ".jsonl"));
  }
  actors::ActorScore score;
  std::string misses, error;
  bool ok = actors::EvaluateActors(dir.string(), SharedPipeline(), ShippedCoder(), &score,
                                   &misses, &error);
  fs::remove_all(dir);
  ASSERT_TRUE(ok) << error;
  EXPECT_EQ(score.gold, 80u) << score.not_in_text << " named elsewhere";
  EXPECT_EQ(score.correct, 79u) << misses;
  EXPECT_NE(misses.find("Free World"), std::string::npos) << misses;
}

}  // namespace
}  // namespace dyad::testing
