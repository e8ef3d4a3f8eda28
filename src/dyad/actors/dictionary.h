// Actor dictionaries: the text format people read and edit (data/actors/),
// parsed into entries. The format is described in data/actors/README.md;
// in short, one entry per entity:
//
//   entry: mek
//   kind: organization
//   code: IRNOPP
//   names: MEK | MKO | People's Mojahedin Organization of Iran
//   refer: group | organization
//
// Kinds: country (names, adjectives, demonyms, capitals of one state),
// organization and person (names and date-bounded codes), agent (common
// nouns that give a role: "army" MIL, "spokesperson" GOV), modifier
// ("former": forces ELI), filler (words that may sit inside an actor
// phrase without changing it: "senior", "two", "thousands") and common
// (capitalized words that are not names: "The", "Monday", "However").
//
// Thread safety: a loaded ActorDictionary is immutable and may be read from
// any thread. Entries refer to nothing outside the dictionary.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dyad::actors {

enum class EntryKind : uint8_t {
  kCountry, kOrganization, kPerson, kAgent, kModifier, kFiller, kCommon, kGathering
};
std::string_view EntryKindName(EntryKind kind);

// An actor code valid from `from` (inclusive) to `to` (exclusive); empty
// bounds are open. Dates are YYYY-MM-DD (a bare year or year-month is
// padded when parsed).
struct DatedCode {
  std::string code;  // "IRNGOV", "IGOUNO", "GBRELI"
  std::string from, to;
  bool undated() const { return from.empty() && to.empty(); }
};

struct Entry {
  std::string id;
  EntryKind kind = EntryKind::kOrganization;
  std::string country;              // ISO alpha-3 (country entries, homes)
  std::string role;                 // agent: role it gives ("" = none)
  std::vector<DatedCode> codes;     // organizations, persons, countries
  std::vector<std::string> names, adjectives, demonyms, capitals, nouns;
  std::vector<std::string> refer;   // head nouns a description may use
  // gathering: verbs whose doer held it ("organized"), hosted it
  // ("hosted"), and words after which "the conference" is no actor ("at").
  std::vector<std::string> held_by, hosted_by, not_after;
  std::string marks;                // modifier: the role it forces (ELI)
  char gender = 0;                  // person: 'f', 'm' or 0 (unknown)
  bool weak = false;                // agent: yields to a stronger role
  bool person = false;              // agent: denotes a person
  bool place = false;               // agent: a place ("town"), not after "in"
  bool protester = false;           // agent: PRO in a protest ("supporters")
  bool home = true;                 // agent: may take the document's home country
  bool state = false;               // agent: a state named nearby ("the country")
  bool abroad = false;              // agent: posted abroad ("the embassy in X")
  bool quantity = false;            // filler: may be followed by "of"
  bool plural = true;               // add plurals of nouns and adjectives
  std::string comment;              // free text kept by importers
  std::string origin;               // "file:line" of the entry line

  // The code that applies on `date` (YYYY-MM-DD, or empty for "now"): the
  // first dated code covering the date, else the undated one, else, for a
  // date outside every dated code, the country of the closest one + ELI
  // (a former office holder). Empty if the entry has no code.
  std::string CodeAt(std::string_view date) const;
};

// Splits a code into country and role: "IRNGOV" -> IRN, GOV; "IGOUNO" ->
// "", IGO; "USA" -> USA, GOV; "ELI" -> "", ELI.
void SplitCode(std::string_view code, std::string* country, std::string* role);

// True for the 20 primary roles (GOV MIL ... UNK).
bool IsRole(std::string_view role);

class ActorDictionary {
 public:
  // Parses one file's content; `origin` names it in messages. Appends to
  // the entries already loaded. On a syntax error returns false with
  // *error = "origin:line: what is wrong"; nothing is appended.
  bool Parse(std::string_view content, std::string_view origin,
             std::string* error);
  // Loads every *.actors file of `dir`, in file-name order (earlier files
  // win when two entries share an alias). False with *error on failure.
  bool LoadDirectory(const std::string& dir, std::string* error);

  const std::vector<Entry>& entries() const { return entries_; }
  std::vector<Entry>& mutable_entries() { return entries_; }
  // Sources read, with an FNV-1a hash of their bytes (for images, reports).
  uint64_t source_hash() const { return source_hash_; }

 private:
  std::vector<Entry> entries_;
  uint64_t source_hash_ = 1469598103934665603ull;
};

// Writes entries in the text format (used by importers); Parse() of the
// result gives the same entries back.
std::string FormatEntries(const std::vector<Entry>& entries);

}  // namespace dyad::actors
