// The data model every stage reads and fills: one Document, its sentences and
// tokens. A Document owns all its text; Sentence and Token are plain index
// records into it, so a Document can be moved between threads freely.
//
// Positions: every Span in a Document is a byte range [start, end) in
// Document::text, the NORMALIZED text. Document::ToOriginal() maps such a
// range back to byte offsets in Document::original, the text exactly as the
// user gave it; everything dyad prints uses original offsets.
//
// Thread safety: a Document is not shared between threads while a stage
// fills it; const access from many threads is safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {

struct Span {
  uint32_t start = 0;
  uint32_t end = 0;  // exclusive
  uint32_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  friend bool operator==(const Span&, const Span&) = default;
};

// Universal POS tags (UD v2), in a fixed order; stored as uint8_t.
enum class Upos : uint8_t {
  kUnknown = 0, ADJ, ADP, ADV, AUX, CCONJ, DET, INTJ, NOUN, NUM, PART, PRON,
  PROPN, PUNCT, SCONJ, SYM, VERB, X,
  kCount
};
std::string_view UposName(Upos upos);
Upos UposFromName(std::string_view name);  // kUnknown if not a UD tag

struct Token {
  Span span;              // surface form in Document::text
  // Filled by the syntax stage (zero until then):
  Span lemma;             // range in Document::lemmas
  Upos upos = Upos::kUnknown;
  uint8_t xpos = 0;       // id in the syntax model's XPOS table, 0 = none
  uint8_t deprel = 0;     // id in the syntax model's relation table, 0 = none
  int32_t head = -1;      // index of the head token within the sentence
                          // (0-based), -1 for the root or before parsing
  bool space_after = true;  // false when the next token follows with no gap
};

struct Sentence {
  Span span;                    // in Document::text
  uint32_t first_token = 0;     // index into Document::tokens
  uint32_t token_count = 0;
  bool duplicate = false;       // repeats an earlier sentence of the document:
                                // segmented but not coded again
  uint32_t paragraph = 0;       // paragraph number within the document
};

// A coded (or codable) actor mention, filled by the actors stage.
struct Mention {
  enum class Kind : uint8_t { kNamed, kNominal, kPronoun };
  Span span;                    // in Document::text
  uint32_t sentence = 0;        // index into Document::sentences
  uint32_t first_token = 0;     // index into Document::tokens
  uint32_t token_count = 0;
  uint32_t head = 0;            // index into Document::tokens
  Kind kind = Kind::kNamed;
  std::string code;             // CAMEO-style code, e.g. "IRNGOV", "IGOUNO";
                                // empty for an unknown name
  std::string country;          // ISO alpha-3, empty for IGOs and unknowns
  std::string role;             // GOV MIL ... IGO, empty if none
  std::string entity;           // person/organisation entry id, if any
  std::string rule;             // dictionary entry or pattern that coded it
  int32_t antecedent = -1;      // index of the mention it corefers with
};

// One coded event, filled by the events stage. Actors are mentions (index
// into Document::mentions, -1 when the event has no such actor); the verb
// span covers the predicate word(s) that carried the code.
struct Event {
  uint32_t sentence = 0;        // index into Document::sentences
  int32_t source = -1;          // index into Document::mentions, or -1
  int32_t target = -1;
  Span verb;                    // in Document::text
  std::string code;             // CAMEO, e.g. "111"
  std::string plover;           // PLOVER type, e.g. "ACCUSE"
  int quad = 0;                 // QuadClass 1..4
  double goldstein = 0;
  bool historical = false;      // dated well before the article
  bool reported = false;        // inside reported speech or a quotation
  std::string rule;             // pattern that fired: "verbs/curated.txt:12"
};

struct Document {
  // Metadata from the input record. date is "YYYY-MM-DD" or empty.
  std::string id, title, url, date, source;
  std::string origin;  // where it came from: "file.jsonl:12", "a.txt"

  std::string original;  // the body exactly as read (may hold invalid UTF-8)
  std::string text;      // normalized text (valid UTF-8, NFKC, folded quotes)
  // norm_to_orig[i] = offset in `original` of the character that produced
  // text byte i; norm_to_orig[text.size()] = original.size().
  std::vector<uint32_t> norm_to_orig;
  uint32_t invalid_utf8_bytes = 0;  // bytes replaced by U+FFFD

  std::vector<Sentence> sentences;
  std::vector<Token> tokens;
  std::string lemmas;  // arena for Token::lemma
  std::vector<Mention> mentions;  // filled by the actors stage, in text order
  std::vector<Event> events;      // filled by the events stage, in text order

  std::string_view Text(Span s) const {
    return std::string_view(text).substr(s.start, s.size());
  }
  std::string_view Form(const Token& t) const { return Text(t.span); }
  std::string_view Lemma(const Token& t) const {
    return std::string_view(lemmas).substr(t.lemma.start, t.lemma.size());
  }
  // Byte range in `original` that produced the normalized range `s`.
  Span ToOriginal(Span s) const;
  std::string_view OriginalText(Span normalized) const {
    Span o = ToOriginal(normalized);
    return std::string_view(original).substr(o.start, o.size());
  }
  const Token* SentenceTokens(const Sentence& s) const {
    return tokens.data() + s.first_token;
  }
  // Tokens of the dateline that opens the story's first sentence
  // ("MOSCOW, April 13 -", "THE HAGUE, Netherlands -", "WASHINGTON -"),
  // dash included; 0 when there is none. Only the first sentence of one
  // of the first three paragraphs (a headline may come first) can have
  // one. A dateline says where the story was filed: it is neither an
  // actor nor part of the sentence's grammar.
  uint32_t DatelineLength(uint32_t sentence) const;
};

}  // namespace dyad
