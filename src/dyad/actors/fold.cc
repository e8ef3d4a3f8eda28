#include "dyad/actors/fold.h"

#include <utf8proc.h>

#include <cstdlib>

namespace dyad::actors {

namespace {

bool IsAscii(std::string_view s) {
  for (unsigned char c : s)
    if (c >= 0x80) return false;
  return true;
}

// Case-folds and strips combining marks; ASCII stays on the fast path.
std::string CaseFoldStripMarks(std::string_view s) {
  if (IsAscii(s)) {
    std::string out(s);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
  }
  utf8proc_uint8_t* mapped = nullptr;
  auto options = static_cast<utf8proc_option_t>(
      UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD |
      UTF8PROC_STRIPMARK | UTF8PROC_COMPAT);
  utf8proc_ssize_t n =
      utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                   static_cast<utf8proc_ssize_t>(s.size()), &mapped, options);
  if (n < 0) return std::string(s);  // invalid UTF-8 cannot reach here
  std::string out(reinterpret_cast<char*>(mapped), static_cast<size_t>(n));
  std::free(mapped);
  return out;
}

bool IsVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

bool EndsWith(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

}  // namespace

std::string FoldWord(std::string_view word) {
  if (word == "'s" || word == "'S") return "'s";
  if (word == "'") return "'";
  std::string folded = CaseFoldStripMarks(word);
  std::string out;
  out.reserve(folded.size());
  for (size_t i = 0; i < folded.size(); ++i) {
    char c = folded[i];
    if (c == '.' || c == '\'') continue;
    if (c == '#' && out.empty()) continue;
    out.push_back(c);
  }
  return out;
}

std::vector<std::string> FoldToken(std::string_view token) {
  std::vector<std::string> parts;
  if (token == "'s" || token == "'S" || token == "'") {
    parts.push_back(FoldWord(token));
    return parts;
  }
  size_t start = 0;
  while (start <= token.size()) {
    size_t dash = token.find('-', start);
    if (dash == std::string_view::npos) dash = token.size();
    std::string w = FoldWord(token.substr(start, dash - start));
    if (!w.empty()) parts.push_back(std::move(w));
    start = dash + 1;
  }
  return parts;
}

std::vector<std::string> AliasWords(std::string_view alias) {
  std::vector<std::string> words;
  size_t i = 0;
  while (i < alias.size()) {
    while (i < alias.size() && (alias[i] == ' ' || alias[i] == '_' ||
                                alias[i] == '\t'))
      ++i;
    size_t j = i;
    while (j < alias.size() && alias[j] != ' ' && alias[j] != '_' &&
           alias[j] != '\t')
      ++j;
    if (j == i) break;
    std::string_view word = alias.substr(i, j - i);
    std::string_view clitic;
    if (word.size() > 2 && (EndsWith(word, "'s") || EndsWith(word, "'S"))) {
      clitic = "'s";
      word.remove_suffix(2);
    } else if (word.size() > 1 && word.back() == '\'') {
      clitic = "'";
      word.remove_suffix(1);
    }
    for (std::string& part : FoldToken(word)) words.push_back(std::move(part));
    if (!clitic.empty()) words.emplace_back(clitic);
    i = j;
  }
  return words;
}

std::string Plural(std::string_view noun) {
  std::string n(noun);
  if (n.empty()) return n;
  if (EndsWith(n, "man") && n != "human" && n != "german" && n != "roman")
    return n.substr(0, n.size() - 3) + "men";
  if (EndsWith(n, "person")) return n.substr(0, n.size() - 6) + "people";
  if (EndsWith(n, "child")) return n + "ren";
  if (EndsWith(n, "ese") || EndsWith(n, "police") || EndsWith(n, "staff") ||
      EndsWith(n, "personnel") || EndsWith(n, "media") ||
      EndsWith(n, "military") || EndsWith(n, "people"))
    return n;
  if (n.size() > 1 && n.back() == 'y' && !IsVowel(n[n.size() - 2]))
    return n.substr(0, n.size() - 1) + "ies";
  if (EndsWith(n, "s") || EndsWith(n, "x") || EndsWith(n, "z") ||
      EndsWith(n, "ch") || EndsWith(n, "sh"))
    return n + "es";
  if (EndsWith(n, "fe")) return n.substr(0, n.size() - 2) + "ves";
  return n + "s";
}

bool IsAcronym(std::string_view text) {
  int letters = 0;
  for (unsigned char c : text) {
    if (c >= 'a' && c <= 'z') return false;
    if (c >= 'A' && c <= 'Z') ++letters;
    if (c >= 0x80) return false;  // non-ASCII names are not acronyms
  }
  return letters >= 2;
}

bool HasUpper(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      if (c >= 'A' && c <= 'Z') return true;
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(
        reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
        static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
    if (n <= 0) return false;
    if (utf8proc_get_property(cp)->category == UTF8PROC_CATEGORY_LU) return true;
    i += static_cast<size_t>(n);
  }
  return false;
}

}  // namespace dyad::actors
