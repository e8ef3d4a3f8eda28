#include "dyad/syntax/neural_parser.h"

#include <algorithm>
#include <cmath>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "dyad/syntax/neural_ops.h"

namespace dyad::syntax {
namespace {

constexpr int kMaxDim = 4096;
// Quantization of the recurrent product: the LSTM output (in [-1, 1]) to
// +-8191, weights to +-2047 per row (fewer above 128 units), so a sum over
// all columns stays within int32.
constexpr float kHiddenLevels = 8191.f;
float WeightLevels(int hidden) {
  return std::min(2047.f, std::floor(2.0e9f / (kHiddenLevels * hidden)));
}

// Grows v to at least n floats (never shrinks, so steady state allocates
// nothing).
template <typename T>
T* Grow(std::vector<T>* v, size_t n) {
  if (v->size() < n) v->resize(n);
  return v->data();
}

// Nearest integer (ties to even with SSE, away from zero without).
inline int RoundToInt(float x) {
#if defined(__SSE2__)
  return _mm_cvtss_si32(_mm_set_ss(x));
#else
  return static_cast<int>(std::lround(x));
#endif
}

// out[r] += scale[r] * sum_c q(r, c) * h(c) for rows r < rows (a multiple
// of 4), with q in the interleaved layout Prepare() builds and h as int16
// pairs.
void RecurrentProduct(const int16_t* q, const float* scale,
                      const int32_t* pairs, int num_pairs, int rows,
                      float* out) {
#if defined(__SSE2__)
  // Four row blocks at a time: independent accumulators hide the latency
  // of pmaddwd, and each broadcast pair is used four times.
  const size_t block = static_cast<size_t>(num_pairs) * 8;
  int b = 0;
  for (; b + 4 <= rows / 4; b += 4) {
    const int16_t* w = q + b * block;
    __m128i acc0 = _mm_setzero_si128(), acc1 = acc0, acc2 = acc0, acc3 = acc0;
    for (int c = 0; c < num_pairs; ++c) {
      const __m128i h = _mm_set1_epi32(pairs[c]);
      const int16_t* wc = w + c * 8;
      acc0 = _mm_add_epi32(acc0, _mm_madd_epi16(_mm_loadu_si128(
          reinterpret_cast<const __m128i*>(wc)), h));
      acc1 = _mm_add_epi32(acc1, _mm_madd_epi16(_mm_loadu_si128(
          reinterpret_cast<const __m128i*>(wc + block)), h));
      acc2 = _mm_add_epi32(acc2, _mm_madd_epi16(_mm_loadu_si128(
          reinterpret_cast<const __m128i*>(wc + 2 * block)), h));
      acc3 = _mm_add_epi32(acc3, _mm_madd_epi16(_mm_loadu_si128(
          reinterpret_cast<const __m128i*>(wc + 3 * block)), h));
    }
    const __m128i accs[4] = {acc0, acc1, acc2, acc3};
    for (int k = 0; k < 4; ++k) {
      float* o = out + 4 * (b + k);
      __m128 sum = _mm_mul_ps(_mm_cvtepi32_ps(accs[k]),
                              _mm_loadu_ps(scale + 4 * (b + k)));
      _mm_storeu_ps(o, _mm_add_ps(_mm_loadu_ps(o), sum));
    }
  }
  for (; b < rows / 4; ++b) {
    const __m128i* w = reinterpret_cast<const __m128i*>(q + b * block);
    __m128i acc = _mm_setzero_si128();
    for (int c = 0; c < num_pairs; ++c) {
      acc = _mm_add_epi32(acc, _mm_madd_epi16(_mm_loadu_si128(w + c),
                                              _mm_set1_epi32(pairs[c])));
    }
    __m128 sum = _mm_mul_ps(_mm_cvtepi32_ps(acc), _mm_loadu_ps(scale + 4 * b));
    _mm_storeu_ps(out + 4 * b, _mm_add_ps(_mm_loadu_ps(out + 4 * b), sum));
  }
#else
  for (int b = 0; b < rows / 4; ++b) {
    const int16_t* w = q + static_cast<size_t>(b) * num_pairs * 8;
    for (int r = 0; r < 4; ++r) {
      int32_t acc = 0;
      for (int c = 0; c < num_pairs; ++c) {
        const int16_t lo = static_cast<int16_t>(pairs[c] & 0xffff);
        const int16_t hi = static_cast<int16_t>(static_cast<uint32_t>(pairs[c]) >> 16);
        acc += w[c * 8 + r * 2] * lo + w[c * 8 + r * 2 + 1] * hi;
      }
      out[4 * b + r] += scale[4 * b + r] * static_cast<float>(acc);
    }
  }
#endif
}

}  // namespace

void NeuralDims::Write(ByteWriter& out) const {
  for (int v : {vocab, num_tags, num_labels, word_dim, tag_dim, affix_dim,
                shape_dim, affix_buckets, shape_buckets, hidden, arc_dim,
                label_dim}) {
    out.VarU(static_cast<uint64_t>(v));
  }
}

bool NeuralDims::Read(ByteReader& in) {
  int* fields[] = {&vocab,     &num_tags,      &num_labels,    &word_dim,
                   &tag_dim,   &affix_dim,     &shape_dim,     &affix_buckets,
                   &shape_buckets, &hidden,    &arc_dim,       &label_dim};
  for (int* f : fields) {
    uint64_t v;
    if (!in.VarU(&v) || v == 0 || v > (1u << 22)) return false;
    *f = static_cast<int>(v);
  }
  return word_dim <= kMaxDim && tag_dim <= kMaxDim && affix_dim <= kMaxDim &&
         shape_dim <= kMaxDim && hidden <= kMaxDim && arc_dim <= kMaxDim &&
         label_dim <= kMaxDim && num_labels <= 255 && num_tags <= 256;
}

void NeuralParamShape(const NeuralDims& d, int p, int* rows, int* cols) {
  const int h4 = 4 * d.hidden;
  int r = 0, c = 1;
  switch (p) {
    case kWordEmb: r = d.word_dim, c = d.vocab; break;
    case kTagEmb: r = d.tag_dim, c = d.num_tags; break;
    case kAffixEmb: r = d.affix_dim, c = d.affix_buckets; break;
    case kShapeEmb: r = d.shape_dim, c = d.shape_buckets; break;
    case kFwdWx: case kBwdWx: r = h4, c = d.input_dim(); break;
    case kFwdWh: case kBwdWh: r = h4, c = d.hidden; break;
    case kFwdB: case kBwdB: r = h4; break;
    case kMlpW: r = d.mlp_rows(), c = 2 * d.hidden; break;
    case kMlpB: r = d.mlp_rows(); break;
    case kRootArc: r = d.arc_dim; break;
    case kRootLabel: r = d.label_dim; break;
    case kArcU: r = d.arc_dim, c = d.arc_dim; break;
    case kArcHeadBias: r = d.arc_dim; break;
    case kLabelDep: case kLabelHead: case kLabelPair:
      r = d.num_labels, c = d.label_dim; break;
    case kLabelBias: r = d.num_labels; break;
    case kArcDistance: r = kDistanceBuckets; break;
    case kLabelDistance: r = d.num_labels, c = kDistanceBuckets + 1; break;
    default: break;
  }
  *rows = r;
  *cols = c;
}

void NeuralParser::InitShapes() {
  params.resize(kNumNeuralParams);
  for (int p = 0; p < kNumNeuralParams; ++p) {
    int r, c;
    NeuralParamShape(dims, p, &r, &c);
    params[p].Resize(r, c);
  }
}

NeuralInput NeuralParser::MakeInput(const WordInfo& w, int tag) const {
  NeuralInput in;
  uint32_t id;
  in.word = vocab.Get(w.lower, &id) ? static_cast<int32_t>(id) : 0;
  in.tag = tag;
  const uint64_t affixes[kNumAffixes] = {w.suffix[1], w.suffix[2], w.suffix[3],
                                         w.prefix[2]};
  for (int k = 0; k < kNumAffixes; ++k) {
    in.affix[k] = static_cast<int32_t>(affixes[k] % dims.affix_buckets);
  }
  in.shape = static_cast<int32_t>(w.shape % dims.shape_buckets);
  return in;
}

void NeuralParser::Prepare() {
  const int h4 = 4 * dims.hidden;
  const std::vector<ParamMatrix>& p = params;
  ConstMatMap fwd = View(p[kFwdWx]), bwd = View(p[kBwdWx]);
  int offset = 0;
  auto build = [&](int emb, std::vector<float>* table) {
    ConstMatMap e = View(p[emb]);
    table->assign(static_cast<size_t>(2 * h4) * e.cols(), 0.f);
    MatMap t(table->data(), 2 * h4, e.cols());
    t.topRows(h4).noalias() = fwd.middleCols(offset, e.rows()) * e;
    t.bottomRows(h4).noalias() = bwd.middleCols(offset, e.rows()) * e;
    offset += static_cast<int>(e.rows());
  };
  build(kWordEmb, &word_table_);
  build(kTagEmb, &tag_table_);
  build(kAffixEmb, &affix_table_);
  build(kShapeEmb, &shape_table_);
  const size_t col = static_cast<size_t>(2 * h4);
  MatMap tags(tag_table_.data(), 2 * h4, dims.num_tags);
  tags.topRows(h4).colwise() += View(p[kFwdB]).col(0);
  tags.bottomRows(h4).colwise() += View(p[kBwdB]).col(0);
  // Recurrent weights to int16, in pmaddwd order.
  const int hid = dims.hidden;
  column_pairs_ = (hid + 1) / 2;
  for (int dir = 0; dir < 2; ++dir) {
    ConstMatMap wh = View(p[dir == 0 ? kFwdWh : kBwdWh]);
    std::vector<int16_t>& q = recurrent_q_[dir];
    std::vector<float>& scale = recurrent_scale_[dir];
    q.assign(static_cast<size_t>(h4) * column_pairs_ * 2, 0);
    scale.assign(h4, 0.f);
    for (int r = 0; r < h4; ++r) {
      const float top = wh.row(r).cwiseAbs().maxCoeff();
      const float step = top > 0.f ? top / WeightLevels(hid) : 1.f;
      scale[r] = step / kHiddenLevels;
      for (int c = 0; c < hid; ++c) {
        const size_t at = (static_cast<size_t>(r / 4) * column_pairs_ + c / 2) * 8 +
                          (r % 4) * 2 + c % 2;
        q[at] = static_cast<int16_t>(std::lround(wh(r, c) / step));
      }
    }
  }
  for (int w = 1; w < dims.vocab; ++w) {
    VecMap column(word_table_.data() + col * w, 2 * h4);
    for (int k = 0; k < kNumAffixes; ++k) {
      column += ConstVecMap(
          affix_table_.data() + col * vocab_affixes[w * kNumAffixes + k],
          2 * h4);
    }
  }
}

void NeuralParser::Parse(const NeuralInput* words, int n,
                         NeuralScratch* s, int* heads, int* labels) const {
  const int hid = dims.hidden, h4 = 4 * hid, h8 = 8 * hid;
  const int arc = dims.arc_dim, lab = dims.label_dim;
  const int rows = dims.mlp_rows(), nl = dims.num_labels;

  // Input gates of both directions: sums of precomputed table columns.
  MatMap gates(Grow(&s->gates, static_cast<size_t>(h8) * n), h8, n);
  const size_t col = static_cast<size_t>(h8);
  for (int t = 0; t < n; ++t) {
    const NeuralInput& w = words[t];
    gates.col(t) = ConstVecMap(word_table_.data() + col * w.word, h8) +
                   ConstVecMap(tag_table_.data() + col * w.tag, h8) +
                   ConstVecMap(shape_table_.data() + col * w.shape, h8);
    if (w.word == 0) {  // a known word's column has its affixes already
      for (int k = 0; k < kNumAffixes; ++k) {
        gates.col(t) += ConstVecMap(affix_table_.data() + col * w.affix[k], h8);
      }
    }
  }

  // The two LSTM directions.
  MatMap hidden(Grow(&s->hidden, static_cast<size_t>(2 * hid) * n), 2 * hid, n);
  float* step = Grow(&s->step, static_cast<size_t>(h4 + hid));
  VecMap pre(step, h4), cell(step + h4, hid);
  int32_t* pairs = Grow(&s->h_pairs, static_cast<size_t>(column_pairs_));
  for (int dir = 0; dir < 2; ++dir) {
    cell.setZero();
    int prev = -1;
    for (int k = 0; k < n; ++k) {
      const int t = dir == 0 ? k : n - 1 - k;
      pre = gates.col(t).segment(dir * h4, h4);
      if (prev >= 0) {
        const float* h = hidden.col(prev).data() + dir * hid;
        for (int c = 0; c < column_pairs_; ++c) {
          const int lo = RoundToInt(h[2 * c] * kHiddenLevels);
          const int hi =
              2 * c + 1 < hid ? RoundToInt(h[2 * c + 1] * kHiddenLevels) : 0;
          pairs[c] = static_cast<int32_t>((static_cast<uint32_t>(lo) & 0xffffu) |
                                          (static_cast<uint32_t>(hi) << 16));
        }
        RecurrentProduct(recurrent_q_[dir].data(), recurrent_scale_[dir].data(),
                         pairs, column_pairs_, h4, step);
      }
      SigmoidInPlace(pre.segment(0, 2 * hid));  // input, forget
      TanhInPlace(pre.segment(2 * hid, hid));   // candidate
      SigmoidInPlace(pre.segment(3 * hid, hid));  // output
      cell.array() = pre.segment(hid, hid).array() * cell.array() +
                     pre.segment(0, hid).array() *
                         pre.segment(2 * hid, hid).array();
      hidden.col(t).segment(dir * hid, hid).array() =
          pre.segment(3 * hid, hid).array() * cell.array().tanh();
      prev = t;
    }
  }

  // ReLU layers: arc-dep, arc-head, label-dep, label-head.
  MatMap mlp(Grow(&s->mlp, static_cast<size_t>(rows) * n), rows, n);
  mlp.noalias() = View(params[kMlpW]) * hidden;
  mlp.colwise() += ConstVecMap(params[kMlpB].v.data(), rows);
  mlp = mlp.cwiseMax(0.f);
  auto arc_dep = mlp.topRows(arc);
  auto arc_head = mlp.middleRows(arc, arc);
  auto label_dep = mlp.middleRows(2 * arc, lab);
  auto label_head = mlp.bottomRows(lab);

  // Biaffine arc scores, head-major: scores(j, i), j = 0 the root.
  ConstVecMap root_arc(params[kRootArc].v.data(), arc);
  ConstVecMap head_u(params[kArcHeadBias].v.data(), arc);
  MatMap uad(Grow(&s->uad, static_cast<size_t>(arc) * n), arc, n);
  uad.noalias() = View(params[kArcU]) * arc_dep;
  VecMap head_bias(Grow(&s->head_bias, static_cast<size_t>(n) + 1), n + 1);
  head_bias(0) = root_arc.dot(head_u);
  head_bias.tail(n).noalias() = arc_head.transpose() * head_u;
  MatMap scores(Grow(&s->scores, static_cast<size_t>(n + 1) * n), n + 1, n);
  scores.row(0).noalias() = root_arc.transpose() * uad;
  scores.bottomRows(n).noalias() = arc_head.transpose() * uad;
  scores.colwise() += head_bias;
  const float* distance = params[kArcDistance].v.data();
  for (int i = 0; i < n; ++i) {
    float* column = scores.col(i).data() + 1;
    for (int j = 0; j < n; ++j) column[j] += distance[DistanceBucket(j, i)];
  }
  DecodeEisner(scores.data(), n, s, heads);

  // Labels on the chosen arcs.
  MatMap dep_part(Grow(&s->label_dep, static_cast<size_t>(nl) * n), nl, n);
  dep_part.noalias() = View(params[kLabelDep]) * label_dep;
  dep_part.colwise() += ConstVecMap(params[kLabelBias].v.data(), nl);
  MatMap head_part(Grow(&s->label_head, static_cast<size_t>(nl) * (n + 1)), nl,
                   n + 1);
  ConstMatMap label_head_w = View(params[kLabelHead]);
  ConstVecMap root_label(params[kRootLabel].v.data(), lab);
  head_part.col(0).noalias() = label_head_w * root_label;
  head_part.rightCols(n).noalias() = label_head_w * label_head;
  VecMap pair(Grow(&s->pair, static_cast<size_t>(lab)), lab);
  VecMap z(Grow(&s->label_scores, static_cast<size_t>(nl)), nl);
  ConstMatMap pair_w = View(params[kLabelPair]);
  ConstMatMap label_distance = View(params[kLabelDistance]);
  for (int i = 0; i < n; ++i) {
    const int j = heads[i] + 1;
    if (j == 0) {
      pair = label_dep.col(i).cwiseProduct(root_label);
    } else {
      pair = label_dep.col(i).cwiseProduct(label_head.col(j - 1));
    }
    z = dep_part.col(i) + head_part.col(j) +
        label_distance.col(j == 0 ? kDistanceBuckets : DistanceBucket(j - 1, i));
    z.noalias() += pair_w * pair;
    int best = 0;
    for (int l = 1; l < nl; ++l) {
      if (z(l) > z(best)) best = l;
    }
    labels[i] = best;
  }
}

void DecodeEisner(const float* scores, int n, NeuralScratch* s, int* heads) {
  const int size = n + 1;
  const size_t cells = static_cast<size_t>(size) * size;
  float* tab = Grow(&s->eisner, 4 * cells);
  int* split = Grow(&s->split, 4 * cells);
  // Tables over nodes 1..n (node k is word k - 1): complete spans headed at
  // the left (CR) or right (CL) end, incomplete spans with an arc from the
  // left (IR) or right (IL) end.
  float* cr = tab;
  float* cl = tab + cells;
  float* ir = tab + 2 * cells;
  float* il = tab + 3 * cells;
  int* cr_split = split;
  int* cl_split = split + cells;
  int* ir_split = split + 2 * cells;
  int* il_split = split + 3 * cells;
  auto at = [size](int a, int b) { return static_cast<size_t>(a) * size + b; };
  // Score of the arc from node h to node d.
  auto arc = [scores, size](int h, int d) {
    return scores[static_cast<size_t>(d - 1) * size + h];
  };
  for (int k = 1; k <= n; ++k) cr[at(k, k)] = cl[at(k, k)] = 0.f;
  constexpr float kLow = -std::numeric_limits<float>::infinity();
  for (int len = 1; len < n; ++len) {
    for (int a = 1; a + len <= n; ++a) {
      const int b = a + len;
      float best = kLow;
      int best_r = a;
      for (int r = a; r < b; ++r) {
        float v = cr[at(a, r)] + cl[at(r + 1, b)];
        if (v > best) best = v, best_r = r;
      }
      il[at(a, b)] = best + arc(b, a);
      ir[at(a, b)] = best + arc(a, b);
      il_split[at(a, b)] = ir_split[at(a, b)] = best_r;
      best = kLow;
      for (int r = a; r < b; ++r) {
        float v = cl[at(a, r)] + il[at(r, b)];
        if (v > best) best = v, best_r = r;
      }
      cl[at(a, b)] = best;
      cl_split[at(a, b)] = best_r;
      best = kLow;
      for (int r = a + 1; r <= b; ++r) {
        float v = ir[at(a, r)] + cr[at(r, b)];
        if (v > best) best = v, best_r = r;
      }
      cr[at(a, b)] = best;
      cr_split[at(a, b)] = best_r;
    }
  }
  float best = kLow;
  int root = 1;
  for (int r = 1; r <= n; ++r) {
    float v = cl[at(1, r)] + cr[at(r, n)] + arc(0, r);
    if (v > best) best = v, root = r;
  }
  heads[root - 1] = -1;
  // Back-tracking with an explicit stack of (kind, a, b).
  enum { kCR, kCL, kIR, kIL };
  std::vector<int>& st = s->stack;
  st.clear();
  auto push = [&st](int kind, int a, int b) {
    st.push_back(kind);
    st.push_back(a);
    st.push_back(b);
  };
  push(kCL, 1, root);
  push(kCR, root, n);
  while (!st.empty()) {
    const int b = st.back();
    st.pop_back();
    const int a = st.back();
    st.pop_back();
    const int kind = st.back();
    st.pop_back();
    if (a == b) continue;
    switch (kind) {
      case kCR: {
        int r = cr_split[at(a, b)];
        push(kIR, a, r);
        push(kCR, r, b);
        break;
      }
      case kCL: {
        int r = cl_split[at(a, b)];
        push(kCL, a, r);
        push(kIL, r, b);
        break;
      }
      case kIR:
      case kIL: {
        int r = (kind == kIR ? ir_split : il_split)[at(a, b)];
        if (kind == kIR) {
          heads[b - 1] = a - 1;
        } else {
          heads[a - 1] = b - 1;
        }
        push(kCR, a, r);
        push(kCL, r + 1, b);
        break;
      }
    }
  }
}

void NeuralParser::Write(ByteWriter& out) const {
  dims.Write(out);
  vocab.Write(out);
  for (int32_t a : vocab_affixes) out.VarU(static_cast<uint64_t>(a));
  for (const auto& m : params) {
    out.Raw(m.v.data(), m.v.size() * sizeof(float));
  }
}

bool NeuralParser::Read(ByteReader& in, std::string* error) {
  if (!dims.Read(in)) return *error = "corrupt parser dimensions", false;
  if (!vocab.Read(in, error)) return false;
  if (!vocab.ValuesBelow(static_cast<uint32_t>(dims.vocab))) {
    return *error = "parser vocabulary out of range", false;
  }
  vocab_affixes.resize(static_cast<size_t>(dims.vocab) * kNumAffixes);
  for (int32_t& a : vocab_affixes) {
    uint64_t v;
    if (!in.VarU(&v) || v >= static_cast<uint64_t>(dims.affix_buckets)) {
      return *error = "corrupt parser affix table", false;
    }
    a = static_cast<int32_t>(v);
  }
  InitShapes();
  for (auto& m : params) {
    if (!in.Raw(m.v.data(), m.v.size() * sizeof(float))) {
      return *error = "truncated parser weights", false;
    }
  }
  return true;
}

}  // namespace dyad::syntax
