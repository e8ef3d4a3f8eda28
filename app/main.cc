// dyad: political event data from news text. See README.md.
#include <iostream>

#include "cmd_eval_petrarch.h"
#include "cmd_scale.h"
#include "commands.h"

namespace dyad::cli {

int exit_code = 0;

CLI::App* Subcommand(CLI::App& app, const std::string& name,
                     const std::string& description) {
  for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; }))
    if (sub->get_name() == name) return sub;
  CLI::App* sub = app.add_subcommand(name, description);
  sub->require_subcommand(1);
  return sub;
}

}  // namespace dyad::cli

int main(int argc, char** argv) {
  CLI::App app{"dyad: who did what to whom, from news text, as event data"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "dyad 0.1.0");
  dyad::cli::RegisterCodeCommand(app);
  dyad::cli::RegisterSegmentCommand(app);
  dyad::cli::RegisterParseCommand(app);
  dyad::cli::RegisterEvalSegmentationCommand(app);
  dyad::cli::RegisterEvalEventsCommand(app);
  dyad::cli::RegisterEvalPetrarchCommand(app);
  dyad::cli::RegisterExplainCommand(app);
  RegisterSyntaxCommands(app);
  RegisterActorCommands(app);
  dyad::cli::RegisterScaleCommands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return dyad::cli::exit_code;
}
