// The dyad command line: each subcommand lives in its own file and adds
// itself to the CLI11 app through one Register function. The library under
// src/ does the work; these files only parse options and print.
#pragma once

#include <CLI/CLI.hpp>

namespace dyad::cli {

// The process exit code a subcommand's callback sets (0 by default).
extern int exit_code;

void RegisterCodeCommand(CLI::App& app);
void RegisterSegmentCommand(CLI::App& app);
void RegisterParseCommand(CLI::App& app);
void RegisterEvalSegmentationCommand(CLI::App& app);
void RegisterEvalEventsCommand(CLI::App& app);
void RegisterExplainCommand(CLI::App& app);

// Returns the subcommand `name` of `app`, creating it if needed (several
// files add children under "eval" and "train").
CLI::App* Subcommand(CLI::App& app, const std::string& name,
                     const std::string& description);

}  // namespace dyad::cli

void RegisterSyntaxCommands(CLI::App& app);
void RegisterActorCommands(CLI::App& app);
