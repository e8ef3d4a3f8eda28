#include "dyad/syntax/model_parts.h"

namespace dyad::syntax {

void ModelParts::Write(ByteWriter& out) const {
  out.VarU(xpos_names.size());
  for (const auto& s : xpos_names) out.Str(s);
  out.VarU(deprel_names.size());
  for (const auto& s : deprel_names) out.Str(s);
  out.VarU(tags.size());
  for (const auto& t : tags) {
    out.U8(static_cast<uint8_t>(t.upos));
    out.U8(t.xpos);
  }
  tagger.Write(out);
  parser.Write(out);
  lemmatizer.Write(out);
}

bool ModelParts::Read(ByteReader& in, std::string* error, uint32_t version) {
  auto read_names = [&](std::vector<std::string>* names) {
    uint64_t n;
    if (!in.VarU(&n) || n == 0 || n > 256) return false;
    names->resize(n);
    for (auto& s : *names) {
      if (!in.Str(&s)) return false;
    }
    return true;
  };
  if (!read_names(&xpos_names) || !read_names(&deprel_names)) {
    *error = "corrupt name tables";
    return false;
  }
  uint64_t n;
  if (!in.VarU(&n) || n == 0 || n > 256) {
    *error = "corrupt tag table";
    return false;
  }
  tags.resize(n);
  for (auto& t : tags) {
    uint8_t upos;
    if (!in.U8(&upos) || !in.U8(&t.xpos) ||
        upos >= static_cast<uint8_t>(Upos::kCount) ||
        t.xpos >= xpos_names.size()) {
      *error = "corrupt tag table";
      return false;
    }
    t.upos = static_cast<Upos>(upos);
  }
  if (!tagger.Read(in, error) || !parser.Read(in, error, version >= 4) ||
      !lemmatizer.Read(in, error)) {
    return false;
  }
  if (tagger.weights.num_classes() != static_cast<int>(tags.size()) ||
      !tagger.tag_dict.ValuesBelow(static_cast<uint32_t>(tags.size())) ||
      !tagger.lexicon.LowBitsBelow(0xff, static_cast<uint32_t>(tags.size()))) {
    *error = "tagger does not match its tag table";
    return false;
  }
  if (parser.dims.num_labels + 1 != static_cast<int>(deprel_names.size()) ||
      parser.dims.num_tags != static_cast<int>(tags.size())) {
    *error = "parser does not match its relation or tag table";
    return false;
  }
  if (!in.AtEnd()) {
    *error = "trailing bytes after the model";
    return false;
  }
  return true;
}

}  // namespace dyad::syntax
