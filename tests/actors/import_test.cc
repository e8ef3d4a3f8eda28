// The PETRARCH-2 and TABARI importers, on the dictionaries in the team's
// shared data.
#include "dyad/actors/import.h"

#include <gtest/gtest.h>

#include "dyad/actors/actor_coder.h"
#include "test_util.h"

namespace dyad::actors {
namespace {

using dyad::testing::ReadFile;
using dyad::testing::SharedDir;

const Entry* Find(const std::vector<Entry>& entries, const std::string& name) {
  for (const Entry& e : entries) {
    for (const std::string& n : e.names)
      if (n == name) return &e;
    for (const std::string& n : e.nouns)
      if (n == name) return &e;
  }
  return nullptr;
}

std::vector<Entry> Import(const std::string& path, ImportFormat format,
                          bool skip_countries = false) {
  ImportOptions options;
  options.format = format;
  options.skip_country_names = skip_countries;
  std::vector<Entry> entries;
  ImportStats stats;
  std::string error;
  EXPECT_TRUE(ImportDictionary(ReadFile(path), path, options, &entries, &stats, &error))
      << error;
  // Whatever comes out must load back.
  ActorDictionary check;
  EXPECT_TRUE(check.Parse(FormatEntries(entries), path, &error)) << error;
  return entries;
}

TEST(ImportTest, ConvertsCodes) {
  EXPECT_EQ(ConvertCode("IRNGOVLEG"), "IRNLEG");
  EXPECT_EQ(ConvertCode("IGOUNOIAE"), "IGOUNOIAE");
  EXPECT_EQ(ConvertCode("INTREB"), "REB");
  EXPECT_EQ(ConvertCode("USAELI"), "USAELI");
  EXPECT_EQ(ConvertCode("IRN"), "IRNGOV");
  EXPECT_EQ(ConvertCode("---"), "");
  EXPECT_EQ(ConvertCode("AFGUAF"), "AFGREB");
  EXPECT_EQ(ReadableName("MUJAHEDIN-E-KHALQ_"), "Mujahedin-e-Khalq");
  EXPECT_EQ(ReadableName("MEK"), "MEK");
  EXPECT_EQ(ReadableName("ALI_KHAMENEI"), "Ali Khamenei");
}

TEST(ImportTest, Petrarch2Actors) {
  auto entries = Import(SharedDir() + "/data/petrarch2/dictionaries/Phoenix.Countries.actors.txt",
                        ImportFormat::kPetrarch2);
  EXPECT_GT(entries.size(), 15000u);
  // Dated roles survive: Rouhani was in the legislature, then governed.
  const Entry* rouhani = Find(entries, "Hassan Rouhani");
  ASSERT_NE(rouhani, nullptr);
  EXPECT_EQ(rouhani->kind, EntryKind::kPerson);
  EXPECT_EQ(rouhani->CodeAt("1990-01-01"), "IRNLEG");
  // A country headword with its cities becomes a country entry.
  const Entry* iran = Find(entries, "Iran");
  ASSERT_NE(iran, nullptr);
  EXPECT_EQ(iran->kind, EntryKind::kCountry);
  EXPECT_EQ(iran->country, "IRN");
  auto people_only = Import(
      SharedDir() + "/data/petrarch2/dictionaries/Phoenix.Countries.actors.txt",
      ImportFormat::kPetrarch2, true);
  EXPECT_EQ(Find(people_only, "Iran"), nullptr);

  auto groups = Import(SharedDir() + "/data/petrarch2/dictionaries/Phoenix.MilNonState.actors.txt",
                       ImportFormat::kPetrarch2);
  const Entry* mek = Find(groups, "MEK");  // from "MUJAHEDIN-E-KHALQ_(MEK)_"
  ASSERT_NE(mek, nullptr);
  EXPECT_EQ(mek, Find(groups, "Mujahedin-e-Khalq"));
  EXPECT_EQ(mek->codes[0].code, "REB");
  EXPECT_NE(mek->comment.find("INTREB"), std::string::npos);
}

TEST(ImportTest, Petrarch2AgentsExpandSubstitutionSets) {
  auto entries = Import(SharedDir() + "/data/petrarch2/dictionaries/Phoenix.agents.txt",
                        ImportFormat::kPetrarch2);
  const Entry* cattle = Find(entries, "cattlewomen");  // CATTLE!PERSON!
  ASSERT_NE(cattle, nullptr);
  EXPECT_EQ(cattle->kind, EntryKind::kAgent);
  EXPECT_EQ(cattle->role, "CVL");  // ~AGR
  const Entry* chamber = Find(entries, "chambers of commerce");  // {plural}
  ASSERT_NE(chamber, nullptr);
  EXPECT_EQ(chamber->role, "BUS");
}

TEST(ImportTest, TabariDictionaries) {
  const std::string dir = SharedDir() + "/data/tabari/dictionaries/";
  auto actors = Import(dir + "Internatnl.120521.actors", ImportFormat::kTabari);
  EXPECT_GT(actors.size(), 1000u);
  const Entry* iaea = Find(actors, "International Atomic Energy Agency");
  ASSERT_NE(iaea, nullptr);
  EXPECT_EQ(iaea->codes[0].code.substr(0, 3), "IGO");
  auto agents = Import(dir + "PSU.120522.agents", ImportFormat::kTabari);
  const Entry* farmer = Find(agents, "farmer");
  ASSERT_NE(farmer, nullptr);
  EXPECT_EQ(farmer->role, "CVL");
  // The demo file mixes <NOUN>/<ADJECTIVE> blocks, which are skipped.
  auto demo = Import(SharedDir() + "/data/tabari/TABARI.Demo.actors", ImportFormat::kTabari);
  EXPECT_EQ(Find(demo, "Bees"), nullptr);
  const Entry* albright = Find(demo, "Albright");
  ASSERT_NE(albright, nullptr);
  EXPECT_EQ(albright->CodeAt("2000-06-01"), "USAGOV");
}

TEST(ImportTest, ImportedDictionariesCode) {
  // A user's PETRARCH-2 list works as dyad data straight away.
  auto entries = Import(SharedDir() + "/data/petrarch2/dictionaries/Phoenix.MilNonState.actors.txt",
                        ImportFormat::kPetrarch2);
  ActorDictionary dict;
  for (Entry& e : entries) dict.mutable_entries().push_back(std::move(e));
  auto coder = ActorCoder::FromDictionary(std::move(dict));
  Document doc = dyad::testing::Segmented("The Moro Islamic Liberation Front attacked.");
  coder->Annotate(doc);
  ASSERT_FALSE(doc.mentions.empty());
  EXPECT_EQ(doc.mentions[0].code, "PHLREB");
}

}  // namespace
}  // namespace dyad::actors
