// Per-thread scratch memory for Model::Annotate. Buffers grow to the
// longest sentence seen and are then reused, so annotating allocates
// nothing per token in steady state.
//
// Thread safety: one Workspace per thread; never share one between threads
// running Annotate at the same time. Its contents are internal to the
// syntax stage and meaningless between calls.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dyad/syntax/neural_parser.h"
#include "dyad/syntax/word_info.h"

namespace dyad::syntax {

struct Workspace {
  std::vector<std::string_view> forms;
  std::vector<WordInfo> words;
  std::vector<int> tags;
  std::vector<float> scores;
  std::vector<NeuralInput> parser_inputs;
  std::vector<int> heads, labels;
  std::vector<int> window_roots;  // roots of windows hung on the main one
  NeuralScratch parser;
  std::string scratch;
};

}  // namespace dyad::syntax
