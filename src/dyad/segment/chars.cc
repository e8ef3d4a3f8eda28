#include "dyad/segment/chars.h"

#include <utf8proc.h>

namespace dyad {

CodePoint DecodeAt(std::string_view s, size_t i) {
  auto c = static_cast<unsigned char>(s[i]);
  if (c < 0x80) return {c, 1};
  utf8proc_int32_t cp = 0;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                            static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  if (n <= 0) return {0xFFFD, 1};
  return {cp, static_cast<size_t>(n)};
}

namespace {
utf8proc_category_t Category(int32_t cp) { return utf8proc_category(cp); }
}  // namespace

bool IsSpace(int32_t cp) {
  if (cp < 0x80) return cp == ' ' || cp == '\n' || cp == '\t' || cp == '\r' ||
                        cp == '\f' || cp == '\v';
  auto cat = Category(cp);
  return cat == UTF8PROC_CATEGORY_ZS || cat == UTF8PROC_CATEGORY_ZL ||
         cat == UTF8PROC_CATEGORY_ZP;
}

bool IsLetter(int32_t cp) {
  if (cp < 0x80) return IsAsciiAlpha(static_cast<char>(cp));
  auto cat = Category(cp);
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_ME;
}

bool IsWordChar(int32_t cp) {
  if (cp < 0x80) return IsAsciiAlnum(static_cast<char>(cp));
  auto cat = Category(cp);
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_NO;
}

bool IsLowercase(int32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return Category(cp) == UTF8PROC_CATEGORY_LL;
}

bool IsUppercase(int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  auto cat = Category(cp);
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

bool IsPunctuation(int32_t cp) {
  auto cat = Category(cp);
  return (cat >= UTF8PROC_CATEGORY_PC && cat <= UTF8PROC_CATEGORY_SO);
}

bool IsCurrencySymbol(int32_t cp) {
  return Category(cp) == UTF8PROC_CATEGORY_SC;
}

}  // namespace dyad
