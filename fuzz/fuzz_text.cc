// Fuzzes the sentence-level text path: arbitrary bytes normalized and
// segmented, checking the invariants everything downstream relies on: the
// byte map is monotonic and inside the original, tokens lie inside their
// sentences, sentences are in order and do not overlap, and every printed
// offset slices the original text.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <string>

#include "dyad/normalize/normalizer.h"
#include "dyad/segment/segmenter.h"

namespace {

const dyad::Segmenter& TheSegmenter() {
  static std::unique_ptr<dyad::Segmenter> segmenter = [] {
    std::string error;
    auto s = dyad::Segmenter::Load(DYAD_FUZZ_SEGMENTER, &error);
    if (!s) {
      std::fprintf(stderr, "fuzz_text: %s\n", error.c_str());
      std::abort();
    }
    return s;
  }();
  return *segmenter;
}

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz_text: %s\n", what);
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  dyad::Document doc;
  doc.id = "fuzz";
  doc.original.assign(reinterpret_cast<const char*>(data), size);
  dyad::NormalizedText n = dyad::Normalize(doc.original);
  Check(n.to_original.size() == n.text.size() + 1, "byte map size");
  Check(n.to_original.back() == doc.original.size(), "byte map end");
  for (size_t i = 1; i < n.to_original.size(); ++i)
    Check(n.to_original[i - 1] <= n.to_original[i], "byte map not monotonic");
  doc.text = std::move(n.text);
  doc.norm_to_orig = std::move(n.to_original);
  doc.invalid_utf8_bytes = n.invalid_bytes;

  TheSegmenter().Segment(doc);
  uint32_t last_end = 0;
  for (const dyad::Sentence& s : doc.sentences) {
    Check(s.span.start >= last_end && s.span.start <= s.span.end &&
              s.span.end <= doc.text.size(),
          "sentence span");
    last_end = s.span.end;
    Check(s.first_token + s.token_count <= doc.tokens.size(), "sentence tokens");
    for (uint32_t t = 0; t < s.token_count; ++t) {
      const dyad::Token& tok = doc.tokens[s.first_token + t];
      Check(tok.span.start >= s.span.start && tok.span.end <= s.span.end &&
                tok.span.start < tok.span.end,
            "token outside its sentence");
      dyad::Span o = doc.ToOriginal(tok.span);
      Check(o.start <= o.end && o.end <= doc.original.size(), "token outside original");
    }
  }
  return 0;
}
