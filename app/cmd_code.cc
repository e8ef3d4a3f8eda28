// dyad code: documents in, events out (JSON Lines, schema in README.md).
#include "commands.h"
#include "dyad/io/event_writer.h"
#include "input_options.h"

namespace dyad::cli {

void RegisterCodeCommand(CLI::App& app) {
  auto options = std::make_shared<InputOptions>();
  CLI::App* cmd = app.add_subcommand(
      "code", "code political events from news documents (JSON Lines out)");
  options->Add(cmd);
  cmd->callback([options] {
    std::string lines;
    exit_code = RunPipeline(*options, [&lines](const Document& doc, std::ostream& out) {
      lines.clear();
      AppendEventLines(doc, &lines);
      out << lines;
    });
  });
}

}  // namespace dyad::cli
