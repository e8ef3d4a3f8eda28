#include "dyad/actors/unknown_names.h"

#include <algorithm>
#include <unordered_set>

namespace dyad::actors {

void UnknownNames::Add(const Document& doc) {
  std::unordered_set<std::string> seen;
  for (const Mention& m : doc.mentions) {
    if (!m.code.empty() || m.kind != Mention::Kind::kNamed) continue;
    std::string name;
    for (char c : doc.Text(m.span)) {
      if (c == '\n' || c == '\t' || c == ' ') {
        if (!name.empty() && name.back() != ' ') name.push_back(' ');
      } else {
        name.push_back(c);
      }
    }
    // "The Zarvanian Liberation Council": curators add the name itself.
    for (const char* det : {"The ", "the "})
      if (name.rfind(det, 0) == 0) name.erase(0, 4);
    Row& row = rows_[name];
    if (row.name.empty()) {
      row.name = name;
      row.example = doc.origin.empty() ? doc.id : doc.origin;
    }
    ++row.count;
    if (seen.insert(name).second) ++row.documents;
  }
}

std::vector<UnknownNames::Row> UnknownNames::Top(size_t limit) const {
  std::vector<Row> rows;
  rows.reserve(rows_.size());
  for (const auto& [name, row] : rows_) rows.push_back(row);
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) {
    if (a.count != b.count) return a.count > b.count;
    return a.name < b.name;
  });
  if (limit && rows.size() > limit) rows.resize(limit);
  return rows;
}

}  // namespace dyad::actors
