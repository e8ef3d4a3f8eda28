// End-to-end tests of the `dyad` binary as a user runs it.
#include <simdjson.h>
#include <sys/wait.h>

#include <cstdio>

#include "test_util.h"

namespace dyad {
namespace {

using testing::ScratchDir;
using testing::WriteFile;

struct Result {
  int status = -1;
  std::string out, err;
};

Result RunDyad(const std::string& args, const std::string& stdin_file = "") {
  ScratchDir tmp;
  std::string out = tmp / "out", err = tmp / "err";
  std::string cmd = std::string(DYAD_TEST_BINARY) + " " + args + " >" + out +
                    " 2>" + err + (stdin_file.empty() ? " </dev/null" : " <" + stdin_file);
  int rc = std::system(cmd.c_str());
  Result r;
  r.status = WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
  r.out = testing::ReadFile(out);
  r.err = testing::ReadFile(err);
  return r;
}

TEST(Cli, CodesTheExampleArticlesAndPrintsASummary) {
  Result r = RunDyad("code " + testing::SourceDir() + "/examples");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find("dyad: 8 documents, "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(" 0 rejected"), std::string::npos) << r.err;
}

TEST(Cli, SegmentOffsetsSliceTheOriginalText) {
  std::string path = testing::SharedDir() + "/seeds/003_adca9ae7a0bf6d0f.txt";
  Result r = RunDyad("segment --all-languages " + path);
  ASSERT_EQ(r.status, 0) << r.err;
  std::string original = testing::ReadFile(path);
  simdjson::dom::parser parser;
  size_t lines = 0, tokens = 0;
  size_t pos = 0;
  while (pos < r.out.size()) {
    size_t eol = r.out.find('\n', pos);
    std::string line = r.out.substr(pos, eol - pos);
    pos = eol + 1;
    simdjson::dom::element e;
    ASSERT_FALSE(parser.parse(line).get(e)) << line;
    EXPECT_EQ(std::string_view(e["doc"]), "003_adca9ae7a0bf6d0f");
    uint64_t start = e["start"], end = e["end"];
    EXPECT_EQ(original.substr(start, end - start), std::string_view(e["text"]));
    for (auto tok : e["tokens"].get_array()) {
      uint64_t ts = tok.at(0), te = tok.at(1);
      ASSERT_LE(start, ts);
      ASSERT_LE(te, end);
      std::string slice = original.substr(ts, te - ts);
      std::string_view form = tok.at(2);
      // Folded quotes and dashes differ from the original; words do not.
      if (form != "\"" && form != "'" && form != "-" && form.find('\'') == form.npos)
        EXPECT_EQ(slice, form);
      ++tokens;
    }
    ++lines;
  }
  EXPECT_GT(lines, 20u);
  EXPECT_GT(tokens, 500u);
}

// dyad parse: well-formed CoNLL-U (ten columns, one root per sentence,
// heads inside the sentence) whose TokenRange slices the original bytes.
TEST(Cli, ParsePrintsConlluWithOffsetsIntoTheOriginal) {
  std::string path = testing::SharedDir() + "/seeds/003_adca9ae7a0bf6d0f.txt";
  Result r = RunDyad("parse --quiet --all-languages " + path);
  ASSERT_EQ(r.status, 0) << r.err;
  std::string original = testing::ReadFile(path);
  size_t sentences = 0, tokens = 0, pos = 0;
  int roots = 0, size = 0;
  std::vector<int> heads;
  auto close_sentence = [&] {
    if (size == 0) return;
    EXPECT_EQ(roots, 1) << "sentence " << sentences;
    for (int h : heads) EXPECT_LE(h, size);
    ++sentences;
    roots = size = 0;
    heads.clear();
  };
  while (pos < r.out.size()) {
    size_t eol = r.out.find('\n', pos);
    std::string line = r.out.substr(pos, eol - pos);
    pos = eol + 1;
    if (line.empty()) { close_sentence(); continue; }
    if (line[0] == '#') continue;
    std::vector<std::string> cols;
    for (size_t from = 0;;) {
      size_t tab = line.find('\t', from);
      cols.push_back(line.substr(from, tab - from));
      if (tab == std::string::npos) break;
      from = tab + 1;
    }
    ASSERT_EQ(cols.size(), 10u) << line;
    EXPECT_EQ(std::stoi(cols[0]), size + 1) << line;
    ++size;
    int head = std::stoi(cols[6]);
    heads.push_back(head);
    if (head == 0) {
      ++roots;
      EXPECT_EQ(cols[7], "root");
    }
    ASSERT_EQ(cols[9].rfind("TokenRange=", 0), 0u) << line;
    size_t colon = cols[9].find(':');
    size_t start = std::stoul(cols[9].substr(11, colon - 11));
    size_t end = std::stoul(cols[9].substr(colon + 1));
    ASSERT_LE(end, original.size());
    EXPECT_EQ(original.substr(start, end - start), cols[1]) << line;
    ++tokens;
  }
  close_sentence();
  EXPECT_GT(sentences, 20u);
  EXPECT_GT(tokens, 500u);
}

TEST(Cli, OutputIsByteIdenticalAtAnyThreadCount) {
  std::string inputs = testing::SourceDir() + "/examples " +
                       testing::SharedDir() + "/dev/articles " +
                       testing::SharedDir() + "/seeds";
  Result one = RunDyad("segment -j 1 " + inputs);
  Result two = RunDyad("segment -j 2 " + inputs);
  Result eight = RunDyad("segment -j 8 " + inputs);
  EXPECT_EQ(one.status, 0);
  EXPECT_GT(one.out.size(), 100000u);
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(one.out, eight.out);
  // Messages come out in input order too.
  EXPECT_EQ(one.err, eight.err);
}

TEST(Cli, BadInputIsReportedAndTheRunGoesOn) {
  ScratchDir dir;
  WriteFile(dir.path() / "good.txt",
            "date: 2025-01-18\n---\nIran on Saturday condemned France for "
            "permitting the dissident group to hold a conference in Paris.");
  WriteFile(dir.path() / "feed.jsonl", "{\"id\": 1, \"text\": \"oops\"\n");
  WriteFile(dir.path() / "blob.txt", std::string("\0\x01\x02\x03", 4));
  Result r = RunDyad("code " + dir.path().string());
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.err.find("feed.jsonl:1: malformed JSON"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("blob.txt: binary file"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("dyad: 1 documents, 1 sentences, 2 rejected"),
            std::string::npos)
      << r.err;
}

TEST(Cli, NothingReadableExitsWithOne) {
  ScratchDir dir;
  WriteFile(dir.path() / "blob.txt", std::string("\0\x01", 2));
  Result r = RunDyad("code " + dir.path().string() + " /no/such/file.txt");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("0 documents, 0 sentences, 2 rejected"), std::string::npos)
      << r.err;
}

TEST(Cli, ReadsStdinAndWritesToOutFile) {
  ScratchDir dir;
  WriteFile(dir.path() / "in.jsonl",
            "{\"id\": \"w1\", \"date\": \"2025-03-01\", \"text\": \"Police in "
            "Tbilisi detained dozens of protesters. The interior ministry "
            "defended the arrests.\"}\n");
  std::string out = dir / "seg.jsonl";
  Result r = RunDyad("segment -o " + out, dir / "in.jsonl");
  EXPECT_EQ(r.status, 0) << r.err;
  std::string written = testing::ReadFile(out);
  EXPECT_EQ(std::count(written.begin(), written.end(), '\n'), 2);
  EXPECT_NE(written.find("\"doc\":\"w1\""), std::string::npos);
}

}  // namespace
}  // namespace dyad
