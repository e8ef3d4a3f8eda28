#include "dyad/syntax/conllu.h"

#include <charconv>
#include <fstream>
#include <sstream>

namespace dyad::syntax {
namespace {

void SplitTabs(std::string_view line, std::vector<std::string_view>* cols) {
  cols->clear();
  size_t start = 0;
  while (true) {
    size_t tab = line.find('\t', start);
    if (tab == std::string_view::npos) {
      cols->push_back(line.substr(start));
      return;
    }
    cols->push_back(line.substr(start, tab - start));
    start = tab + 1;
  }
}

}  // namespace

std::string FoldQuotes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    // U+2018..U+201F are E2 80 98..9F in UTF-8.
    if (i + 2 < s.size() && static_cast<uint8_t>(s[i]) == 0xE2 &&
        static_cast<uint8_t>(s[i + 1]) == 0x80) {
      uint8_t c = static_cast<uint8_t>(s[i + 2]);
      if (c >= 0x98 && c <= 0x9B) {
        out.push_back('\'');
        i += 2;
        continue;
      }
      if (c >= 0x9C && c <= 0x9F) {
        out.push_back('"');
        i += 2;
        continue;
      }
    }
    out.push_back(s[i]);
  }
  return out;
}

bool ParseConllu(std::string_view text, std::vector<ConlluSentence>* out,
                 std::string* error) {
  ConlluSentence current;
  std::vector<std::string_view> cols;
  size_t line_no = 0;
  size_t pos = 0;
  auto flush = [&]() {
    if (!current.words.empty()) out->push_back(std::move(current));
    current = ConlluSentence();
  };
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      flush();
      if (nl == text.size()) break;
      continue;
    }
    if (line[0] == '#') {
      constexpr std::string_view kId = "# sent_id = ";
      if (line.substr(0, kId.size()) == kId) {
        current.id = std::string(line.substr(kId.size()));
      }
      continue;
    }
    SplitTabs(line, &cols);
    if (cols.size() != 10) {
      *error = "line " + std::to_string(line_no) + ": expected 10 columns";
      return false;
    }
    std::string_view id = cols[0];
    if (id.find_first_of("-.") != std::string_view::npos) continue;
    int id_num = 0, head = 0;
    auto r1 = std::from_chars(id.data(), id.data() + id.size(), id_num);
    auto r2 = std::from_chars(cols[6].data(), cols[6].data() + cols[6].size(),
                              head);
    if (r1.ec != std::errc() || r2.ec != std::errc() ||
        id_num != static_cast<int>(current.words.size()) + 1) {
      *error = "line " + std::to_string(line_no) + ": bad ID or HEAD";
      return false;
    }
    ConlluWord w;
    w.form = FoldQuotes(cols[1]);
    w.lemma = FoldQuotes(cols[2]);
    w.upos = std::string(cols[3]);
    w.xpos = std::string(cols[4]);
    w.head = head - 1;
    w.deprel = std::string(cols[7]);
    current.words.push_back(std::move(w));
    if (nl == text.size()) break;
  }
  flush();
  for (const auto& s : *out) {
    for (const auto& w : s.words) {
      if (w.head < -1 || w.head >= static_cast<int>(s.words.size())) {
        *error = "sentence " + s.id + ": head out of range";
        return false;
      }
    }
  }
  return true;
}

bool ReadFileBytes(const std::string& path, std::string* data,
                   std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = "cannot open " + path;
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  *data = std::move(ss).str();
  return true;
}

bool ReadConllu(const std::string& path, std::vector<ConlluSentence>* out,
                std::string* error) {
  std::string data;
  if (!ReadFileBytes(path, &data, error)) return false;
  if (!ParseConllu(data, out, error)) {
    *error = path + ": " + *error;
    return false;
  }
  return true;
}

}  // namespace dyad::syntax
