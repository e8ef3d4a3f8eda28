// Trainer of the neural parser (neural_parser.h): hand-written
// back-propagation through the embeddings, BiLSTM, ReLU layers, biaffine
// arc scorer (softmax over each word's candidate heads) and label
// classifier (softmax over labels on the gold arc), Adam updates on
// minibatches of sentences, dropout on the input, BiLSTM output and ReLU
// layers, and word dropout (a word of training count c becomes unknown
// with probability alpha / (alpha + c)).
//
// Deterministic: parameters are initialized and sentences shuffled from
// mt19937_64 with fixed seeds; each sentence's dropout draws come from a
// generator seeded by (seed, epoch, position), and a minibatch is split in
// two fixed halves whose gradients are summed in a fixed order, so the
// result is the same whether the halves run on one thread or two.
//
// Thread safety: TrainNeuralParser uses its own threads; call it from one
// thread at a time.
#pragma once

#include <cstdint>
#include <functional>
#include <random>
#include <vector>

#include "dyad/syntax/neural_parser.h"

namespace dyad::syntax {

struct NeuralSentence {
  std::vector<NeuralInput> words;
  std::vector<int> heads;   // -1 = root
  std::vector<int> labels;  // parser label index
  std::vector<int> tags;    // gold tagger classes, for the tag head
};

struct NeuralTrainOptions {
  int epochs = 25;
  int batch_sentences = 32;
  float learning_rate = 2e-3f;
  float learning_rate_decay = 1.f;  // multiplies the rate after each epoch
  // Dev scoring and the kept model use an exponential moving average of
  // the parameters with this decay per update (0 = the raw parameters).
  float average_decay = 0.999f;
  float beta1 = 0.9f;
  float beta2 = 0.9f;
  float clip_norm = 5.f;
  float input_dropout = 0.2f;
  float hidden_dropout = 0.25f;
  float mlp_dropout = 0.25f;
  float word_dropout_alpha = 0.25f;
  int threads = 2;
  // Keep the last epoch rather than the best on dev (for a model trained
  // on dev too, with the epoch count fixed by a run that was not).
  bool keep_last_epoch = false;
  uint64_t seed = 0x5EED2024;
};

// Random initial parameters (Glorot-uniform matrices, small embeddings,
// forget-gate bias 1, zero biaffine matrix). REQUIRES: parser->dims set.
void InitNeuralParams(NeuralParser* parser, uint64_t seed);

// Adds the gradient of the sentence's loss (sum over words of the head and
// label negative log-likelihoods) to *grads (shaped like the parameters)
// and returns the loss. With rng == nullptr there is no dropout of any kind
// (used by the gradient check); otherwise word_counts[id] is the training
// count of word id.
double SentenceGradient(const NeuralParser& parser, const NeuralSentence& s,
                        const NeuralTrainOptions& options,
                        const std::vector<int>& word_counts,
                        std::mt19937_64* rng, std::vector<ParamMatrix>* grads);

// Trains from `init` (dims, vocab and initial parameters set) and returns
// the parameters of the epoch with the highest dev_las(parser, epoch), or
// of the last one with keep_last_epoch (Prepare() already called).
NeuralParser TrainNeuralParser(
    NeuralParser init, const std::vector<NeuralSentence>& train,
    const std::vector<int>& word_counts, const NeuralTrainOptions& options,
    const std::function<double(const NeuralParser&, int)>& dev_las);

}  // namespace dyad::syntax
