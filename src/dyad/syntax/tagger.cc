#include "dyad/syntax/tagger.h"

#include <algorithm>

#include "dyad/syntax/feature_hash.h"

namespace dyad::syntax {
namespace {

// Sentinels for words outside the sentence.
const WordInfo& Boundary(int offset) {
  static const WordInfo kBefore = [] {
    WordInfo w;
    w.form = w.lower = w.shape = 0xB0B0;
    for (auto& s : w.suffix) s = 0xB1B1;
    for (auto& p : w.prefix) p = 0xB2B2;
    return w;
  }();
  static const WordInfo kAfter = [] {
    WordInfo w;
    w.form = w.lower = w.shape = 0xE0E0;
    for (auto& s : w.suffix) s = 0xE1E1;
    for (auto& p : w.prefix) p = 0xE2E2;
    return w;
  }();
  return offset < 0 ? kBefore : kAfter;
}

enum Template : uint32_t {
  kBias = 1, kW, kSuf1, kSuf2, kSuf3, kSuf4, kPre1, kPre2, kPre3, kShape,
  kP1, kP2, kP1P2, kP1W, kWm1, kWm1Suf3, kWm2, kWp1, kWp1Suf3, kWp2,
  kWp1Shape, kWm1Shape, kWm1W, kWWp1, kLexP1, kLexP2, kP1LexP1, kForm,
  kFirstShape, kLexW, kLexP1W, kLexM1, kP1Suf3, kWp1Wp2, kAmbW, kAmbP1,
  kAmbM1, kAmbWAmbP1, kP1AmbW, kAmbWSuf3,
};

}  // namespace

int TaggerFeatures(const WordInfo* words, int n, int i, int prev, int prev2,
                   uint32_t* out) {
  auto at = [&](int j) -> const WordInfo& {
    return j < 0 ? Boundary(-1) : j >= n ? Boundary(1) : words[j];
  };
  const WordInfo& w = words[i];
  const WordInfo& m1 = at(i - 1);
  const WordInfo& m2 = at(i - 2);
  const WordInfo& p1 = at(i + 1);
  const WordInfo& p2 = at(i + 2);
  uint64_t t1 = static_cast<uint64_t>(prev + 1);
  uint64_t t2 = static_cast<uint64_t>(prev2 + 1);
  int k = 0;
  out[k++] = FeatureKey(kBias, 0);
  out[k++] = FeatureKey(kW, w.lower);
  out[k++] = FeatureKey(kSuf1, w.suffix[0]);
  out[k++] = FeatureKey(kSuf2, w.suffix[1]);
  out[k++] = FeatureKey(kSuf3, w.suffix[2]);
  out[k++] = FeatureKey(kSuf4, w.suffix[3]);
  out[k++] = FeatureKey(kPre1, w.prefix[0]);
  out[k++] = FeatureKey(kPre2, w.prefix[1]);
  out[k++] = FeatureKey(kPre3, w.prefix[2]);
  out[k++] = FeatureKey(kShape, w.shape);
  out[k++] = FeatureKey(kP1, t1);
  out[k++] = FeatureKey(kP2, t2);
  out[k++] = FeatureKey(kP1P2, t1, t2);
  out[k++] = FeatureKey(kP1W, t1, w.lower);
  out[k++] = FeatureKey(kWm1, m1.lower);
  out[k++] = FeatureKey(kWm1Suf3, m1.suffix[2]);
  out[k++] = FeatureKey(kWm2, m2.lower);
  out[k++] = FeatureKey(kWp1, p1.lower);
  out[k++] = FeatureKey(kWp1Suf3, p1.suffix[2]);
  out[k++] = FeatureKey(kWp2, p2.lower);
  out[k++] = FeatureKey(kWp1Shape, p1.shape);
  out[k++] = FeatureKey(kWm1Shape, m1.shape);
  out[k++] = FeatureKey(kWm1W, m1.lower, w.lower);
  out[k++] = FeatureKey(kWWp1, w.lower, p1.lower);
  out[k++] = FeatureKey(kLexP1, p1.lexicon_tag);
  out[k++] = FeatureKey(kLexP2, p2.lexicon_tag);
  out[k++] = FeatureKey(kP1LexP1, t1, p1.lexicon_tag);
  out[k++] = FeatureKey(kForm, w.form);
  out[k++] = FeatureKey(kFirstShape, i == 0, w.shape);
  out[k++] = FeatureKey(kLexW, w.lexicon_tag);
  out[k++] = FeatureKey(kLexP1W, p1.lexicon_tag, w.lower);
  out[k++] = FeatureKey(kLexM1, m1.lexicon_tag);
  out[k++] = FeatureKey(kP1Suf3, t1, w.suffix[2]);
  out[k++] = FeatureKey(kWp1Wp2, p1.lower, p2.lower);
  out[k++] = FeatureKey(kAmbW, w.ambiguity);
  out[k++] = FeatureKey(kAmbP1, p1.ambiguity);
  out[k++] = FeatureKey(kAmbM1, m1.ambiguity);
  out[k++] = FeatureKey(kAmbWAmbP1, w.ambiguity, p1.ambiguity);
  out[k++] = FeatureKey(kP1AmbW, t1, w.ambiguity);
  out[k++] = FeatureKey(kAmbWSuf3, w.ambiguity, w.suffix[2]);
  return k;
}

void Tagger::AttachLexicon(WordInfo* words, int n) const {
  for (int i = 0; i < n; ++i) {
    uint32_t v;
    bool known = lexicon.Get(words[i].lower, &v);
    words[i].lexicon_tag = known ? (v & 0xff) + 1 : 0;
    words[i].ambiguity = known ? (v >> 8) + 1 : 0;
  }
}

void Tagger::Tag(const WordInfo* words, int n, float* scores,
                 int* tags) const {
  uint32_t feats[kMaxTaggerFeatures];
  const int classes = weights.num_classes();
  for (int i = 0; i < n; ++i) {
    uint32_t fixed;
    if (tag_dict.Get(words[i].form, &fixed)) {
      tags[i] = static_cast<int>(fixed);
      continue;
    }
    int nf = TaggerFeatures(words, n, i, i > 0 ? tags[i - 1] : -1,
                            i > 1 ? tags[i - 2] : -1, feats);
    std::fill(scores, scores + classes, 0.f);
    weights.Score(feats, nf, scores);
    tags[i] = static_cast<int>(std::max_element(scores, scores + classes) -
                               scores);
  }
}

void Tagger::Write(ByteWriter& out) const {
  tag_dict.Write(out);
  lexicon.Write(out);
  weights.Write(out);
}

bool Tagger::Read(ByteReader& in, std::string* error) {
  return tag_dict.Read(in, error) && lexicon.Read(in, error) &&
         weights.Read(in, error);
}

}  // namespace dyad::syntax
