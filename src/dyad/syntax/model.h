// The syntax stage of dyad: a trained model that tags (UPOS + XPOS),
// lemmatizes and dependency-parses (UD relations with subtypes) the words
// of a sentence, on the tokenization the segment stage produced.
//
// Reads: Document::text and the sentence's Token::span.
// Fills: Token::upos, xpos, lemma (appended to Document::lemmas), head
// (0-based index in the sentence, -1 for the root) and deprel.
//
// Thread safety: a loaded Model is immutable; Annotate is const and may
// run on many threads at once, each with its own Workspace.
// Lifetimes: string_views returned by XposName/DeprelName point into the
// Model and stay valid as long as it lives.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/doc/document.h"
#include "dyad/syntax/model_parts.h"
#include "dyad/syntax/workspace.h"

namespace dyad::syntax {

class Model {
 public:
  // Loads a model file; nullptr and a message naming the file on failure
  // (missing file, bad magic, other format version, truncation,
  // corruption).
  static std::unique_ptr<Model> Load(const std::string& path,
                                     std::string* error);
  // Wraps freshly trained parts (used by the trainer to evaluate).
  static std::unique_ptr<Model> FromParts(ModelParts parts,
                                          uint64_t data_hash);

  // Writes the model file (zstd level 19).
  bool Save(const std::string& path, std::string* error) const;

  // Annotates the tokens of `sentence` in place. REQUIRES: sentence belongs
  // to doc. Sentences with no tokens are left alone. The first `lead`
  // tokens (a dateline, Document::DatelineLength) are parsed apart from
  // the rest, their root hung on the rest's root, so a dateline never
  // takes a role in the sentence's clause.
  void Annotate(Document& doc, const Sentence& sentence, Workspace& ws,
                uint32_t lead = 0) const;

  std::string_view XposName(uint8_t id) const;    // "" if out of range
  std::string_view DeprelName(uint8_t id) const;  // "" if out of range
  uint8_t XposId(std::string_view name) const;    // 0 if unknown
  uint8_t DeprelId(std::string_view name) const;  // 0 if unknown
  size_t num_xpos() const { return parts_.xpos_names.size(); }
  size_t num_deprels() const { return parts_.deprel_names.size(); }

  // xxhash64 of the treebank the model was trained on.
  uint64_t data_hash() const { return data_hash_; }
  const ModelParts& parts() const { return parts_; }

 private:
  Model(ModelParts parts, uint64_t data_hash);

  ModelParts parts_;
  uint64_t data_hash_ = 0;
  std::vector<uint64_t> xpos_hashes_;  // HashString(xpos name), for lemmas
};

}  // namespace dyad::syntax
