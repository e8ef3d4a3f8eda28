// dyad parse: the syntax stage's analysis as CoNLL-U (UD's ten-column
// format), for any input `dyad code` reads, so it can be checked with the
// standard UD tools. FORM is the token as written in the original text;
// MISC carries TokenRange=start:end (byte offsets into the original
// document) and SpaceAfter=No where the next token follows at once.
// Sentences repeated within a document are not parsed and not printed.
#include <memory>
#include <string>

#include "commands.h"
#include "dyad/syntax/model.h"
#include "input_options.h"

namespace dyad::cli {

namespace {

// CoNLL-U fields hold no tabs or newlines; FORM and LEMMA no spaces either
// (UD allows some, but the tools we target split on them).
std::string Field(std::string_view text) {
  if (text.empty()) return "_";
  std::string out(text);
  for (char& c : out)
    if (c == '\t' || c == '\n' || c == '\r' || c == ' ') c = '_';
  return out;
}

void WriteConllu(const Document& doc, const syntax::Model& model,
                 std::ostream& out) {
  bool first = true;
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    if (s.duplicate || s.token_count == 0) continue;
    if (first) out << "# newdoc id = " << doc.id << "\n";
    first = false;
    std::string text(doc.OriginalText(s.span));
    for (char& c : text)
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
    out << "# sent_id = " << doc.id << "-" << i << "\n# text = " << text << "\n";
    for (uint32_t t = 0; t < s.token_count; ++t) {
      const Token& tok = doc.tokens[s.first_token + t];
      Span orig = doc.ToOriginal(tok.span);
      std::string_view deprel = model.DeprelName(tok.deprel);
      if (tok.head < 0) deprel = "root";
      if (deprel.empty()) deprel = "dep";
      std::string_view xpos = model.XposName(tok.xpos);
      out << t + 1 << '\t' << Field(doc.OriginalText(tok.span)) << '\t'
          << Field(doc.Lemma(tok)) << '\t' << Field(UposName(tok.upos)) << '\t'
          << Field(xpos) << "\t_\t" << tok.head + 1 << '\t' << deprel << "\t_\t"
          << "TokenRange=" << orig.start << ':' << orig.end;
      if (t + 1 < s.token_count) {
        Span next = doc.ToOriginal(doc.tokens[s.first_token + t + 1].span);
        if (next.start == orig.end) out << "|SpaceAfter=No";
      }
      out << '\n';
    }
    out << '\n';
  }
}

}  // namespace

void RegisterParseCommand(CLI::App& app) {
  auto options = std::make_shared<InputOptions>();
  options->syntax_only = true;
  CLI::App* cmd = app.add_subcommand(
      "parse",
      "print tokens, tags, lemmas and dependencies as CoNLL-U, with byte "
      "offsets into the original text in MISC (TokenRange=start:end)");
  options->Add(cmd);
  cmd->callback([options] {
    std::string error;
    std::shared_ptr<const syntax::Model> model = syntax::Model::Load(
        FindDataDir(options->data_dir) + "/syntax/en_ewt.model", &error);
    if (!model) {
      std::cerr << "dyad: " << error << "\n";
      exit_code = 2;
      return;
    }
    exit_code = RunPipeline(*options, [model](const Document& doc, std::ostream& out) {
      WriteConllu(doc, *model, out);
    });
  });
}

}  // namespace dyad::cli
