#include "dyad/syntax/model.h"

#include <algorithm>

#include "dyad/syntax/feature_hash.h"
#include "dyad/syntax/model_file.h"

namespace dyad::syntax {

namespace {

// The longest word sequence decoded as one tree (see Annotate).
constexpr int kMaxParseWords = 150;

}  // namespace

Model::Model(ModelParts parts, uint64_t data_hash)
    : parts_(std::move(parts)), data_hash_(data_hash) {
  for (const auto& name : parts_.xpos_names) {
    xpos_hashes_.push_back(HashString(name));
  }
  if (parts_.parser.params.size() == kNumNeuralParams) parts_.parser.Prepare();
}

std::unique_ptr<Model> Model::FromParts(ModelParts parts, uint64_t data_hash) {
  return std::unique_ptr<Model>(new Model(std::move(parts), data_hash));
}

std::unique_ptr<Model> Model::Load(const std::string& path,
                                   std::string* error) {
  std::string payload;
  uint64_t data_hash = 0;
  uint32_t version = 0;
  if (!ReadModelFile(path, &payload, &data_hash, error, &version)) {
    return nullptr;
  }
  ModelParts parts;
  ByteReader in(payload);
  if (!parts.Read(in, error, version)) {
    *error = path + ": corrupt syntax model: " + *error;
    return nullptr;
  }
  return FromParts(std::move(parts), data_hash);
}

bool Model::Save(const std::string& path, std::string* error) const {
  ByteWriter out;
  parts_.Write(out);
  return WriteModelFile(path, data_hash_, out.buffer(), 19, error);
}

std::string_view Model::XposName(uint8_t id) const {
  return id < parts_.xpos_names.size() ? parts_.xpos_names[id]
                                       : std::string_view();
}

std::string_view Model::DeprelName(uint8_t id) const {
  return id < parts_.deprel_names.size() ? parts_.deprel_names[id]
                                         : std::string_view();
}

uint8_t Model::XposId(std::string_view name) const {
  for (size_t i = 1; i < parts_.xpos_names.size(); ++i) {
    if (parts_.xpos_names[i] == name) return static_cast<uint8_t>(i);
  }
  return 0;
}

uint8_t Model::DeprelId(std::string_view name) const {
  for (size_t i = 1; i < parts_.deprel_names.size(); ++i) {
    if (parts_.deprel_names[i] == name) return static_cast<uint8_t>(i);
  }
  return 0;
}

void Model::Annotate(Document& doc, const Sentence& sentence, Workspace& ws,
                     uint32_t lead) const {
  const int n = static_cast<int>(sentence.token_count);
  if (n == 0) return;
  Token* tokens = doc.tokens.data() + sentence.first_token;
  ws.words.resize(n);
  ws.tags.resize(n);
  ws.parser_inputs.resize(n);
  ws.heads.resize(n);
  ws.labels.resize(n);
  if (ws.scores.size() < parts_.tags.size()) ws.scores.resize(parts_.tags.size());

  for (int i = 0; i < n; ++i) {
    ComputeWordInfo(doc.Form(tokens[i]), &ws.scratch, &ws.words[i]);
  }
  parts_.tagger.AttachLexicon(ws.words.data(), n);
  parts_.tagger.Tag(ws.words.data(), n, ws.scores.data(), ws.tags.data());

  for (int i = 0; i < n; ++i) {
    ws.parser_inputs[i] = parts_.parser.MakeInput(ws.words[i], ws.tags[i]);
  }
  // Decoding is cubic in the sentence length: a "sentence" of thousands of
  // words (a table in a wire story) is parsed in windows of
  // kMaxParseWords, each window's root hung on the main one's
  // (parataxis), so time stays linear in the input. A dateline is a
  // window of its own, and the main window is the one after it.
  const int first_root_label = DeprelId("parataxis") - 1;
  const int body = lead > 0 && static_cast<int>(lead) < n ? static_cast<int>(lead) : 0;
  int main_root = -1;
  std::vector<int>& roots = ws.window_roots;
  roots.clear();
  for (int start = 0; start < n;) {
    const int end = start < body ? body : std::min(n, start + kMaxParseWords);
    const int len = end - start;
    // A tag head re-tags the words (its tags replace the perceptron's,
    // which the parser has already read).
    parts_.parser.Parse(ws.parser_inputs.data() + start, len, &ws.parser,
                        ws.heads.data() + start, ws.labels.data() + start,
                        ws.tags.data() + start);
    for (int i = start; i < end; ++i) {
      if (ws.heads[i] >= 0) {
        ws.heads[i] += start;
      } else if (main_root < 0 && start == body) {
        main_root = i;
      } else {
        roots.push_back(i);
      }
    }
    start = end;
  }
  for (int r : roots) {
    ws.heads[r] = main_root;
    if (first_root_label >= 0) ws.labels[r] = first_root_label;
  }

  for (int i = 0; i < n; ++i) {
    Token& t = tokens[i];
    const TagClass& tag = parts_.tags[ws.tags[i]];
    t.upos = tag.upos;
    t.xpos = tag.xpos;
    t.head = ws.heads[i];
    t.deprel = static_cast<uint8_t>(ws.labels[i] + 1);
    uint32_t start = static_cast<uint32_t>(doc.lemmas.size());
    parts_.lemmatizer.Lemmatize(doc.Form(t), xpos_hashes_[tag.xpos],
                                tag.upos == Upos::PROPN, &ws.scratch,
                                &doc.lemmas);
    t.lemma = Span{start, static_cast<uint32_t>(doc.lemmas.size())};
  }
}

}  // namespace dyad::syntax
