// Throughput of the per-document stages before syntax: normalization and
// segmentation (tokens + sentences), on the dev news articles and on UD
// English EWT raw text. Prints bytes/s, tokens/s and sentences/s.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dyad/normalize/normalizer.h"
#include "dyad/pipeline/pipeline.h"

namespace {

std::vector<std::string> LoadTexts() {
  std::vector<std::string> texts;
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> paths;
  for (const auto& e : fs::directory_iterator(
           std::string(DYAD_BENCH_SHARED_DIR) + "/dev/articles", ec))
    paths.push_back(e.path());
  for (const auto& e : fs::directory_iterator(
           std::string(DYAD_BENCH_DATA_DIR) + "/../examples", ec))
    if (e.path().extension() == ".txt") paths.push_back(e.path());
  std::sort(paths.begin(), paths.end());
  for (const auto& p : paths) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string s = ss.str();
    if (size_t h = s.find("\n---\n"); h != std::string::npos) s = s.substr(h + 5);
    texts.push_back(std::move(s));
  }
  return texts;
}

const dyad::Pipeline& GetPipeline() {
  static auto p = [] {
    dyad::PipelineOptions o;
    o.data_dir = DYAD_BENCH_DATA_DIR;
    o.english_only = false;
    std::string error;
    return dyad::Pipeline::Create(o, &error);
  }();
  return *p;
}

void BM_Normalize(benchmark::State& state) {
  auto texts = LoadTexts();
  size_t bytes = 0;
  for (auto _ : state) {
    for (const auto& t : texts) {
      auto n = dyad::Normalize(t);
      benchmark::DoNotOptimize(n.text.data());
      bytes += t.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
}
BENCHMARK(BM_Normalize)->Unit(benchmark::kMillisecond);

void BM_NormalizeAndSegment(benchmark::State& state) {
  auto texts = LoadTexts();
  const dyad::Pipeline& p = GetPipeline();
  dyad::Reporter quiet(nullptr);
  size_t bytes = 0, tokens = 0, sentences = 0;
  for (auto _ : state) {
    for (const auto& t : texts) {
      dyad::Document doc;
      doc.original = t;
      doc.date = "2000-01-01";
      p.Process(doc, quiet);
      bytes += t.size();
      tokens += doc.tokens.size();
      sentences += doc.sentences.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["sentences/s"] = benchmark::Counter(
      static_cast<double>(sentences), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_NormalizeAndSegment)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
