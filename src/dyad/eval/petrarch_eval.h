// PETRARCH-2's unit-test records as a peer test suite.
//
// PETR.UnitTest.records.xml holds stylised sentences ("Arnor is about to
// restore full diplomatic ties with Gondor") with the events PETRARCH-2 must
// code for them, using small validation dictionaries of fictional actors
// (ARN = Arnor, GON = Gondor, ...): PETR.Validate.actors.txt and
// PETR.Validate.agents.txt. EvaluatePetrarch() builds a temporary data
// directory that is the shipped one with its actors/ replaced by those
// dictionaries (converted in-process by dyad's PETRARCH-2 importer), codes
// every record's text with the full pipeline on the record's date (the
// PTB <Parse> is ignored: dyad parses itself), and counts how many expected
// events dyad codes.
//
// Matching is one-to-one within a record (maximum bipartite matching), at
// two levels: same source, same target and same CAMEO root; and the same
// with the exact event code. See ActorCodeMatches() in the .cc for how a
// PETRARCH actor code is compared with a dyad mention.
//
// Thread safety: functions are independent.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/doc/document.h"

namespace dyad {

// One <EventCoding sourcecode=... targetcode=... eventcode=...>; the values
// are as written, a quoted phrase ('"INJURY TOLL"') included.
struct PetrarchCoding {
  std::string source, target, code;
};

struct PetrarchRecord {
  std::string id, date, category;  // date as written: "19950101"
  std::string text;                // <Text>, entities decoded, whitespace folded
  std::vector<PetrarchCoding> expected;
  bool noevents = false;           // <EventCoding noevents="True">
  std::string error;               // <EventCoding error="...">: a record
                                   // PETRARCH must refuse (dateline, discard)
};

// Reads the <Sentence> records of a PETRARCH validation file; XML comments
// are skipped, attributes may use either quote and spaces around '='.
// False with *error when a record is not closed or has no <Text>.
bool ReadPetrarchRecords(std::string_view xml, std::vector<PetrarchRecord>* out,
                         std::string* error);

struct PetrarchEvalOptions {
  std::string data_dir;         // shipped data directory (FindDataDir rules)
  std::string dictionaries_dir; // PETR.Validate.*; empty: ../dictionaries
                                // next to the records file's directory
  // Add dyad's shipped 00-words.actors (determiners, fillers, modifiers,
  // common capitalised words) and 60-agents.actors after the validation
  // agents, which are too thin for running text (no "spokesman", "forces").
  // The validation dictionaries come first and win on shared names.
  bool dyad_agents = true;
  bool keep_data_dir = false;   // leave the temporary data directory behind
};

struct PetrarchScore {
  uint64_t records = 0;            // <Sentence> records coded
  uint64_t expected = 0;           // expected events (sourcecode/targetcode/eventcode)
  uint64_t expected_phrase = 0;    //   of which with a quoted phrase as actor
  uint64_t expected_nonstandard = 0;  // of which with a code outside CAMEO
                                      // roots 01-20 (the suite's 9xx test codes)
  uint64_t matched_root = 0;       // source + target + CAMEO root
  uint64_t matched_exact = 0;      // source + target + exact code
  uint64_t coded = 0;              // events dyad coded, all records
  uint64_t noevent_records = 0;    // records expecting no event (noevents/error)
  uint64_t noevent_clean = 0;      //   of which dyad coded nothing
  std::string data_dir_used;       // the temporary data directory
};

// Codes `records_path` and fills *score. If `details` is not null, every
// record with a missed expected event or an unmatched coded event (root
// level) is described there. False with *error on unreadable input or a
// data directory that fails to load.
bool EvaluatePetrarch(const std::string& records_path,
                      const PetrarchEvalOptions& options, PetrarchScore* score,
                      std::string* details, std::string* error);

// True when `mention` (nullptr: the event has no such actor) stands for
// the PETRARCH actor code `expected`. Exposed for tests.
bool ActorCodeMatches(std::string_view expected, const Mention* mention);

}  // namespace dyad
