// dyad eval petrarch RECORDS.xml: codes PETRARCH-2's unit-test records with
// the validation dictionaries converted to dyad's format and counts the
// expected events dyad codes.
#include "cmd_eval_petrarch.h"

#include <cstdio>
#include <iostream>
#include <memory>

#include "commands.h"
#include "dyad/eval/petrarch_eval.h"

namespace dyad::cli {

namespace {

struct EvalPetrarchOptions {
  std::string records;
  std::string data_dir;
  std::string dictionaries_dir;
  bool details = false;
  bool no_dyad_agents = false;
  bool keep = false;
};

double Percent(uint64_t part, uint64_t whole) {
  return whole ? 100.0 * double(part) / double(whole) : 0;
}

int Run(const EvalPetrarchOptions& o) {
  PetrarchEvalOptions options;
  options.data_dir = o.data_dir;
  options.dictionaries_dir = o.dictionaries_dir;
  options.dyad_agents = !o.no_dyad_agents;
  options.keep_data_dir = o.keep;
  PetrarchScore s;
  std::string details, error;
  if (!EvaluatePetrarch(o.records, options, &s, o.details ? &details : nullptr,
                        &error)) {
    std::cerr << "dyad: " << error << "\n";
    return 2;
  }
  if (o.details) std::printf("%s\n", details.c_str());
  auto u = [](uint64_t v) { return static_cast<unsigned long long>(v); };
  std::printf("%s: %llu records, %llu expected events (%llu with a phrase as "
              "actor, %llu with a non-CAMEO test code), %llu coded\n",
              o.records.c_str(), u(s.records), u(s.expected), u(s.expected_phrase),
              u(s.expected_nonstandard), u(s.coded));
  std::printf("  source+target+root   %llu / %llu  (%.1f%%)\n", u(s.matched_root),
              u(s.expected), Percent(s.matched_root, s.expected));
  std::printf("  source+target+code   %llu / %llu  (%.1f%%)\n", u(s.matched_exact),
              u(s.expected), Percent(s.matched_exact, s.expected));
  std::printf("  precision (root)     %llu / %llu  (%.1f%%)\n", u(s.matched_root),
              u(s.coded), Percent(s.matched_root, s.coded));
  std::printf("  no-event records     %llu / %llu coded nothing\n", u(s.noevent_clean),
              u(s.noevent_records));
  if (o.keep) std::printf("  data directory kept: %s\n", s.data_dir_used.c_str());
  return 0;
}

}  // namespace

void RegisterEvalPetrarchCommand(CLI::App& app) {
  auto o = std::make_shared<EvalPetrarchOptions>();
  CLI::App* eval = Subcommand(app, "eval", "measure dyad against gold data");
  CLI::App* cmd = eval->add_subcommand(
      "petrarch", "code PETRARCH-2's unit-test records (PETR.UnitTest.records.xml) "
                  "with its validation dictionaries and count the expected events coded");
  cmd->add_option("records", o->records, "PETRARCH validation records (XML)")
      ->required();
  cmd->add_option("--data", o->data_dir, "data directory to copy (actors/ replaced)");
  cmd->add_option("--dictionaries", o->dictionaries_dir,
                  "where PETR.Validate.{actors,agents}.txt are "
                  "(default: ../dictionaries next to the records' directory)");
  cmd->add_flag("--details", o->details,
                "list records with missed expected or unmatched coded events");
  cmd->add_flag("--no-dyad-agents", o->no_dyad_agents,
                "use the validation agents alone, without dyad's words and agents");
  cmd->add_flag("--keep", o->keep, "keep the temporary data directory");
  cmd->callback([o] { exit_code = Run(*o); });
}

}  // namespace dyad::cli
