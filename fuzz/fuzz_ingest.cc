// Fuzzes ingest: arbitrary bytes as an input file of each format, parsed
// whole and streamed through a reader that hands out a few bytes at a time
// (so every record is cut at every place), then each document prepared
// (normalize, checks, language id) and segmented. Both ways must give the
// same documents; nothing may crash, leak or trip a sanitizer.
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string>
#include <vector>

#include "dyad/ingest/formats.h"
#include "dyad/ingest/prepare.h"
#include "dyad/segment/segmenter.h"

namespace {

const dyad::Segmenter& TheSegmenter() {
  static std::unique_ptr<dyad::Segmenter> segmenter = [] {
    std::string error;
    auto s = dyad::Segmenter::Load(DYAD_FUZZ_SEGMENTER, &error);
    if (!s) {
      std::fprintf(stderr, "fuzz_ingest: %s\n", error.c_str());
      std::abort();
    }
    return s;
  }();
  return *segmenter;
}

// Hands out its bytes `step` at a time.
class TrickleReader : public dyad::ByteReader {
 public:
  TrickleReader(std::string_view bytes, size_t step) : bytes_(bytes), step_(step) {}
  size_t Read(char* buf, size_t n) override {
    n = std::min({n, step_, bytes_.size()});
    std::copy_n(bytes_.data(), n, buf);
    bytes_.remove_prefix(n);
    return n;
  }

 private:
  std::string_view bytes_;
  size_t step_;
};

void Check(bool ok, const char* what) {
  if (!ok) {
    std::fprintf(stderr, "fuzz_ingest: %s\n", what);
    std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  // The first byte picks the format and the streaming block size.
  const uint8_t control = data[0];
  dyad::InputFile in;
  in.name = "fuzz";
  in.stem = "fuzz";
  in.format = static_cast<dyad::Format>(control % 4);
  in.bytes.assign(reinterpret_cast<const char*>(data) + 1, size - 1);

  dyad::Reporter quiet(nullptr);
  std::vector<dyad::Document> whole;
  dyad::ParseInput(in, quiet, [&](dyad::Document&& d) { whole.push_back(std::move(d)); });

  if (in.format == dyad::Format::kJsonLines || in.format == dyad::Format::kReutersSgml) {
    TrickleReader reader(in.bytes, 1 + (control >> 2) % 16);
    dyad::Chunker chunks(reader);
    std::vector<dyad::Document> streamed;
    auto sink = [&](dyad::Document&& d) { streamed.push_back(std::move(d)); };
    if (in.format == dyad::Format::kJsonLines)
      dyad::ReadJsonLines(chunks, in.name, quiet, sink);
    else
      dyad::ReadReutersSgml(chunks, in.name, quiet, sink);
    Check(streamed.size() == whole.size(), "streamed and whole differ in count");
    for (size_t i = 0; i < whole.size(); ++i) {
      Check(streamed[i].original == whole[i].original, "streamed text differs");
      Check(streamed[i].origin == whole[i].origin, "streamed origin differs");
    }
  }

  dyad::PrepareOptions options;
  options.english_only = false;
  for (dyad::Document& doc : whole) {
    if (dyad::Prepare(doc, quiet, options) != dyad::PrepareResult::kOk) continue;
    TheSegmenter().Segment(doc);
    for (const dyad::Token& t : doc.tokens) {
      dyad::Span o = doc.ToOriginal(t.span);
      Check(o.start <= o.end && o.end <= doc.original.size(), "token outside original");
    }
  }
  return 0;
}
