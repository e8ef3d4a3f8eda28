// dyad explain: what every stage made of one sentence, and why each
// candidate event was kept or dropped. Readable in a terminal.
#include <iostream>

#include "commands.h"
#include "input_options.h"
#include "dyad/ingest/formats.h"
#include "dyad/ingest/sources.h"
#include "dyad/pipeline/pipeline.h"

namespace dyad::cli {

namespace {

struct ExplainOptions {
  std::string text;
  std::string doc_path;
  int sentence = -1;
  std::string date;
  std::string data_dir;
};

int Run(const ExplainOptions& o) {
  auto pipeline = OpenToolPipeline(o.data_dir);
  if (!pipeline) return 2;
  Reporter report(&std::cerr);
  Document doc;
  if (!o.doc_path.empty()) {
    InputFile input;
    if (!LoadInput(o.doc_path, &input, report)) return 1;
    bool first = true;
    ParseInput(input, report, [&](Document&& d) {
      if (first) doc = std::move(d);
      first = false;
    });
    if (first) {
      std::cerr << "dyad: " << o.doc_path << ": no document\n";
      return 1;
    }
  } else {
    doc.id = "explain";
    doc.original = o.text;
  }
  if (!o.date.empty()) doc.date = o.date;
  if (doc.date.empty()) doc.date = "2026-01-01";  // no warning for a sentence
  if (!pipeline->Process(doc, report)) return 1;
  std::ostream& out = std::cout;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    if (o.sentence >= 0 && static_cast<uint32_t>(o.sentence) != s) continue;
    const Sentence& sentence = doc.sentences[s];
    Span orig = doc.ToOriginal(sentence.span);
    out << "sentence " << s << " [" << orig.start << ", " << orig.end << ")"
        << (sentence.duplicate ? " (repeats an earlier sentence: not coded)" : "")
        << ":\n  " << doc.OriginalText(sentence.span) << "\n";
    if (sentence.duplicate) continue;
    for (const auto& stage : pipeline->stages()) stage->Explain(doc, s, out);
    out << "\n";
  }
  return 0;
}

}  // namespace

void RegisterExplainCommand(CLI::App& app) {
  auto o = std::make_shared<ExplainOptions>();
  CLI::App* cmd = app.add_subcommand(
      "explain", "show tokens, parse, actors and each candidate event of a "
                 "sentence, with why it was kept or dropped");
  cmd->add_option("text", o->text, "the sentence(s) to explain");
  cmd->add_option("--doc", o->doc_path, "explain a document file instead");
  cmd->add_option("--sentence", o->sentence, "only this sentence (0-based)");
  cmd->add_option("--date", o->date, "article date for dated roles (YYYY-MM-DD)");
  cmd->add_option("--data", o->data_dir, "data directory");
  cmd->callback([o] {
    if (o->text.empty() && o->doc_path.empty()) {
      std::cerr << "dyad explain: give a sentence or --doc FILE\n";
      exit_code = 2;
      return;
    }
    exit_code = Run(*o);
  });
}

}  // namespace dyad::cli
