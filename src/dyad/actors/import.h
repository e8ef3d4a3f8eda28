// Importers: convert the actor and agent dictionaries of PETRARCH-2 and
// TABARI into dyad's actor format (dictionary.h), so that users keep the
// lists they have curated.
//
// Both formats: a headword line "MUJAHEDIN-E-KHALQ_(MEK)_ [INTREB]",
// synonyms on "+" lines, codes in brackets after the name or on indented
// lines below it, with optional dates ("[USAGOV 991201-010114]",
// "[IRNGOV >19890604]", "[USRARM <900823]"); agents carry "~" codes
// ("FARMER [~AGR]", plurals in braces, "!PERSON!" substitution sets).
// PETRARCH-2 comments start with '#', TABARI ones with ';'; TABARI's
// <NOUN>/<ADJECTIVE> blocks are skipped. Codes are reduced to dyad's
// country + one role (IRNGOVLEG -> IRNLEG, INTREB -> REB); the original
// code stays in the entry's comment.
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "dyad/actors/dictionary.h"

namespace dyad::actors {

enum class ImportFormat { kPetrarch2, kTabari };

struct ImportOptions {
  ImportFormat format = ImportFormat::kPetrarch2;
  // Leave out headwords whose code is a bare country ("IRAN_ [IRN]" and its
  // cities): for when dyad's own country table is used alongside.
  bool skip_country_names = false;
  // Prefix for entry ids, to keep several imports apart ("phx-").
  std::string id_prefix;
};

struct ImportStats {
  size_t entries = 0, aliases = 0, skipped_codes = 0;
};

// Converts one dictionary file's content. Returns false with *error naming
// origin and line when the file is not a dictionary of that format.
bool ImportDictionary(std::string_view content, std::string_view origin,
                      const ImportOptions& options, std::vector<Entry>* out,
                      ImportStats* stats, std::string* error);

// "IRNGOVLEG" -> "IRNLEG", "IGOUNOIAE" -> "IGOUNOIAE", "INTREB" -> "REB",
// "~GOV" -> "GOV"; empty for a null code ("---").
std::string ConvertCode(std::string_view code);

// "MUJAHEDIN-E-KHALQ_" -> "Mujahedin-e-Khalq" (words of three letters or
// fewer that have no lower-case letters, like "MEK", stay capitals).
std::string ReadableName(std::string_view word);

}  // namespace dyad::actors
