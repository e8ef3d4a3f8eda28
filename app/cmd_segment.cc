// dyad segment: sentences and tokens with byte offsets into the original
// text, one JSON line per sentence.
#include "commands.h"
#include "dyad/io/json_writer.h"
#include "input_options.h"

namespace dyad::cli {

namespace {

void WriteSentences(const Document& doc, std::ostream& out) {
  JsonWriter w;
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const Sentence& s = doc.sentences[i];
    Span orig = doc.ToOriginal(s.span);
    w.Clear();
    w.BeginObject();
    w.Key("doc"); w.String(doc.id);
    w.Key("sentence"); w.Int(static_cast<int64_t>(i));
    w.Key("paragraph"); w.Int(s.paragraph);
    w.Key("start"); w.Int(orig.start);
    w.Key("end"); w.Int(orig.end);
    w.Key("text"); w.String(doc.OriginalText(s.span));
    w.Key("duplicate"); w.Bool(s.duplicate);
    w.Key("tokens");
    w.BeginArray();
    for (uint32_t t = 0; t < s.token_count; ++t) {
      const Token& tok = doc.tokens[s.first_token + t];
      Span o = doc.ToOriginal(tok.span);
      w.BeginArray();
      w.Int(o.start);
      w.Int(o.end);
      w.String(doc.Form(tok));
      w.EndArray();
    }
    w.EndArray();
    w.EndObject();
    out << w.str() << '\n';
  }
}

}  // namespace

void RegisterSegmentCommand(CLI::App& app) {
  auto options = std::make_shared<InputOptions>();
  options->analyze = false;
  CLI::App* cmd = app.add_subcommand(
      "segment",
      "print sentences and tokens with byte offsets into the original text "
      "(one JSON line per sentence; tokens as [start, end, normalized form])");
  options->Add(cmd);
  cmd->callback([options] { exit_code = RunPipeline(*options, WriteSentences); });
}

}  // namespace dyad::cli
