// Sentence segmentation and tokenization for news text.
//
// Segmenter::Segment() fills Document::tokens and Document::sentences from
// Document::text (already normalized: quotes and dashes folded to ASCII).
// Tokens follow UD English (EWT) conventions: clitics split ("Iran" "'s",
// "do" "n't"), hyphenated words, numbers, dates, URLs, e-mail addresses,
// @handles and #hashtags kept whole, abbreviations keep their period.
// Sentences break at paragraph breaks, at line breaks (unless the text is
// hard-wrapped), and after sentence-final punctuation when what follows
// starts a sentence. Datelines stay with their sentence, as annotators keep
// them. Sentences that repeat an earlier sentence of the same document (a
// body pasted twice) are kept but marked `duplicate`.
//
// The language knowledge (abbreviations, sentence starters) comes from a
// data file (data/segment/segmenter.txt); the code holds the mechanism.
//
// Thread safety: a loaded Segmenter is immutable; Segment() may be called
// from many threads at once on different documents.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_set>

#include "dyad/doc/document.h"

namespace dyad {

class Segmenter {
 public:
  // Loads the abbreviation and starter lists. On failure returns nullptr and
  // sets *error to a message naming the file and line.
  static std::unique_ptr<Segmenter> Load(const std::string& path,
                                         std::string* error);
  // Parses the same format from memory (`origin` names it in errors).
  static std::unique_ptr<Segmenter> FromString(std::string_view content,
                                               std::string_view origin,
                                               std::string* error);

  // REQUIRES: doc.text is set (normalized). Replaces tokens and sentences.
  void Segment(Document& doc) const;

  // Exposed for tests and the evaluator.
  bool IsTitle(std::string_view word) const { return title_.count(word) > 0; }
  bool IsAbbreviation(std::string_view word) const;

 private:
  Segmenter() = default;
  struct Stores;
  void Tokenize(Document& doc) const;
  void SplitSentences(Document& doc) const;
  void MarkDuplicates(Document& doc) const;
  bool EndsSentence(const Document& doc, size_t i, size_t next) const;
  bool FollowedBySpeechVerb(const Document& doc, size_t k) const;

  std::unordered_set<std::string_view> title_, abbrev_, month_, starter_,
      speech_;
  std::string storage_;  // owns the words the sets view
};

}  // namespace dyad
