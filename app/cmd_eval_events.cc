// dyad eval events: precision, recall and F1 of the coded events against
// gold annotated by ANNOTATION.md, at the dyad+root, strict, quad and root
// levels.
#include <cstdio>
#include <iostream>

#include "commands.h"
#include "input_options.h"
#include "dyad/eval/event_eval.h"

namespace dyad::cli {

namespace {

struct EvalEventsOptions {
  std::vector<std::string> dirs;
  std::string data_dir;
  bool details = false;
};

int Run(const EvalEventsOptions& o) {
  auto pipeline = OpenToolPipeline(o.data_dir);
  if (!pipeline) return 2;
  std::string error;
  EventScore total;
  for (const std::string& dir : o.dirs) {
    EventScore s;
    std::string details;
    if (!EvaluateEvents(dir, *pipeline, &s, o.details ? &details : nullptr,
                        &error)) {
      std::cerr << "dyad: " << error << "\n";
      return 2;
    }
    std::printf("%s: %llu articles, %llu gold events, %llu coded\n", dir.c_str(),
                static_cast<unsigned long long>(s.articles),
                static_cast<unsigned long long>(s.gold),
                static_cast<unsigned long long>(s.system));
    for (int l = 0; l < 4; ++l) {
      auto level = static_cast<EventLevel>(l);
      std::printf("  %-10s P %.3f  R %.3f  F1 %.3f\n", kEventLevelNames[l],
                  s.Precision(level), s.Recall(level), s.F1(level));
    }
    if (o.details) std::printf("%s", details.c_str());
    total.articles += s.articles;
    total.gold += s.gold;
    total.system += s.system;
    for (int l = 0; l < 4; ++l) total.matched[l] += s.matched[l];
  }
  if (o.dirs.size() > 1) {
    std::printf("all: %llu articles, %llu gold events, %llu coded\n",
                static_cast<unsigned long long>(total.articles),
                static_cast<unsigned long long>(total.gold),
                static_cast<unsigned long long>(total.system));
    for (int l = 0; l < 4; ++l) {
      auto level = static_cast<EventLevel>(l);
      std::printf("  %-10s P %.3f  R %.3f  F1 %.3f\n", kEventLevelNames[l],
                  total.Precision(level), total.Recall(level), total.F1(level));
    }
  }
  return 0;
}

}  // namespace

void RegisterEvalEventsCommand(CLI::App& app) {
  auto o = std::make_shared<EvalEventsOptions>();
  CLI::App* eval = Subcommand(app, "eval", "measure dyad against gold data");
  CLI::App* cmd = eval->add_subcommand(
      "events", "precision/recall/F1 of coded events against gold "
                "(DIR holds articles/ and gold/, as ANNOTATION.md describes)");
  cmd->add_option("dirs", o->dirs, "gold directories")->required();
  cmd->add_option("--data", o->data_dir, "data directory");
  cmd->add_flag("--details", o->details,
                "list unmatched gold (FN) and coded (FP) events at dyad+root");
  cmd->callback([o] { exit_code = Run(*o); });
}

}  // namespace dyad::cli
