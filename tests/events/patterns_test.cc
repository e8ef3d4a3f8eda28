#include "dyad/events/patterns.h"

#include "events/events_test_util.h"

namespace dyad::events {
namespace {

class PatternSetTest : public ::testing::Test {
 protected:
  void SetUp() override { codes_ = testing::ShippedCodes(); }

  std::unique_ptr<PatternSet> Parse(const std::string& text,
                                    std::string* error) {
    return PatternSet::Parse({{"verbs/test.txt", text}}, *codes_, error);
  }
  // Parses text expected to fail; returns the message.
  std::string ParseError(const std::string& text) {
    std::string error;
    EXPECT_EQ(Parse(text, &error), nullptr) << text;
    return error;
  }

  std::unique_ptr<CodeTable> codes_;
};

TEST_F(PatternSetTest, ParsesPatternsAndSlots) {
  std::string error;
  auto set = Parse(
      "# comment\n"
      "&SANCTION  sanction embargo Tariff  # sets are lowercased\n"
      "163  impose  obj=&SANCTION on=@T   # with a target\n"
      "04   meet  with=@T\n"
      "---  call_off  obj=strike\n"
      "190  n:attack  by=@S on=@T\n"
      "0233 ask  for=humanitarian_aid|food\n",
      &error);
  ASSERT_NE(set, nullptr) << error;
  ASSERT_EQ(set->patterns().size(), 5u);

  const Pattern& impose = set->patterns()[0];
  EXPECT_EQ(impose.code, "163");
  EXPECT_EQ(impose.predicate, "impose");
  EXPECT_FALSE(impose.nominal);
  EXPECT_EQ(impose.rule, "verbs/test.txt:3");
  EXPECT_EQ(impose.text, "163  impose  obj=&SANCTION on=@T");
  ASSERT_EQ(impose.slots.size(), 2u);
  EXPECT_EQ(impose.slots[0].relation, "obj");
  EXPECT_EQ(impose.slots[0].lemmas,
            (std::vector<std::string>{"sanction", "embargo", "tariff"}));
  EXPECT_FALSE(impose.slots[0].target);
  EXPECT_EQ(impose.slots[1].relation, "on");
  EXPECT_TRUE(impose.slots[1].any());
  EXPECT_TRUE(impose.slots[1].target);
  EXPECT_EQ(impose.TargetSlot(), &impose.slots[1]);

  EXPECT_EQ(set->patterns()[1].code, "040");  // root written "04"
  const Pattern& call_off = set->patterns()[2];
  EXPECT_TRUE(call_off.blocks());
  EXPECT_EQ(call_off.predicate, "call");
  EXPECT_EQ(call_off.particle, "off");
  EXPECT_EQ(call_off.TargetSlot(), nullptr);

  const Pattern& attack = set->patterns()[3];
  EXPECT_TRUE(attack.nominal);
  EXPECT_EQ(attack.predicate, "attack");
  ASSERT_NE(attack.SourceSlot(), nullptr);
  EXPECT_EQ(attack.SourceSlot()->relation, "by");
  EXPECT_EQ(attack.TargetSlot()->relation, "on");

  const Slot& aid = set->patterns()[4].slots[0];
  EXPECT_TRUE(aid.AcceptsHead("aid"));
  EXPECT_TRUE(aid.AcceptsHead("food"));
  EXPECT_FALSE(aid.AcceptsHead("humanitarian"));
}

TEST_F(PatternSetTest, LookupByPredicate) {
  std::string error;
  auto set = Parse(
      "160  call_off  obj=visit\n"
      "020  call  on=@T\n"
      "190  n:attack\n",
      &error);
  ASSERT_NE(set, nullptr) << error;
  EXPECT_EQ(set->ForPredicate("call").size(), 2u);
  ASSERT_EQ(set->ForPredicate("call_off").size(), 1u);
  EXPECT_EQ(set->ForPredicate("call_off")[0].code, "160");
  EXPECT_EQ(set->ForPredicate("n:attack").size(), 1u);
  EXPECT_TRUE(set->ForPredicate("attack").empty());  // nouns are "n:"
  EXPECT_TRUE(set->ForPredicate("unknown").empty());
}

TEST_F(PatternSetTest, MostSpecificFirstTiesInFileOrder) {
  std::string error;
  auto set = Parse(
      "&SANCTION  sanction embargo\n"
      "160  impose  obj=*\n"                           // 1
      "163  impose  obj=&SANCTION\n"                   // 2
      "172  impose  obj=curfew\n"                      // 2, later in file
      "1723 impose  obj=night_curfew\n"                // 3: a phrase
      "163  impose  obj=&SANCTION  on=@T\n"            // 3, later
      "---  impose  obj=&SANCTION  on=* for=*\n",      // 4
      &error);
  ASSERT_NE(set, nullptr) << error;
  auto list = set->ForPredicate("impose");
  ASSERT_EQ(list.size(), 6u);
  std::vector<std::string> rules;
  for (const Pattern& p : list) rules.push_back(p.rule.substr(p.rule.find(':') + 1));
  EXPECT_EQ(rules, (std::vector<std::string>{"7", "5", "6", "3", "4", "2"}));
  EXPECT_GT(list[0].specificity, list[1].specificity);
}

TEST_F(PatternSetTest, EarlierFileWinsTies) {
  std::string error;
  auto set = PatternSet::Parse({{"verbs/curated.txt", "111 slam obj=@T\n"},
                                {"verbs/other.txt", "190 slam obj=@T\n"}},
                               *codes_, &error);
  ASSERT_NE(set, nullptr) << error;
  EXPECT_EQ(set->ForPredicate("slam")[0].code, "111");
  EXPECT_EQ(set->ForPredicate("slam")[0].rule, "verbs/curated.txt:1");
}

TEST_F(PatternSetTest, SetsExpandAcrossFilesAndNest) {
  std::string error;
  auto set = PatternSet::Parse(
      {{"verbs/a.txt", "173 arrest obj=&PERSON\n&NEGATION not never\n"},
       {"verbs/b.txt",
        "&PERSON  &OFFICIAL  journalist\n&OFFICIAL minister\n"
        "&OFFICIAL envoy journalist  # repeats are dropped\n"}},
      *codes_, &error);
  ASSERT_NE(set, nullptr) << error;
  EXPECT_EQ(set->patterns()[0].slots[0].lemmas,
            (std::vector<std::string>{"minister", "envoy", "journalist"}));
  ASSERT_NE(set->Set("NEGATION"), nullptr);
  EXPECT_EQ(*set->Set("&NEGATION"), (std::vector<std::string>{"not", "never"}));
  EXPECT_EQ(set->Set("MODAL"), nullptr);
}

TEST_F(PatternSetTest, Errors) {
  struct Case {
    std::string text, message;
  };
  const Case cases[] = {
      {"999  attack  obj=@T\n", "verbs/test.txt:1: unknown CAMEO code '999'"},
      {"# c\n21  attack\n", "verbs/test.txt:2: unknown CAMEO code '21'"},
      {"190\n", "needs a code and a predicate"},
      {"190  attack  obj\n", "bad slot 'obj'"},
      {"190  attack  =x\n", "bad slot '=x'"},
      {"190  attack  obj=\n", "bad slot 'obj='"},
      {"190  attack  bogus=x\n", "unknown relation 'bogus'"},
      {"190  attack  obj=a  obj=b\n", "relation 'obj' appears twice"},
      {"190  attack  obj=*|tank\n", "mixes '*' with words"},
      {"190  attack  obj=@T|@S\n", "both @T and @S"},
      {"190  attack  obj=@T  on=@T\n", "more than one @T"},
      {"190  attack  obj=&lower\n", "bad set name '&lower'"},
      {"190  attack  obj=&NOPE\n", "verbs/test.txt:1: unknown set &NOPE"},
      {"190  call_upon  obj=x\n", "'upon' in 'call_upon' is not a verb particle"},
      {"190  n:air_strike\n", "cannot have a particle"},
      {"190  attack  mod=air\n", "mod= applies to event nouns"},
      {"&lower  a b\n", "set name '&lower'"},
      {"&EMPTY\n", "set &EMPTY lists no words"},
      {"&LOOP  a &LOOP\n190 attack obj=&LOOP\n", "includes itself"},
  };
  for (const Case& c : cases) {
    std::string error = ParseError(c.text);
    EXPECT_NE(error.find(c.message), std::string::npos)
        << "text: " << c.text << "error: " << error;
  }
}

TEST_F(PatternSetTest, SetLinesMustStayInOneFile) {
  std::string error;
  EXPECT_EQ(PatternSet::Parse({{"verbs/a.txt", "&X a\n"}, {"verbs/b.txt", "&X b\n"}},
                              *codes_, &error),
            nullptr);
  EXPECT_NE(error.find("verbs/b.txt:1: set &X is already defined at verbs/a.txt:1"),
            std::string::npos)
      << error;
}

TEST_F(PatternSetTest, LoadNamesMissingFile) {
  std::string error;
  EXPECT_EQ(PatternSet::Load({"/nonexistent/verbs/x.txt"}, *codes_, &error), nullptr);
  EXPECT_NE(error.find("/nonexistent/verbs/x.txt"), std::string::npos);
}

}  // namespace
}  // namespace dyad::events
