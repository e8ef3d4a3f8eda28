// The model container must reject foreign, outdated and damaged files with
// a message that names the file and says what is wrong.
#include "dyad/syntax/model_file.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "dyad/syntax/conllu.h"
#include "dyad/syntax/model.h"

namespace dyad::syntax {
namespace {

std::string TempPath(const std::string& name) {
  return (std::filesystem::temp_directory_path() /
          ("dyad_syntax_test_" + name))
      .string();
}

void WriteBytes(const std::string& path, const std::string& bytes) {
  std::ofstream(path, std::ios::binary) << bytes;
}

std::string ShippedModelBytes() {
  std::string bytes, error;
  EXPECT_TRUE(ReadFileBytes(DYAD_SYNTAX_MODEL, &bytes, &error)) << error;
  return bytes;
}

TEST(ModelFile, RoundTripsPayloadAndDataHash) {
  std::string path = TempPath("roundtrip.model"), error;
  ASSERT_TRUE(WriteModelFile(path, 0x1234, "payload bytes", 3, &error));
  std::string payload;
  uint64_t hash = 0;
  ASSERT_TRUE(ReadModelFile(path, &payload, &hash, &error)) << error;
  EXPECT_EQ(payload, "payload bytes");
  EXPECT_EQ(hash, 0x1234u);
  std::remove(path.c_str());
}

TEST(ModelFile, WrongMagicFailsNamingTheFile) {
  std::string bytes = ShippedModelBytes();
  bytes[0] = 'X';
  std::string path = TempPath("magic.model"), error;
  WriteBytes(path, bytes);
  EXPECT_EQ(Model::Load(path, &error), nullptr);
  EXPECT_NE(error.find(path), std::string::npos) << error;
  EXPECT_NE(error.find("bad magic"), std::string::npos) << error;
  std::remove(path.c_str());
}

TEST(ModelFile, WrongVersionFailsNamingTheFile) {
  std::string bytes = ShippedModelBytes();
  bytes[8] = static_cast<char>(kModelFormatVersion + 1);
  std::string path = TempPath("version.model"), error;
  WriteBytes(path, bytes);
  EXPECT_EQ(Model::Load(path, &error), nullptr);
  EXPECT_NE(error.find(path), std::string::npos) << error;
  EXPECT_NE(error.find("format version"), std::string::npos) << error;
  std::remove(path.c_str());
}

TEST(ModelFile, TruncatedFileFailsNamingTheFile) {
  std::string bytes = ShippedModelBytes();
  for (size_t keep : {size_t{5}, size_t{20}, bytes.size() / 2,
                      bytes.size() - 1}) {
    std::string path = TempPath("truncated.model"), error;
    WriteBytes(path, bytes.substr(0, keep));
    EXPECT_EQ(Model::Load(path, &error), nullptr) << keep;
    EXPECT_NE(error.find(path), std::string::npos) << error;
    EXPECT_NE(error.find("truncated"), std::string::npos) << error;
    std::remove(path.c_str());
  }
}

TEST(ModelFile, CorruptPayloadIsDetected) {
  std::string bytes = ShippedModelBytes();
  bytes[bytes.size() / 2] ^= 0x5A;
  std::string path = TempPath("corrupt.model"), error;
  WriteBytes(path, bytes);
  EXPECT_EQ(Model::Load(path, &error), nullptr);
  EXPECT_NE(error.find("corrupt"), std::string::npos) << error;
  std::remove(path.c_str());
}

TEST(ModelFile, MissingFileFails) {
  std::string error;
  EXPECT_EQ(Model::Load("/nonexistent/en.model", &error), nullptr);
  EXPECT_NE(error.find("/nonexistent/en.model"), std::string::npos);
}

}  // namespace
}  // namespace dyad::syntax
