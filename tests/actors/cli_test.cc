// The actors commands end to end, through the dyad binary.
#include <cstdio>
#include <memory>

#include <gtest/gtest.h>

#include "test_util.h"

namespace dyad::testing {
namespace {

std::string RunCli(const std::string& args, int* status) {
  std::string cmd = std::string(DYAD_ACTORS_CLI) + " " + args + " 2>/dev/null";
  std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd.c_str(), "r"), pclose);
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, pipe.get())) > 0) out.append(buf, n);
  *status = pclose(pipe.release());
  return out;
}

TEST(ActorsCliTest, DictImport) {
  ScratchDir dir;
  int status = 0;
  std::string out = RunCli("dict import --from tabari " + SharedDir() +
                            "/data/tabari/TABARI.Demo.actors -o " + dir / "demo.actors",
                        &status);
  EXPECT_EQ(status, 0);
  std::string written = ReadFile(dir / "demo.actors");
  EXPECT_NE(written.find("entry: "), std::string::npos);
  EXPECT_NE(written.find("code: USAGOV 1999-12-01..2001-01-14"), std::string::npos);
  RunCli("dict import --from cameo x", &status);
  EXPECT_NE(status, 0);
}

TEST(ActorsCliTest, DictUnknownAndTry) {
  ScratchDir dir;
  WriteFile(dir / "a.txt",
            "date: 2025-02-01\n---\nThe Zarvanian Liberation Council threatened "
            "Kenya. The Zarvanian Liberation Council later denied it.\n");
  int status = 0;
  std::string out = RunCli("dict unknown -q --data " + DataDir() + " " + dir / "a.txt", &status);
  EXPECT_EQ(status, 0);
  EXPECT_NE(out.find("2\t1\tZarvanian Liberation Council"), std::string::npos) << out;
  out = RunCli("dict try -q --data " + DataDir() + " " + dir / "a.txt", &status);
  EXPECT_NE(out.find("KENGOV\tKenya"), std::string::npos) << out;
}

TEST(ActorsCliTest, EvalActors) {
  int status = 0;
  std::string out = RunCli("eval actors --data " + DataDir() + " " + SourceDir() + "/tests/eval",
                        &status);
  EXPECT_EQ(status, 0);
  EXPECT_NE(out.find("mentions  P 0."), std::string::npos) << out;
}

}  // namespace
}  // namespace dyad::testing
