// Reuters-21578 SGML (.sgm): many <REUTERS NEWID="..."> records a file.
// The document text is the dateline followed by the body, entities decoded,
// the closing "Reuter" signature dropped; lines stay as wrapped (the
// segmenter recognizes hard-wrapped text). Records without a <BODY> are
// headline-only briefs and are not documents.
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

#include "dyad/ingest/formats.h"

namespace dyad {

namespace {

std::string_view Between(std::string_view s, std::string_view open,
                         std::string_view close) {
  size_t a = s.find(open);
  if (a == std::string_view::npos) return {};
  a += open.size();
  size_t b = s.find(close, a);
  if (b == std::string_view::npos) return {};
  return s.substr(a, b - a);
}

std::string DecodeEntities(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '&') {
      out.push_back(s[i]);
      continue;
    }
    size_t semi = s.find(';', i);
    if (semi == std::string_view::npos || semi - i > 8) {
      out.push_back('&');
      continue;
    }
    std::string_view name = s.substr(i + 1, semi - i - 1);
    if (name == "lt") out.push_back('<');
    else if (name == "gt") out.push_back('>');
    else if (name == "amp") out.push_back('&');
    else if (name == "quot") out.push_back('"');
    else if (!name.empty() && name[0] == '#') {
      // Numeric entities here are control characters (&#3; ends a story).
      int code = std::atoi(std::string(name.substr(1)).c_str());
      if (code >= 32 && code < 127) out.push_back(static_cast<char>(code));
    } else {
      out.append(s.substr(i, semi - i + 1));
    }
    i = semi;
  }
  return out;
}

const char* const kMonths[] = {"JAN", "FEB", "MAR", "APR", "MAY", "JUN",
                               "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"};

// "26-FEB-1987 15:01:01.79" -> "1987-02-26".
std::string ParseReutersDate(std::string_view s) {
  while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
  size_t dash = s.find('-');
  if (dash == 0 || dash > 2 || s.size() < dash + 9 || s[dash + 4] != '-')
    return {};
  int day = std::atoi(std::string(s.substr(0, dash)).c_str());
  std::string_view month = s.substr(dash + 1, 3);
  std::string_view year = s.substr(dash + 5, 4);
  for (int m = 0; m < 12; ++m)
    if (month == kMonths[m]) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.4s-%02d-%02d", year.data(), m + 1, day);
      return buf;
    }
  return {};
}

// One <REUTERS ...> record without its closing tag.
void ParseRecord(std::string_view record, const std::string& where,
                 const DocumentSink& sink) {
  std::string_view newid = Between(record, "NEWID=\"", "\"");
  size_t body_open = record.find("<BODY>");
  if (body_open == std::string_view::npos) return;  // headline-only brief
  std::string_view body = Between(record, "<BODY>", "</BODY>");
  Document doc;
  doc.id = newid.empty() ? std::string() : "r" + std::string(newid);
  doc.origin = where;
  doc.source = "reuters-21578";
  doc.date = ParseReutersDate(Between(record, "<DATE>", "</DATE>"));
  doc.title = DecodeEntities(Between(record, "<TITLE>", "</TITLE>"));
  std::string dateline = DecodeEntities(Between(record, "<DATELINE>", "</DATELINE>"));
  size_t first = dateline.find_first_not_of(' ');
  std::string text = first == std::string::npos ? "" : dateline.substr(first);
  text += DecodeEntities(body);
  // Drop the closing signature line "Reuter" / "REUTER".
  while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
    text.pop_back();
  for (std::string_view sig : {"Reuter", "REUTER"})
    if (text.size() >= sig.size() &&
        std::string_view(text).substr(text.size() - sig.size()) == sig)
      text.resize(text.size() - sig.size());
  while (!text.empty() && (text.back() == '\n' || text.back() == ' '))
    text.pop_back();
  doc.original = std::move(text);
  sink(std::move(doc));
}

}  // namespace

void ReadReutersSgml(Chunker& in, const std::string& name, Reporter& report,
                     const DocumentSink& sink) {
  static constexpr std::string_view kClose = "</REUTERS>";
  std::string_view record;
  while (in.SkipTo("<REUTERS")) {
    const std::string where = name + ":" + std::to_string(in.line());
    in.Next(kClose, &record);
    if (record.size() < kClose.size() ||
        record.substr(record.size() - kClose.size()) != kClose) {
      report.Reject(where, "unterminated <REUTERS> record");
      break;
    }
    record.remove_suffix(kClose.size());
    ParseRecord(record, where, sink);
  }
}

void ParseReutersSgml(const InputFile& in, Reporter& report,
                      const DocumentSink& sink) {
  StringByteReader bytes(in.bytes);
  Chunker chunks(bytes);
  ReadReutersSgml(chunks, in.name, report, sink);
}

}  // namespace dyad
