// Readers for the input formats dyad accepts. Each takes the bytes of one
// input file (already decompressed) and hands every document it finds to a
// sink, in the order they appear. A malformed record is reported (naming the
// file and line) and skipped; the rest of the file is still read.
//
//  .txt    optional header of `key: value` lines (title, url, date, source,
//          id) ended by a line `---`, then the body; no header: all body.
//          The document id is the file stem unless the header gives one.
//  .jsonl  one JSON object a line: {"id","date","title","url","source",
//  .ndjson  "text"}; only "text" is required.
//  .sgm    Reuters-21578 SGML: one document per <REUTERS> record with a
//          <BODY> (dateline + body), id "r" + NEWID, date from <DATE>.
//  .html   the article text of a web page (scripts, navigation, sidebars and
//          footers dropped), title from <h1> or <title>, date from the
//          article:published_time / datePublished meta tags.
//
// The documents come out with metadata and `original` set; Prepare()
// (prepare.h) normalizes them. Thread safety: pure functions.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "dyad/doc/document.h"
#include "dyad/ingest/report.h"

namespace dyad {

using DocumentSink = std::function<void(Document&&)>;

enum class Format { kText, kJsonLines, kHtml, kReutersSgml };

struct InputFile {
  std::string name;   // path as given, for messages and origins
  std::string stem;   // file name without directories and extensions
  Format format = Format::kText;
  std::string bytes;  // decompressed content
};

void ParseText(const InputFile& in, Reporter& report, const DocumentSink& sink);
void ParseJsonLines(const InputFile& in, Reporter& report,
                    const DocumentSink& sink);
void ParseHtml(const InputFile& in, Reporter& report, const DocumentSink& sink);
void ParseReutersSgml(const InputFile& in, Reporter& report,
                      const DocumentSink& sink);

// Dispatches on in.format.
void ParseInput(const InputFile& in, Reporter& report, const DocumentSink& sink);

}  // namespace dyad
