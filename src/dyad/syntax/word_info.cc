#include "dyad/syntax/word_info.h"

#include <algorithm>

#include "dyad/syntax/feature_hash.h"

namespace dyad::syntax {

void LowercaseAscii(std::string_view in, std::string* out) {
  out->assign(in.data(), in.size());
  for (char& c : *out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
}

void ComputeWordInfo(std::string_view form, std::string* scratch,
                     WordInfo* info) {
  info->form = HashString(form);
  LowercaseAscii(form, scratch);
  std::string_view lower = *scratch;
  info->lower = HashString(lower);
  for (size_t k = 0; k < 4; ++k) {
    size_t len = std::min(lower.size(), k + 1);
    info->suffix[k] = HashString(lower.substr(lower.size() - len)) + k;
  }
  for (size_t k = 0; k < 3; ++k) {
    size_t len = std::min(lower.size(), k + 1);
    info->prefix[k] = HashString(lower.substr(0, len)) + 7 * (k + 1);
  }
  // Shape: letters/digits mapped to classes, runs cut to two so "Xxxxx" and
  // "Xxx" share a shape while "X" and "Xx" stay apart.
  char shape[32];
  size_t n = 0;
  for (char ch : form) {
    auto c = static_cast<unsigned char>(ch);
    char s = c >= 'A' && c <= 'Z'   ? 'X'
             : c >= 'a' && c <= 'z' ? 'x'
             : c >= '0' && c <= '9' ? 'd'
             : c >= 0x80            ? 'u'
                                    : static_cast<char>(c);
    if (n >= 2 && shape[n - 1] == s && shape[n - 2] == s) continue;
    if (n == sizeof shape) break;
    shape[n++] = s;
  }
  info->shape = HashString(std::string_view(shape, n)) ^ 0x5A5A;
}

}  // namespace dyad::syntax
