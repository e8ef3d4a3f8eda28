// dyad eval segmentation: token and sentence boundary scores against UD
// treebanks and the share of annotated news sentences kept whole.
#include <cstdio>
#include <iostream>

#include "commands.h"
#include "input_options.h"
#include "dyad/eval/segmentation_eval.h"

namespace dyad::cli {

namespace {

struct EvalSegmentationOptions {
  std::vector<std::string> ud;
  std::vector<std::string> news;
  std::string data_dir;
  bool show_misses = false;
};

int Run(const EvalSegmentationOptions& o) {
  auto pipeline = OpenToolPipeline(o.data_dir, /*analyze=*/false);
  if (!pipeline) return 2;
  std::string error;
  int status = 0;
  for (const std::string& path : o.ud) {
    UdSegmentationScore s;
    if (!EvaluateUdSegmentation(path, *pipeline, &s, &error)) {
      std::cerr << "dyad: " << error << "\n";
      status = 2;
      continue;
    }
    std::printf("%s: %llu documents\n", path.c_str(),
                static_cast<unsigned long long>(s.documents));
    std::printf("  tokens     P %.4f  R %.4f  F1 %.4f  (gold %llu)\n",
                s.tokens.Precision(), s.tokens.Recall(), s.tokens.F1(),
                static_cast<unsigned long long>(s.tokens.gold));
    std::printf("  sentences  P %.4f  R %.4f  F1 %.4f  (gold %llu)\n",
                s.sentences.Precision(), s.sentences.Recall(), s.sentences.F1(),
                static_cast<unsigned long long>(s.sentences.gold));
  }
  for (const std::string& dir : o.news) {
    NewsSentenceScore s;
    std::string misses;
    if (!EvaluateNewsSentences(dir, *pipeline, &s,
                               o.show_misses ? &misses : nullptr, &error)) {
      std::cerr << "dyad: " << error << "\n";
      status = 2;
      continue;
    }
    std::printf("%s: %llu articles, %llu gold sentences (%llu not found verbatim)\n",
                dir.c_str(), static_cast<unsigned long long>(s.articles),
                static_cast<unsigned long long>(s.gold),
                static_cast<unsigned long long>(s.not_found));
    std::printf("  kept whole %.4f  delimited exactly %.4f\n", s.WholeShare(),
                s.ExactShare());
    if (!misses.empty()) std::printf("%s", misses.c_str());
  }
  return status;
}

}  // namespace

void RegisterEvalSegmentationCommand(CLI::App& app) {
  auto o = std::make_shared<EvalSegmentationOptions>();
  CLI::App* eval = Subcommand(app, "eval", "measure dyad against gold data");
  CLI::App* cmd = eval->add_subcommand(
      "segmentation", "token/sentence F1 on UD CoNLL-U files; share of gold "
                      "news sentences kept whole");
  cmd->add_option("--ud", o->ud, "UD CoNLL-U file(s) to score against");
  cmd->add_option("--news", o->news,
                  "annotated news dir(s) with articles/ and gold/");
  cmd->add_option("--data", o->data_dir, "data directory");
  cmd->add_flag("--misses", o->show_misses, "list gold sentences not kept whole");
  cmd->callback([o] { exit_code = Run(*o); });
}

}  // namespace dyad::cli
