// dyad dict import | unknown | try, dyad eval actors: the command line of
// the actors stage. Import converts PETRARCH-2/TABARI dictionaries to
// dyad's actor format, unknown lists the most frequent uncoded names of a
// corpus, try shows what the dictionaries make of some text, and eval
// actors scores mentions against gold event actors.
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>

#include "commands.h"
#include "dyad/actors/actor_coder.h"
#include "dyad/actors/evaluate.h"
#include "dyad/actors/import.h"
#include "dyad/actors/unknown_names.h"
#include "input_options.h"

namespace {

using dyad::cli::exit_code;

// The actors commands run segmentation only and code actors with their own
// coder, so they work whatever state the later stages' resources are in.
std::shared_ptr<const dyad::actors::ActorCoder> LoadCoder(const std::string& data_flag) {
  std::string error;
  std::shared_ptr<const dyad::actors::ActorCoder> coder =
      dyad::actors::ActorCoder::Load(dyad::FindDataDir(data_flag), &error);
  if (!coder) std::cerr << "dyad: " << error << "\n";
  return coder;
}

std::string KindName(dyad::Mention::Kind kind) {
  switch (kind) {
    case dyad::Mention::Kind::kNamed: return "named";
    case dyad::Mention::Kind::kNominal: return "nominal";
    case dyad::Mention::Kind::kPronoun: return "pronoun";
  }
  return "named";
}

struct ImportCommand {
  std::string from = "petrarch2";
  std::vector<std::string> files;
  std::string out;
  std::string id_prefix;
  bool skip_country_names = false;

  int Run() const {
    dyad::actors::ImportOptions options;
    if (from == "petrarch2") options.format = dyad::actors::ImportFormat::kPetrarch2;
    else if (from == "tabari") options.format = dyad::actors::ImportFormat::kTabari;
    else {
      std::cerr << "dyad: --from must be petrarch2 or tabari\n";
      return 2;
    }
    options.skip_country_names = skip_country_names;
    options.id_prefix = id_prefix;
    std::vector<dyad::actors::Entry> entries;
    dyad::actors::ImportStats stats;
    std::string header = "# Converted by `dyad dict import --from " + from + "` from:\n";
    for (const std::string& path : files) {
      std::ifstream in(path, std::ios::binary);
      if (!in) {
        std::cerr << "dyad: cannot read " << path << "\n";
        return 2;
      }
      std::stringstream buffer;
      buffer << in.rdbuf();
      std::string error;
      if (!dyad::actors::ImportDictionary(buffer.str(), path, options, &entries,
                                          &stats, &error)) {
        std::cerr << "dyad: " << error << "\n";
        return 2;
      }
      header += "#   " + path + "\n";
    }
    std::string text = header + "\n" + dyad::actors::FormatEntries(entries);
    // What we write must load back: check before anyone relies on it.
    dyad::actors::ActorDictionary check;
    std::string error;
    if (!check.Parse(text, out.empty() ? "<output>" : out, &error)) {
      std::cerr << "dyad: internal error, converted dictionary does not parse: "
                << error << "\n";
      return 2;
    }
    if (out.empty()) {
      std::cout << text;
    } else {
      std::ofstream file(out, std::ios::binary | std::ios::trunc);
      if (!(file << text)) {
        std::cerr << "dyad: cannot write " << out << "\n";
        return 2;
      }
    }
    std::cerr << "dyad: " << stats.entries << " entries, " << stats.aliases
              << " names and nouns, " << stats.skipped_codes
              << " codes skipped (null or malformed)\n";
    return 0;
  }
};

void AddImport(CLI::App& dict) {
  auto c = std::make_shared<ImportCommand>();
  CLI::App* cmd = dict.add_subcommand(
      "import", "convert PETRARCH-2 or TABARI actor/agent dictionaries to "
                "dyad's actor format (data/actors/README.md)");
  cmd->add_option("--from", c->from, "source format: petrarch2 or tabari")
      ->capture_default_str();
  cmd->add_option("files", c->files, "dictionary files to convert")->required();
  cmd->add_option("-o,--out", c->out, "write to FILE (default: stdout)");
  cmd->add_option("--id-prefix", c->id_prefix, "prefix for the entry ids");
  cmd->add_flag("--skip-country-names", c->skip_country_names,
                "leave out bare country headwords (IRAN_ [IRN]) and their "
                "city synonyms, when dyad's own country table is used");
  cmd->callback([c] { exit_code = c->Run(); });
}

void AddUnknown(CLI::App& dict) {
  auto options = std::make_shared<dyad::cli::InputOptions>();
  auto top = std::make_shared<size_t>(100);
  CLI::App* cmd = dict.add_subcommand(
      "unknown", "list the most frequent actor names no dictionary knows "
                 "(count, documents, name, first document)");
  options->Add(cmd);
  cmd->add_option("--top", *top, "how many names to list (0: all)")->capture_default_str();
  options->analyze = false;
  cmd->callback([options, top] {
    auto coder = LoadCoder(options->data_dir);
    if (!coder) {
      exit_code = 2;
      return;
    }
    auto names = std::make_shared<dyad::actors::UnknownNames>();
    exit_code = dyad::cli::RunPipeline(
        *options, [names, coder](const dyad::Document& in, std::ostream&) {
          dyad::Document doc = in;
          coder->Annotate(doc);
          names->Add(doc);
        });
    std::ostream* out = options->out.empty() ? &std::cout : nullptr;
    std::ofstream file;
    if (!out) {
      file.open(options->out, std::ios::app);
      out = &file;
    }
    for (const auto& row : names->Top(*top))
      *out << row.count << '\t' << row.documents << '\t' << row.name << '\t'
           << row.example << '\n';
  });
}

void AddTry(CLI::App& dict) {
  auto options = std::make_shared<dyad::cli::InputOptions>();
  CLI::App* cmd = dict.add_subcommand(
      "try", "show the actor mentions found in documents, one line each: "
             "document, sentence, kind, code, text, rule, antecedent");
  options->Add(cmd);
  options->analyze = false;
  cmd->callback([options] {
    auto coder = LoadCoder(options->data_dir);
    if (!coder) {
      exit_code = 2;
      return;
    }
    exit_code = dyad::cli::RunPipeline(
        *options, [coder](const dyad::Document& in, std::ostream& out) {
          dyad::Document doc = in;
          coder->Annotate(doc);
          for (size_t i = 0; i < doc.mentions.size(); ++i) {
            const dyad::Mention& m = doc.mentions[i];
            out << doc.id << '\t' << m.sentence << '\t' << KindName(m.kind) << '\t'
                << (m.code.empty() ? "?" : m.code) << '\t' << doc.OriginalText(m.span)
                << '\t' << m.rule;
            if (m.antecedent >= 0) out << "\t->" << m.antecedent;
            out << '\n';
          }
        });
  });
}

struct EvalActorsCommand {
  std::vector<std::string> dirs;
  std::string data_dir;
  bool misses = false;
  bool syntax = false;

  int Run() const {
    // The full stages give the actors UPOS tags.
    auto pipeline = dyad::cli::OpenToolPipeline(data_dir, syntax);
    if (!pipeline) return 2;
    std::string error;
    auto coder = dyad::actors::ActorCoder::Load(dyad::FindDataDir(data_dir), &error);
    if (!coder) {
      std::cerr << "dyad: " << error << "\n";
      return 2;
    }
    dyad::actors::ActorScore total;
    int status = 0;
    for (const std::string& dir : dirs) {
      dyad::actors::ActorScore s;
      std::string missed;
      if (!dyad::actors::EvaluateActors(dir, *pipeline, *coder, &s,
                                        misses ? &missed : nullptr, &error)) {
        std::cerr << "dyad: " << error << "\n";
        status = 2;
        continue;
      }
      Print(dir, s);
      if (!missed.empty()) std::printf("%s", missed.c_str());
      total.Add(s);
    }
    if (dirs.size() > 1) Print("all", total);
    return status;
  }

  static void Print(const std::string& name, const dyad::actors::ActorScore& s) {
    std::printf("%s: %llu articles, %llu gold actors in their sentence "
                "(%llu named elsewhere, not scored)\n",
                name.c_str(), static_cast<unsigned long long>(s.articles),
                static_cast<unsigned long long>(s.gold),
                static_cast<unsigned long long>(s.not_in_text));
    std::printf("  mentions  P %.4f  R %.4f  F1 %.4f  (found %.4f of gold actors)\n",
                s.Precision(), s.Recall(), s.F1(), s.DetectionRate());
  }
};

void AddEvalActors(CLI::App& eval) {
  auto c = std::make_shared<EvalActorsCommand>();
  CLI::App* cmd = eval.add_subcommand(
      "actors", "mention precision/recall of actor codes against the actors "
                "of gold events (dirs with articles/ and gold/)");
  cmd->add_option("dirs", c->dirs, "annotated dirs with articles/ and gold/")
      ->required();
  cmd->add_option("--data", c->data_dir, "data directory");
  cmd->add_flag("--misses", c->misses, "list the gold actors not coded right");
  cmd->add_flag("--syntax", c->syntax,
                "run the syntax stage first (UPOS sharpens name detection)");
  cmd->callback([c] { exit_code = c->Run(); });
}

}  // namespace

void RegisterActorCommands(CLI::App& app) {
  CLI::App* dict = dyad::cli::Subcommand(app, "dict", "actor dictionaries");
  AddImport(*dict);
  AddUnknown(*dict);
  AddTry(*dict);
  CLI::App* eval = dyad::cli::Subcommand(app, "eval", "measure dyad against gold data");
  AddEvalActors(*eval);
}
