// The stages after segmentation, in order: syntax -> actors -> events.
// Each wraps its runtime with the resources loaded from the data directory.
#include <tbb/enumerable_thread_specific.h>

#include <cstdio>
#include <ostream>

#include "dyad/actors/actor_coder.h"
#include "dyad/events/coder.h"
#include "dyad/pipeline/pipeline.h"
#include "dyad/pipeline/stage.h"
#include "dyad/syntax/model.h"

namespace dyad {

namespace {

class SyntaxStage : public Stage {
 public:
  explicit SyntaxStage(std::shared_ptr<const syntax::Model> model)
      : model_(std::move(model)) {}
  std::string_view name() const override { return "syntax"; }
  void Process(Document& doc) const override {
    syntax::Workspace& ws = workspaces_.local();
    for (uint32_t i = 0; i < doc.sentences.size(); ++i) {
      const Sentence& s = doc.sentences[i];
      if (!s.duplicate) model_->Annotate(doc, s, ws, doc.DatelineLength(i));
    }
  }
  void Explain(const Document& doc, uint32_t sentence,
               std::ostream& out) const override {
    const Sentence& s = doc.sentences[sentence];
    out << "tokens and parse (syntax):\n";
    char line[256];
    for (uint32_t i = 0; i < s.token_count; ++i) {
      const Token& t = doc.tokens[s.first_token + i];
      std::string form(doc.Form(t)), lemma(doc.Lemma(t));
      std::string head = t.head < 0 ? "root"
                                    : std::to_string(t.head + 1) + " " +
                                          std::string(doc.Form(doc.tokens[s.first_token + t.head]));
      std::snprintf(line, sizeof line, "  %3u  %-18s %-16s %-6s %-5s %-12s <- %s\n",
                    i + 1, form.c_str(), lemma.c_str(),
                    std::string(UposName(t.upos)).c_str(),
                    std::string(model_->XposName(t.xpos)).c_str(),
                    std::string(model_->DeprelName(t.deprel)).c_str(), head.c_str());
      out << line;
    }
  }

 private:
  std::shared_ptr<const syntax::Model> model_;
  mutable tbb::enumerable_thread_specific<syntax::Workspace> workspaces_;
};

class ActorsStage : public Stage {
 public:
  explicit ActorsStage(std::unique_ptr<actors::ActorCoder> coder)
      : coder_(std::move(coder)) {}
  std::string_view name() const override { return "actors"; }
  void Process(Document& doc) const override { coder_->Annotate(doc); }
  void Explain(const Document& doc, uint32_t sentence,
               std::ostream& out) const override {
    out << "actors:\n";
    for (size_t m = 0; m < doc.mentions.size(); ++m) {
      const Mention& mention = doc.mentions[m];
      if (mention.sentence != sentence) continue;
      out << "  [" << m << "] \"" << doc.OriginalText(mention.span) << "\" -> "
          << (mention.code.empty() ? "(unknown name)" : mention.code);
      if (!mention.entity.empty()) out << "  entity " << mention.entity;
      if (mention.antecedent >= 0) out << "  refers to [" << mention.antecedent << "]";
      if (!mention.rule.empty()) out << "  by " << mention.rule;
      out << "\n";
    }
  }

 private:
  std::unique_ptr<actors::ActorCoder> coder_;
};

class EventsStage : public Stage {
 public:
  explicit EventsStage(std::unique_ptr<events::EventCoder> coder)
      : coder_(std::move(coder)) {}
  std::string_view name() const override { return "events"; }
  void Process(Document& doc) const override { coder_->Code(doc); }
  void Explain(const Document& doc, uint32_t sentence,
               std::ostream& out) const override {
    Document copy = doc;
    std::vector<events::Candidate> trace;
    coder_->Code(copy, &trace);
    out << "event candidates:\n";
    for (const events::Candidate& c : trace) {
      if (c.sentence != sentence) continue;
      out << "  \"" << doc.Form(doc.tokens[c.token]) << "\" (" << c.predicate << ")";
      if (!c.pattern.empty()) out << "  pattern \"" << c.pattern << "\" " << c.rule;
      out << "\n      -> " << c.decision << "\n";
    }
    out << "events:\n";
    for (const Event& e : doc.events) {
      if (e.sentence != sentence) continue;
      auto actor = [&](int m) {
        return m < 0 ? std::string("(none)")
                     : doc.mentions[m].code + " \"" +
                           std::string(doc.OriginalText(doc.mentions[m].span)) + "\"";
      };
      out << "  " << actor(e.source) << "  " << e.code << " " << e.plover
          << " (quad " << e.quad << ", Goldstein " << e.goldstein << ")  "
          << actor(e.target) << "  verb \"" << doc.OriginalText(e.verb) << "\""
          << (e.historical ? "  historical" : "") << (e.reported ? "  reported" : "")
          << "  " << e.rule << "\n";
    }
  }

 private:
  std::unique_ptr<events::EventCoder> coder_;
};

}  // namespace

bool BuildStages(const PipelineOptions& options,
                 std::vector<std::unique_ptr<Stage>>* stages, std::string* error) {
  stages->clear();
  if (!options.analyze) return true;
  const std::string& data = options.data_dir;
  std::shared_ptr<const syntax::Model> model =
      syntax::Model::Load(data + "/syntax/en_ewt.model", error);
  if (!model) return false;
  if (options.syntax_only) {
    stages->push_back(std::make_unique<SyntaxStage>(model));
    return true;
  }
  auto actors = actors::ActorCoder::Load(data, error);
  if (!actors) return false;
  auto codes = events::CodeTable::Load(data + "/cameo/codes.tsv", error);
  if (!codes) return false;
  auto patterns = events::PatternSet::Load(
      events::PatternSet::DefaultFiles(data + "/verbs"), *codes, error);
  if (!patterns) return false;
  auto coder = std::make_unique<events::EventCoder>(
      std::move(codes), std::move(patterns),
      [&](std::string_view rel) { return model->DeprelId(rel); });
  stages->push_back(std::make_unique<SyntaxStage>(model));
  stages->push_back(std::make_unique<ActorsStage>(std::move(actors)));
  stages->push_back(std::make_unique<EventsStage>(std::move(coder)));
  return true;
}

}  // namespace dyad
