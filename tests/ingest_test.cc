#include <zlib.h>
#include <zstd.h>

#include <sstream>

#include "dyad/ingest/formats.h"
#include "dyad/ingest/prepare.h"
#include "dyad/ingest/sources.h"
#include "test_util.h"

namespace dyad {
namespace {

using testing::ScratchDir;
using testing::WriteFile;

// Runs the whole pipeline over `paths`, collecting documents and messages.
struct RunResult {
  std::vector<Document> docs;
  std::string messages;
  RunStats stats;
  uint64_t rejected = 0, skipped = 0, warnings = 0;
};

RunResult RunOn(const std::vector<std::string>& paths, bool english_only = true,
                const std::string& stdin_text = "") {
  PipelineOptions o;
  o.data_dir = testing::DataDir();
  o.english_only = english_only;
  std::string error;
  auto p = Pipeline::Create(o, &error);
  EXPECT_TRUE(p) << error;
  std::ostringstream err;
  Reporter report(&err);
  std::istringstream in(stdin_text);
  RunResult r;
  r.stats = p->Run(paths, in, report,
                   [&](const Document& d) { r.docs.push_back(d); });
  r.messages = err.str();
  r.rejected = report.rejected();
  r.skipped = report.skipped();
  r.warnings = report.warnings();
  return r;
}

const char kArticle[] =
    "ERBIL, Kurdistan Region - Iran on Saturday condemned France for "
    "permitting the dissident Mojahedin Khalq Organization to hold an "
    "anti-Tehran conference in Paris. Baghaei said the move was a clear "
    "example of supporting terrorism and violating international law.";

TEST(IngestText, HeaderGivesMetadataAndOffsetsAreIntoTheBody) {
  ScratchDir dir;
  WriteFile(dir.path() / "story.txt",
            std::string("title: Iran condemns France\nurl: https://e.org/1\n"
                        "date: 2025-01-18\nsource: test\n---\n") + kArticle);
  RunResult r = RunOn({dir / "story.txt"});
  ASSERT_EQ(r.docs.size(), 1u);
  const Document& d = r.docs[0];
  EXPECT_EQ(d.id, "story");
  EXPECT_EQ(d.title, "Iran condemns France");
  EXPECT_EQ(d.url, "https://e.org/1");
  EXPECT_EQ(d.date, "2025-01-18");
  EXPECT_EQ(d.source, "test");
  EXPECT_EQ(d.original, kArticle);
  EXPECT_EQ(d.sentences.size(), 2u);
  EXPECT_EQ(r.rejected, 0u);
}

TEST(IngestText, NoHeaderMeansAllBodyAndAMissingDateIsReported) {
  ScratchDir dir;
  WriteFile(dir.path() / "plain.txt", std::string("Note: unusual\n") + kArticle);
  RunResult r = RunOn({dir / "plain.txt"});
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].original.substr(0, 14), "Note: unusual\n");
  EXPECT_NE(r.messages.find("plain.txt: no date"), std::string::npos)
      << r.messages;
}

TEST(IngestText, BadDateIsReportedAndDropped) {
  ScratchDir dir;
  WriteFile(dir.path() / "d.txt",
            std::string("date: 18 January 2025\n---\n") + kArticle);
  RunResult r = RunOn({dir / "d.txt"});
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].date, "");
  EXPECT_NE(r.messages.find("is not YYYY-MM-DD"), std::string::npos);
}

TEST(IngestJsonl, ReadsRecordsAndReportsBadLinesByLineNumber) {
  ScratchDir dir;
  std::string good1 = std::string("{\"id\": \"a1\", \"date\": \"2025-01-18T10:00:00Z\", "
                                  "\"title\": \"T\", \"text\": \"") + kArticle + "\"}";
  std::string good2 = std::string("{\"id\": 42, \"text\": \"Albania expelled "
                                  "two Iranian diplomats on Monday, the "
                                  "foreign ministry in Tirana said.\"}");
  std::string no_id = std::string("{\"text\": \"Police in Tbilisi detained "
                                  "dozens of protesters outside parliament "
                                  "on Sunday night.\", \"date\": \"2025-02-02\"}");
  WriteFile(dir.path() / "feed.jsonl",
            good1 + "\n{\"id\": \"broken\", \"text\": \"unterminated\n" + good2 +
                "\n\n{\"id\": \"x\"}\n[1,2]\n{\"id\": \"y\", \"text\": 5}\n" +
                no_id + "\n");
  RunResult r = RunOn({dir / "feed.jsonl"});
  ASSERT_EQ(r.docs.size(), 3u);
  EXPECT_EQ(r.docs[0].id, "a1");
  EXPECT_EQ(r.docs[0].date, "2025-01-18");
  EXPECT_EQ(r.docs[1].id, "42");
  EXPECT_EQ(r.docs[2].id, ContentId(r.docs[2].text));
  EXPECT_EQ(r.docs[2].id.size(), 17u);
  EXPECT_EQ(r.rejected, 4u);
  EXPECT_NE(r.messages.find("feed.jsonl:2: malformed JSON"), std::string::npos)
      << r.messages;
  EXPECT_NE(r.messages.find("feed.jsonl:5: no \"text\" field"), std::string::npos);
  EXPECT_NE(r.messages.find("feed.jsonl:6: not a JSON object"), std::string::npos);
  EXPECT_NE(r.messages.find("feed.jsonl:7: field \"text\" has the wrong type"),
            std::string::npos);
}

TEST(IngestJsonl, InvalidUtf8IsRepairedNotRejected) {
  ScratchDir dir;
  WriteFile(dir.path() / "bad.ndjson",
            std::string("{\"id\": \"u\", \"date\": \"2025-01-01\", \"text\": "
                        "\"Tehran\xFF said the talks failed and Paris "
                        "disagreed with the statement.\"}\n"));
  RunResult r = RunOn({dir / "bad.ndjson"});
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_NE(r.docs[0].text.find("Tehran\uFFFD said"), std::string::npos);
  EXPECT_NE(r.messages.find("bad.ndjson:1: invalid UTF-8"), std::string::npos);
}

TEST(IngestTxt, InvalidUtf8InTextFilesIsCountedAndKeptInOriginal) {
  ScratchDir dir;
  WriteFile(dir.path() / "latin1.txt",
            std::string("date: 2025-03-01\n---\nThe minister in Bogot\xE1 "
                        "rejected the proposal from Caracas on Monday."));
  RunResult r = RunOn({dir / "latin1.txt"});
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.docs[0].invalid_utf8_bytes, 1u);
  EXPECT_NE(r.messages.find("1 invalid UTF-8 bytes replaced"), std::string::npos);
  // Offsets still point into the untouched original bytes.
  const Document& d = r.docs[0];
  size_t at = d.text.find("rejected");
  Span o = d.ToOriginal({static_cast<uint32_t>(at), static_cast<uint32_t>(at + 8)});
  EXPECT_EQ(d.original.substr(o.start, o.size()), "rejected");
}

TEST(IngestHtml, ExtractsTheArticleAndDropsPageFurniture) {
  ScratchDir dir;
  WriteFile(dir.path() / "page.html", R"(<!doctype html><html><head>
<title>Iran condemns France | Site</title>
<meta property="article:published_time" content="2025-01-18T08:00:00Z">
<script>var tracking = "Iran condemned nothing";</script></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<div class="share-bar">Share on Facebook</div>
<article><h1>Iran condemns France over conference</h1>
<p>Iran on Saturday <b>condemned</b> France for permitting the dissident
Mojahedin Khalq Organization to hold a conference in Paris.</p>
<p>The foreign ministry spokesperson said the move violated international law &amp; norms.</p>
<aside>Related stories: France summons envoy</aside></article>
<footer>Copyright 2025</footer></body></html>)");
  RunResult r = RunOn({dir / "page.html"});
  ASSERT_EQ(r.docs.size(), 1u);
  const Document& d = r.docs[0];
  EXPECT_EQ(d.title, "Iran condemns France over conference");
  EXPECT_EQ(d.date, "2025-01-18");
  EXPECT_EQ(d.original,
            "Iran condemns France over conference\n\nIran on Saturday "
            "condemned France for permitting the dissident Mojahedin Khalq "
            "Organization to hold a conference in Paris.\n\nThe foreign "
            "ministry spokesperson said the move violated international law "
            "& norms.");
  EXPECT_EQ(d.sentences.size(), 3u);
}

std::string Gzip(const std::string& data) {
  std::string out(compressBound(data.size()) + 64, '\0');
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 16 + 15, 8, Z_DEFAULT_STRATEGY);
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

std::string Zstd(const std::string& data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  out.resize(ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3));
  return out;
}

TEST(IngestCompressed, GzipAndZstdOfEveryFormatInADirectoryTree) {
  ScratchDir dir;
  std::string txt = std::string("date: 2025-01-18\n---\n") + kArticle;
  std::string jsonl =
      "{\"id\": \"j1\", \"date\": \"2025-01-19\", \"text\": \"NATO allies "
      "agreed on Tuesday to send more air defence systems to Ukraine, the "
      "alliance said.\"}\n";
  std::string html =
      "<html><body><article><p>The African Union suspended Niger after the "
      "military seized power in the capital Niamey, diplomats said.</p>"
      "</article></body></html>";
  WriteFile(dir.path() / "a/story.txt.gz", Gzip(txt));
  WriteFile(dir.path() / "b/feed.jsonl.zst", Zstd(jsonl));
  WriteFile(dir.path() / "b/deep/page.html.gz", Gzip(html));
  WriteFile(dir.path() / "b/deep/notes.md", "not an input");
  WriteFile(dir.path() / "c/corrupt.txt.zst", "this is not zstd at all");
  RunResult r = RunOn({dir.path().string()});
  ASSERT_EQ(r.docs.size(), 3u) << r.messages;
  EXPECT_EQ(r.docs[0].id, "story");
  EXPECT_EQ(r.docs[0].original, kArticle);
  EXPECT_EQ(r.docs[1].id, "page");  // b/deep/page sorts before b/feed
  EXPECT_EQ(r.docs[2].id, "j1");
  EXPECT_EQ(r.rejected, 1u);
  EXPECT_NE(r.messages.find("corrupt.txt.zst: corrupt zstd data"),
            std::string::npos)
      << r.messages;
}

TEST(IngestBadInput, BinaryEmptyMissingAndNonEnglishDoNotStopTheRun) {
  ScratchDir dir;
  WriteFile(dir.path() / "1_binary.txt", std::string("\x7F" "ELF\0\0\x01\x02", 8));
  WriteFile(dir.path() / "2_empty.txt", "title: nothing\n---\n   \n\n");
  WriteFile(dir.path() / "3_french.txt",
            "date: 2025-01-18\n---\nLe ministère iranien des Affaires "
            "étrangères a condamné samedi la France pour avoir autorisé "
            "l'organisation dissidente à tenir une conférence à Paris. Le "
            "porte-parole a déclaré que cette décision violait le droit "
            "international et les obligations du gouvernement français.");
  WriteFile(dir.path() / "4_good.txt", std::string("date: 2025-01-18\n---\n") + kArticle);
  RunResult r = RunOn({dir.path().string(), dir / "missing.txt"});
  ASSERT_EQ(r.docs.size(), 1u) << r.messages;
  EXPECT_EQ(r.docs[0].id, "4_good");
  EXPECT_EQ(r.rejected, 3u);  // binary, empty, missing
  EXPECT_EQ(r.skipped, 1u);   // French
  EXPECT_NE(r.messages.find("1_binary.txt: binary file"), std::string::npos);
  EXPECT_NE(r.messages.find("2_empty.txt: empty document"), std::string::npos);
  EXPECT_NE(r.messages.find("3_french.txt: not English (FRENCH)"),
            std::string::npos)
      << r.messages;
  EXPECT_NE(r.messages.find("missing.txt: no such file"), std::string::npos);
  // With --all-languages the French article is read.
  RunResult all = RunOn({dir.path().string()}, false);
  EXPECT_EQ(all.docs.size(), 2u);
}

TEST(IngestStdin, SniffsJsonLinesAndPlainText) {
  RunResult j = RunOn({}, true,
                      "{\"id\": \"s1\", \"date\": \"2025-01-01\", \"text\": "
                      "\"Israel and Hamas agreed to a ceasefire in Gaza, "
                      "mediators in Doha said.\"}\n");
  ASSERT_EQ(j.docs.size(), 1u);
  EXPECT_EQ(j.docs[0].id, "s1");
  RunResult t = RunOn({}, true, std::string("date: 2025-01-18\n---\n") + kArticle);
  ASSERT_EQ(t.docs.size(), 1u);
  EXPECT_EQ(t.docs[0].id, "stdin");
  EXPECT_EQ(t.docs[0].date, "2025-01-18");
}

TEST(IngestDedup, DuplicateDocumentsAcrossInputsAreReportedNotCoded) {
  ScratchDir dir;
  std::string body = std::string(kArticle) +
                     " The conference was attended by former officials from "
                     "the United States and the United Kingdom, along with "
                     "representatives from several Western countries.";
  WriteFile(dir.path() / "a.txt", "date: 2025-01-18\n---\n" + body);
  WriteFile(dir.path() / "b.txt", "date: 2025-01-18\n---\n" + body + "\n");
  std::string edited = body;
  edited.replace(edited.find("Saturday"), 8, "Sunday");
  WriteFile(dir.path() / "c.txt", "date: 2025-01-19\n---\n" + edited);
  RunResult r = RunOn({dir.path().string()});
  ASSERT_EQ(r.docs.size(), 1u);
  EXPECT_EQ(r.stats.duplicate_documents, 2u);
  EXPECT_NE(r.messages.find("b.txt: exact duplicate of a"),
            std::string::npos)
      << r.messages;
  EXPECT_NE(r.messages.find("c.txt: near-duplicate of a"),
            std::string::npos)
      << r.messages;
}

TEST(IngestSgml, ReadsReutersRecordsWithDatelineAndDate) {
  ScratchDir dir;
  WriteFile(dir.path() / "reut2-x.sgm",
            "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
            "<REUTERS TOPICS=\"NO\" NEWID=\"10522\">\n"
            "<DATE>27-MAR-1987 10:00:00.00</DATE>\n<TEXT>&#2;\n"
            "<TITLE>CYPRUS PROTESTS TO U.N.</TITLE>\n"
            "<DATELINE>    NICOSIA, March 27 - </DATELINE><BODY>Cyprus has "
            "protested to the United Nations over\nalleged airspace "
            "violations by the Turkish air force &amp; navy.\n Reuter\n&#3;"
            "</BODY></TEXT>\n</REUTERS>\n"
            "<REUTERS NEWID=\"10523\">\n<DATE> 1-APR-1987 01:41:26.47</DATE>"
            "<TEXT TYPE=\"BRIEF\"><TITLE>HEADLINE ONLY</TITLE></TEXT>"
            "</REUTERS>\n"
            "<REUTERS NEWID=\"10524\">\n<DATE> 1-APR-1987 01:41:26.47</DATE>"
            "<TEXT><BODY>Iraq said its warplanes attacked two tankers in the "
            "Gulf on Tuesday, the official news agency reported.\n Reuter\n"
            "</BODY></TEXT></REUTERS>\n");
  RunResult r = RunOn({dir / "reut2-x.sgm"});
  ASSERT_EQ(r.docs.size(), 2u) << r.messages;
  EXPECT_EQ(r.docs[0].id, "r10522");
  EXPECT_EQ(r.docs[0].date, "1987-03-27");
  EXPECT_EQ(r.docs[0].title, "CYPRUS PROTESTS TO U.N.");
  EXPECT_EQ(r.docs[0].original,
            "NICOSIA, March 27 - Cyprus has protested to the United Nations "
            "over\nalleged airspace violations by the Turkish air force & navy.");
  EXPECT_EQ(r.docs[1].id, "r10524");
  EXPECT_EQ(r.docs[1].date, "1987-04-01");
  EXPECT_EQ(r.rejected, 0u);
}

TEST(PrepareDate, AcceptsIsoDatesOnly) {
  EXPECT_EQ(ParseIsoDate("2025-01-18"), "2025-01-18");
  EXPECT_EQ(ParseIsoDate("2024-02-29T23:59:00+01:00"), "2024-02-29");
  EXPECT_EQ(ParseIsoDate("2025-02-29"), "");
  EXPECT_EQ(ParseIsoDate("2025-13-01"), "");
  EXPECT_EQ(ParseIsoDate("18/01/2025"), "");
}

}  // namespace
}  // namespace dyad
