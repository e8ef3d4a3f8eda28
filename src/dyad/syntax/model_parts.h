// Everything a trained syntax model contains, as plain members the trainer
// fills and Model reads: label tables, tagger, parser and lemmatizer.
// Kept apart from Model so the trainer can build, evaluate and save a model
// without going through a file.
//
// Name tables use id 0 for "none", matching dyad::Token (xpos/deprel 0 =
// unset); parser label index l is deprel id l + 1.
//
// Thread safety: plain data; immutable once built.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "dyad/doc/document.h"
#include "dyad/syntax/byte_io.h"
#include "dyad/syntax/lemmatizer.h"
#include "dyad/syntax/model_file.h"
#include "dyad/syntax/neural_parser.h"
#include "dyad/syntax/tagger.h"

namespace dyad::syntax {

struct TagClass {
  Upos upos = Upos::kUnknown;
  uint8_t xpos = 0;  // id in xpos_names
};

struct ModelParts {
  std::vector<TagClass> tags;           // tagger class -> (UPOS, XPOS)
  std::vector<std::string> xpos_names;  // [0] = "_"
  std::vector<std::string> deprel_names;  // [0] = "_"
  Tagger tagger;
  NeuralParser parser;
  Lemmatizer lemmatizer;

  void Write(ByteWriter& out) const;
  // `version`: the file's format version (3 has no layer count or tag
  // head flag in the parser's dimensions).
  bool Read(ByteReader& in, std::string* error,
            uint32_t version = kModelFormatVersion);
};

}  // namespace dyad::syntax
