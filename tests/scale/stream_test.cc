// Streaming ingest: records cut by block boundaries, line numbers through
// decompression, corrupt tails, and the whole-file readers agreeing with the
// streaming ones.
#include <zlib.h>
#include <zstd.h>

#include <sstream>

#include "dyad/ingest/formats.h"
#include "dyad/ingest/sources.h"
#include "scale_util.h"

namespace dyad {
namespace {

using testing::ScratchDir;
using testing::WriteFile;

// Hands out its bytes `step` at a time, to cut every record somewhere.
class TrickleReader : public ByteReader {
 public:
  TrickleReader(std::string bytes, size_t step) : bytes_(std::move(bytes)), step_(step) {}
  size_t Read(char* buf, size_t n) override {
    n = std::min({n, step_, bytes_.size() - pos_});
    std::copy_n(bytes_.data() + pos_, n, buf);
    pos_ += n;
    return n;
  }

 private:
  std::string bytes_;
  size_t step_, pos_ = 0;
};

TEST(Chunker, PiecesAndLinesSurviveAnyBlockSize) {
  const std::string text = "ab\n<R>x\ny</R>\n\n<R>z</R>tail";
  for (size_t step : {1u, 2u, 3u, 7u, 1000u}) {
    TrickleReader reader(text, step);
    Chunker c(reader);
    std::string_view piece;
    EXPECT_EQ(c.Peek(4), "ab\n<");
    ASSERT_TRUE(c.Next("\n", &piece));
    EXPECT_EQ(piece, "ab\n");
    EXPECT_EQ(c.line(), 2u);
    ASSERT_TRUE(c.SkipTo("<R>"));
    ASSERT_TRUE(c.Next("</R>", &piece));
    EXPECT_EQ(piece, "<R>x\ny</R>");
    EXPECT_EQ(c.line(), 3u);
    ASSERT_TRUE(c.SkipTo("<R>"));
    EXPECT_EQ(c.line(), 5u) << step;
    ASSERT_TRUE(c.Next("</R>", &piece));
    EXPECT_EQ(piece, "<R>z</R>");
    EXPECT_FALSE(c.SkipTo("<R>"));
    EXPECT_FALSE(c.Next("\n", &piece));
  }
}

TEST(Chunker, LastPieceWithoutDelimiterAndTakeAll) {
  TrickleReader reader("one\ntwo", 3);
  Chunker c(reader);
  std::string_view piece;
  ASSERT_TRUE(c.Next("\n", &piece));
  ASSERT_TRUE(c.Next("\n", &piece));
  EXPECT_EQ(piece, "two");
  EXPECT_FALSE(c.Next("\n", &piece));
  TrickleReader again("head\nrest of it", 2);
  Chunker d(again);
  ASSERT_TRUE(d.Next("\n", &piece));
  std::string rest;
  d.TakeAll(&rest);
  EXPECT_EQ(rest, "rest of it");
}

std::string Gzip(const std::string& data) {
  uLongf size = compressBound(data.size()) + 64;
  std::string out(size, '\0');
  z_stream s{};
  deflateInit2(&s, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  s.avail_in = static_cast<uInt>(data.size());
  s.next_out = reinterpret_cast<Bytef*>(out.data());
  s.avail_out = static_cast<uInt>(out.size());
  deflate(&s, Z_FINISH);
  out.resize(s.total_out);
  deflateEnd(&s);
  return out;
}

std::string Zstd(const std::string& data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3));
  return out;
}

struct Collected {
  std::vector<Document> docs;
  std::string messages;
};

Collected ReadAll(const std::string& path) {
  Collected c;
  std::ostringstream err;
  Reporter report(&err);
  ReadInput(path, report, [&](Document&& d) { c.docs.push_back(std::move(d)); });
  c.messages = err.str();
  return c;
}

// Many lines, a bad one far past the first block: its message names its line.
std::string BigJsonLines(size_t lines, size_t bad_line) {
  std::string s;
  for (size_t i = 1; i <= lines; ++i) {
    if (i == bad_line) {
      s += "{\"id\": \"broken\", \"text\": \n";
      continue;
    }
    s += "{\"id\": \"d" + std::to_string(i) + "\", \"text\": \"Line " +
         std::to_string(i) + " of a long feed, with enough words to fill "
         "several blocks of input.\"}\n";
  }
  return s;
}

TEST(StreamInput, JsonLinesThroughGzipAndZstdKeepLineNumbers) {
  ScratchDir dir;
  const std::string feed = BigJsonLines(20000, 12345);
  WriteFile(dir.path() / "feed.jsonl.gz", Gzip(feed));
  WriteFile(dir.path() / "feed.jsonl.zst", Zstd(feed));
  WriteFile(dir.path() / "feed.jsonl", feed);
  for (const char* name : {"feed.jsonl.gz", "feed.jsonl.zst", "feed.jsonl"}) {
    Collected c = ReadAll(dir / name);
    ASSERT_EQ(c.docs.size(), 19999u) << name;
    EXPECT_EQ(c.docs[12344].id, "d12346");
    EXPECT_EQ(c.docs[12344].origin, (dir / name) + ":12346");
    EXPECT_NE(c.messages.find(std::string(name) + ":12345: malformed JSON"),
              std::string::npos)
        << c.messages;
  }
}

TEST(StreamInput, CorruptTailKeepsTheRecordsBeforeIt) {
  ScratchDir dir;
  const std::string feed = BigJsonLines(30000, 0);
  std::string zst = Zstd(feed);
  WriteFile(dir.path() / "cut.jsonl.zst", zst.substr(0, zst.size() / 2));
  Collected c = ReadAll(dir / "cut.jsonl.zst");
  EXPECT_GT(c.docs.size(), 1000u);
  EXPECT_LT(c.docs.size(), 30000u);
  EXPECT_NE(c.messages.find("cut.jsonl.zst: truncated zstd data"), std::string::npos)
      << c.messages;
  std::string gz = Gzip(feed);
  WriteFile(dir.path() / "cut.jsonl.gz", gz.substr(0, gz.size() / 2));
  Collected g = ReadAll(dir / "cut.jsonl.gz");
  EXPECT_GT(g.docs.size(), 1000u);
  EXPECT_NE(g.messages.find("cut.jsonl.gz: corrupt gzip data"), std::string::npos)
      << g.messages;
}

TEST(StreamInput, ReutersSgmlStreamedEqualsParsedWhole) {
  const std::string path = testing::ReutersDir() + "/reut2-004.sgm";
  InputFile whole;
  Reporter quiet(nullptr);
  ASSERT_TRUE(LoadInput(path, &whole, quiet));
  std::vector<Document> parsed;
  ParseReutersSgml(whole, quiet, [&](Document&& d) { parsed.push_back(std::move(d)); });
  ScratchDir dir;
  WriteFile(dir.path() / "r.sgm.gz", Gzip(whole.bytes));
  Collected streamed = ReadAll(dir / "r.sgm.gz");
  ASSERT_EQ(streamed.docs.size(), parsed.size());
  ASSERT_GT(parsed.size(), 500u);
  for (size_t i = 0; i < parsed.size(); ++i) {
    EXPECT_EQ(streamed.docs[i].id, parsed[i].id);
    EXPECT_EQ(streamed.docs[i].original, parsed[i].original);
    // Same line numbers, other file name.
    EXPECT_EQ(streamed.docs[i].origin.substr(streamed.docs[i].origin.rfind(':')),
              parsed[i].origin.substr(parsed[i].origin.rfind(':')));
  }
}

TEST(StreamInput, ProgressCountsRawBytes) {
  ScratchDir dir;
  const std::string feed = BigJsonLines(20000, 0);
  const std::string gz = Gzip(feed);
  WriteFile(dir.path() / "f.jsonl.gz", gz);
  Reporter quiet(nullptr);
  uint64_t raw = 0, first = 0;
  size_t n = 0;
  ReadInput(dir / "f.jsonl.gz", quiet, [&](Document&&) {
    if (n++ == 0) first = raw;
  }, &raw);
  EXPECT_EQ(n, 20000u);
  EXPECT_LT(first, gz.size());
  EXPECT_EQ(raw, gz.size());
}

}  // namespace
}  // namespace dyad
