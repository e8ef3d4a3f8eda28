#include "dyad/syntax/parser.h"

#include <algorithm>
#include <bit>

#include "dyad/syntax/beam_search.h"
#include "dyad/syntax/feature_hash.h"

namespace dyad::syntax {
namespace {

constexpr uint64_t kNoWord = 0x4E4F4E45ULL;  // position is empty
constexpr uint64_t kNoTag = 1000;
constexpr uint64_t kNoLabel = 255;

// Template ids are part of the feature keys stored in the model, so ids
// stay put when a template is retired. Retired in format version 2 (dev
// +0.34 UAS / +0.30 LAS: on EWT's 200k words the word-pair features
// memorize the training set): kS0wpB0wp, kS0wpB0w, kS0wB0wp, kS0wB0wD,
// kB0wB1w, kS0pB0wB1w.
enum Template : uint32_t {
  kS0wp = 1, kS0w, kS0p, kB0wp, kB0w, kB0p, kB1wp, kB1w, kB1p, kB2wp, kB2w,
  kB2p, kS1wp, kS1w, kS1p, kS2p, kS2w,
  kS0wpB0wp, kS0wpB0w, kS0wB0wp, kS0wpB0p, kS0pB0wp, kS0wB0w, kS0pB0p,
  kB0pB1p, kB0pB1pB2p, kS0pB0pB1p, kS1pS0pB0p, kS0pS0l1pB0p,
  kS0pS0r1pB0p, kS0pB0pB0l1p, kS2pS1pS0p, kS1pS1r1pS0p, kS1wS0w,
  kS1wpS0p, kS1pS0wp, kS1pS0pB1p,
  kS0wD, kS0pD, kB0wD, kB0pD, kS0wB0wD, kS0pB0pD, kS1pS0pD1,
  kS0wVr, kS0pVr, kS0wVl, kS0pVl, kB0wVl, kB0pVl, kS1pVr,
  kS0l1w, kS0l1p, kS0l1l, kS0r1w, kS0r1p, kS0r1l, kB0l1w, kB0l1p, kB0l1l,
  kS1r1w, kS1r1p, kS1r1l, kS1l1p, kS1l1l,
  kS0l2w, kS0l2p, kS0l2l, kS0r2w, kS0r2p, kS0r2l, kB0l2w, kB0l2p, kB0l2l,
  kS0pS0l1pS0l2p, kS0pS0r1pS0r2p, kB0pB0l1pB0l2p,
  kS0wSr, kS0pSr, kS0wSl, kS0pSl, kB0wSl, kB0pSl, kS1pSr,
  kS0pS0r1l, kB0pB0l1l, kS1pS1r1l, kS0wB0pB1p, kB0wB1w, kB0wB1p,
  kS0pB0pS0lSet, kS1wS0pB0p, kS0pB0wB1w,
};

uint64_t DistanceBucket(int from, int to, int n) {
  if (from < 0 || to < 0) return 15;
  if (to == n || from == n) return 14;
  int d = std::abs(to - from);
  return d <= 5 ? d : d <= 10 ? 6 : 7;
}

}  // namespace

void SetParserWord(uint64_t lower_hash, int tag, ParserWord* out) {
  out->word = lower_hash;
  out->tag = static_cast<uint64_t>(tag);
  out->word_tag = MixStep(lower_hash, out->tag);
}

void SetRootWord(ParserWord* out) {
  out->word = 0x524F4F54ULL;
  out->tag = 999;
  out->word_tag = MixStep(out->word, out->tag);
}

int ParserFeatures(const ParserState& s, const ParserWord* words,
                   uint32_t* out) {
  const int n = s.n;
  const size_t depth = s.stack.size();
  const int s0 = depth >= 1 ? s.stack[depth - 1] : -1;
  const int s1 = depth >= 2 ? s.stack[depth - 2] : -1;
  const int s2 = depth >= 3 ? s.stack[depth - 3] : -1;
  const int b0 = s.b;  // always valid while not terminal (may be the root)
  const int b1 = b0 + 1 <= n ? b0 + 1 : -1;
  const int b2 = b0 + 2 <= n ? b0 + 2 : -1;
  auto W = [&](int i) { return i < 0 ? kNoWord : words[i].word; };
  auto P = [&](int i) { return i < 0 ? kNoTag : words[i].tag; };
  auto WP = [&](int i) { return i < 0 ? kNoWord : words[i].word_tag; };
  auto L = [&](int i) {
    return i < 0 ? kNoLabel : static_cast<uint64_t>(s.label[i]);
  };
  auto child = [&](const std::vector<int>& v, int i) {
    return i < 0 ? -1 : v[i];
  };
  const int s0l1 = child(s.left1, s0), s0l2 = child(s.left2, s0);
  const int s0r1 = child(s.right1, s0), s0r2 = child(s.right2, s0);
  const int b0l1 = child(s.left1, b0), b0l2 = child(s.left2, b0);
  const int s1r1 = child(s.right1, s1), s1l1 = child(s.left1, s1);
  const uint64_t d = DistanceBucket(s0, b0, n);
  const uint64_t d1 = DistanceBucket(s1, s0, n);
  const uint64_t s0vl = s0 < 0 ? 99 : s.num_left[s0];
  const uint64_t s0vr = s0 < 0 ? 99 : s.num_right[s0];
  const uint64_t b0vl = s.num_left[b0];
  const uint64_t s1vr = s1 < 0 ? 99 : s.num_right[s1];
  const uint64_t s0sl = s0 < 0 ? 1 : s.left_labels[s0];
  const uint64_t s0sr = s0 < 0 ? 1 : s.right_labels[s0];
  const uint64_t b0sl = s.left_labels[b0];
  const uint64_t s1sr = s1 < 0 ? 1 : s.right_labels[s1];

  int k = 0;
  out[k++] = FeatureKey(kS0wp, WP(s0));
  out[k++] = FeatureKey(kS0w, W(s0));
  out[k++] = FeatureKey(kS0p, P(s0));
  out[k++] = FeatureKey(kB0wp, WP(b0));
  out[k++] = FeatureKey(kB0w, W(b0));
  out[k++] = FeatureKey(kB0p, P(b0));
  out[k++] = FeatureKey(kB1wp, WP(b1));
  out[k++] = FeatureKey(kB1w, W(b1));
  out[k++] = FeatureKey(kB1p, P(b1));
  out[k++] = FeatureKey(kB2wp, WP(b2));
  out[k++] = FeatureKey(kB2w, W(b2));
  out[k++] = FeatureKey(kB2p, P(b2));
  out[k++] = FeatureKey(kS1wp, WP(s1));
  out[k++] = FeatureKey(kS1w, W(s1));
  out[k++] = FeatureKey(kS1p, P(s1));
  out[k++] = FeatureKey(kS2p, P(s2));
  out[k++] = FeatureKey(kS2w, W(s2));

  out[k++] = FeatureKey(kS0wpB0p, WP(s0), P(b0));
  out[k++] = FeatureKey(kS0pB0wp, P(s0), WP(b0));
  out[k++] = FeatureKey(kS0wB0w, W(s0), W(b0));
  out[k++] = FeatureKey(kS0pB0p, P(s0), P(b0));
  out[k++] = FeatureKey(kB0pB1p, P(b0), P(b1));
  out[k++] = FeatureKey(kB0pB1pB2p, P(b0), P(b1), P(b2));
  out[k++] = FeatureKey(kS0pB0pB1p, P(s0), P(b0), P(b1));
  out[k++] = FeatureKey(kS1pS0pB0p, P(s1), P(s0), P(b0));
  out[k++] = FeatureKey(kS0pS0l1pB0p, P(s0), P(s0l1), P(b0));
  out[k++] = FeatureKey(kS0pS0r1pB0p, P(s0), P(s0r1), P(b0));
  out[k++] = FeatureKey(kS0pB0pB0l1p, P(s0), P(b0), P(b0l1));
  out[k++] = FeatureKey(kS2pS1pS0p, P(s2), P(s1), P(s0));
  out[k++] = FeatureKey(kS1pS1r1pS0p, P(s1), P(s1r1), P(s0));
  out[k++] = FeatureKey(kS1wS0w, W(s1), W(s0));
  out[k++] = FeatureKey(kS1wpS0p, WP(s1), P(s0));
  out[k++] = FeatureKey(kS1pS0wp, P(s1), WP(s0));
  out[k++] = FeatureKey(kS1pS0pB1p, P(s1), P(s0), P(b1));

  out[k++] = FeatureKey(kS0wD, W(s0), d);
  out[k++] = FeatureKey(kS0pD, P(s0), d);
  out[k++] = FeatureKey(kB0wD, W(b0), d);
  out[k++] = FeatureKey(kB0pD, P(b0), d);
  out[k++] = FeatureKey(kS0pB0pD, P(s0), P(b0), d);
  out[k++] = FeatureKey(kS1pS0pD1, P(s1), P(s0), d1);

  out[k++] = FeatureKey(kS0wVr, W(s0), s0vr);
  out[k++] = FeatureKey(kS0pVr, P(s0), s0vr);
  out[k++] = FeatureKey(kS0wVl, W(s0), s0vl);
  out[k++] = FeatureKey(kS0pVl, P(s0), s0vl);
  out[k++] = FeatureKey(kB0wVl, W(b0), b0vl);
  out[k++] = FeatureKey(kB0pVl, P(b0), b0vl);
  out[k++] = FeatureKey(kS1pVr, P(s1), s1vr);

  out[k++] = FeatureKey(kS0l1w, W(s0l1));
  out[k++] = FeatureKey(kS0l1p, P(s0l1));
  out[k++] = FeatureKey(kS0l1l, L(s0l1));
  out[k++] = FeatureKey(kS0r1w, W(s0r1));
  out[k++] = FeatureKey(kS0r1p, P(s0r1));
  out[k++] = FeatureKey(kS0r1l, L(s0r1));
  out[k++] = FeatureKey(kB0l1w, W(b0l1));
  out[k++] = FeatureKey(kB0l1p, P(b0l1));
  out[k++] = FeatureKey(kB0l1l, L(b0l1));
  out[k++] = FeatureKey(kS1r1w, W(s1r1));
  out[k++] = FeatureKey(kS1r1p, P(s1r1));
  out[k++] = FeatureKey(kS1r1l, L(s1r1));
  out[k++] = FeatureKey(kS1l1p, P(s1l1));
  out[k++] = FeatureKey(kS1l1l, L(s1l1));

  out[k++] = FeatureKey(kS0l2w, W(s0l2));
  out[k++] = FeatureKey(kS0l2p, P(s0l2));
  out[k++] = FeatureKey(kS0l2l, L(s0l2));
  out[k++] = FeatureKey(kS0r2w, W(s0r2));
  out[k++] = FeatureKey(kS0r2p, P(s0r2));
  out[k++] = FeatureKey(kS0r2l, L(s0r2));
  out[k++] = FeatureKey(kB0l2w, W(b0l2));
  out[k++] = FeatureKey(kB0l2p, P(b0l2));
  out[k++] = FeatureKey(kB0l2l, L(b0l2));
  out[k++] = FeatureKey(kS0pS0l1pS0l2p, P(s0), P(s0l1), P(s0l2));
  out[k++] = FeatureKey(kS0pS0r1pS0r2p, P(s0), P(s0r1), P(s0r2));
  out[k++] = FeatureKey(kB0pB0l1pB0l2p, P(b0), P(b0l1), P(b0l2));

  out[k++] = FeatureKey(kS0wSr, W(s0), s0sr);
  out[k++] = FeatureKey(kS0pSr, P(s0), s0sr);
  out[k++] = FeatureKey(kS0wSl, W(s0), s0sl);
  out[k++] = FeatureKey(kS0pSl, P(s0), s0sl);
  out[k++] = FeatureKey(kB0wSl, W(b0), b0sl);
  out[k++] = FeatureKey(kB0pSl, P(b0), b0sl);
  out[k++] = FeatureKey(kS1pSr, P(s1), s1sr);

  out[k++] = FeatureKey(kS0pS0r1l, P(s0), L(s0r1));
  out[k++] = FeatureKey(kB0pB0l1l, P(b0), L(b0l1));
  out[k++] = FeatureKey(kS1pS1r1l, P(s1), L(s1r1));
  out[k++] = FeatureKey(kS0wB0pB1p, W(s0), P(b0), P(b1));
  out[k++] = FeatureKey(kB0wB1p, W(b0), P(b1));
  out[k++] = FeatureKey(kS0pB0pS0lSet, P(s0), P(b0), s0sl);
  out[k++] = FeatureKey(kS1wS0pB0p, W(s1), P(s0), P(b0));
  return k;
}

int BestLegalAction(const ArcHybrid& sys, const ParserState& s,
                    const float* scores) {
  int best = -1;
  float best_score = 0;
  auto consider = [&](int a) {
    if (best < 0 || scores[a] > best_score) {
      best = a;
      best_score = scores[a];
    }
  };
  if (s.CanShift()) consider(ArcHybrid::kShift);
  const int L = sys.num_labels();
  const int root = sys.root_label();
  if (s.CanLeft()) {
    if (s.b == s.n) {
      consider(sys.Left(root));
    } else {
      for (int l = 0; l < L; ++l) {
        if (l != root) consider(sys.Left(l));
      }
    }
  }
  if (s.CanRight()) {
    for (int l = 0; l < L; ++l) {
      if (l != root) consider(sys.Right(l));
    }
  }
  return best;
}

void Parser::Parse(const ParserWord* words, int n, ParserState* state,
                   float* scores, BeamScratch* beam) const {
  uint32_t feats[kMaxParserFeatures];
  if (beam_width > 1) {
    BeamSearch(system, n, beam_width, nullptr,
               [&](const ParserState& s, float* sc) {
                 int nf = ParserFeatures(s, words, feats);
                 weights.Score(feats, nf, sc);
               },
               beam);
    *state = beam->cur[0].state;
    return;
  }
  state->Init(n);
  const int actions = system.num_actions();
  while (!state->Terminal()) {
    int nf = ParserFeatures(*state, words, feats);
    std::fill(scores, scores + actions, 0.f);
    weights.Score(feats, nf, scores);
    state->Apply(system, BestLegalAction(system, *state, scores));
  }
}

void Parser::Write(ByteWriter& out) const {
  out.U32(static_cast<uint32_t>(system.num_labels()));
  out.U32(static_cast<uint32_t>(system.root_label()));
  out.U32(static_cast<uint32_t>(beam_width));
  weights.Write(out);
}

bool Parser::Read(ByteReader& in, std::string* error) {
  uint32_t labels, root, beam;
  if (!in.U32(&labels) || !in.U32(&root) || !in.U32(&beam) || labels == 0 ||
      labels > 127 || root >= labels || beam == 0 || beam > 256) {
    *error = "corrupt parser header";
    return false;
  }
  system = ArcHybrid(static_cast<int>(labels), static_cast<int>(root));
  beam_width = static_cast<int>(beam);
  if (!weights.Read(in, error)) return false;
  if (weights.num_classes() != system.num_actions()) {
    *error = "parser weights do not match its label set";
    return false;
  }
  return true;
}

}  // namespace dyad::syntax
