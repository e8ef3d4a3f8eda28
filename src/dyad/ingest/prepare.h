// Prepare: the per-document part of ingest, run after a reader produced a
// Document with metadata and `original`: checks it is usable, normalizes the
// text (keeping the byte map), validates the date, gives documents without
// an id a stable content id, and identifies the language.
//
// Thread safety: pure function of the document; safe from any thread.
#pragma once

#include <string>

#include "dyad/doc/document.h"
#include "dyad/ingest/report.h"

namespace dyad {

struct PrepareOptions {
  bool english_only = true;  // skip documents cld2 reliably finds non-English
};

enum class PrepareResult { kOk, kRejected, kSkipped };

PrepareResult Prepare(Document& doc, Reporter& report,
                      const PrepareOptions& options);

// "YYYY-MM-DD" from a date or date-time in ISO form ("2025-01-18",
// "2025-01-18T09:30:00Z"); empty if it is not one (or not a real date).
std::string ParseIsoDate(std::string_view value);

// Stable id from content: "h" + 16 hex digits of xxh64 of the text.
std::string ContentId(std::string_view text);

// Human-readable location of a document for messages: origin and id.
std::string Where(const Document& doc);

}  // namespace dyad
