#include "dyad/syntax/conllu.h"

#include <gtest/gtest.h>

namespace dyad::syntax {
namespace {

TEST(Conllu, SkipsMultiwordTokensAndEmptyNodes) {
  const char* text =
      "# sent_id = s1\n"
      "# text = I don't know.\n"
      "1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t3:nsubj\t_\n"
      "2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n"
      "2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t4:aux\t_\n"
      "3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t4:advmod\t_\n"
      "3.1\tx\tx\tX\tX\t_\t_\t_\t4:dep\t_\n"
      "4\tknow\tknow\tVERB\tVB\t_\t0\troot\t0:root\tSpaceAfter=No\n"
      "5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t4:punct\t_\n"
      "\n";
  std::vector<ConlluSentence> out;
  std::string error;
  ASSERT_TRUE(ParseConllu(text, &out, &error)) << error;
  ASSERT_EQ(out.size(), 1u);
  EXPECT_EQ(out[0].id, "s1");
  ASSERT_EQ(out[0].words.size(), 5u);
  EXPECT_EQ(out[0].words[1].form, "do");
  EXPECT_EQ(out[0].words[2].lemma, "not");
  EXPECT_EQ(out[0].words[3].head, -1);
  EXPECT_EQ(out[0].words[0].head, 2);
  EXPECT_EQ(out[0].words[0].deprel, "nsubj");
}

TEST(Conllu, RejectsMalformedLines) {
  std::vector<ConlluSentence> out;
  std::string error;
  EXPECT_FALSE(ParseConllu("1\tI\tI\tPRON\n\n", &out, &error));
  EXPECT_NE(error.find("line 1"), std::string::npos) << error;
}

TEST(Conllu, FoldsCurlyQuotes) {
  EXPECT_EQ(FoldQuotes("\xE2\x80\x9Chi\xE2\x80\x9D it\xE2\x80\x99s"),
            "\"hi\" it's");
}

}  // namespace
}  // namespace dyad::syntax
