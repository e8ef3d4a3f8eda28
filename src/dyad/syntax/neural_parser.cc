#include "dyad/syntax/neural_parser.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif
#if defined(__x86_64__)
#include <immintrin.h>
#endif
#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
// AVX2 kernels chosen at run time (the build itself assumes only SSE2).
#define DYAD_HAVE_AVX2_KERNEL 1
#define DYAD_AVX2 __attribute__((target("avx2")))
#endif

#include "dyad/syntax/neural_ops.h"

namespace dyad::syntax {
namespace {

constexpr int kMaxDim = 4096;
// Quantization of the int16 products: vectors in [-1, 1] (LSTM outputs)
// to +-8191, weights to +-2047 per row (fewer above 128 columns), so a sum
// over all columns stays within int32.
constexpr float kVectorLevels = 8191.f;
float WeightLevels(int cols) {
  return std::min(2047.f, std::floor(2.0e9f / (kVectorLevels * cols)));
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

// Quantizes the column-major rows x cols matrix w.
// Rows are padded to a multiple of 8 with zeros.
void BuildQuant(const float* w, int rows, int cols, QuantMatrix* m) {
  m->rows = (rows + 7) / 8 * 8;
  m->pairs = (cols + 1) / 2;
  m->q.assign(static_cast<size_t>(m->rows) * m->pairs * 2, 0);
  m->scale.assign(m->rows, 0.f);
  const float levels = WeightLevels(cols);
  for (int r = 0; r < rows; ++r) {
    float top = 0.f;
    for (int c = 0; c < cols; ++c) {
      top = std::max(top, std::fabs(w[static_cast<size_t>(c) * rows + r]));
    }
    const float step = top > 0.f ? top / levels : 1.f;
    m->scale[r] = step / kVectorLevels;
    for (int c = 0; c < cols; ++c) {
      const size_t at = (static_cast<size_t>(r / 8) * m->pairs + c / 2) * 16 +
                        (r % 8) * 2 + c % 2;
      m->q[at] = static_cast<int16_t>(
          std::lround(w[static_cast<size_t>(c) * rows + r] / step));
    }
  }
}

// Packs x[0..count) (in [-1, 1]) as int16 pairs for QuantProduct.
void QuantizeVector(const float* x, int count, int32_t* pairs) {
  for (int c = 0; 2 * c < count; ++c) {
    const int lo = RoundToInt(x[2 * c] * kVectorLevels);
    const int hi = 2 * c + 1 < count ? RoundToInt(x[2 * c + 1] * kVectorLevels) : 0;
    pairs[c] = static_cast<int32_t>((static_cast<uint32_t>(lo) & 0xffffu) |
                                    (static_cast<uint32_t>(hi) << 16));
  }
}

// out[r] += scale[r] * sum_c q(r, c) x(c) for every row, x as int16 pairs.
// The integer sums are exact, and every path then does the same float
// conversion, multiplication and addition (no fused multiply-add), so
// AVX2, SSE2 and the plain loop give the same bits.
void QuantProductScalar(const QuantMatrix& m, const int32_t* pairs,
                        float* out) {
  for (int b = 0; b < m.rows / 8; ++b) {
    const int16_t* w = m.q.data() + static_cast<size_t>(b) * m.pairs * 16;
    for (int r = 0; r < 8; ++r) {
      int32_t acc = 0;
      for (int c = 0; c < m.pairs; ++c) {
        const int16_t lo = static_cast<int16_t>(pairs[c] & 0xffff);
        const int16_t hi =
            static_cast<int16_t>(static_cast<uint32_t>(pairs[c]) >> 16);
        acc += w[c * 16 + r * 2] * lo + w[c * 16 + r * 2 + 1] * hi;
      }
      out[8 * b + r] += m.scale[8 * b + r] * static_cast<float>(acc);
    }
  }
}

#if defined(__SSE2__)
void QuantProductSse2(const QuantMatrix& m, const int32_t* pairs, float* out) {
  // Two 8-row blocks (four 4-row halves) at a time: independent
  // accumulators hide pmaddwd's latency; each broadcast pair is used 4x.
  const size_t block = static_cast<size_t>(m.pairs) * 16;
  const int blocks = m.rows / 8;
  auto finish = [&](__m128i acc, int row) {
    __m128 sum = _mm_mul_ps(_mm_cvtepi32_ps(acc), _mm_loadu_ps(&m.scale[row]));
    _mm_storeu_ps(out + row, _mm_add_ps(_mm_loadu_ps(out + row), sum));
  };
  int b = 0;
  for (; b + 2 <= blocks; b += 2) {
    const int16_t* w = m.q.data() + b * block;
    __m128i a0 = _mm_setzero_si128(), a1 = a0, a2 = a0, a3 = a0;
    for (int c = 0; c < m.pairs; ++c) {
      const __m128i h = _mm_set1_epi32(pairs[c]);
      const __m128i* wc = reinterpret_cast<const __m128i*>(w + c * 16);
      const __m128i* wd = reinterpret_cast<const __m128i*>(w + block + c * 16);
      a0 = _mm_add_epi32(a0, _mm_madd_epi16(_mm_loadu_si128(wc), h));
      a1 = _mm_add_epi32(a1, _mm_madd_epi16(_mm_loadu_si128(wc + 1), h));
      a2 = _mm_add_epi32(a2, _mm_madd_epi16(_mm_loadu_si128(wd), h));
      a3 = _mm_add_epi32(a3, _mm_madd_epi16(_mm_loadu_si128(wd + 1), h));
    }
    finish(a0, 8 * b);
    finish(a1, 8 * b + 4);
    finish(a2, 8 * b + 8);
    finish(a3, 8 * b + 12);
  }
  for (; b < blocks; ++b) {
    const int16_t* w = m.q.data() + b * block;
    __m128i a0 = _mm_setzero_si128(), a1 = a0;
    for (int c = 0; c < m.pairs; ++c) {
      const __m128i h = _mm_set1_epi32(pairs[c]);
      const __m128i* wc = reinterpret_cast<const __m128i*>(w + c * 16);
      a0 = _mm_add_epi32(a0, _mm_madd_epi16(_mm_loadu_si128(wc), h));
      a1 = _mm_add_epi32(a1, _mm_madd_epi16(_mm_loadu_si128(wc + 1), h));
    }
    finish(a0, 8 * b);
    finish(a1, 8 * b + 4);
  }
}
#endif

#if defined(DYAD_HAVE_AVX2_KERNEL)
DYAD_AVX2 void QuantProductAvx2(const QuantMatrix& m,
                                                      const int32_t* pairs,
                                                      float* out) {
  const size_t block = static_cast<size_t>(m.pairs) * 16;
  const int blocks = m.rows / 8;
  auto finish = [&](__m256i acc, int row) DYAD_AVX2 {
    __m256 sum = _mm256_mul_ps(_mm256_cvtepi32_ps(acc),
                               _mm256_loadu_ps(&m.scale[row]));
    _mm256_storeu_ps(out + row, _mm256_add_ps(_mm256_loadu_ps(out + row), sum));
  };
  int b = 0;
  for (; b + 4 <= blocks; b += 4) {
    const int16_t* w = m.q.data() + b * block;
    __m256i a0 = _mm256_setzero_si256(), a1 = a0, a2 = a0, a3 = a0;
    for (int c = 0; c < m.pairs; ++c) {
      const __m256i h = _mm256_set1_epi32(pairs[c]);
      const int16_t* wc = w + c * 16;
      a0 = _mm256_add_epi32(a0, _mm256_madd_epi16(_mm256_loadu_si256(
          reinterpret_cast<const __m256i*>(wc)), h));
      a1 = _mm256_add_epi32(a1, _mm256_madd_epi16(_mm256_loadu_si256(
          reinterpret_cast<const __m256i*>(wc + block)), h));
      a2 = _mm256_add_epi32(a2, _mm256_madd_epi16(_mm256_loadu_si256(
          reinterpret_cast<const __m256i*>(wc + 2 * block)), h));
      a3 = _mm256_add_epi32(a3, _mm256_madd_epi16(_mm256_loadu_si256(
          reinterpret_cast<const __m256i*>(wc + 3 * block)), h));
    }
    finish(a0, 8 * b);
    finish(a1, 8 * b + 8);
    finish(a2, 8 * b + 16);
    finish(a3, 8 * b + 24);
  }
  for (; b < blocks; ++b) {
    const int16_t* w = m.q.data() + b * block;
    __m256i a0 = _mm256_setzero_si256();
    for (int c = 0; c < m.pairs; ++c) {
      a0 = _mm256_add_epi32(a0, _mm256_madd_epi16(_mm256_loadu_si256(
          reinterpret_cast<const __m256i*>(w + c * 16)),
          _mm256_set1_epi32(pairs[c])));
    }
    finish(a0, 8 * b);
  }
}
#endif

#if defined(DYAD_HAVE_AVX2_KERNEL)
// The same product for `count` vectors at once (vector k's pairs at
// pairs + k * m.pairs, its output at out + k * out_stride): four vectors
// share each weight load, so the matrix streams from cache a quarter as
// often. Same integer sums and float steps as QuantProductAvx2.
DYAD_AVX2 void QuantProductBatchAvx2(
    const QuantMatrix& m, const int32_t* pairs, int count, float* out,
    size_t out_stride) {
  const size_t block = static_cast<size_t>(m.pairs) * 16;
  const int blocks = m.rows / 8;
  int k = 0;
  for (; k + 4 <= count; k += 4) {
    const int32_t* x0 = pairs + static_cast<size_t>(k) * m.pairs;
    const int32_t* x1 = x0 + m.pairs;
    const int32_t* x2 = x1 + m.pairs;
    const int32_t* x3 = x2 + m.pairs;
    float* o = out + static_cast<size_t>(k) * out_stride;
    for (int b = 0; b < blocks; ++b) {
      const int16_t* w = m.q.data() + b * block;
      __m256i a0 = _mm256_setzero_si256(), a1 = a0, a2 = a0, a3 = a0;
      for (int c = 0; c < m.pairs; ++c) {
        const __m256i wc = _mm256_loadu_si256(
            reinterpret_cast<const __m256i*>(w + c * 16));
        a0 = _mm256_add_epi32(a0, _mm256_madd_epi16(wc, _mm256_set1_epi32(x0[c])));
        a1 = _mm256_add_epi32(a1, _mm256_madd_epi16(wc, _mm256_set1_epi32(x1[c])));
        a2 = _mm256_add_epi32(a2, _mm256_madd_epi16(wc, _mm256_set1_epi32(x2[c])));
        a3 = _mm256_add_epi32(a3, _mm256_madd_epi16(wc, _mm256_set1_epi32(x3[c])));
      }
      const __m256 scale = _mm256_loadu_ps(&m.scale[8 * b]);
      const __m256i accs[4] = {a0, a1, a2, a3};
      for (int j = 0; j < 4; ++j) {
        float* dst = o + j * out_stride + 8 * b;
        __m256 sum = _mm256_mul_ps(_mm256_cvtepi32_ps(accs[j]), scale);
        _mm256_storeu_ps(dst, _mm256_add_ps(_mm256_loadu_ps(dst), sum));
      }
    }
  }
  for (; k < count; ++k) {
    QuantProductAvx2(m, pairs + static_cast<size_t>(k) * m.pairs,
                     out + k * out_stride);
  }
}
#endif

// One LSTM step's gate non-linearities and state update: pre holds the 4H
// gate inputs (i, f, g, o), cell the state (updated), h receives the
// output. exp() by range reduction and a degree-6 polynomial (relative
// error ~2e-7, below what the trained weights can tell apart); sigmoid(x)
// = 1 / (1 + exp(-x)), tanh(x) = 2 sigmoid(2x) - 1. Every path does the
// same float operations in the same order (no fused multiply-add), so the
// scalar, SSE2 and AVX2 versions give the same bits.
constexpr float kExpClamp = 87.f, kLog2e = 1.44269504f,
                kLn2Hi = 0.693145752f, kLn2Lo = 1.42860677e-6f,
                kRoundMagic = 12582912.f;  // 1.5 * 2^23: rounds to integer
constexpr float kExpPoly[7] = {1.f / 720.f, 1.f / 120.f, 1.f / 24.f,
                               1.f / 6.f,   0.5f,        1.f, 1.f};

inline float FastExp(float x) {
  x = std::min(std::max(x, -kExpClamp), kExpClamp);
  const float n = (x * kLog2e + kRoundMagic) - kRoundMagic;
  const float r = (x - n * kLn2Hi) - n * kLn2Lo;
  float p = kExpPoly[0];
  for (int k = 1; k < 7; ++k) p = p * r + kExpPoly[k];
  return p * std::bit_cast<float>((static_cast<int32_t>(n) + 127) << 23);
}
inline float FastSigmoid(float x) { return 1.f / (1.f + FastExp(-x)); }
inline float FastTanh(float x) {
  return 2.f / (1.f + FastExp(-2.f * x)) - 1.f;
}

void GateStepScalar(float* pre, float* cell, float* h, int hid) {
  for (int k = 0; k < 2 * hid; ++k) pre[k] = FastSigmoid(pre[k]);
  for (int k = 2 * hid; k < 3 * hid; ++k) pre[k] = FastTanh(pre[k]);
  for (int k = 3 * hid; k < 4 * hid; ++k) pre[k] = FastSigmoid(pre[k]);
  for (int k = 0; k < hid; ++k) {
    cell[k] = pre[hid + k] * cell[k] + pre[k] * pre[2 * hid + k];
    h[k] = pre[3 * hid + k] * FastTanh(cell[k]);
  }
}

#if defined(__SSE2__)
inline __m128 ExpSse2(__m128 x) {
  x = _mm_min_ps(_mm_max_ps(x, _mm_set1_ps(-kExpClamp)), _mm_set1_ps(kExpClamp));
  const __m128 magic = _mm_set1_ps(kRoundMagic);
  const __m128 n = _mm_sub_ps(_mm_add_ps(_mm_mul_ps(x, _mm_set1_ps(kLog2e)), magic), magic);
  const __m128 r = _mm_sub_ps(_mm_sub_ps(x, _mm_mul_ps(n, _mm_set1_ps(kLn2Hi))),
                              _mm_mul_ps(n, _mm_set1_ps(kLn2Lo)));
  __m128 p = _mm_set1_ps(kExpPoly[0]);
  for (int k = 1; k < 7; ++k) {
    p = _mm_add_ps(_mm_mul_ps(p, r), _mm_set1_ps(kExpPoly[k]));
  }
  const __m128i e = _mm_slli_epi32(
      _mm_add_epi32(_mm_cvttps_epi32(n), _mm_set1_epi32(127)), 23);
  return _mm_mul_ps(p, _mm_castsi128_ps(e));
}
// sigmoid(scale * x) * mul - sub: sigmoid with (1, 1, 0), tanh (-2, 2, 1).
inline __m128 SquashSse2(__m128 x, float scale, float mul, float sub) {
  const __m128 e = ExpSse2(_mm_mul_ps(x, _mm_set1_ps(scale)));
  return _mm_sub_ps(_mm_div_ps(_mm_set1_ps(mul), _mm_add_ps(_mm_set1_ps(1.f), e)),
                    _mm_set1_ps(sub));
}
#endif

#if defined(DYAD_HAVE_AVX2_KERNEL)
DYAD_AVX2 inline __m256 ExpAvx2(__m256 x) {
  x = _mm256_min_ps(_mm256_max_ps(x, _mm256_set1_ps(-kExpClamp)),
                    _mm256_set1_ps(kExpClamp));
  const __m256 magic = _mm256_set1_ps(kRoundMagic);
  const __m256 n = _mm256_sub_ps(
      _mm256_add_ps(_mm256_mul_ps(x, _mm256_set1_ps(kLog2e)), magic), magic);
  const __m256 r = _mm256_sub_ps(
      _mm256_sub_ps(x, _mm256_mul_ps(n, _mm256_set1_ps(kLn2Hi))),
      _mm256_mul_ps(n, _mm256_set1_ps(kLn2Lo)));
  __m256 p = _mm256_set1_ps(kExpPoly[0]);
  for (int k = 1; k < 7; ++k) {
    p = _mm256_add_ps(_mm256_mul_ps(p, r), _mm256_set1_ps(kExpPoly[k]));
  }
  const __m256i e = _mm256_slli_epi32(
      _mm256_add_epi32(_mm256_cvttps_epi32(n), _mm256_set1_epi32(127)), 23);
  return _mm256_mul_ps(p, _mm256_castsi256_ps(e));
}
DYAD_AVX2 inline __m256 SquashAvx2(__m256 x, float scale, float mul,
                                   float sub) {
  const __m256 e = ExpAvx2(_mm256_mul_ps(x, _mm256_set1_ps(scale)));
  return _mm256_sub_ps(
      _mm256_div_ps(_mm256_set1_ps(mul), _mm256_add_ps(_mm256_set1_ps(1.f), e)),
      _mm256_set1_ps(sub));
}
#endif

#if defined(__SSE2__)
// REQUIRES: hid % 4 == 0 (else the scalar version runs).
void GateStepSse2(float* pre, float* cell, float* h, int hid) {
  for (int k = 0; k < 4 * hid; k += 4) {
    const bool g = k >= 2 * hid && k < 3 * hid;
    _mm_storeu_ps(pre + k, g ? SquashSse2(_mm_loadu_ps(pre + k), -2.f, 2.f, 1.f)
                             : SquashSse2(_mm_loadu_ps(pre + k), -1.f, 1.f, 0.f));
  }
  for (int k = 0; k < hid; k += 4) {
    const __m128 c = _mm_add_ps(
        _mm_mul_ps(_mm_loadu_ps(pre + hid + k), _mm_loadu_ps(cell + k)),
        _mm_mul_ps(_mm_loadu_ps(pre + k), _mm_loadu_ps(pre + 2 * hid + k)));
    _mm_storeu_ps(cell + k, c);
    _mm_storeu_ps(h + k, _mm_mul_ps(_mm_loadu_ps(pre + 3 * hid + k),
                                    SquashSse2(c, -2.f, 2.f, 1.f)));
  }
}
#endif

#if defined(DYAD_HAVE_AVX2_KERNEL)
// REQUIRES: hid % 8 == 0 (else the SSE2 or scalar version runs).
DYAD_AVX2 void GateStepAvx2(float* pre, float* cell, float* h, int hid) {
  for (int k = 0; k < 4 * hid; k += 8) {
    const bool g = k >= 2 * hid && k < 3 * hid;
    const __m256 x = _mm256_loadu_ps(pre + k);
    _mm256_storeu_ps(pre + k, g ? SquashAvx2(x, -2.f, 2.f, 1.f)
                                : SquashAvx2(x, -1.f, 1.f, 0.f));
  }
  for (int k = 0; k < hid; k += 8) {
    const __m256 c = _mm256_add_ps(
        _mm256_mul_ps(_mm256_loadu_ps(pre + hid + k), _mm256_loadu_ps(cell + k)),
        _mm256_mul_ps(_mm256_loadu_ps(pre + k), _mm256_loadu_ps(pre + 2 * hid + k)));
    _mm256_storeu_ps(cell + k, c);
    _mm256_storeu_ps(h + k, _mm256_mul_ps(_mm256_loadu_ps(pre + 3 * hid + k),
                                          SquashAvx2(c, -2.f, 2.f, 1.f)));
  }
}
#endif

void QuantProduct(Kernel k, const QuantMatrix& m, const int32_t* pairs,
                  float* out) {
  switch (k) {
#if defined(DYAD_HAVE_AVX2_KERNEL)
    case Kernel::kAvx2: return QuantProductAvx2(m, pairs, out);
#endif
#if defined(__SSE2__)
    case Kernel::kSse2: return QuantProductSse2(m, pairs, out);
#endif
    default: return QuantProductScalar(m, pairs, out);
  }
}

void QuantProductBatch(Kernel k, const QuantMatrix& m, const int32_t* pairs,
                       int count, float* out, size_t out_stride) {
#if defined(DYAD_HAVE_AVX2_KERNEL)
  if (k == Kernel::kAvx2) {
    return QuantProductBatchAvx2(m, pairs, count, out, out_stride);
  }
#endif
  for (int j = 0; j < count; ++j) {
    QuantProduct(k, m, pairs + static_cast<size_t>(j) * m.pairs,
                 out + j * out_stride);
  }
}

void GateStep(Kernel k, float* pre, float* cell, float* h, int hid) {
#if defined(DYAD_HAVE_AVX2_KERNEL)
  if (k == Kernel::kAvx2 && hid % 8 == 0) return GateStepAvx2(pre, cell, h, hid);
#endif
#if defined(__SSE2__)
  if (k != Kernel::kScalar && hid % 4 == 0) return GateStepSse2(pre, cell, h, hid);
#endif
  GateStepScalar(pre, cell, h, hid);
}

}  // namespace

Kernel BestKernel() {
  if (const char* force = std::getenv("DYAD_SYNTAX_KERNEL")) {
    if (std::strcmp(force, "scalar") == 0) return Kernel::kScalar;
#if defined(__SSE2__)
    if (std::strcmp(force, "sse2") == 0) return Kernel::kSse2;
#endif
  }
#if defined(DYAD_HAVE_AVX2_KERNEL)
  __builtin_cpu_init();  // we may run before the constructors that call it
  if (__builtin_cpu_supports("avx2")) return Kernel::kAvx2;
#endif
#if defined(__SSE2__)
  return Kernel::kSse2;
#else
  return Kernel::kScalar;
#endif
}

void NeuralDims::Write(ByteWriter& out) const {
  for (int v : {vocab, num_tags, num_labels, word_dim, tag_dim, affix_dim,
                shape_dim, affix_buckets, shape_buckets, hidden, arc_dim,
                label_dim, layers, tag_head + 1}) {
    out.VarU(static_cast<uint64_t>(v));
  }
}

bool NeuralDims::Read(ByteReader& in, bool with_layout) {
  int* fields[] = {&vocab,     &num_tags,      &num_labels,    &word_dim,
                   &tag_dim,   &affix_dim,     &shape_dim,     &affix_buckets,
                   &shape_buckets, &hidden,    &arc_dim,       &label_dim,
                   &layers,    &tag_head};
  layers = 1;
  tag_head = 1;  // stored + 1
  for (int* f : fields) {
    if (!with_layout && (f == &layers || f == &tag_head)) continue;
    uint64_t v;
    if (!in.VarU(&v) || v == 0 || v > (1u << 22)) return false;
    *f = static_cast<int>(v);
  }
  --tag_head;  // written + 1, as every field is positive
  return (layers == 1 || layers == 2) && (tag_head == 0 || tag_head == 1) &&
         hidden % 2 == 0 && word_dim <= kMaxDim && tag_dim <= kMaxDim && affix_dim <= kMaxDim &&
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
    case kFwdWx2: case kBwdWx2:
      if (d.layers > 1) r = h4, c = 2 * d.hidden;
      break;
    case kFwdWh2: case kBwdWh2:
      if (d.layers > 1) r = h4, c = d.hidden;
      break;
    case kFwdB2: case kBwdB2:
      if (d.layers > 1) r = h4;
      break;
    case kTagW:
      if (d.tag_head) r = d.num_tags, c = 2 * d.hidden;
      break;
    case kTagB:
      if (d.tag_head) r = d.num_tags;
      break;
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

void NeuralParser::Prepare(Kernel kernel) {
  kernel_ = kernel;
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
  // Recurrent weights to int16, in pmaddwd order; the second layer's
  // input weights too (its input, the first layer's output, is in [-1, 1]).
  const int hid = dims.hidden;
  for (int layer = 0; layer < dims.layers; ++layer) {
    for (int dir = 0; dir < 2; ++dir) {
      const int w = layer == 0 ? (dir == 0 ? kFwdWh : kBwdWh)
                               : (dir == 0 ? kFwdWh2 : kBwdWh2);
      BuildQuant(p[w].v.data(), h4, hid, &recurrent_[layer][dir]);
    }
  }
  BuildQuant(p[kMlpW].v.data(), dims.mlp_rows(), 2 * hid, &mlp_);
  if (dims.tag_head) {
    BuildQuant(p[kTagW].v.data(), dims.num_tags, 2 * hid, &tag_);
  }
  if (dims.layers > 1) {
    std::vector<float> both(static_cast<size_t>(2 * h4) * 2 * hid);
    MatMap m(both.data(), 2 * h4, 2 * hid);
    m.topRows(h4) = View(p[kFwdWx2]);
    m.bottomRows(h4) = View(p[kBwdWx2]);
    BuildQuant(both.data(), 2 * h4, 2 * hid, &input2_);
    bias2_.resize(2 * h4);
    VecMap(bias2_.data(), h4) = View(p[kFwdB2]).col(0);
    VecMap(bias2_.data() + h4, h4) = View(p[kBwdB2]).col(0);
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

void NeuralParser::RunLayer(int layer, float* gate_data, int n,
                            NeuralScratch* s, float* hidden_data) const {
  const int hid = dims.hidden, h4 = 4 * hid, h8 = 8 * hid;
  MatMap gates(gate_data, h8, n);
  MatMap hidden(hidden_data, 2 * hid, n);
  float* step = Grow(&s->step, static_cast<size_t>(h4 + hid));
  VecMap pre(step, h4), cell(step + h4, hid);
  int32_t* pairs = Grow(&s->h_pairs, static_cast<size_t>(hid));
  for (int dir = 0; dir < 2; ++dir) {
    const QuantMatrix& wh = recurrent_[layer][dir];
    cell.setZero();
    int prev = -1;
    for (int k = 0; k < n; ++k) {
      const int t = dir == 0 ? k : n - 1 - k;
      pre = gates.col(t).segment(dir * h4, h4);
      if (prev >= 0) {
        QuantizeVector(hidden.col(prev).data() + dir * hid, hid, pairs);
        QuantProduct(kernel_, wh, pairs, step);
      }
      GateStep(kernel_, step, step + h4, hidden.col(t).data() + dir * hid, hid);
      prev = t;
    }
  }
}

void NeuralParser::Parse(const NeuralInput* words, int n, NeuralScratch* s,
                         int* heads, int* labels, int* tags) const {
  const int hid = dims.hidden, h8 = 8 * hid;
  const int arc = dims.arc_dim, lab = dims.label_dim;
  const int rows = dims.mlp_rows(), nl = dims.num_labels;

  // Input gates of both directions: sums of precomputed table columns.
  MatMap gates(Grow(&s->gates, static_cast<size_t>(h8) * n), h8, n);
  const size_t col = static_cast<size_t>(h8);
  for (int t = 0; t < n; ++t) {
    const NeuralInput& w = words[t];
    if (t + 1 < n) {
      // The word table is tens of MB: fetch the next word's column while
      // this one is summed.
      const char* next = reinterpret_cast<const char*>(
          word_table_.data() + col * words[t + 1].word);
      for (size_t b = 0; b < col * sizeof(float); b += 64) {
        __builtin_prefetch(next + b);
      }
    }
    gates.col(t) = ConstVecMap(word_table_.data() + col * w.word, h8) +
                   ConstVecMap(tag_table_.data() + col * w.tag, h8) +
                   ConstVecMap(shape_table_.data() + col * w.shape, h8);
    if (w.word == 0) {  // a known word's column has its affixes already
      for (int k = 0; k < kNumAffixes; ++k) {
        gates.col(t) += ConstVecMap(affix_table_.data() + col * w.affix[k], h8);
      }
    }
  }

  MatMap hidden(Grow(&s->hidden, static_cast<size_t>(2 * hid) * n), 2 * hid, n);
  if (dims.layers == 1) {
    RunLayer(0, gates.data(), n, s, hidden.data());
  } else {
    float* first = Grow(&s->hidden1, static_cast<size_t>(2 * hid) * n);
    RunLayer(0, gates.data(), n, s, first);
    const size_t np = static_cast<size_t>(input2_.pairs);
    int32_t* pairs = Grow(&s->h_pairs, np * n);
    for (int t = 0; t < n; ++t) {
      std::memcpy(gates.col(t).data(), bias2_.data(), sizeof(float) * h8);
      QuantizeVector(first + static_cast<size_t>(2 * hid) * t, 2 * hid,
                     pairs + np * t);
    }
    QuantProductBatch(kernel_, input2_, pairs, n, gates.data(), h8);
    RunLayer(1, gates.data(), n, s, hidden.data());
  }
  // The ReLU layers and the tag head read the top layer's output (in
  // [-1, 1]) through int16 products too.
  const int padded = mlp_.rows;
  MatMap mlp_all(Grow(&s->mlp, static_cast<size_t>(padded) * n), padded, n);
  const size_t np = static_cast<size_t>(hid);  // 2H columns = H pairs
  int32_t* pairs = Grow(&s->h_pairs, np * n);
  for (int t = 0; t < n; ++t) {
    QuantizeVector(hidden.col(t).data(), 2 * hid, pairs + np * t);
    std::memcpy(mlp_all.col(t).data(), params[kMlpB].v.data(),
                sizeof(float) * rows);
  }
  QuantProductBatch(kernel_, mlp_, pairs, n, mlp_all.data(), padded);
  if (dims.tag_head && tags != nullptr) {
    const int nt = dims.num_tags;
    MatMap z(Grow(&s->tag_scores, static_cast<size_t>(tag_.rows) * n),
             tag_.rows, n);
    for (int t = 0; t < n; ++t) {
      std::memcpy(z.col(t).data(), params[kTagB].v.data(), sizeof(float) * nt);
    }
    QuantProductBatch(kernel_, tag_, pairs, n, z.data(), tag_.rows);
    for (int t = 0; t < n; ++t) {
      const float* c = z.col(t).data();
      tags[t] = static_cast<int>(std::max_element(c, c + nt) - c);
    }
  }
  auto mlp = mlp_all.topRows(rows);
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

bool NeuralParser::Read(ByteReader& in, std::string* error,
                        bool with_layout) {
  if (!dims.Read(in, with_layout)) return *error = "corrupt parser dimensions", false;
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
