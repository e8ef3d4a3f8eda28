#include <simdjson.h>

#include <string>

#include "dyad/ingest/formats.h"
#include "dyad/normalize/normalizer.h"

namespace dyad {

namespace {

// Reads one field's value as text: strings as themselves, numbers as their
// JSON spelling (ids are sometimes numeric), null as empty.
bool ValueAsText(simdjson::dom::element value, std::string* out) {
  switch (value.type()) {
    case simdjson::dom::element_type::STRING:
      out->assign(std::string_view(value));
      return true;
    case simdjson::dom::element_type::INT64:
      *out = std::to_string(int64_t(value));
      return true;
    case simdjson::dom::element_type::UINT64:
      *out = std::to_string(uint64_t(value));
      return true;
    case simdjson::dom::element_type::NULL_VALUE:
      out->clear();
      return true;
    default:
      return false;
  }
}

}  // namespace

void ReadJsonLines(Chunker& in, const std::string& name, Reporter& report,
                   const DocumentSink& sink) {
  simdjson::dom::parser parser;
  std::string_view line;
  std::string repaired;
  for (;;) {
    const size_t line_no = in.line();
    if (!in.Next("\n", &line)) break;
    if (!line.empty() && line.back() == '\n') line.remove_suffix(1);
    if (line_no == 1 && line.size() >= 3 && line.substr(0, 3) == "\xEF\xBB\xBF")
      line.remove_prefix(3);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' '))
      line.remove_suffix(1);
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    const std::string where = name + ":" + std::to_string(line_no);
    if (!simdjson::validate_utf8(line.data(), line.size())) {
      repaired = RepairUtf8(line);
      report.Warn(where, "invalid UTF-8 bytes replaced by U+FFFD");
      line = repaired;
    }
    simdjson::dom::element json;
    if (auto err = parser.parse(line.data(), line.size()).get(json)) {
      report.Reject(where, std::string("malformed JSON: ") +
                               simdjson::error_message(err));
      continue;
    }
    simdjson::dom::object object;
    if (json.get_object().get(object)) {
      report.Reject(where, "not a JSON object");
      continue;
    }
    Document doc;
    bool has_text = false;
    std::string bad_field;
    for (auto [key, value] : object) {
      std::string* target = nullptr;
      if (key == "text") {
        target = &doc.original;
        has_text = true;
      } else if (key == "id") target = &doc.id;
      else if (key == "date") target = &doc.date;
      else if (key == "title") target = &doc.title;
      else if (key == "url") target = &doc.url;
      else if (key == "source") target = &doc.source;
      if (target == &doc.original && !value.is_string()) {
        bad_field = "text";
        break;
      }
      if (target && !ValueAsText(value, target)) {
        bad_field.assign(key);
        break;
      }
    }
    if (!bad_field.empty()) {
      report.Reject(where, "field \"" + bad_field + "\" has the wrong type");
      continue;
    }
    if (!has_text) {
      report.Reject(where, "no \"text\" field");
      continue;
    }
    doc.origin = where;
    sink(std::move(doc));
  }
}

void ParseJsonLines(const InputFile& in, Reporter& report,
                    const DocumentSink& sink) {
  StringByteReader bytes(in.bytes);
  Chunker chunks(bytes);
  ReadJsonLines(chunks, in.name, report, sink);
}

}  // namespace dyad
