// Per-word hashes computed once per sentence and shared by the tagger's
// feature templates and the parser's inputs: the exact form, the lowercased form, short
// prefixes/suffixes and a collapsed character shape ("Xxx", "dd,ddd").
//
// Thread safety: pure functions; results live in the caller's Workspace.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dyad::syntax {

struct WordInfo {
  uint64_t form = 0;
  uint64_t lower = 0;
  uint64_t suffix[4] = {0, 0, 0, 0};  // lowercased, lengths 1..4 bytes
  uint64_t prefix[3] = {0, 0, 0};     // lowercased, lengths 1..3 bytes
  uint64_t shape = 0;
  uint32_t lexicon_tag = 0;  // most frequent tag in training + 1, 0 unknown
  uint32_t ambiguity = 0;    // id of the set of tags seen in training, 0 none
};

// Fills *info from `form`; `scratch` is reused to avoid allocation.
void ComputeWordInfo(std::string_view form, std::string* scratch,
                     WordInfo* info);

// ASCII lowercase (non-ASCII bytes are kept as they are).
void LowercaseAscii(std::string_view in, std::string* out);

}  // namespace dyad::syntax
