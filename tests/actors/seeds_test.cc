// The seed articles (/work/shared/seeds): the actors their gold events
// name get the gold codes.
#include <filesystem>

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
      {"Baghaei", "IRNGOV"},
      {"the spokesperson", "IRNGOV"},
      {"former government officials from the United States", "USAELI"},
      {"James Jones, former US National Security Advisor", "USAELI"},
      {"Tehran", "IRNGOV"},
      {"Former UK Prime Minister Liz Truss", "GBRELI"},
      {"the regime in Iran", "IRNGOV"},
      {"The MKO", "IRNOPP"},
      {"the group", "IRNOPP"},
      {"the US", "USAGOV"},
      {"the State Department", "USAGOV"},
      {"the National Council of Resistance in Iran", "IRNOPP"},
  });
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
  });
}

}  // namespace
}  // namespace dyad::testing
