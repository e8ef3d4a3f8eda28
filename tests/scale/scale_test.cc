// Scale-out as a user runs it: output identical at any thread count, runs
// split with --shard and joined with `dyad merge` equal to one run, runs
// killed with SIGKILL and started again with --resume equal to one run, and
// memory that does not grow with the input.
#include <zstd.h>

#include <fstream>
#include <sstream>

#include "dyad/pipeline/checkpoint.h"
#include "scale_util.h"

namespace dyad {
namespace {

using testing::Background;
using testing::ReadFile;
using testing::ReutersSample;
using testing::DyadRun;
using testing::RunDyad;
using testing::ScratchDir;
using testing::WaitFor;
using testing::WriteFile;

// Inputs with every kind of message: bad records, a binary file, a missing
// path, duplicates; next to real news.
std::string MixedInputs(const ScratchDir& dir) {
  WriteFile(dir.path() / "mixed/a.txt",
            "date: 2025-01-18\n---\nIran on Saturday condemned France for "
            "permitting the dissident group to hold a conference in Paris.");
  WriteFile(dir.path() / "mixed/b.txt",
            "date: 2025-01-18\n---\nIran on Saturday condemned France for "
            "permitting the dissident group to hold a conference in Paris.\n");
  WriteFile(dir.path() / "mixed/feed.jsonl",
            "{\"id\": \"j1\", \"date\": \"2025-03-01\", \"text\": \"Police in "
            "Tbilisi detained dozens of protesters on Sunday.\"}\n"
            "{\"id\": 1, \"text\": \"oops\"\n"
            "{\"id\": \"j2\", \"text\": \"NATO allies agreed to send more air "
            "defence systems to Ukraine, the alliance said.\"}\n");
  WriteFile(dir.path() / "mixed/blob.txt", std::string("\0\x01\x02", 3));
  return ReutersSample() + " " + dir.path().string() + "/mixed " +
         (dir.path() / "missing.txt").string() + " " + testing::SourceDir() +
         "/examples";
}

TEST(Scale, OutputIsByteIdenticalAt1And2And8ThreadsOnReuters) {
  DyadRun one = RunDyad("segment -j 1 " + ReutersSample());
  DyadRun two = RunDyad("segment -j 2 " + ReutersSample());
  DyadRun eight = RunDyad("segment -j 8 " + ReutersSample());
  ASSERT_EQ(one.status, 0) << one.err;
  EXPECT_GT(one.out.size(), 5000000u);
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(one.out, eight.out);
  EXPECT_EQ(one.err, eight.err);
}

// Runs the N shards of `command` over `inputs`, merges them, and checks the
// merged output, messages and summary equal those of one run.
void ExpectShardsMergeToOneRun(const std::string& command,
                               const std::string& inputs, int shards) {
  ScratchDir dir;
  DyadRun single = RunDyad(command + " " + inputs);
  ASSERT_EQ(single.status, 0) << single.err;
  std::string outputs;
  for (int i = 0; i < shards; ++i) {
    std::string out = dir / ("shard." + std::to_string(i));
    DyadRun shard = RunDyad(command + " -q --shard " + std::to_string(i) + "/" +
                        std::to_string(shards) + " -o " + out + " " + inputs);
    ASSERT_EQ(shard.status, 0) << shard.err;
    outputs = out + " " + outputs;  // any order
  }
  DyadRun merged = RunDyad("merge " + outputs);
  ASSERT_EQ(merged.status, 0) << merged.err;
  EXPECT_EQ(merged.out, single.out);
  EXPECT_EQ(merged.err, single.err);  // messages in order, same summary
}

TEST(Scale, SegmentShardsMergeToOneRunByteForByte) {
  ScratchDir dir;
  ExpectShardsMergeToOneRun("segment", MixedInputs(dir), 4);
}

TEST(Scale, CodeShardsMergeToOneRunWithTheSameSummary) {
  ScratchDir dir;
  MixedInputs(dir);
  const std::string inputs = dir.path().string() + " " + testing::SourceDir() +
                             "/examples " + testing::ReutersDir() + "/reut2-003.sgm";
  ExpectShardsMergeToOneRun("code", inputs, 3);
  // Events too are the same at any thread count.
  DyadRun one = RunDyad("code -j 1 " + inputs);
  DyadRun two = RunDyad("code -j 2 " + inputs);
  EXPECT_EQ(one.out, two.out);
  EXPECT_EQ(one.err, two.err);
}

TEST(Scale, MoreShardsThanDocuments) {
  ScratchDir dir;
  WriteFile(dir.path() / "one.txt",
            "date: 2025-01-18\n---\nIran on Saturday condemned France for "
            "permitting the dissident group to hold a conference in Paris.");
  ExpectShardsMergeToOneRun("segment", dir.path().string(), 5);
}

TEST(Scale, MergeRefusesMissingIncompleteAndForeignShards) {
  ScratchDir dir;
  std::string inputs = testing::SourceDir() + "/examples";
  for (int i = 0; i < 2; ++i)
    ASSERT_EQ(RunDyad("segment -q --shard " + std::to_string(i) + "/2 -o " +
                      (dir / ("s" + std::to_string(i))) + " " + inputs)
                  .status,
              0);
  DyadRun missing = RunDyad("merge " + (dir / "s0"));
  EXPECT_EQ(missing.status, 2);
  EXPECT_NE(missing.err.find("shard 1/2 is missing"), std::string::npos) << missing.err;

  DyadRun twice = RunDyad("merge " + (dir / "s0") + " " + (dir / "s0"));
  EXPECT_NE(twice.err.find("given twice"), std::string::npos) << twice.err;

  ASSERT_EQ(RunDyad("segment -q --all-languages --shard 1/2 -o " + (dir / "x1") +
                    " " + inputs)
                .status,
            0);
  DyadRun foreign = RunDyad("merge " + (dir / "s0") + " " + (dir / "x1"));
  EXPECT_NE(foreign.err.find("from another run"), std::string::npos) << foreign.err;

  // A shard that did not finish has no end line.
  std::string index = ReadFile(dir / "s1.index");
  WriteFile(dir.path() / "s1.index", index.substr(0, index.rfind("end ")));
  DyadRun incomplete = RunDyad("merge " + (dir / "s0") + " " + (dir / "s1"));
  EXPECT_NE(incomplete.err.find("incomplete"), std::string::npos) << incomplete.err;

  DyadRun usage = RunDyad("segment --shard 2/2 -o " + (dir / "y") + " " + inputs);
  EXPECT_EQ(usage.status, 2);
  DyadRun no_out = RunDyad("segment --shard 0/2 " + inputs);
  EXPECT_NE(no_out.err.find("--shard needs -o"), std::string::npos);
}

// The input ordinal a run's checkpoint has reached, 0 if none yet.
uint64_t CheckpointedItems(const std::string& path) {
  Checkpoint cp;
  std::string error;
  return LoadCheckpoint(path, &cp, &error) && !cp.complete ? cp.next_item : 0;
}

// Starts `dyad ARGS` (a resumable run writing `out`; ARGS split at spaces),
// kills it with SIGKILL after its checkpoint has moved, starts it again
// with --resume and returns that second run.
DyadRun KillAndResume(const std::string& args, const std::string& out) {
  const std::string checkpoint = out + ".checkpoint";
  std::vector<std::string> argv;
  std::istringstream words(args);
  for (std::string w; words >> w;) argv.push_back(w);
  {
    Background first(argv);
    EXPECT_TRUE(WaitFor([&] { return CheckpointedItems(checkpoint) > 100; }, 30))
        << "no checkpoint written";
    EXPECT_TRUE(first.Kill()) << "the run ended before it could be killed";
  }
  EXPECT_GT(CheckpointedItems(checkpoint), 0u);
  return RunDyad(args);
}

TEST(Scale, KilledRunResumesToTheSameOutput) {
  ScratchDir dir;
  const std::string corpus = testing::ReutersHalf();
  DyadRun whole = RunDyad("segment -q -j 2 " + corpus);
  ASSERT_EQ(whole.status, 0) << whole.err;
  const std::string out = dir / "segments.jsonl";
  DyadRun resumed = KillAndResume(
      "segment -q -j 1 --resume --checkpoint-every 0.05 -o " + out + " " + corpus,
      out);
  ASSERT_EQ(resumed.status, 0) << resumed.err;
  EXPECT_TRUE(ReadFile(out) == whole.out) << "resumed output differs";
  EXPECT_EQ(resumed.err, whole.err);  // the summary counts the whole run
  // Once complete, --resume does not run again.
  DyadRun done = RunDyad("segment -q --resume -o " + out + " " + corpus);
  EXPECT_EQ(done.status, 0);
  EXPECT_NE(done.err.find("is complete"), std::string::npos) << done.err;
  EXPECT_TRUE(ReadFile(out) == whole.out);
}

TEST(Scale, KilledShardResumesAndMerges) {
  ScratchDir dir;
  const std::string corpus = testing::ReutersHalf();
  DyadRun whole = RunDyad("segment -j 2 " + corpus);
  ASSERT_EQ(whole.status, 0);
  const std::string s0 = dir / "s0", s1 = dir / "s1";
  DyadRun resumed = KillAndResume("segment -q -j 1 --shard 0/2 --resume "
                                  "--checkpoint-every 0.05 -o " + s0 + " " + corpus,
                                  s0);
  ASSERT_EQ(resumed.status, 0) << resumed.err;
  ASSERT_EQ(RunDyad("segment -q --shard 1/2 -o " + s1 + " " + corpus).status, 0);
  DyadRun merged = RunDyad("merge " + s0 + " " + s1);
  ASSERT_EQ(merged.status, 0) << merged.err;
  EXPECT_TRUE(merged.out == whole.out) << "merged output differs";
  EXPECT_EQ(merged.err, whole.err);
}

TEST(Scale, ResumeRefusesACheckpointOfOtherInputs) {
  ScratchDir dir;
  std::string out = dir / "o.jsonl";
  ASSERT_EQ(RunDyad("segment -q --resume -o " + out + " " + testing::SourceDir() +
                    "/examples")
                .status,
            0);
  DyadRun other = RunDyad("segment -q --resume -o " + out + " " + ReutersSample());
  EXPECT_EQ(other.status, 2);
  EXPECT_NE(other.err.find("other inputs"), std::string::npos) << other.err;
}

// A 64 MB JSON Lines file, zstd-compressed: memory must stay below it
// (reading it whole would take 64 MB and more).
TEST(Scale, MemoryDoesNotGrowWithALargeCompressedInput) {
  ScratchDir dir;
  const std::string path = dir / "big.jsonl.zst";
  {
    std::ofstream out(path, std::ios::binary);
    ZSTD_CCtx* cctx = ZSTD_createCCtx();
    std::string block, compressed(ZSTD_CStreamOutSize(), '\0');
    size_t total = 0;
    const size_t target = 64u << 20;
    int n = 0;
    auto flush = [&](ZSTD_EndDirective mode) {
      ZSTD_inBuffer in{block.data(), block.size(), 0};
      bool finished = false;
      while (!finished) {
        ZSTD_outBuffer o{compressed.data(), compressed.size(), 0};
        size_t left = ZSTD_compressStream2(cctx, &o, &in, mode);
        out.write(compressed.data(), static_cast<std::streamsize>(o.pos));
        finished = mode == ZSTD_e_end ? left == 0 : in.pos == in.size;
      }
      block.clear();
    };
    while (total < target) {
      // Each document differs, so none is dropped as a duplicate before
      // being segmented.
      std::string line = "{\"id\": \"d" + std::to_string(n) +
                         "\", \"date\": \"2025-01-18\", \"text\": \"Report " +
                         std::to_string(n) + ": ";
      for (int k = 0; k < 20; ++k)
        line += "Officials in city " + std::to_string(n * 31 + k) +
                " met envoys from " + std::to_string(n * 17 + k) + " on Monday. ";
      line += "\"}\n";
      total += line.size();
      block += line;
      ++n;
      if (block.size() > (1u << 20)) flush(ZSTD_e_continue);
    }
    flush(ZSTD_e_end);
    ZSTD_freeCCtx(cctx);
  }
  DyadRun r = RunDyad("segment -q --keep-duplicates -o /dev/null " + path);
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.err.find(" 0 rejected"), std::string::npos) << r.err;
#if defined(__SANITIZE_ADDRESS__)
  // AddressSanitizer's quarantine and shadow memory make RSS meaningless.
  const double limit = 1024;
#else
  const double limit = 48;
#endif
  EXPECT_LT(r.peak_rss_mib, limit) << "peak RSS " << r.peak_rss_mib << " MiB";
  std::cout << "peak RSS " << r.peak_rss_mib << " MiB for 64 MB of input\n";
}

}  // namespace
}  // namespace dyad
