// Character classes over UTF-8 text, for the tokenizer and segmenter.
// Pure functions; safe from any thread.
#pragma once

#include <cstdint>
#include <string_view>

namespace dyad {

struct CodePoint {
  int32_t cp;   // U+FFFD for bytes that are not valid UTF-8
  size_t len;   // bytes consumed, at least 1
};

// REQUIRES: i < s.size().
CodePoint DecodeAt(std::string_view s, size_t i);

inline bool IsAsciiAlpha(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
inline bool IsAsciiDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsAsciiAlnum(char c) { return IsAsciiAlpha(c) || IsAsciiDigit(c); }
inline char AsciiLower(char c) {
  return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

bool IsSpace(int32_t cp);
bool IsLetter(int32_t cp);        // Unicode L* and M* categories
bool IsWordChar(int32_t cp);      // letter or number
bool IsLowercase(int32_t cp);     // Unicode Ll
bool IsUppercase(int32_t cp);     // Unicode Lu, Lt
bool IsPunctuation(int32_t cp);   // Unicode P* and S* categories
bool IsCurrencySymbol(int32_t cp);

}  // namespace dyad
