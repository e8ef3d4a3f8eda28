#include "dyad/events/codes.h"

#include <set>

#include "events/events_test_util.h"

namespace dyad::events {
namespace {

using testing::ShippedCodes;

TEST(CodeTable, ShippedTableHasEveryRoot) {
  auto codes = ShippedCodes();
  ASSERT_NE(codes, nullptr);
  for (int r = 1; r <= 20; ++r) {
    std::string root = testing::RootCode(r);
    const CodeInfo* info = codes->Find(root);
    ASSERT_NE(info, nullptr) << root;
    EXPECT_EQ(info->code, root + "0");  // "04" means "040"
    EXPECT_EQ(info->root(), root);
    const CodeInfo* root_row = codes->Root(root);
    ASSERT_NE(root_row, nullptr);
    EXPECT_EQ(root_row->code, root);
    EXPECT_FALSE(root_row->label.empty());
  }
  EXPECT_GT(codes->codes().size(), 300u);
}

TEST(CodeTable, KnownValues) {
  auto codes = ShippedCodes();
  ASSERT_NE(codes, nullptr);
  const CodeInfo* accuse = codes->Find("111");
  ASSERT_NE(accuse, nullptr);
  EXPECT_EQ(accuse->plover, "ACCUSE");
  EXPECT_EQ(accuse->quad, 3);
  EXPECT_DOUBLE_EQ(accuse->goldstein, -2);
  EXPECT_EQ(accuse->label, "Criticize or denounce");

  // The guide's PLOVER overrides.
  EXPECT_EQ(codes->Find("163")->plover, "SANCTION");
  EXPECT_EQ(codes->Find("175")->plover, "COERCE");
  EXPECT_EQ(codes->Find("191")->plover, "ASSAULT");
  EXPECT_EQ(codes->Find("192")->plover, "ASSAULT");
  EXPECT_EQ(codes->Find("057")->plover, "AGREE");
  EXPECT_EQ(codes->Find("013")->plover, "OTHER");
  EXPECT_EQ(codes->Find("0256")->plover, "REQUEST");

  EXPECT_EQ(codes->Find("0841")->quad, 2);
  EXPECT_EQ(codes->Find("190")->quad, 4);
  EXPECT_DOUBLE_EQ(codes->Find("190")->goldstein, -10);
  EXPECT_DOUBLE_EQ(codes->Find("057")->goldstein, 8);
  EXPECT_EQ(codes->Find("1056")->label, "Demand de-escalation of military engagement");
}

TEST(CodeTable, CodesAreStrings) {
  auto codes = ShippedCodes();
  ASSERT_NE(codes, nullptr);
  EXPECT_EQ(codes->Find("10")->code, "100");   // root DEMAND
  EXPECT_EQ(codes->Find("010")->code, "010");  // make statement
  EXPECT_NE(codes->Find("10")->plover, codes->Find("010")->plover);
  EXPECT_EQ(codes->Find("999"), nullptr);
  EXPECT_EQ(codes->Find("21"), nullptr);
  EXPECT_EQ(codes->Find(""), nullptr);
  EXPECT_EQ(codes->Find("1a"), nullptr);
}

TEST(CodeTable, EveryRowIsSane) {
  auto codes = ShippedCodes();
  ASSERT_NE(codes, nullptr);
  std::set<std::string> seen;
  for (const CodeInfo& c : codes->codes()) {
    EXPECT_TRUE(seen.insert(c.code).second) << c.code;
    EXPECT_GE(c.goldstein, -10);
    EXPECT_LE(c.goldstein, 10);
    int root = std::stoi(c.root());
    EXPECT_EQ(c.quad, root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4);
    if (c.code.size() > 2) {
      EXPECT_EQ(codes->Root(c.code)->code, c.root());
    }
  }
}

TEST(CodeTable, Canonical) {
  EXPECT_EQ(CodeTable::Canonical("04"), "040");
  EXPECT_EQ(CodeTable::Canonical("040"), "040");
  EXPECT_EQ(CodeTable::Canonical("0841"), "0841");
  EXPECT_EQ(CodeTable::Canonical("21"), "21");
}

// A minimal valid table: every root and its X0 code.
std::string MinimalTable() {
  std::string text = "# test table\n";
  for (int r = 1; r <= 20; ++r) {
    std::string root = testing::RootCode(r);
    int quad = r <= 5 ? 1 : r <= 8 ? 2 : r <= 13 ? 3 : 4;
    text += root + "\tROOT " + root + "\t0\tOTHER\t" + std::to_string(quad) + "\n";
    text += root + "0\tGeneral " + root + "\t0\tOTHER\t" + std::to_string(quad) + "\n";
  }
  return text;
}

TEST(CodeTable, MinimalTableParses) {
  std::string error;
  auto table = CodeTable::Parse(MinimalTable(), "mini.tsv", &error);
  ASSERT_NE(table, nullptr) << error;
  EXPECT_EQ(table->codes().size(), 40u);
}

TEST(CodeTable, BadLinesNameFileAndLine) {
  struct Case {
    std::string line, message;
  };
  const Case cases[] = {
      {"111\tCriticize\t-2\tACCUSE", "expected 5 tab-separated fields"},
      {"1x1\tCriticize\t-2\tACCUSE\t3", "not 2 to 4 digits"},
      {"211\tNo such root\t-2\tACCUSE\t4", "no root 01..20"},
      {"111\tCriticize\tminus two\tACCUSE\t3", "Goldstein 'minus two'"},
      {"111\tCriticize\t-12\tACCUSE\t3", "-10..10"},
      {"111\tCriticize\t-2\tBLAME\t3", "unknown PLOVER type 'BLAME'"},
      {"111\tCriticize\t-2\tACCUSE\t4", "does not follow root 11"},
      {"111\t\t-2\tACCUSE\t3", "empty label"},
      {"010\tAgain\t0\tOTHER\t1", "duplicate code 010"},
      {"1111\tOrphan\t-2\tACCUSE\t3", "before its parent 111"},
  };
  for (const Case& c : cases) {
    std::string text = MinimalTable() + c.line + "\n";
    int line_no = 42;  // 1 comment line + 40 rows + the bad one
    std::string error;
    EXPECT_EQ(CodeTable::Parse(text, "data/cameo/codes.tsv", &error), nullptr)
        << c.line;
    EXPECT_NE(error.find("data/cameo/codes.tsv:" + std::to_string(line_no) + ": "),
              std::string::npos)
        << error;
    EXPECT_NE(error.find(c.message), std::string::npos) << error;
  }
}

TEST(CodeTable, MissingRootIsAnError) {
  std::string text = MinimalTable();
  text.erase(text.find("\n20\t") + 1);  // drop root 20 and its code
  std::string error;
  EXPECT_EQ(CodeTable::Parse(text, "t.tsv", &error), nullptr);
  EXPECT_NE(error.find("root 20"), std::string::npos) << error;
}

TEST(CodeTable, MissingFile) {
  std::string error;
  EXPECT_EQ(CodeTable::Load("/nonexistent/codes.tsv", &error), nullptr);
  EXPECT_NE(error.find("/nonexistent/codes.tsv"), std::string::npos);
}

}  // namespace
}  // namespace dyad::events
