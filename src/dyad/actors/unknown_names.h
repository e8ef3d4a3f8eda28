// Unknown actor names over a corpus: the names the actors stage reported
// with an empty code, counted, so that curators can add the frequent ones
// to the dictionaries (`dyad dict unknown`).
//
// Thread safety: one counter per thread, or Add() under the caller's lock.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "dyad/doc/document.h"

namespace dyad::actors {

class UnknownNames {
 public:
  struct Row {
    std::string name;
    uint64_t count = 0;
    uint64_t documents = 0;
    std::string example;  // origin or id of the first document
  };

  // Counts the uncoded named mentions of an annotated document.
  void Add(const Document& doc);
  // The `limit` most frequent names (all if 0), most frequent first, ties
  // in name order.
  std::vector<Row> Top(size_t limit) const;

 private:
  std::unordered_map<std::string, Row> rows_;
};

}  // namespace dyad::actors
