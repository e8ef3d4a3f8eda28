// Micro-benchmarks of each hot step of the pipeline on Reuters-21578 news
// (../shared/data/corpus/reuters21578): the SGML and JSON Lines readers,
// Prepare (normalize, checks, language id), duplicate fingerprints and
// checks, segmentation, every stage after it (by name, through
// Pipeline::stages(), so new stages are measured without touching this
// file), and Pipeline::Run end to end at 1 and 2 threads. Rates are per
// core except for the end-to-end run. Figures are printed, never asserted.
//
//   build/bench/pipeline_bench [--benchmark_filter=Stage]
#include <benchmark/benchmark.h>

#include <memory>
#include <sstream>

#include "dyad/ingest/dedup.h"
#include "dyad/ingest/formats.h"
#include "dyad/ingest/prepare.h"
#include "dyad/ingest/sources.h"
#include "dyad/pipeline/pipeline.h"

namespace {

const std::string kCorpus = std::string(DYAD_BENCH_SHARED_DIR) + "/data/corpus/reuters21578";
// How many documents the per-step benchmarks run over per iteration.
constexpr size_t kBatch = 400;

const dyad::InputFile& ReutersFile() {
  static dyad::InputFile file = [] {
    dyad::InputFile f;
    dyad::Reporter quiet(nullptr);
    if (!dyad::LoadInput(kCorpus + "/reut2-000.sgm", &f, quiet))
      std::fprintf(stderr, "pipeline_bench: cannot read the Reuters corpus in %s\n",
                   kCorpus.c_str());
    return f;
  }();
  return file;
}

std::vector<dyad::Document> ReadDocuments() {
  std::vector<dyad::Document> docs;
  dyad::Reporter quiet(nullptr);
  dyad::ParseInput(ReutersFile(), quiet,
                   [&](dyad::Document&& d) { docs.push_back(std::move(d)); });
  if (docs.size() > kBatch) docs.resize(kBatch);
  return docs;
}

const dyad::Pipeline& GetPipeline() {
  static std::unique_ptr<dyad::Pipeline> p = [] {
    dyad::PipelineOptions o;
    o.data_dir = DYAD_BENCH_DATA_DIR;
    o.english_only = false;
    std::string error;
    auto made = dyad::Pipeline::Create(o, &error);
    if (!made) std::fprintf(stderr, "pipeline_bench: %s\n", error.c_str());
    return made;
  }();
  return *p;
}

// The batch after Prepare and segmentation and the first `stages` stages.
const std::vector<dyad::Document>& DocumentsBefore(size_t stages) {
  static std::vector<std::vector<dyad::Document>> cache;
  const dyad::Pipeline& p = GetPipeline();
  if (cache.empty()) {
    std::vector<dyad::Document> docs = ReadDocuments();
    dyad::Reporter quiet(nullptr);
    dyad::PrepareOptions prep;
    prep.english_only = false;
    std::vector<dyad::Document> prepared;
    for (dyad::Document& d : docs)
      if (dyad::Prepare(d, quiet, prep) == dyad::PrepareResult::kOk) {
        p.segmenter().Segment(d);
        prepared.push_back(std::move(d));
      }
    cache.push_back(std::move(prepared));
    for (const auto& stage : p.stages()) {
      std::vector<dyad::Document> next = cache.back();
      for (dyad::Document& d : next) stage->Process(d);
      cache.push_back(std::move(next));
    }
  }
  return cache[stages];
}

void Count(benchmark::State& state, size_t docs, size_t sentences, size_t tokens,
           size_t bytes) {
  const double n = static_cast<double>(state.iterations());
  state.counters["docs/s"] = benchmark::Counter(docs * n, benchmark::Counter::kIsRate);
  state.counters["sentences/s"] =
      benchmark::Counter(sentences * n, benchmark::Counter::kIsRate);
  state.counters["tokens/s"] = benchmark::Counter(tokens * n, benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<int64_t>(bytes * n));
}

void Totals(const std::vector<dyad::Document>& docs, size_t* sentences,
            size_t* tokens, size_t* bytes) {
  *sentences = *tokens = *bytes = 0;
  for (const auto& d : docs) {
    *sentences += d.sentences.size();
    *tokens += d.tokens.size();
    *bytes += d.original.size();
  }
}

void BM_ReadReutersSgml(benchmark::State& state) {
  const dyad::InputFile& file = ReutersFile();
  dyad::Reporter quiet(nullptr);
  size_t docs = 0;
  for (auto _ : state) {
    docs = 0;
    dyad::ParseInput(file, quiet, [&](dyad::Document&& d) {
      benchmark::DoNotOptimize(d.original.data());
      ++docs;
    });
  }
  Count(state, docs, 0, 0, file.bytes.size());
}
BENCHMARK(BM_ReadReutersSgml)->Unit(benchmark::kMillisecond);

void BM_ReadJsonLines(benchmark::State& state) {
  dyad::InputFile file;
  file.name = "bench.jsonl";
  file.format = dyad::Format::kJsonLines;
  for (const dyad::Document& d : DocumentsBefore(0)) {
    std::string text;
    for (char c : d.original) {
      if (c == '"' || c == '\\') text += '\\';
      if (c == '\n') text += "\\n";
      else text += c;
    }
    file.bytes += "{\"id\": \"" + d.id + "\", \"date\": \"" + d.date +
                  "\", \"text\": \"" + text + "\"}\n";
  }
  dyad::Reporter quiet(nullptr);
  size_t docs = 0;
  for (auto _ : state) {
    docs = 0;
    dyad::ParseInput(file, quiet, [&](dyad::Document&& d) {
      benchmark::DoNotOptimize(d.original.data());
      ++docs;
    });
  }
  Count(state, docs, 0, 0, file.bytes.size());
}
BENCHMARK(BM_ReadJsonLines)->Unit(benchmark::kMillisecond);

void BM_Prepare(benchmark::State& state) {
  const std::vector<dyad::Document> raw = ReadDocuments();
  dyad::Reporter quiet(nullptr);
  dyad::PrepareOptions prep;
  size_t bytes = 0;
  for (const auto& d : raw) bytes += d.original.size();
  std::vector<dyad::Document> docs;
  for (auto _ : state) {
    state.PauseTiming();
    docs = raw;
    state.ResumeTiming();
    for (dyad::Document& d : docs) dyad::Prepare(d, quiet, prep);
  }
  Count(state, raw.size(), 0, 0, bytes);
}
BENCHMARK(BM_Prepare)->Unit(benchmark::kMillisecond);

void BM_DuplicateFingerprint(benchmark::State& state) {
  const auto& docs = DocumentsBefore(0);
  size_t sentences, tokens, bytes;
  Totals(docs, &sentences, &tokens, &bytes);
  for (auto _ : state)
    for (const auto& d : docs)
      benchmark::DoNotOptimize(dyad::DuplicateDetector::MakeFingerprint(d.text));
  Count(state, docs.size(), sentences, tokens, bytes);
}
BENCHMARK(BM_DuplicateFingerprint)->Unit(benchmark::kMillisecond);

void BM_DuplicateCheck(benchmark::State& state) {
  const auto& docs = DocumentsBefore(0);
  std::vector<dyad::DuplicateDetector::Fingerprint> prints;
  for (const auto& d : docs) prints.push_back(dyad::DuplicateDetector::MakeFingerprint(d.text));
  for (auto _ : state) {
    dyad::DuplicateDetector detector;
    for (size_t i = 0; i < docs.size(); ++i)
      benchmark::DoNotOptimize(detector.Check(docs[i].id, prints[i]));
  }
  Count(state, docs.size(), 0, 0, 0);
}
BENCHMARK(BM_DuplicateCheck)->Unit(benchmark::kMillisecond);

void BM_Segment(benchmark::State& state) {
  const auto& segmented = DocumentsBefore(0);
  size_t sentences, tokens, bytes;
  Totals(segmented, &sentences, &tokens, &bytes);
  std::vector<dyad::Document> docs;
  for (auto _ : state) {
    state.PauseTiming();
    docs = segmented;
    for (auto& d : docs) {
      d.sentences.clear();
      d.tokens.clear();
    }
    state.ResumeTiming();
    for (auto& d : docs) GetPipeline().segmenter().Segment(d);
  }
  Count(state, docs.size(), sentences, tokens, bytes);
}
BENCHMARK(BM_Segment)->Unit(benchmark::kMillisecond);

// One benchmark per stage after segmentation, registered in main().
void BM_Stage(benchmark::State& state, size_t index) {
  const dyad::Stage& stage = *GetPipeline().stages()[index];
  const auto& input = DocumentsBefore(index);
  size_t sentences, tokens, bytes;
  Totals(input, &sentences, &tokens, &bytes);
  std::vector<dyad::Document> docs;
  for (auto _ : state) {
    state.PauseTiming();
    docs = input;
    state.ResumeTiming();
    for (auto& d : docs) stage.Process(d);
  }
  Count(state, docs.size(), sentences, tokens, bytes);
}

void BM_PipelineRun(benchmark::State& state) {
  dyad::PipelineOptions o;
  o.data_dir = DYAD_BENCH_DATA_DIR;
  o.threads = static_cast<int>(state.range(0));
  std::string error;
  auto p = dyad::Pipeline::Create(o, &error);
  const std::vector<std::string> paths = {kCorpus + "/reut2-000.sgm",
                                          kCorpus + "/reut2-001.sgm"};
  dyad::RunStats stats;
  for (auto _ : state) {
    dyad::Reporter quiet(nullptr);
    std::istringstream none;
    stats = p->Run(paths, none, quiet, [](const dyad::Document&) {});
  }
  Count(state, stats.documents, stats.sentences, stats.tokens, stats.input_bytes);
}
BENCHMARK(BM_PipelineRun)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  const auto& stages = GetPipeline().stages();
  for (size_t i = 0; i < stages.size(); ++i)
    benchmark::RegisterBenchmark(("BM_Stage/" + std::string(stages[i]->name())).c_str(),
                                 BM_Stage, i)
        ->Unit(benchmark::kMillisecond);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
