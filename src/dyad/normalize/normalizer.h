// Text normalization that never loses the way back to the original bytes.
//
// Normalize() turns raw input bytes into the text every later stage reads:
// NFKC (utf8proc), curly quotes folded to ASCII ' and ", dashes and minus
// signs to '-', CR/LF to LF, other control characters to spaces, zero-width
// characters and soft hyphens dropped, invalid UTF-8 bytes replaced by
// U+FFFD (counted). Alongside it returns, for every output byte, the offset
// of the original character that produced it, so offsets found in the
// normalized text can be reported in the original (Document::ToOriginal).
//
// Thread safety: pure functions, safe from any thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {

struct NormalizedText {
  std::string text;
  std::vector<uint32_t> to_original;  // size text.size() + 1
  uint32_t invalid_bytes = 0;
};

// REQUIRES: original.size() < 4 GiB.
NormalizedText Normalize(std::string_view original);

// Copies `bytes` with every invalid UTF-8 sequence replaced by U+FFFD, for
// printing original text that may be malformed. No other change.
std::string RepairUtf8(std::string_view bytes);

// Length of the valid UTF-8 sequence at s[i], or 0 if the bytes there are
// not valid UTF-8 (overlong, surrogate, truncated, out of range).
int Utf8SequenceLength(std::string_view s, size_t i);

}  // namespace dyad
