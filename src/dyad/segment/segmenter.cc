#include "dyad/segment/segmenter.h"

#include <utf8proc.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "dyad/segment/chars.h"

namespace dyad {

namespace {

bool IsInitialism(std::string_view w) {
  // Letters alternating with periods, ending in a period: "U.S.", "p.m.",
  // "J.", "U.S.A.". Each letter group at most two letters ("Ph.D.").
  if (w.size() < 2 || w.back() != '.') return false;
  size_t run = 0, groups = 0;
  for (char c : w) {
    if (c == '.') {
      if (run == 0) return false;
      run = 0;
      ++groups;
    } else if (IsAsciiAlpha(c)) {
      if (++run > 2) return false;
    } else {
      return false;
    }
  }
  // One group: only a single capital ("J."); "it." is a word and a period.
  return groups > 1 || (w.size() == 2 && w[0] >= 'A' && w[0] <= 'Z');
}

bool HasPrefixCi(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (AsciiLower(s[i]) != prefix[i]) return false;
  return true;
}

bool EndsWithCi(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  return HasPrefixCi(s.substr(s.size() - suffix.size()), suffix);
}

// Where a URL, e-mail address, @handle or #hashtag starting at s[0] ends
// (0 if none starts here). Trailing sentence punctuation is not part of it.
size_t WholeTokenLength(std::string_view s) {
  size_t len = 0;
  if (HasPrefixCi(s, "http://") || HasPrefixCi(s, "https://") ||
      HasPrefixCi(s, "www.") || HasPrefixCi(s, "mailto:")) {
    len = s.size();
  } else if ((s[0] == '@' || s[0] == '#') && s.size() > 1 &&
             (IsAsciiAlpha(s[1]) || s[1] == '_' ||
              (s[0] == '@' && IsAsciiDigit(s[1])) ||
              static_cast<unsigned char>(s[1]) >= 0x80)) {
    len = 1;
    while (len < s.size()) {
      CodePoint c = DecodeAt(s, len);
      if (!(IsWordChar(c.cp) || c.cp == '_')) break;
      len += c.len;
    }
    return len;
  } else {
    size_t at = s.find('@');
    if (at == std::string_view::npos || at == 0) return 0;
    size_t dot = s.find('.', at);
    if (dot == std::string_view::npos || dot + 1 >= s.size()) return 0;
    for (size_t i = 0; i < at; ++i)
      if (!(IsAsciiAlnum(s[i]) || s[i] == '.' || s[i] == '_' || s[i] == '-' ||
            s[i] == '+'))
        return 0;
    len = s.size();
  }
  while (len > 0 && std::string_view(".,;:!?\"')]>").find(s[len - 1]) !=
                        std::string_view::npos) {
    // Keep a closing parenthesis that closes one inside the URL.
    if (s[len - 1] == ')' &&
        s.substr(0, len).find('(') != std::string_view::npos)
      break;
    --len;
  }
  return len;
}

// Emoticons are one token: ":)", ";-)", ":D", "<3".
size_t EmoticonLength(std::string_view s) {
  static constexpr std::string_view kFaces[] = {
      ":-)", ":-(", ";-)", ":-D", ":-P", ":-/", ":)", ":(", ";)", ":D",
      ":P", ":p", ":/", ":|", ":O", ":o", "<3", "=)", "xD", "XD", "^^"};
  for (std::string_view f : kFaces) {
    if (s.substr(0, f.size()) != f) continue;
    if (s.size() == f.size() || !IsAsciiAlnum(s[f.size()])) return f.size();
  }
  return 0;
}

// A run of repeated marks ("!!!", "?!", "**", "----") is one token.
bool IsRunMark(char c) {
  return c == '!' || c == '?' || c == '*' || c == '=' || c == '~' ||
         c == '_' || c == '-' || c == '.';
}
bool SameRun(char a, char b) {
  auto final_mark = [](char c) { return c == '!' || c == '?' || c == '.'; };
  return a == b || (final_mark(a) && final_mark(b));
}

class TokenSink {
 public:
  explicit TokenSink(std::vector<Token>& out) : out_(out) {}
  void Emit(size_t start, size_t end) {
    if (end <= start) return;
    Token t;
    t.span = {static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
    out_.push_back(t);
  }

 private:
  std::vector<Token>& out_;
};

}  // namespace

struct Segmenter::Stores {};

std::unique_ptr<Segmenter> Segmenter::Load(const std::string& path,
                                           std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot open segmenter data";
    return nullptr;
  }
  std::stringstream ss;
  ss << in.rdbuf();
  return FromString(ss.str(), path, error);
}

std::unique_ptr<Segmenter> Segmenter::FromString(std::string_view content,
                                                 std::string_view origin,
                                                 std::string* error) {
  std::unique_ptr<Segmenter> s(new Segmenter());
  s->storage_.assign(content);
  std::string_view text = s->storage_;
  std::unordered_set<std::string_view>* section = nullptr;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (size_t hash = line.find('#'); hash != std::string_view::npos)
      line = line.substr(0, hash);
    size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t' ||
                                 line[i] == '\r'))
        ++i;
      size_t j = i;
      while (j < line.size() && line[j] != ' ' && line[j] != '\t' &&
             line[j] != '\r')
        ++j;
      if (j == i) break;
      std::string_view word = line.substr(i, j - i);
      i = j;
      if (word.front() == '[' && word.back() == ']') {
        std::string_view name = word.substr(1, word.size() - 2);
        if (name == "title") section = &s->title_;
        else if (name == "abbrev") section = &s->abbrev_;
        else if (name == "month") section = &s->month_;
        else if (name == "starter") section = &s->starter_;
        else if (name == "speech") section = &s->speech_;
        else {
          *error = std::string(origin) + ":" + std::to_string(line_no) +
                   ": unknown section [" + std::string(name) + "]";
          return nullptr;
        }
        continue;
      }
      if (!section) {
        *error = std::string(origin) + ":" + std::to_string(line_no) +
                 ": entry before any [section]";
        return nullptr;
      }
      section->insert(word);
    }
  }
  if (s->title_.empty() || s->starter_.empty()) {
    *error = std::string(origin) + ": no [title] or [starter] entries";
    return nullptr;
  }
  return s;
}

bool Segmenter::IsAbbreviation(std::string_view w) const {
  return title_.count(w) || abbrev_.count(w) || month_.count(w) ||
         IsInitialism(w);
}

void Segmenter::Segment(Document& doc) const {
  doc.tokens.clear();
  doc.sentences.clear();
  Tokenize(doc);
  SplitSentences(doc);
  MarkDuplicates(doc);
}

// ---------------------------------------------------------------- tokens

namespace {

// Splits a word core (no outer punctuation) at inner punctuation and
// clitics, emitting the pieces.
void SplitClitics(std::string_view text, size_t a, size_t b, TokenSink& sink) {
  std::string_view w = text.substr(a, b - a);
  size_t cut = 0;
  if (w.size() > 3 && EndsWithCi(w, "n't")) {
    cut = w.size() - 3;
  } else if (w.size() > 2 && (EndsWithCi(w, "'s") || EndsWithCi(w, "'m") ||
                              EndsWithCi(w, "'d"))) {
    cut = w.size() - 2;
  } else if (w.size() > 3 && (EndsWithCi(w, "'re") || EndsWithCi(w, "'ve") ||
                              EndsWithCi(w, "'ll"))) {
    cut = w.size() - 3;
  } else if (w.size() == 6 && HasPrefixCi(w, "cannot")) {
    cut = 3;
  } else if (w.size() == 5 && (HasPrefixCi(w, "gonna") ||
                               HasPrefixCi(w, "wanna") ||
                               HasPrefixCi(w, "gotta"))) {
    cut = 3;
  }
  if (cut > 0) {
    sink.Emit(a, a + cut);
    sink.Emit(a + cut, b);
  } else {
    sink.Emit(a, b);
  }
}

bool IsDigitAt(std::string_view t, size_t i) {
  return i < t.size() && IsAsciiDigit(t[i]);
}

void SplitCore(std::string_view text, size_t a, size_t b, TokenSink& sink) {
  size_t piece = a;
  size_t i = a;
  auto cut_single = [&](size_t at, size_t len) {
    SplitClitics(text, piece, at, sink);
    sink.Emit(at, at + len);
    piece = at + len;
  };
  while (i < b) {
    char c = text[i];
    bool digit_before = i > a && IsAsciiDigit(text[i - 1]);
    bool digit_after = i + 1 < b && IsAsciiDigit(text[i + 1]);
    switch (c) {
      case '/':
      case ',':
      case ':':
        if (!(digit_before && digit_after)) cut_single(i, 1);
        break;
      case '!': case '?': case '*': {
        size_t k = i + 1;
        while (k < b && SameRun(c, text[k])) ++k;
        cut_single(i, k - i);
        i = k;
        continue;
      }
      case ';': case '(': case ')': case '[': case ']': case '{': case '}':
      case '"':
        cut_single(i, 1);
        break;
      case '.':
        if (i + 1 < b && text[i + 1] == '.') {  // "slides....they"
          size_t k = i;
          while (k < b && text[k] == '.') ++k;
          cut_single(i, k - i);
          i = k;
          continue;
        }
        break;
      case '#':
        if (i == piece && digit_after) cut_single(i, 1);  // "#1"
        break;
      case '$':
        if (i == piece && digit_after) cut_single(i, 1);
        break;
      case '%':
        if (digit_before && i + 1 == b) cut_single(i, 1);
        break;
      case '-':
        if (i + 1 < b && text[i + 1] == '-') {  // "--" inside a word
          size_t k = i;
          while (k < b && text[k] == '-') ++k;
          SplitClitics(text, piece, i, sink);
          sink.Emit(i, k);
          piece = k;
          i = k;
          continue;
        }
        break;
      default:
        if (static_cast<unsigned char>(c) >= 0x80) {
          CodePoint cp = DecodeAt(text, i);
          if (IsCurrencySymbol(cp.cp) && i == piece && i + cp.len < b &&
              IsAsciiDigit(text[i + cp.len])) {
            cut_single(i, cp.len);
          } else if (IsPunctuation(cp.cp) && cp.cp != 0xFFFD) {
            cut_single(i, cp.len);
          }
          i += cp.len;
          continue;
        }
        break;
    }
    ++i;
  }
  if (piece < b) SplitClitics(text, piece, b, sink);
}

}  // namespace

void Segmenter::Tokenize(Document& doc) const {
  std::string_view text = doc.text;
  doc.tokens.reserve(text.size() / 5 + 8);
  TokenSink sink(doc.tokens);
  std::vector<std::pair<size_t, size_t>> trailing;
  size_t i = 0;
  const size_t n = text.size();
  while (i < n) {
    CodePoint c = DecodeAt(text, i);
    if (IsSpace(c.cp)) {
      i += c.len;
      continue;
    }
    size_t a = i, b = i;
    while (b < n) {
      CodePoint d = DecodeAt(text, b);
      if (IsSpace(d.cp)) break;
      b += d.len;
    }
    i = b;
    // Whole tokens may start anywhere the leading punctuation ends.
    while (a < b) {
      // Leading punctuation.
      while (a < b) {
        if (size_t face = EmoticonLength(text.substr(a, b - a))) {
          sink.Emit(a, a + face);
          a += face;
          continue;
        }
        char ch = text[a];
        if (ch == '"' || ch == '(' || ch == '[' || ch == '{' || ch == '*' ||
            ch == '<' || ch == '>' ||
            (ch == '\'' && !(a + 1 < b && IsAsciiAlnum(text[a + 1]))) ||
            (ch == '-' && !(a + 1 < b && IsAsciiDigit(text[a + 1])))) {
          size_t k = a + 1;
          if (ch == '-' || ch == '*')
            while (k < b && text[k] == ch) ++k;
          sink.Emit(a, k);
          a = k;
          continue;
        }
        if (static_cast<unsigned char>(ch) >= 0x80) {
          CodePoint cp = DecodeAt(text, a);
          if (IsPunctuation(cp.cp) && !IsCurrencySymbol(cp.cp)) {
            sink.Emit(a, a + cp.len);
            a += cp.len;
            continue;
          }
        }
        break;
      }
      if (a >= b) break;
      if (size_t whole = WholeTokenLength(text.substr(a, b - a))) {
        sink.Emit(a, a + whole);
        a += whole;
        continue;  // what follows is punctuation: tokenize it too
      }
      // Trailing punctuation, peeled right to left.
      trailing.clear();
      size_t e = b;
      while (e > a) {
        char ch = text[e - 1];
        if (ch == '!' || ch == '?' || ch == '.' || ch == '*') {
          size_t k = e - 1;
          while (k > a && SameRun(ch, text[k - 1])) --k;
          if (e - k >= 2 || ch != '.') {
            trailing.emplace_back(k, e);  // "!", "?!", "...", "**"
            e = k;
            continue;
          }
          std::string_view word = text.substr(a, e - a);
          if (e - a > 1 && IsAbbreviation(word)) break;
          trailing.emplace_back(e - 1, e);
          --e;
          continue;
        }
        if (std::string_view("\")]},;:>").find(ch) !=
            std::string_view::npos) {
          trailing.emplace_back(e - 1, e);
          --e;
          continue;
        }
        if (ch == '\'') {
          // "states'" (possessive plural) and closing single quotes.
          trailing.emplace_back(e - 1, e);
          --e;
          continue;
        }
        if (ch == '-' && e - a > 1 && text[e - 2] == '-') {
          size_t k = e;
          while (k > a && text[k - 1] == '-') --k;
          trailing.emplace_back(k, e);
          e = k;
          continue;
        }
        if (static_cast<unsigned char>(ch) >= 0x80) {
          size_t k = e - 1;
          while (k > a && (static_cast<unsigned char>(text[k]) & 0xC0) == 0x80)
            --k;
          CodePoint cp = DecodeAt(text, k);
          if (IsPunctuation(cp.cp) && cp.cp != 0xFFFD) {
            trailing.emplace_back(k, e);
            e = k;
            continue;
          }
        }
        break;
      }
      if (e > a) SplitCore(text, a, e, sink);
      for (auto it = trailing.rbegin(); it != trailing.rend(); ++it)
        sink.Emit(it->first, it->second);
      break;
    }
  }
  for (size_t t = 0; t + 1 < doc.tokens.size(); ++t)
    doc.tokens[t].space_after =
        doc.tokens[t].span.end != doc.tokens[t + 1].span.start;
}

// ------------------------------------------------------------- sentences

namespace {

bool IsClosing(const Document& doc, size_t k) {
  std::string_view f = doc.Form(doc.tokens[k]);
  if (f == ")" || f == "]" || f == "}") return true;
  if (f == "\"" || f == "'") {
    // A quote attached to the word before it closes a quotation.
    return k > 0 && !doc.tokens[k - 1].space_after;
  }
  return false;
}

int NewlinesBetween(const Document& doc, size_t k) {
  if (k + 1 >= doc.tokens.size()) return 2;
  int count = 0;
  for (uint32_t p = doc.tokens[k].span.end; p < doc.tokens[k + 1].span.start;
       ++p)
    count += doc.text[p] == '\n';
  return count;
}

// Hard-wrapped text (old wire copy, e-mail) breaks lines mid-sentence: then a
// single line break is only a space.
bool LooksHardWrapped(std::string_view text) {
  size_t lines = 0, wrapped = 0, pos = 0;
  while (pos < text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
    if (line.empty()) continue;
    ++lines;
    bool next_continues = eol < text.size() && eol + 1 < text.size() &&
                          text[eol + 1] != '\n';
    char last = line.back();
    if (line.size() >= 35 && line.size() <= 100 && next_continues &&
        std::string_view(".!?\"':;").find(last) == std::string_view::npos)
      ++wrapped;
  }
  return wrapped >= 3 && wrapped * 10 >= lines * 3;
}

}  // namespace

bool Segmenter::FollowedBySpeechVerb(const Document& doc, size_t k) const {
  // "...?" Foulkes said. / "...!" the minister told reporters.
  const size_t limit = std::min(doc.tokens.size(), k + 5);
  for (; k < limit; ++k) {
    std::string_view w = doc.Form(doc.tokens[k]);
    if (speech_.count(w)) return true;
    if (!IsUppercase(DecodeAt(w, 0).cp) && w != "'s" && w != "-") return false;
  }
  return false;
}

bool Segmenter::EndsSentence(const Document& doc, size_t i,
                             size_t next) const {
  if (next >= doc.tokens.size()) return true;
  std::string_view word = doc.Form(doc.tokens[i]);
  std::string_view following = doc.Form(doc.tokens[next]);
  CodePoint f = DecodeAt(following, 0);
  const bool closers = next != i + 1;
  const bool final_marks =
      !word.empty() && word.find_first_not_of("!?.") == std::string_view::npos;
  if (IsLowercase(f.cp)) {
    // Informal text starts sentences in lower case; quoted speech ("Why?"
    // she asked) and stray periods ("Safavi. said") do not.
    if (closers || !final_marks) return false;
    if (word.find_first_of("!?") != std::string_view::npos) return true;
    std::string capital(following);
    capital[0] = static_cast<char>(capital[0] - 'a' + 'A');
    return word == "." && starter_.count(capital) > 0 && following != "a" &&
           following != "an";
  }
  if (following == "," || following == ";" || following == ":" ||
      following == ")" || following == "]" || following == "%")
    return false;
  bool opens = following == "\"" || following == "'" || following == "(" ||
               following == "[";
  if (closers && FollowedBySpeechVerb(doc, next)) return false;
  if (word == "." ||
      (final_marks && word.find_first_of("!?") != std::string_view::npos))
    return true;
  if (word.size() >= 2 && word.find_first_not_of('.') == std::string_view::npos) {
    // " ... " between words marks words left out of a quotation; an
    // ellipsis closing a quotation trails off mid-sentence.
    bool elision = i > 0 && doc.tokens[i - 1].space_after;
    return !elision && !closers;
  }
  if (word.size() > 1 && word.back() == '.') {
    if (title_.count(word)) return false;
    if (month_.count(word) && IsAsciiDigit(following[0])) return false;
    if (!IsAbbreviation(word)) return false;
    return opens || starter_.count(following) > 0;
  }
  return false;
}

void Segmenter::SplitSentences(Document& doc) const {
  const size_t n = doc.tokens.size();
  if (n == 0) return;
  const bool wrapped = LooksHardWrapped(doc.text);
  uint32_t paragraph = 0;
  size_t first = 0;
  auto close = [&](size_t last) {
    Sentence s;
    s.first_token = static_cast<uint32_t>(first);
    s.token_count = static_cast<uint32_t>(last + 1 - first);
    s.span = {doc.tokens[first].span.start, doc.tokens[last].span.end};
    s.paragraph = paragraph;
    doc.sentences.push_back(s);
    first = last + 1;
  };
  for (size_t i = 0; i < n; ++i) {
    int newlines = NewlinesBetween(doc, i);
    bool paragraph_break = newlines >= 2 || (newlines == 1 && !wrapped);
    if (paragraph_break) {
      close(i);
      ++paragraph;
      continue;
    }
    std::string_view w = doc.Form(doc.tokens[i]);
    if (w.empty() || (w.back() != '.' && w.back() != '!' && w.back() != '?'))
      continue;
    // Closing quotes and brackets after the final mark stay in the sentence.
    size_t k = i + 1;
    while (k < n && IsClosing(doc, k) && NewlinesBetween(doc, k - 1) == 0) ++k;
    if (!EndsSentence(doc, i, k)) continue;
    i = k - 1;
    int after = NewlinesBetween(doc, i);
    close(i);
    if (after >= 2 || (after == 1 && !wrapped)) ++paragraph;
  }
  if (first < n) close(n - 1);
}

void Segmenter::MarkDuplicates(Document& doc) const {
  // Same token forms in the same order: a repeated sentence.
  std::unordered_map<std::string, uint32_t> seen;
  std::string key;
  for (Sentence& s : doc.sentences) {
    if (s.token_count < 4) continue;
    key.clear();
    for (uint32_t t = 0; t < s.token_count; ++t) {
      key.append(doc.Form(doc.tokens[s.first_token + t]));
      key.push_back(' ');
    }
    auto [it, inserted] = seen.emplace(key, 1);
    if (!inserted) s.duplicate = true;
  }
}

}  // namespace dyad
