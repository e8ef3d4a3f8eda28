// A dyad with only the actors commands, so their tests do not wait for
// app/main.cc to wire them in. Mirrors main.cc's two shared helpers.
#include <iostream>

#include "commands.h"

void RegisterActorCommands(CLI::App& app);

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
  CLI::App app{"dyad (actors commands only, for tests)"};
  app.require_subcommand(1);
  RegisterActorCommands(app);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  return dyad::cli::exit_code;
}
