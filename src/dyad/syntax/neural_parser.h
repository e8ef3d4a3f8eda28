// Graph-based dependency parser with dense features (Kiperwasser & Goldberg
// 2016 encoder, Dozat & Manning 2017 scorer): each word is the
// concatenation of embeddings of its lowercased form, predicted tag, shape
// and a bag of hashed affixes (2-4 letter suffixes, 3-letter prefix), read
// by one or two BiLSTM layers; an optional tag head (a softmax over the
// tagger's classes on the top BiLSTM layer) re-tags each word with both
// contexts in view; small ReLU layers give each word an arc-dependent,
// arc-head, label-dependent and label-head vector; a biaffine product plus
// a distance bias scores every (head, dependent) pair; Eisner's algorithm
// decodes the best projective tree with exactly one root word; the label
// of each arc is the argmax of a linear + elementwise-product classifier
// on (dependent, head) plus a bias by signed distance.
//
// The runtime never multiplies the input embeddings: at load time each
// embedding table is multiplied by its slice of the LSTM input weights, so
// a word's input gates are a few table columns added up (three for a
// known word, whose column includes its affixes), and the per-word cost
// is the recurrent matrix-vector products and the second layer's input
// product (int16, pmaddwd; AVX2 when the CPU has it, else SSE2, with the
// same integer sums so the same results), the ReLU layers and the decoder. All buffers are the caller's (NeuralScratch,
// kept in the Workspace), so parsing allocates nothing once they have
// grown.
//
// Parameters are plain float matrices (column-major) indexed by
// NeuralParam; the trainer (neural_train.h) owns the maths of learning.
//
// Thread safety: immutable after Prepare(); Parse is const and re-entrant.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dyad/syntax/byte_io.h"
#include "dyad/syntax/u64_map.h"
#include "dyad/syntax/word_info.h"

namespace dyad::syntax {

struct NeuralDims {
  int vocab = 1;       // word ids; 0 = unknown word
  int num_tags = 1;    // tagger classes
  int num_labels = 1;  // parser label l = deprel id l + 1
  int word_dim = 100;
  int tag_dim = 32;
  int affix_dim = 32;
  int shape_dim = 16;
  int affix_buckets = 8192;
  int shape_buckets = 512;
  int hidden = 80;     // LSTM units per direction (even)
  int arc_dim = 64;    // arc-dependent / arc-head vectors
  int label_dim = 32;  // label-dependent / label-head vectors
  int layers = 1;      // BiLSTM layers, 1 or 2
  int tag_head = 0;    // 1: a tag softmax on the top BiLSTM layer

  int input_dim() const { return word_dim + tag_dim + affix_dim + shape_dim; }
  int mlp_rows() const { return 2 * arc_dim + 2 * label_dim; }
  void Write(ByteWriter& out) const;
  // with_layout = false: a format 3 file (one layer, no tag head, not
  // stored).
  bool Read(ByteReader& in, bool with_layout = true);
};

enum NeuralParam : int {
  kWordEmb,      // word_dim x vocab
  kTagEmb,       // tag_dim x num_tags
  kAffixEmb,     // affix_dim x affix_buckets
  kShapeEmb,     // shape_dim x shape_buckets
  kFwdWx,        // 4H x input_dim; gate rows i, f, g, o
  kFwdWh,        // 4H x H
  kFwdB,         // 4H x 1
  kBwdWx,
  kBwdWh,
  kBwdB,
  kMlpW,         // mlp_rows x 2H: arc-dep, arc-head, label-dep, label-head
  kMlpB,         // mlp_rows x 1
  kRootArc,      // arc_dim x 1: the root's arc-head vector
  kRootLabel,    // label_dim x 1: the root's label-head vector
  kArcU,         // arc_dim x arc_dim: score = dep' U head + head' u
  kArcHeadBias,  // arc_dim x 1: u
  kLabelDep,     // num_labels x label_dim
  kLabelHead,    // num_labels x label_dim
  kLabelPair,    // num_labels x label_dim, on dep .* head
  kLabelBias,    // num_labels x 1
  kArcDistance,  // kDistanceBuckets x 1: arc score bias by head - dependent
  kLabelDistance,  // num_labels x (kDistanceBuckets + 1): label bias by
                   // head - dependent, last column for the root
  kFwdWx2,       // second BiLSTM layer (0 x 0 when layers == 1): 4H x 2H
  kFwdWh2,       // 4H x H
  kFwdB2,        // 4H x 1
  kBwdWx2,
  kBwdWh2,
  kBwdB2,
  kTagW,         // num_tags x 2H (0 x 0 without the tag head)
  kTagB,         // num_tags x 1
  kNumNeuralParams
};

struct ParamMatrix {
  int rows = 0, cols = 0;
  std::vector<float> v;  // column-major
  void Resize(int r, int c) {
    rows = r;
    cols = c;
    v.assign(static_cast<size_t>(r) * c, 0.f);
  }
};

// Shape of parameter p under dims d.
void NeuralParamShape(const NeuralDims& d, int p, int* rows, int* cols);

inline constexpr int kNumAffixes = 4;
// Signed head - dependent distances -20..20 (clipped) get their own arc
// score bias: the BiLSTM alone sees distance only indirectly.
inline constexpr int kMaxDistance = 20;
inline constexpr int kDistanceBuckets = 2 * kMaxDistance + 1;
inline int DistanceBucket(int head, int dep) {
  int d = head - dep;
  d = d < -kMaxDistance ? -kMaxDistance : d > kMaxDistance ? kMaxDistance : d;
  return d + kMaxDistance;
}

// What the parser sees of a word; the affix embeddings are summed.
struct NeuralInput {
  int32_t word = 0, tag = 0, shape = 0;
  int32_t affix[kNumAffixes] = {0, 0, 0, 0};
};

// Per-thread buffers; they only grow.
struct NeuralScratch {
  std::vector<float> gates;   // 8H x n input gates
  std::vector<float> step;    // 4H gates + H cell of the current step
  std::vector<float> hidden;  // 2H x n, the top layer's output
  std::vector<float> hidden1;  // 2H x n, the first layer's (two layers)
  std::vector<float> tag_scores;  // num_tags (padded to 8) x n
  std::vector<float> mlp;     // mlp_rows (padded to 8) x n
  std::vector<float> uad;     // arc_dim x n
  std::vector<float> head_bias;  // n + 1
  std::vector<float> scores;  // (n + 1) x n, head-major columns
  // Label score parts: dependent (labels x n), head (labels x (n + 1)),
  // the dep .* head product and one word's label scores.
  std::vector<float> label_dep, label_head, pair, label_scores;
  std::vector<float> eisner;  // 4 x (n + 1)^2
  std::vector<int> split;     // 4 x (n + 1)^2
  std::vector<int> stack;
  std::vector<int32_t> h_pairs;  // quantized vectors, two int16 per entry
};

// An int16 matrix for pmaddwd products with int16 vectors: row r holds
// round(w(r, c) / step_r) with |.| <= levels for its column count, and
// scale[r] = step_r / kVectorLevels turns an integer row sum back into
// w x. Layout: blocks of 8 rows; within a block, for each pair of
// columns, 16 int16 (row 0 col 2c, row 0 col 2c+1, row 1 col 2c, ...),
// so one 256-bit load (or two 128-bit ones) feeds 8 rows.
struct QuantMatrix {
  int rows = 0;   // a multiple of 8
  int pairs = 0;  // column pairs (the last one zero-padded)
  std::vector<int16_t> q;
  std::vector<float> scale;
};

// Eisner's algorithm with one root word. scores(j, i) = score of head j for
// dependent i, stored at scores[i * (n + 1) + j]; j = 0 is the root, j = k
// (k >= 1) is word k - 1. Writes heads[i] in -1 (root) .. n - 1.
void DecodeEisner(const float* scores, int n, NeuralScratch* scratch,
                  int* heads);

// Implementations of the int16 products and LSTM steps. All give the same
// results (integer sums, the same float operations in the same order);
// they differ in speed only.
enum class Kernel { kScalar, kSse2, kAvx2 };
// The fastest this CPU runs (AVX2 if it has it); the environment variable
// DYAD_SYNTAX_KERNEL=sse2 or =scalar asks for a slower one (for tests and
// timing).
Kernel BestKernel();

class NeuralParser {
 public:
  NeuralDims dims;
  U64Map vocab;  // lowercased-form hash -> word id (>= 1)
  // kNumAffixes affix buckets per word id (the id 0 entries are unused):
  // lets Prepare() fold a known word's affixes into its table column.
  std::vector<int32_t> vocab_affixes;
  std::vector<ParamMatrix> params;  // kNumNeuralParams, once initialized

  // Allocates zeroed parameters for `dims`.
  void InitShapes();
  NeuralInput MakeInput(const WordInfo& w, int tag) const;

  // Builds the runtime tables; call once after the parameters are final
  // (Model's constructor does).
  void Prepare(Kernel kernel = BestKernel());
  Kernel kernel() const { return kernel_; }
  bool has_tag_head() const { return dims.tag_head != 0; }
  // REQUIRES: Prepare() was called, n >= 1. heads[i] in -1 (root) .. n-1,
  // labels[i] a label index. With a tag head and tags != nullptr, also
  // writes each word's tag (a tagger class) to tags[i].
  void Parse(const NeuralInput* words, int n, NeuralScratch* scratch,
             int* heads, int* labels, int* tags = nullptr) const;

  void Write(ByteWriter& out) const;
  bool Read(ByteReader& in, std::string* error, bool with_layout = true);

 private:
  // 8H x rows tables: [fwd Wx; bwd Wx] slice times each embedding table.
  // A known word's column already holds its affixes' sum; the tag columns
  // hold the LSTM biases.
  std::vector<float> word_table_, tag_table_, affix_table_, shape_table_;
  // Recurrent weights of each direction and layer as int16: halves the
  // bytes the per-word product streams. [layer][direction].
  QuantMatrix recurrent_[2][2];
  // Second layer: [fwd Wx2; bwd Wx2] (8H x 2H) as int16 and its biases.
  QuantMatrix input2_;
  std::vector<float> bias2_;
  // The ReLU layers (mlp_rows x 2H) and the tag head (num_tags x 2H).
  QuantMatrix mlp_, tag_;
  Kernel kernel_ = Kernel::kScalar;

  // Runs both directions of one layer over gates (8H x n, overwritten),
  // writing the outputs to hidden (2H x n).
  void RunLayer(int layer, float* gates, int n, NeuralScratch* s,
                float* hidden) const;
};

}  // namespace dyad::syntax
