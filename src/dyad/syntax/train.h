// Trainer for the syntax model (tagger, lemmatizer, parser) on a UD
// treebank. Deterministic: fixed seeds, fixed iteration order, and
// parallel work (the jackknife folds) is split so that its results do not
// depend on thread timing. Progress goes to stderr, one line per iteration.
//
// Steps: label tables from train; tagger on all of train (perceptron
// weights pruned and quantized); neural parser (neural_train.h) trained on
// tags predicted by k-fold jackknifed taggers (so it learns from the
// tagger's real mistakes); lemmatizer tables from train; the parser epoch
// with the best dev LAS is kept; written with zstd.
//
// Thread safety: TrainSyntaxModel uses its own threads; call it from one
// thread at a time.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dyad/syntax/neural_parser.h"
#include "dyad/syntax/neural_train.h"

namespace dyad::syntax {

struct TrainOptions {
  std::string train_path;
  // Read after train_path, as more training sentences (the data hash
  // covers train, these, then dev).
  std::vector<std::string> extra_train_paths;
  std::string dev_path;
  std::string out_path;
  int tagger_iterations = 10;
  int jackknife_folds = 4;  // 0 or 1: train the parser on gold tags
  int threads = 2;
  // |averaged weight| below this is dropped (0.5 costs nothing on dev).
  float tagger_prune = 0.5f;
  NeuralDims parser_dims;     // sizes; vocab/tags/labels come from the data
  NeuralTrainOptions parser;  // its threads and seed: the fields below
  uint64_t seed = 0x5EED2024;
};

// Trains and writes options.out_path; false with a message on failure.
bool TrainSyntaxModel(const TrainOptions& options, std::string* error);

}  // namespace dyad::syntax
