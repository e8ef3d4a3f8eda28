#include "dyad/syntax/neural_train.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <limits>
#include <thread>

#include "dyad/syntax/neural_ops.h"

namespace dyad::syntax {
namespace {

using Eigen::MatrixXf;
using Eigen::VectorXf;

float UniformFloat(std::mt19937_64* rng) {
  return static_cast<float>((*rng)() >> 40) * 0x1.0p-24f;
}

uint64_t Mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

// Inverted-dropout mask: 0 with probability p, else 1 / (1 - p).
void DropoutMask(float p, std::mt19937_64* rng, MatrixXf* mask) {
  if (rng == nullptr || p <= 0.f) {
    mask->setOnes();
    return;
  }
  const float keep = 1.f / (1.f - p);
  for (Eigen::Index k = 0; k < mask->size(); ++k) {
    mask->data()[k] = UniformFloat(rng) < p ? 0.f : keep;
  }
}

void ZeroGrads(const NeuralParser& parser, std::vector<ParamMatrix>* grads) {
  grads->resize(kNumNeuralParams);
  for (int p = 0; p < kNumNeuralParams; ++p) {
    const ParamMatrix& m = parser.params[p];
    ParamMatrix& g = (*grads)[p];
    if (g.rows != m.rows || g.cols != m.cols) {
      g.Resize(m.rows, m.cols);
    } else {
      std::fill(g.v.begin(), g.v.end(), 0.f);
    }
  }
}

// Column-wise softmax in place; returns nothing, entries of -inf become 0.
void SoftmaxColumns(MatrixXf* m) {
  for (Eigen::Index c = 0; c < m->cols(); ++c) {
    auto col = m->col(c);
    float mx = col.maxCoeff();
    col = (col.array() - mx).exp();
    col /= col.sum();
  }
}

// Activations of one BiLSTM layer kept for the backward pass.
struct LstmLayer {
  MatrixXf acts[2], cells[2], tanh_cells[2], hs[2];
};

// Parameter index of a layer's first weight (forward Wx); the forward
// direction's Wx, Wh, b follow, then the backward direction's.
int LayerBase(int layer) { return layer == 0 ? kFwdWx : kFwdWx2; }

// Runs both directions of a layer over x (columns = words); out = 2H x n.
void LstmForward(const NeuralParser& parser, int layer, const MatrixXf& x,
                 LstmLayer* l, MatrixXf* out) {
  const auto& P = parser.params;
  const int hid = parser.dims.hidden, h4 = 4 * hid;
  const int n = static_cast<int>(x.cols());
  for (int dir = 0; dir < 2; ++dir) {
    const int base = LayerBase(layer) + 3 * dir;
    ConstMatMap wx = View(P[base]), wh = View(P[base + 1]);
    ConstVecMap b(P[base + 2].v.data(), h4);
    MatrixXf& a = l->acts[dir];
    a.noalias() = wx * x;
    a.colwise() += b;
    l->cells[dir].setZero(hid, n);
    l->tanh_cells[dir].setZero(hid, n);
    l->hs[dir].setZero(hid, n);
    int prev = -1;
    for (int k = 0; k < n; ++k) {
      const int t = dir == 0 ? k : n - 1 - k;
      auto pre = a.col(t);
      if (prev >= 0) pre.noalias() += wh * l->hs[dir].col(prev);
      SigmoidInPlace(pre.segment(0, 2 * hid));
      TanhInPlace(pre.segment(2 * hid, hid));
      SigmoidInPlace(pre.segment(3 * hid, hid));
      auto c = l->cells[dir].col(t);
      if (prev >= 0) {
        c.array() = pre.segment(hid, hid).array() * l->cells[dir].col(prev).array();
      } else {
        c.setZero();
      }
      c.array() += pre.segment(0, hid).array() * pre.segment(2 * hid, hid).array();
      l->tanh_cells[dir].col(t) = c.array().tanh().matrix();
      l->hs[dir].col(t).array() =
          pre.segment(3 * hid, hid).array() * l->tanh_cells[dir].col(t).array();
      prev = t;
    }
  }
  out->resize(2 * hid, n);
  out->topRows(hid) = l->hs[0];
  out->bottomRows(hid) = l->hs[1];
}

// Back-propagates d_out (2H x n) through the layer: adds the weight
// gradients to *grads and d(loss)/dx to *d_x.
void LstmBackward(const NeuralParser& parser, int layer, const MatrixXf& x,
                  const LstmLayer& l, const MatrixXf& d_out,
                  std::vector<ParamMatrix>* grads, MatrixXf* d_x) {
  const auto& P = parser.params;
  const int hid = parser.dims.hidden, h4 = 4 * hid;
  const int n = static_cast<int>(x.cols());
  auto G = [grads](int p) { return View((*grads)[p]); };
  for (int dir = 0; dir < 2; ++dir) {
    const int base = LayerBase(layer) + 3 * dir;
    ConstMatMap wx = View(P[base]), wh = View(P[base + 1]);
    const MatrixXf& a = l.acts[dir];
    MatrixXf d_pre(h4, n), h_prev = MatrixXf::Zero(hid, n);
    VectorXf dh_next = VectorXf::Zero(hid), dc_next = VectorXf::Zero(hid);
    VectorXf dh(hid), dc(hid);
    for (int k = n - 1; k >= 0; --k) {
      const int t = dir == 0 ? k : n - 1 - k;
      const int prev = k == 0 ? -1 : (dir == 0 ? t - 1 : t + 1);
      auto gi = a.col(t).segment(0, hid).array();
      auto gf = a.col(t).segment(hid, hid).array();
      auto gg = a.col(t).segment(2 * hid, hid).array();
      auto go = a.col(t).segment(3 * hid, hid).array();
      auto tc = l.tanh_cells[dir].col(t).array();
      dh = d_out.col(t).segment(dir * hid, hid) + dh_next;
      dc.array() = dh.array() * go * (1.f - tc * tc) + dc_next.array();
      auto dp = d_pre.col(t);
      dp.segment(3 * hid, hid).array() = dh.array() * tc * go * (1.f - go);
      dp.segment(0, hid).array() = dc.array() * gg * gi * (1.f - gi);
      dp.segment(2 * hid, hid).array() = dc.array() * gi * (1.f - gg * gg);
      if (prev >= 0) {
        dp.segment(hid, hid).array() =
            dc.array() * l.cells[dir].col(prev).array() * gf * (1.f - gf);
        h_prev.col(t) = l.hs[dir].col(prev);
      } else {
        dp.segment(hid, hid).setZero();
      }
      dc_next.array() = dc.array() * gf;
      dh_next.noalias() = wh.transpose() * dp;
    }
    G(base + 1).noalias() += d_pre * h_prev.transpose();
    G(base).noalias() += d_pre * x.transpose();
    G(base + 2) += d_pre.rowwise().sum();
    d_x->noalias() += wx.transpose() * d_pre;
  }
}

}  // namespace

void InitNeuralParams(NeuralParser* parser, uint64_t seed) {
  parser->InitShapes();
  std::mt19937_64 rng(seed);
  for (int p = 0; p < kNumNeuralParams; ++p) {
    ParamMatrix& m = parser->params[p];
    float range = 0.f;
    switch (p) {
      case kWordEmb: case kTagEmb: case kAffixEmb: case kShapeEmb:
        range = 0.1f;
        break;
      case kFwdWx: case kBwdWx: case kFwdWh: case kBwdWh: case kMlpW:
      case kLabelDep: case kLabelHead: case kLabelPair: case kFwdWx2:
      case kBwdWx2: case kFwdWh2: case kBwdWh2: case kTagW:
        range = std::sqrt(6.f / static_cast<float>(m.rows + m.cols));
        break;
      case kRootArc: case kRootLabel:
        range = 0.1f;
        break;
      default:  // biases, biaffine matrix
        break;
    }
    for (float& x : m.v) x = (2.f * UniformFloat(&rng) - 1.f) * range;
  }
  const int hid = parser->dims.hidden;
  for (int p : {kFwdB, kBwdB, kFwdB2, kBwdB2}) {
    if (parser->params[p].v.empty()) continue;
    for (int k = hid; k < 2 * hid; ++k) parser->params[p].v[k] = 1.f;
  }
}

double SentenceGradient(const NeuralParser& parser, const NeuralSentence& s,
                        const NeuralTrainOptions& opt,
                        const std::vector<int>& word_counts,
                        std::mt19937_64* rng,
                        std::vector<ParamMatrix>* grads) {
  const NeuralDims& d = parser.dims;
  const int n = static_cast<int>(s.words.size());
  const int hid = d.hidden;
  const int arc = d.arc_dim, lab = d.label_dim, rows = d.mlp_rows();
  const int nl = d.num_labels, in_dim = d.input_dim();
  const auto& P = parser.params;
  auto G = [grads](int p) { return View((*grads)[p]); };
  if (n == 0) return 0.0;

  // Inputs, with word dropout and input dropout.
  std::vector<int> word_ids(n);
  MatrixXf x(in_dim, n);
  ConstMatMap word_emb = View(P[kWordEmb]), tag_emb = View(P[kTagEmb]),
              affix_emb = View(P[kAffixEmb]), shape_emb = View(P[kShapeEmb]);
  for (int t = 0; t < n; ++t) {
    const NeuralInput& w = s.words[t];
    int id = w.word;
    if (rng != nullptr && id > 0) {
      float alpha = opt.word_dropout_alpha;
      if (UniformFloat(rng) < alpha / (alpha + word_counts[id])) id = 0;
    }
    word_ids[t] = id;
    int off = 0;
    x.col(t).segment(off, d.word_dim) = word_emb.col(id);
    off += d.word_dim;
    x.col(t).segment(off, d.tag_dim) = tag_emb.col(w.tag);
    off += d.tag_dim;
    auto affix = x.col(t).segment(off, d.affix_dim);
    affix = affix_emb.col(w.affix[0]);
    for (int k = 1; k < kNumAffixes; ++k) affix += affix_emb.col(w.affix[k]);
    off += d.affix_dim;
    x.col(t).segment(off, d.shape_dim) = shape_emb.col(w.shape);
  }
  MatrixXf x_mask(in_dim, n);
  DropoutMask(opt.input_dropout, rng, &x_mask);
  x.array() *= x_mask.array();

  double loss = 0;

  // BiLSTM forward, keeping activations for the backward pass; dropout
  // between the layers as on the top one.
  LstmLayer layers[2];
  MatrixXf hidden, hidden1, h1_mask;
  if (d.layers == 1) {
    LstmForward(parser, 0, x, &layers[0], &hidden);
  } else {
    LstmForward(parser, 0, x, &layers[0], &hidden1);
    h1_mask.resize(2 * hid, n);
    DropoutMask(opt.hidden_dropout, rng, &h1_mask);
    hidden1.array() *= h1_mask.array();
    LstmForward(parser, 1, hidden1, &layers[1], &hidden);
  }
  MatrixXf h_mask(2 * hid, n);
  DropoutMask(opt.hidden_dropout, rng, &h_mask);
  hidden.array() *= h_mask.array();

  // Tag head: softmax over the tagger's classes, gold tags.
  MatrixXf d_tag;
  if (d.tag_head && !s.tags.empty()) {
    d_tag = View(P[kTagW]) * hidden;
    d_tag.colwise() += ConstVecMap(P[kTagB].v.data(), d.num_tags);
    SoftmaxColumns(&d_tag);
    for (int i = 0; i < n; ++i) {
      loss -= std::log(std::max(d_tag(s.tags[i], i), 1e-30f));
      d_tag(s.tags[i], i) -= 1.f;
    }
    G(kTagW).noalias() += d_tag * hidden.transpose();
    G(kTagB) += d_tag.rowwise().sum();
  }

  // ReLU layers.
  MatrixXf mlp_pre = View(P[kMlpW]) * hidden;
  mlp_pre.colwise() += ConstVecMap(P[kMlpB].v.data(), rows);
  MatrixXf m_mask(rows, n);
  DropoutMask(opt.mlp_dropout, rng, &m_mask);
  MatrixXf mlp = mlp_pre.cwiseMax(0.f).cwiseProduct(m_mask);
  auto arc_dep = mlp.topRows(arc);
  MatrixXf arc_head(arc, n + 1), label_head(lab, n + 1);
  arc_head.col(0) = View(P[kRootArc]);
  arc_head.rightCols(n) = mlp.middleRows(arc, arc);
  auto label_dep = mlp.middleRows(2 * arc, lab);
  label_head.col(0) = View(P[kRootLabel]);
  label_head.rightCols(n) = mlp.bottomRows(lab);

  // Arc scores and their softmax over heads.
  ConstMatMap u_mat = View(P[kArcU]);
  ConstVecMap head_u(P[kArcHeadBias].v.data(), arc);
  MatrixXf uad = u_mat * arc_dep;
  MatrixXf scores = arc_head.transpose() * uad;
  VectorXf head_bias = arc_head.transpose() * head_u;
  scores.colwise() += head_bias;
  const float* distance = P[kArcDistance].v.data();
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) scores(j + 1, i) += distance[DistanceBucket(j, i)];
    scores(i + 1, i) = -std::numeric_limits<float>::infinity();
  }
  SoftmaxColumns(&scores);
  MatrixXf& d_scores = scores;  // becomes the gradient in place
  for (int i = 0; i < n; ++i) {
    const int gold = s.heads[i] + 1;
    loss -= std::log(std::max(d_scores(gold, i), 1e-30f));
    d_scores(gold, i) -= 1.f;
    d_scores(i + 1, i) = 0.f;
  }

  // Labels on the gold arcs.
  ConstMatMap w_ld = View(P[kLabelDep]), w_lh = View(P[kLabelHead]),
              w_lp = View(P[kLabelPair]);
  MatrixXf gold_head(lab, n);
  for (int i = 0; i < n; ++i) gold_head.col(i) = label_head.col(s.heads[i] + 1);
  MatrixXf pair = label_dep.cwiseProduct(gold_head);
  MatrixXf z = w_ld * label_dep + w_lh * gold_head + w_lp * pair;
  z.colwise() += ConstVecMap(P[kLabelBias].v.data(), nl);
  ConstMatMap label_distance = View(P[kLabelDistance]);
  std::vector<int> label_buckets(n);
  for (int i = 0; i < n; ++i) {
    label_buckets[i] = s.heads[i] < 0 ? kDistanceBuckets
                                      : DistanceBucket(s.heads[i], i);
    z.col(i) += label_distance.col(label_buckets[i]);
  }
  SoftmaxColumns(&z);
  for (int i = 0; i < n; ++i) {
    loss -= std::log(std::max(z(s.labels[i], i), 1e-30f));
    z(s.labels[i], i) -= 1.f;
  }
  const MatrixXf& dz = z;
  G(kLabelDep).noalias() += dz * label_dep.transpose();
  G(kLabelHead).noalias() += dz * gold_head.transpose();
  G(kLabelPair).noalias() += dz * pair.transpose();
  G(kLabelBias) += dz.rowwise().sum();
  MatMap g_label_distance = G(kLabelDistance);
  for (int i = 0; i < n; ++i) g_label_distance.col(label_buckets[i]) += dz.col(i);
  MatrixXf d_pair = w_lp.transpose() * dz;
  MatrixXf d_label_dep = w_ld.transpose() * dz + d_pair.cwiseProduct(gold_head);
  MatrixXf d_gold_head = w_lh.transpose() * dz + d_pair.cwiseProduct(label_dep);
  MatrixXf d_label_head = MatrixXf::Zero(lab, n + 1);
  for (int i = 0; i < n; ++i) {
    d_label_head.col(s.heads[i] + 1) += d_gold_head.col(i);
  }

  // Arc scorer backward: scores = arc_head' (U arc_dep) + arc_head' u
  // + distance bias.
  float* g_distance = (*grads)[kArcDistance].v.data();
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) g_distance[DistanceBucket(j, i)] += d_scores(j + 1, i);
  }
  MatrixXf d_uad = arc_head * d_scores;
  VectorXf head_sums = d_scores.rowwise().sum();
  MatrixXf d_arc_head = uad * d_scores.transpose();
  d_arc_head += head_u * head_sums.transpose();
  G(kArcHeadBias) += arc_head * head_sums;
  G(kArcU).noalias() += d_uad * arc_dep.transpose();
  MatrixXf d_arc_dep = u_mat.transpose() * d_uad;
  G(kRootArc) += d_arc_head.col(0);
  G(kRootLabel) += d_label_head.col(0);

  // ReLU layers backward.
  MatrixXf d_mlp(rows, n);
  d_mlp.topRows(arc) = d_arc_dep;
  d_mlp.middleRows(arc, arc) = d_arc_head.rightCols(n);
  d_mlp.middleRows(2 * arc, lab) = d_label_dep;
  d_mlp.bottomRows(lab) = d_label_head.rightCols(n);
  d_mlp.array() *= m_mask.array() * (mlp_pre.array() > 0.f).cast<float>();
  G(kMlpW).noalias() += d_mlp * hidden.transpose();
  G(kMlpB) += d_mlp.rowwise().sum();
  MatrixXf d_hidden = View(P[kMlpW]).transpose() * d_mlp;

  if (d_tag.size() > 0) {
    d_hidden.noalias() += View(P[kTagW]).transpose() * d_tag;
  }
  d_hidden.array() *= h_mask.array();

  // BiLSTM backward.
  MatrixXf d_x = MatrixXf::Zero(in_dim, n);
  if (d.layers == 1) {
    LstmBackward(parser, 0, x, layers[0], d_hidden, grads, &d_x);
  } else {
    MatrixXf d_hidden1 = MatrixXf::Zero(2 * hid, n);
    LstmBackward(parser, 1, hidden1, layers[1], d_hidden, grads, &d_hidden1);
    d_hidden1.array() *= h1_mask.array();
    LstmBackward(parser, 0, x, layers[0], d_hidden1, grads, &d_x);
  }
  d_x.array() *= x_mask.array();

  // Embeddings.
  MatMap g_word = G(kWordEmb), g_tag = G(kTagEmb), g_affix = G(kAffixEmb),
         g_shape = G(kShapeEmb);
  for (int t = 0; t < n; ++t) {
    const NeuralInput& w = s.words[t];
    int off = 0;
    g_word.col(word_ids[t]) += d_x.col(t).segment(off, d.word_dim);
    off += d.word_dim;
    g_tag.col(w.tag) += d_x.col(t).segment(off, d.tag_dim);
    off += d.tag_dim;
    for (int k = 0; k < kNumAffixes; ++k) {
      g_affix.col(w.affix[k]) += d_x.col(t).segment(off, d.affix_dim);
    }
    off += d.affix_dim;
    g_shape.col(w.shape) += d_x.col(t).segment(off, d.shape_dim);
  }
  return loss;
}

NeuralParser TrainNeuralParser(
    NeuralParser model, const std::vector<NeuralSentence>& train,
    const std::vector<int>& word_counts, const NeuralTrainOptions& opt,
    const std::function<double(const NeuralParser&, int)>& dev_las) {
  using Clock = std::chrono::steady_clock;
  constexpr int kShards = 2;
  std::vector<ParamMatrix> shard_grads[kShards];
  std::vector<ParamMatrix> adam_m, adam_v;
  ZeroGrads(model, &adam_m);
  ZeroGrads(model, &adam_v);
  std::mt19937_64 order_rng(opt.seed ^ 0x0DE11A11ULL);
  std::vector<size_t> order(train.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  NeuralParser best = model;
  NeuralParser average = model;
  double best_las = -1;
  int best_epoch = 0;
  int64_t step = 0;
  for (int epoch = 0; epoch < opt.epochs; ++epoch) {
    auto start = Clock::now();
    for (size_t i = order.size(); i > 1; --i) {
      std::swap(order[i - 1], order[order_rng() % i]);
    }
    double epoch_loss = 0;
    size_t epoch_words = 0;
    for (size_t first = 0; first < order.size();
         first += static_cast<size_t>(opt.batch_sentences)) {
      const size_t last =
          std::min(order.size(), first + static_cast<size_t>(opt.batch_sentences));
      const size_t mid = first + (last - first + 1) / 2;
      double shard_loss[kShards] = {0, 0};
      auto run_shard = [&](int shard) {
        ZeroGrads(model, &shard_grads[shard]);
        const size_t lo = shard == 0 ? first : mid;
        const size_t hi = shard == 0 ? mid : last;
        for (size_t k = lo; k < hi; ++k) {
          std::mt19937_64 rng(Mix(opt.seed ^ Mix(static_cast<uint64_t>(epoch) *
                                                     1000003ULL + k)));
          shard_loss[shard] += SentenceGradient(model, train[order[k]], opt,
                                                word_counts, &rng,
                                                &shard_grads[shard]);
        }
      };
      if (opt.threads >= 2) {
        std::thread other(run_shard, 1);
        run_shard(0);
        other.join();
      } else {
        run_shard(0);
        run_shard(1);
      }
      size_t words = 0;
      for (size_t k = first; k < last; ++k) words += train[order[k]].words.size();
      epoch_loss += shard_loss[0] + shard_loss[1];
      epoch_words += words;
      // Sum the halves in order, scale to the mean, clip by global norm.
      const float scale = 1.f / static_cast<float>(std::max<size_t>(words, 1));
      double norm2 = 0;
      for (int p = 0; p < kNumNeuralParams; ++p) {
        auto& g0 = shard_grads[0][p].v;
        const auto& g1 = shard_grads[1][p].v;
        for (size_t k = 0; k < g0.size(); ++k) {
          g0[k] = (g0[k] + g1[k]) * scale;
          norm2 += static_cast<double>(g0[k]) * g0[k];
        }
      }
      const float clip =
          norm2 > double{opt.clip_norm} * opt.clip_norm
              ? static_cast<float>(opt.clip_norm / std::sqrt(norm2))
              : 1.f;
      ++step;
      const float b1 = opt.beta1, b2 = opt.beta2;
      const float corr1 = 1.f - std::pow(b1, static_cast<float>(step));
      const float corr2 = 1.f - std::pow(b2, static_cast<float>(step));
      const float lr = opt.learning_rate *
                       std::pow(opt.learning_rate_decay, static_cast<float>(epoch)) *
                       std::sqrt(corr2) / corr1;
      // Early on the average follows the parameters closely.
      const float avg = std::min(opt.average_decay,
                                 static_cast<float>(step + 1) / (step + 10));
      for (int p = 0; p < kNumNeuralParams; ++p) {
        float* w = model.params[p].v.data();
        float* m = adam_m[p].v.data();
        float* v = adam_v[p].v.data();
        const float* g = shard_grads[0][p].v.data();
        const size_t size = model.params[p].v.size();
        for (size_t k = 0; k < size; ++k) {
          const float gk = g[k] * clip;
          m[k] = b1 * m[k] + (1.f - b1) * gk;
          v[k] = b2 * v[k] + (1.f - b2) * gk * gk;
          w[k] -= lr * m[k] / (std::sqrt(v[k]) + 1e-8f);
        }
        float* a = average.params[p].v.data();
        for (size_t k = 0; k < size; ++k) a[k] = avg * a[k] + (1.f - avg) * w[k];
      }
    }
    const double train_secs =
        std::chrono::duration<double>(Clock::now() - start).count();
    average.Prepare();
    const double las = dev_las(average, epoch + 1);
    std::fprintf(stderr,
                 "parser epoch %d/%d: loss %.4f per word, %.1fs; dev LAS %.2f\n",
                 epoch + 1, opt.epochs, epoch_loss / std::max<size_t>(epoch_words, 1),
                 train_secs, las);
    if (las > best_las || (opt.keep_last_epoch && epoch + 1 == opt.epochs)) {
      best_las = las;
      best_epoch = epoch + 1;
      best = average;
    }
  }
  std::fprintf(stderr, "keeping parser epoch %d (dev LAS %.2f)%s\n", best_epoch,
               best_las, opt.keep_last_epoch ? ", the last" : "");
  return best;
}

}  // namespace dyad::syntax
