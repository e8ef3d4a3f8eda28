// Helpers for the events tests: where the data lives, reading files, and a
// small code table for tests that do not need the shipped one.
#pragma once

#include <fstream>
#include <iterator>
#include <memory>
#include <string>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "dyad/events/codes.h"

namespace dyad::events::testing {

inline std::string DataDir() { return DYAD_TEST_DATA_DIR; }
inline std::string SharedDir() { return DYAD_TEST_SHARED_DIR; }

inline std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), {});
}

// "04" for 4: the two-digit root code.
inline std::string RootCode(int root) {
  std::string code = std::to_string(root);
  if (code.size() < 2) code.insert(code.begin(), '0');
  return code;
}

// The shipped code table; fails the test if it does not load.
inline std::unique_ptr<CodeTable> ShippedCodes() {
  std::string error;
  auto table = CodeTable::Load(DataDir() + "/cameo/codes.tsv", &error);
  EXPECT_NE(table, nullptr) << error;
  return table;
}

}  // namespace dyad::events::testing
