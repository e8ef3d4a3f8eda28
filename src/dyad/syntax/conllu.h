// Reader for CoNLL-U treebanks (UD), used by training, evaluation and tests.
// Only basic-tree words are kept: multiword-token ranges ("1-2") and empty
// nodes ("8.1") are skipped, since the syntax stage tags and parses words.
// Forms and lemmas get the same quote folding as dyad's normalized text
// (curly quotes to ASCII), so training sees what the runtime will see.
//
// Thread safety: free functions with no shared state.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dyad::syntax {

struct ConlluWord {
  std::string form, lemma, upos, xpos, deprel;  // deprel keeps its subtype
  int head = -1;  // 0-based index in the sentence, -1 for the root
};

struct ConlluSentence {
  std::string id;  // from "# sent_id", may be empty
  std::vector<ConlluWord> words;
};

// Parses CoNLL-U text. On malformed input returns false and sets *error
// with the line number.
bool ParseConllu(std::string_view text, std::vector<ConlluSentence>* out,
                 std::string* error);
// Reads and parses a file; the error names the file.
bool ReadConllu(const std::string& path, std::vector<ConlluSentence>* out,
                std::string* error);
// Reads a whole file into *data; false with a message naming it on failure.
bool ReadFileBytes(const std::string& path, std::string* data,
                   std::string* error);

// Folds U+2018/2019/201A/201B to ' and U+201C/201D/201E/201F to ".
std::string FoldQuotes(std::string_view s);

}  // namespace dyad::syntax
