// Tests of the neural parser's pieces: back-propagation against finite
// differences, Eisner decoding (well-formed trees, one root, best tree
// found), serialization and the runtime path agreeing with training.
#include "dyad/syntax/neural_parser.h"

#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "dyad/syntax/neural_train.h"

namespace dyad::syntax {
namespace {

NeuralParser TinyParser(int layers = 1, int tag_head = 0) {
  NeuralParser p;
  p.dims.layers = layers;
  p.dims.tag_head = tag_head;
  p.dims.vocab = 7;
  p.dims.num_tags = 5;
  p.dims.num_labels = 4;
  p.dims.word_dim = 4;
  p.dims.tag_dim = 3;
  p.dims.affix_dim = 2;
  p.dims.shape_dim = 2;
  p.dims.affix_buckets = 6;
  p.dims.shape_buckets = 3;
  p.dims.hidden = 4;
  p.dims.arc_dim = 4;
  p.dims.label_dim = 3;
  InitNeuralParams(&p, 42);
  p.vocab_affixes.assign(7 * kNumAffixes, 1);
  // Non-zero biaffine matrix and biases so every path carries gradient.
  std::mt19937_64 rng(7);
  for (int k : {kArcU, kArcHeadBias, kMlpB, kLabelBias, kArcDistance,
                kLabelDistance}) {
    for (float& x : p.params[k].v) {
      x = static_cast<float>(static_cast<int>(rng() % 200) - 100) / 200.f;
    }
  }
  return p;
}

NeuralSentence TinySentence() {
  NeuralSentence s;
  s.words = {{1, 0, 1, {2, 3, 2, 0}}, {3, 2, 0, {5, 1, 0, 4}},
             {0, 4, 2, {1, 1, 2, 3}}, {6, 1, 1, {0, 5, 4, 2}},
             {2, 3, 0, {4, 0, 1, 5}}};
  s.heads = {1, -1, 1, 4, 1};
  s.labels = {0, 3, 1, 2, 1};
  s.tags = {4, 0, 2, 1, 3};
  return s;
}

class NeuralGradientTest
    : public ::testing::TestWithParam<std::pair<int, int>> {};

// (layers, tag head): one or two BiLSTM layers, with or without tag head.
INSTANTIATE_TEST_SUITE_P(Shapes, NeuralGradientTest,
                         ::testing::Values(std::pair(1, 0), std::pair(2, 1)));

TEST_P(NeuralGradientTest, GradientMatchesFiniteDifferences) {
  NeuralParser p = TinyParser(GetParam().first, GetParam().second);
  NeuralSentence s = TinySentence();
  NeuralTrainOptions opt;
  std::vector<int> counts(7, 5);
  std::vector<ParamMatrix> grads(kNumNeuralParams);
  for (int k = 0; k < kNumNeuralParams; ++k) {
    grads[k].Resize(p.params[k].rows, p.params[k].cols);
  }
  SentenceGradient(p, s, opt, counts, nullptr, &grads);
  std::vector<ParamMatrix> scratch = grads;
  int checked = 0;
  for (int k = 0; k < kNumNeuralParams; ++k) {
    for (size_t i = 0; i < p.params[k].v.size(); i += 3) {
      const float saved = p.params[k].v[i];
      const float eps = 1e-2f;
      p.params[k].v[i] = saved + eps;
      double up = SentenceGradient(p, s, opt, counts, nullptr, &scratch);
      p.params[k].v[i] = saved - eps;
      double down = SentenceGradient(p, s, opt, counts, nullptr, &scratch);
      p.params[k].v[i] = saved;
      const double numeric = (up - down) / (2 * eps);
      const double analytic = grads[k].v[i];
      EXPECT_NEAR(analytic, numeric, 2e-3 + 2e-2 * std::fabs(numeric))
          << "param " << k << " entry " << i;
      ++checked;
    }
  }
  EXPECT_GT(checked, 100);
}

// Checks that heads form one tree rooted at exactly one word.
void ExpectTree(const int* heads, int n) {
  int roots = 0;
  for (int i = 0; i < n; ++i) {
    roots += heads[i] == -1;
    ASSERT_GE(heads[i], -1);
    ASSERT_LT(heads[i], n);
    int j = i, steps = 0;
    while (j != -1 && steps <= n) j = heads[j], ++steps;
    EXPECT_EQ(j, -1) << "cycle through word " << i;
  }
  EXPECT_EQ(roots, 1);
}

TEST(NeuralParserTest, EisnerFindsTheBestProjectiveTree) {
  // Gold tree over 6 words; its arcs score 5, the root prefers two words.
  const int n = 6;
  const int gold[n] = {1, -1, 3, 1, 3, 1};
  std::vector<float> scores((n + 1) * n, 0.f);
  for (int i = 0; i < n; ++i) scores[i * (n + 1) + gold[i] + 1] = 5.f;
  scores[3 * (n + 1) + 0] = 4.f;  // word 3 as a second root: worse
  NeuralScratch scratch;
  int heads[n];
  DecodeEisner(scores.data(), n, &scratch, heads);
  for (int i = 0; i < n; ++i) EXPECT_EQ(heads[i], gold[i]) << i;
}

TEST(NeuralParserTest, EisnerAlwaysReturnsOneTree) {
  std::mt19937_64 rng(3);
  NeuralScratch scratch;
  for (int n = 1; n <= 30; ++n) {
    std::vector<float> scores((n + 1) * n);
    for (float& x : scores) x = static_cast<float>(rng() % 1000) / 100.f;
    std::vector<int> heads(n);
    DecodeEisner(scores.data(), n, &scratch, heads.data());
    ExpectTree(heads.data(), n);
  }
}

TEST_P(NeuralGradientTest, RoundTripsAndParses) {
  NeuralParser p = TinyParser(GetParam().first, GetParam().second);
  p.vocab.Set(12345, 3);
  ByteWriter out;
  p.Write(out);
  NeuralParser q;
  ByteReader in(out.buffer());
  std::string error;
  ASSERT_TRUE(q.Read(in, &error)) << error;
  EXPECT_TRUE(in.AtEnd());
  EXPECT_EQ(q.dims.layers, p.dims.layers);
  EXPECT_EQ(q.dims.tag_head, p.dims.tag_head);
  for (int k = 0; k < kNumNeuralParams; ++k) {
    EXPECT_EQ(q.params[k].v, p.params[k].v);
  }
  q.Prepare();
  NeuralSentence s = TinySentence();
  NeuralScratch scratch;
  int heads[5], labels[5], tags[5] = {-1, -1, -1, -1, -1};
  q.Parse(s.words.data(), 5, &scratch, heads, labels, tags);
  ExpectTree(heads, 5);
  for (int l : labels) {
    EXPECT_GE(l, 0);
    EXPECT_LT(l, 4);
  }
  for (int t : tags) {
    if (q.has_tag_head()) {
      EXPECT_GE(t, 0);
      EXPECT_LT(t, 5);
    } else {
      EXPECT_EQ(t, -1);  // untouched
    }
  }
  // Truncated payloads fail cleanly.
  ByteReader cut(std::string_view(out.buffer()).substr(0, out.buffer().size() - 3));
  NeuralParser r;
  EXPECT_FALSE(r.Read(cut, &error));
}

// Every kernel (scalar, SSE2, AVX2 where the CPU has it) computes the same
// bits: the BiLSTM outputs, ReLU layers and decisions are compared exactly.
TEST(NeuralParserTest, KernelsAgreeBitForBit) {
  NeuralParser p;
  p.dims.vocab = 50;
  p.dims.num_tags = 13;  // not a multiple of 8: padded rows
  p.dims.num_labels = 9;
  p.dims.word_dim = 12;
  p.dims.tag_dim = 6;
  p.dims.affix_dim = 6;
  p.dims.shape_dim = 4;
  p.dims.affix_buckets = 40;
  p.dims.shape_buckets = 10;
  p.dims.hidden = 24;  // AVX2 and SSE2 step sizes both divide it
  p.dims.arc_dim = 8;
  p.dims.label_dim = 8;
  p.dims.layers = 2;
  p.dims.tag_head = 1;
  InitNeuralParams(&p, 9);
  p.vocab_affixes.assign(50 * kNumAffixes, 3);
  std::mt19937_64 rng(11);
  for (auto& m : p.params) {
    for (float& x : m.v) x += static_cast<float>(static_cast<int>(rng() % 200) - 100) / 400.f;
  }
  std::vector<NeuralInput> words(37);
  for (auto& w : words) {
    w.word = static_cast<int32_t>(rng() % 50);
    w.tag = static_cast<int32_t>(rng() % 13);
    w.shape = static_cast<int32_t>(rng() % 10);
    for (auto& a : w.affix) a = static_cast<int32_t>(rng() % 40);
  }
  const int n = static_cast<int>(words.size());
  std::vector<Kernel> kernels = {Kernel::kScalar};
#if defined(__SSE2__)
  kernels.push_back(Kernel::kSse2);
#endif
  if (BestKernel() == Kernel::kAvx2) kernels.push_back(Kernel::kAvx2);
  std::vector<float> hidden0, mlp0;
  std::vector<int> heads0, labels0, tags0;
  for (Kernel k : kernels) {
    p.Prepare(k);
    NeuralScratch scratch;
    std::vector<int> heads(n), labels(n), tags(n);
    p.Parse(words.data(), n, &scratch, heads.data(), labels.data(), tags.data());
    ExpectTree(heads.data(), n);
    std::vector<float> hidden(scratch.hidden.begin(),
                              scratch.hidden.begin() + 2 * 24 * n);
    std::vector<float> mlp(scratch.mlp.begin(), scratch.mlp.begin() + 32 * n);
    if (k == Kernel::kScalar) {
      hidden0 = hidden, mlp0 = mlp, heads0 = heads, labels0 = labels, tags0 = tags;
      continue;
    }
    EXPECT_EQ(hidden, hidden0) << "kernel " << static_cast<int>(k);
    EXPECT_EQ(mlp, mlp0) << "kernel " << static_cast<int>(k);
    EXPECT_EQ(heads, heads0);
    EXPECT_EQ(labels, labels0);
    EXPECT_EQ(tags, tags0);
  }
}

}  // namespace
}  // namespace dyad::syntax
