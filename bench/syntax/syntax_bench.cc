// Tokens/s and sentences/s of Model::Annotate on one core, over the EWT dev
// sentences (gold tokenization). Set DYAD_SYNTAX_MODEL_PATH to time another
// model file.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <iostream>

#include "dyad/syntax/conllu.h"
#include "dyad/syntax/evaluate.h"
#include "dyad/syntax/model.h"

namespace {

using dyad::syntax::Model;

struct Fixture {
  std::unique_ptr<Model> model;
  dyad::Document doc;
};

const Fixture& GetFixture() {
  static Fixture* f = [] {
    auto* fx = new Fixture;
    const char* env = std::getenv("DYAD_SYNTAX_MODEL_PATH");
    std::string error;
    fx->model = Model::Load(env ? env : DYAD_SYNTAX_MODEL, &error);
    std::vector<dyad::syntax::ConlluSentence> dev;
    if (!fx->model ||
        !dyad::syntax::ReadConllu(
            std::string(DYAD_SYNTAX_EWT_DIR) + "/en_ewt-ud-dev.conllu", &dev,
            &error)) {
      std::cerr << error << "\n";
      std::exit(1);
    }
    fx->doc = dyad::syntax::DocumentFromConllu(dev);
    return fx;
  }();
  return *f;
}

void BM_AnnotateEwtDev(benchmark::State& state) {
  const Fixture& f = GetFixture();
  dyad::Document doc = f.doc;
  dyad::syntax::Workspace ws;
  size_t tokens = 0, sentences = 0;
  for (auto _ : state) {
    doc.lemmas.clear();  // keep the arena from growing across rounds
    for (const auto& s : doc.sentences) {
      f.model->Annotate(doc, s, ws);
    }
    tokens += doc.tokens.size();
    sentences += doc.sentences.size();
    benchmark::DoNotOptimize(doc.tokens.data());
  }
  state.counters["tokens/s"] =
      benchmark::Counter(static_cast<double>(tokens),
                         benchmark::Counter::kIsRate);
  state.counters["sentences/s"] =
      benchmark::Counter(static_cast<double>(sentences),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_AnnotateEwtDev)->Unit(benchmark::kMillisecond)->MinTime(2.0);

}  // namespace

BENCHMARK_MAIN();
