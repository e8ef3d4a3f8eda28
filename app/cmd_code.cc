// dyad code: documents in, events out (JSON Lines, schema in README.md).
#include "commands.h"
#include "input_options.h"

namespace dyad::cli {

void RegisterCodeCommand(CLI::App& app) {
  auto options = std::make_shared<InputOptions>();
  CLI::App* cmd = app.add_subcommand(
      "code", "code political events from news documents (JSON Lines out)");
  options->Add(cmd);
  cmd->callback([options] {
    // The event stage is not built yet: documents are read, normalized,
    // de-duplicated and segmented, and no event is invented.
    exit_code = RunPipeline(*options, [](const Document&, std::ostream&) {});
  });
}

}  // namespace dyad::cli
