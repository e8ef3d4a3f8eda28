#include "dyad/actors/dictionary.h"

#include <filesystem>

#include <gtest/gtest.h>

#include "dyad/actors/actor_coder.h"
#include "test_util.h"

namespace dyad::actors {
namespace {

constexpr char kMinister[] = R"(# a comment
entry: a-minister
kind: person
code: XYZGOV 2020-01-01..2023-06-30   # foreign minister
code: XYZLEG 2010..2019
names: Ann Example | Example
gender: female
)";

TEST(DictionaryTest, ParsesEntries) {
  ActorDictionary dict;
  std::string error;
  ASSERT_TRUE(dict.Parse(kMinister, "mem", &error)) << error;
  ASSERT_EQ(dict.entries().size(), 1u);
  const Entry& e = dict.entries()[0];
  EXPECT_EQ(e.id, "a-minister");
  EXPECT_EQ(e.kind, EntryKind::kPerson);
  EXPECT_EQ(e.names.size(), 2u);
  EXPECT_EQ(e.gender, 'f');
  EXPECT_EQ(e.origin, "mem:2");
}

TEST(DictionaryTest, DateBoundedCodesAndFormerOfficials) {
  ActorDictionary dict;
  std::string error;
  ASSERT_TRUE(dict.Parse(kMinister, "mem", &error)) << error;
  const Entry& e = dict.entries()[0];
  EXPECT_EQ(e.CodeAt("2021-05-01"), "XYZGOV");
  EXPECT_EQ(e.CodeAt("2015-05-01"), "XYZLEG");
  EXPECT_EQ(e.CodeAt("2019-12-31"), "XYZLEG");  // a bare year runs to its end
  // Out of office: a former official of the same country.
  EXPECT_EQ(e.CodeAt("2024-01-01"), "XYZELI");
  EXPECT_EQ(e.CodeAt(""), "XYZGOV");  // undated documents: the latest office
}

TEST(DictionaryTest, ErrorsNameFileAndLine) {
  ActorDictionary dict;
  std::string error;
  EXPECT_FALSE(dict.Parse("entry: x\nkind: person\ncode: IRNGOV 2020..1-2\n", "f.actors", &error));
  EXPECT_EQ(error.rfind("f.actors:3:", 0), 0u) << error;
  EXPECT_FALSE(dict.Parse("names: Iran\n", "g.actors", &error));
  EXPECT_EQ(error.rfind("g.actors:1:", 0), 0u) << error;
  EXPECT_FALSE(dict.Parse("entry: x\nkind: planet\n", "h.actors", &error));
  EXPECT_NE(error.find("h.actors:2: unknown kind"), std::string::npos) << error;
  EXPECT_FALSE(dict.Parse("entry: y\nkind: agent\nrole: KING\n", "i.actors", &error));
  EXPECT_FALSE(dict.Parse(std::string(kMinister) + "\n" + kMinister, "j.actors", &error));
  EXPECT_NE(error.find("duplicate entry id"), std::string::npos);
}

TEST(DictionaryTest, SplitCode) {
  std::string country, role;
  SplitCode("IRNGOV", &country, &role);
  EXPECT_EQ(country + "/" + role, "IRN/GOV");
  SplitCode("IGOUNO", &country, &role);
  EXPECT_EQ(country + "/" + role, "/IGO");
  SplitCode("USA", &country, &role);
  EXPECT_EQ(country + "/" + role, "USA/GOV");
  SplitCode("ELI", &country, &role);
  EXPECT_EQ(country + "/" + role, "/ELI");
}

TEST(DictionaryTest, FormatRoundTrips) {
  ActorDictionary dict;
  std::string error;
  ASSERT_TRUE(dict.Parse(kMinister, "mem", &error)) << error;
  std::string text = FormatEntries(dict.entries());
  ActorDictionary again;
  ASSERT_TRUE(again.Parse(text, "formatted", &error)) << error << "\n" << text;
  EXPECT_EQ(FormatEntries(again.entries()), text);
}

TEST(DictionaryTest, ShippedDataLoadsAndStaysSmall) {
  std::string error;
  auto coder = ActorCoder::Load(dyad::testing::DataDir(), &error);
  ASSERT_TRUE(coder) << error;
  EXPECT_GT(coder->dictionary().entries().size(), 20000u);
  uintmax_t bytes = 0;
  for (const auto& f : std::filesystem::recursive_directory_iterator(
           dyad::testing::DataDir() + "/actors"))
    if (f.is_regular_file()) bytes += f.file_size();
  EXPECT_LT(bytes, 15u * 1024 * 1024);
  // Every country of the world is there by name.
  int countries = 0;
  for (const Entry& e : coder->dictionary().entries())
    if (e.kind == EntryKind::kCountry && e.id.size() == 3) ++countries;
  EXPECT_GE(countries, 240);
}

}  // namespace
}  // namespace dyad::actors
