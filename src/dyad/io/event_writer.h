// Writes a document's events as JSON Lines, one event a line, in the
// schema README.md documents. Offsets are bytes into the original text.
// Thread safety: pure function.
#pragma once

#include <string>

#include "dyad/doc/document.h"

namespace dyad {

// Appends one line per event of `doc` (events of repeated sentences are
// never coded, so never written) to *out.
void AppendEventLines(const Document& doc, std::string* out);

}  // namespace dyad
