#include <string_view>

#include "dyad/ingest/formats.h"

namespace dyad {

namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' ||
                        s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

bool IsHeaderKey(std::string_view key) {
  return key == "title" || key == "url" || key == "date" || key == "source" ||
         key == "id";
}

}  // namespace

void ParseText(const InputFile& in, Reporter& report, const DocumentSink& sink) {
  (void)report;
  std::string_view bytes = in.bytes;
  if (bytes.size() >= 3 && bytes.substr(0, 3) == "\xEF\xBB\xBF")
    bytes.remove_prefix(3);  // byte order mark
  Document doc;
  doc.id = in.stem;
  doc.origin = in.name;
  // A header is a run of `key: value` lines with known keys, ended by "---".
  size_t pos = 0;
  size_t body_start = 0;
  bool header = false;
  Document meta;
  while (pos < bytes.size()) {
    size_t eol = bytes.find('\n', pos);
    if (eol == std::string_view::npos) eol = bytes.size();
    std::string_view line = Trim(bytes.substr(pos, eol - pos));
    size_t next = eol + 1;
    if (line == "---") {
      header = pos > 0;
      body_start = next;
      break;
    }
    size_t colon = line.find(':');
    if (colon == std::string_view::npos) break;
    std::string key(Trim(line.substr(0, colon)));
    for (char& c : key) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!IsHeaderKey(key)) break;
    std::string value(Trim(line.substr(colon + 1)));
    if (key == "title") meta.title = value;
    else if (key == "url") meta.url = value;
    else if (key == "date") meta.date = value;
    else if (key == "source") meta.source = value;
    else if (key == "id") meta.id = value;
    pos = next;
  }
  if (header) {
    doc.title = std::move(meta.title);
    doc.url = std::move(meta.url);
    doc.date = std::move(meta.date);
    doc.source = std::move(meta.source);
    if (!meta.id.empty()) doc.id = std::move(meta.id);
    bytes.remove_prefix(std::min(body_start, bytes.size()));
  }
  doc.original.assign(bytes);
  sink(std::move(doc));
}

}  // namespace dyad
