// The CAMEO event code table: for each code its label, Goldstein score,
// PLOVER type and QuadClass. Read from data/cameo/codes.tsv (format and
// sources in data/cameo/README.md).
//
// Codes are strings, never numbers: "010" (make statement) is not "10"
// (the root DEMAND). A root may be written with two digits ("04") or as its
// general three-digit code ("040"); both mean the same event, and Find()
// returns the three-digit row for either, so every event dyad emits
// carries a three- or four-digit code. The two-digit rows hold the root's
// name ("CONSULT") and are reached with Root().
//
// Thread safety: a loaded CodeTable is immutable; any thread may read it.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace dyad::events {

struct CodeInfo {
  std::string code;     // "111", "0214", or a root "11"
  std::string label;    // "Criticize or denounce"
  std::string plover;   // "ACCUSE", or "OTHER" for plain statements
  double goldstein = 0; // -10 .. +10
  int quad = 0;         // 1 verbal coop, 2 material coop, 3 verbal conflict,
                        // 4 material conflict; follows the root
  std::string root() const { return code.substr(0, 2); }
};

class CodeTable {
 public:
  // Reads a codes.tsv file. Returns null on failure with *error =
  // "path:line: what is wrong" (or "path: ..." for file-level problems).
  static std::unique_ptr<CodeTable> Load(const std::string& path,
                                         std::string* error);
  // The same from text already in memory; `origin` names it in messages.
  static std::unique_ptr<CodeTable> Parse(std::string_view content,
                                          std::string_view origin,
                                          std::string* error);

  // The row for a 3- or 4-digit code; a 2-digit root ("04") gives its
  // general code's row ("040"). Null for an unknown code. The pointer
  // lives as long as the table.
  const CodeInfo* Find(std::string_view code) const;
  // The root's own row ("04" or "040" -> {"04", "CONSULT", ...}); null if
  // the code's first two digits are not a root.
  const CodeInfo* Root(std::string_view code) const;

  // "04" -> "040"; any other string unchanged.
  static std::string Canonical(std::string_view code);

  // All rows in file order (roots included).
  const std::vector<CodeInfo>& codes() const { return codes_; }

 private:
  std::vector<CodeInfo> codes_;
  std::unordered_map<std::string, size_t> index_;
};

}  // namespace dyad::events
