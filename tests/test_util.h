// Helpers shared by dyad's tests: the shipped data directory, the shared
// team data, a scratch directory, and building a Document from text.
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dyad/pipeline/pipeline.h"

namespace dyad::testing {

inline std::string DataDir() { return DYAD_TEST_DATA_DIR; }
inline std::string SharedDir() { return DYAD_TEST_SHARED_DIR; }
inline std::string SourceDir() { return DYAD_TEST_SOURCE_DIR; }

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

inline void WriteFile(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

// A fresh scratch directory under the system temp dir, removed at the end.
class ScratchDir {
 public:
  ScratchDir() {
    path_ = std::filesystem::temp_directory_path() /
            ("dyad-test-" + std::to_string(::getpid()) + "-" +
             std::to_string(counter_++));
    std::filesystem::remove_all(path_);
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() { std::filesystem::remove_all(path_); }
  const std::filesystem::path& path() const { return path_; }
  std::string operator/(const std::string& name) const {
    return (path_ / name).string();
  }

 private:
  static inline int counter_ = 0;
  std::filesystem::path path_;
};

// One pipeline for a whole test binary (loading resources once).
inline const Pipeline& SharedPipeline() {
  static std::unique_ptr<Pipeline> p = [] {
    PipelineOptions o;
    o.data_dir = DataDir();
    o.english_only = false;
    std::string error;
    auto made = Pipeline::Create(o, &error);
    if (!made) ADD_FAILURE() << error;
    return made;
  }();
  return *p;
}

// Normalizes and segments `text` as a document body.
inline Document Segmented(const std::string& text) {
  Document doc;
  doc.id = "t";
  doc.date = "2025-01-18";
  doc.original = text;
  Reporter quiet(nullptr);
  EXPECT_TRUE(SharedPipeline().Process(doc, quiet));
  return doc;
}

inline std::vector<std::string> SentenceTexts(const Document& doc) {
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences)
    out.emplace_back(doc.OriginalText(s.span));
  return out;
}

inline std::vector<std::string> TokenForms(const Document& doc) {
  std::vector<std::string> out;
  for (const Token& t : doc.tokens) out.emplace_back(doc.Form(t));
  return out;
}

}  // namespace dyad::testing
