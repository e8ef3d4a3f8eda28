// Helpers for the actors tests: the shipped coder (loaded once) and a
// segmented, annotated document from text.
#pragma once

#include <memory>
#include <string>

#include "dyad/actors/actor_coder.h"
#include "test_util.h"

namespace dyad::testing {

inline const actors::ActorCoder& ShippedCoder() {
  static std::unique_ptr<actors::ActorCoder> coder = [] {
    std::string error;
    auto made = actors::ActorCoder::Load(DataDir(), &error);
    if (!made) ADD_FAILURE() << error;
    return made;
  }();
  return *coder;
}

// Segments `text` (dated `date`) and codes its actors with the shipped
// dictionaries.
inline Document Annotated(const std::string& text,
                          const std::string& date = "2025-01-18") {
  Document doc = Segmented(text);
  doc.date = date;
  ShippedCoder().Annotate(doc);
  return doc;
}

// The code of the mention whose text is exactly `text` (the first one
// after byte `from`), or "<none>".
inline std::string CodeOf(const Document& doc, const std::string& text,
                          size_t from = 0) {
  for (const Mention& m : doc.mentions)
    if (m.span.start >= from && doc.Text(m.span) == text) return m.code;
  return "<none>";
}

// The code of the mention whose head token is `word` (first after `from`).
inline std::string CodeAtWord(const Document& doc, const std::string& word,
                              size_t from = 0) {
  for (const Mention& m : doc.mentions) {
    const Token& head = doc.tokens[m.head];
    if (head.span.start >= from && doc.Form(head) == word) return m.code;
  }
  return "<none>";
}

inline const Mention* MentionOf(const Document& doc, const std::string& text) {
  for (const Mention& m : doc.mentions)
    if (doc.Text(m.span) == text) return &m;
  return nullptr;
}

}  // namespace dyad::testing
