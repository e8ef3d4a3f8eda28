#include <random>

#include <gtest/gtest.h>

#include "dyad/doc/document.h"
#include "dyad/normalize/normalizer.h"

namespace dyad {
namespace {

Document DocOf(std::string original) {
  Document d;
  d.original = std::move(original);
  NormalizedText n = Normalize(d.original);
  d.text = std::move(n.text);
  d.norm_to_orig = std::move(n.to_original);
  d.invalid_utf8_bytes = n.invalid_bytes;
  return d;
}

TEST(Normalize, FoldsCurlyQuotesAndDashesKeepingOffsets) {
  Document d = DocOf("Iran\u2019s \u201Cregime\u201D \u2014 Baghaei");
  EXPECT_EQ(d.text, "Iran's \"regime\" - Baghaei");
  // "regime" in the normalized text maps back to the original bytes.
  size_t at = d.text.find("regime");
  Span orig = d.ToOriginal({static_cast<uint32_t>(at),
                            static_cast<uint32_t>(at + 6)});
  EXPECT_EQ(d.original.substr(orig.start, orig.size()), "regime");
  // The folded quote maps back to the whole 3-byte curly quote.
  Span quote = d.ToOriginal({static_cast<uint32_t>(at - 1),
                             static_cast<uint32_t>(at)});
  EXPECT_EQ(d.original.substr(quote.start, quote.size()), "\u201C");
}

TEST(Normalize, AppliesNfkc) {
  // Ligature, full-width letters, no-break space, decomposed e + accent.
  Document d = DocOf("of\uFB01ce \uFF29\uFF32\uFF27\uFF23\u00A0Cafe\u0301");
  EXPECT_EQ(d.text, "office IRGC Caf\u00E9");
  size_t at = d.text.find("IRGC");
  Span orig = d.ToOriginal({static_cast<uint32_t>(at),
                            static_cast<uint32_t>(at + 4)});
  EXPECT_EQ(d.original.substr(orig.start, orig.size()),
            "\uFF29\uFF32\uFF27\uFF23");
}

TEST(Normalize, ReplacesInvalidUtf8AndCountsIt) {
  Document d = DocOf(std::string("Tehran\xFF\xFE said") + "\xC3");
  EXPECT_EQ(d.invalid_utf8_bytes, 3u);
  EXPECT_EQ(d.text, "Tehran\uFFFD\uFFFD said\uFFFD");
  size_t at = d.text.find("said");
  Span orig = d.ToOriginal({static_cast<uint32_t>(at),
                            static_cast<uint32_t>(at + 4)});
  EXPECT_EQ(d.original.substr(orig.start, orig.size()), "said");
}

TEST(Normalize, LineEndingsAndControls) {
  Document d = DocOf("a\r\nb\rc\td\x01" "e\u200Bf\u00ADg");
  EXPECT_EQ(d.text, "a\nb\nc d efg");
}

TEST(Normalize, RepairUtf8OnlyTouchesBadBytes) {
  EXPECT_EQ(RepairUtf8("ok \u00E9 \xE2\x82"), "ok \u00E9 \uFFFD\uFFFD");
}

// Property: for random mixes of ASCII, multi-byte, combining, compatibility
// and invalid bytes, every normalized character maps back to a range of the
// original that starts on a character boundary, ranges never go backwards,
// and the whole text maps to the whole original.
TEST(Normalize, OffsetsRoundTripOnRandomText) {
  const std::vector<std::string> pieces = {
      "a", "Z", " ", "\n", "\r\n", ".", "\u2019", "\u201C", "\u2014", "\u00E9",
      "e\u0301", "\uFB01", "\uFF21", "\u00A0", "\u0627\u0644", "\u4E2D",
      "\U0001F600", "\xFF", "\xC3", "\xE2\x82", "\u200B", "\u00AD", "\t",
      "\u0301", "\u2460", "\u00BD", "\u212B", "\x7F", "\xC2\x85"};
  std::mt19937 rng(12345);
  for (int round = 0; round < 500; ++round) {
    std::string original;
    std::vector<bool> boundary;
    int n = std::uniform_int_distribution<int>(0, 40)(rng);
    for (int i = 0; i < n; ++i)
      original += pieces[std::uniform_int_distribution<size_t>(
          0, pieces.size() - 1)(rng)];
    Document d = DocOf(original);
    ASSERT_EQ(d.norm_to_orig.size(), d.text.size() + 1);
    ASSERT_EQ(d.norm_to_orig.back(), original.size());
    for (size_t i = 1; i < d.text.size(); ++i)
      ASSERT_LE(d.norm_to_orig[i - 1], d.norm_to_orig[i]);
    // Each normalized character's original range is non-empty and in bounds.
    size_t i = 0;
    while (i < d.text.size()) {
      int len = Utf8SequenceLength(d.text, i);
      ASSERT_GT(len, 0) << "normalized text must be valid UTF-8";
      Span o = d.ToOriginal({static_cast<uint32_t>(i),
                             static_cast<uint32_t>(i + len)});
      ASSERT_LT(o.start, o.end);
      ASSERT_LE(o.end, original.size());
      i += static_cast<size_t>(len);
    }
    Span all = d.ToOriginal({0, static_cast<uint32_t>(d.text.size())});
    if (!d.text.empty()) {
      ASSERT_LE(all.end, original.size());
      // Only dropped invisible characters may lie outside the mapped range.
      for (size_t b = all.end; b < original.size(); ++b)
        ASSERT_NE(original[b], 'a');
    }
  }
}

}  // namespace
}  // namespace dyad
