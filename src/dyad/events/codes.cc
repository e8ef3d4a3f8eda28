#include "dyad/events/codes.h"

#include "dyad/events/text_util.h"

#include <charconv>
#include <fstream>
#include <sstream>

namespace dyad::events {
namespace {

constexpr std::string_view kPloverTypes[] = {
    "AGREE",   "CONSULT",  "SUPPORT",  "CONCEDE", "COOPERATE", "AID",
    "RETREAT", "REQUEST",  "ACCUSE",   "REJECT",  "THREATEN",  "PROTEST",
    "SANCTION", "MOBILIZE", "COERCE",  "ASSAULT", "OTHER"};

bool IsPlover(std::string_view s) {
  for (std::string_view t : kPloverTypes)
    if (s == t) return true;
  return false;
}

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

// 1..20 for a valid root, else 0.
int RootNumber(std::string_view code) {
  if (code.size() < 2 || !AllDigits(code.substr(0, 2))) return 0;
  int r = (code[0] - '0') * 10 + (code[1] - '0');
  return r >= 1 && r <= 20 ? r : 0;
}

int QuadOfRoot(int root) {
  return root <= 5 ? 1 : root <= 8 ? 2 : root <= 13 ? 3 : 4;
}


}  // namespace

std::string CodeTable::Canonical(std::string_view code) {
  std::string out(code);
  if (out.size() == 2 && RootNumber(out)) out += '0';
  return out;
}

std::unique_ptr<CodeTable> CodeTable::Load(const std::string& path,
                                           std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = path + ": cannot open";
    return nullptr;
  }
  std::stringstream buffer;
  buffer << in.rdbuf();
  return Parse(buffer.str(), path, error);
}

std::unique_ptr<CodeTable> CodeTable::Parse(std::string_view content,
                                            std::string_view origin,
                                            std::string* error) {
  auto table = std::unique_ptr<CodeTable>(new CodeTable);
  int line_no = 0;
  auto fail = [&](const std::string& what) {
    *error = std::string(origin) + ":" + std::to_string(line_no) + ": " + what;
    return nullptr;
  };
  size_t pos = 0;
  while (pos < content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;

    std::vector<std::string_view> f = SplitOn(line, '\t');
    if (f.size() != 5)
      return fail("expected 5 tab-separated fields (code, label, goldstein, "
                  "plover, quad), found " + std::to_string(f.size()));
    CodeInfo info;
    info.code = f[0];
    if (!AllDigits(f[0]) || f[0].size() < 2 || f[0].size() > 4)
      return fail("code '" + info.code + "' is not 2 to 4 digits");
    int root = RootNumber(f[0]);
    if (!root) return fail("code '" + info.code + "' has no root 01..20");
    info.label = f[1];
    if (info.label.empty()) return fail("empty label for " + info.code);
    auto [gend, gerr] =
        std::from_chars(f[2].data(), f[2].data() + f[2].size(), info.goldstein);
    if (gerr != std::errc() || gend != f[2].data() + f[2].size() ||
        info.goldstein < -10 || info.goldstein > 10)
      return fail("Goldstein '" + std::string(f[2]) +
                  "' is not a number in -10..10");
    info.plover = f[3];
    if (!IsPlover(info.plover))
      return fail("unknown PLOVER type '" + info.plover + "'");
    if (f[4].size() != 1 || f[4][0] < '1' || f[4][0] > '4')
      return fail("quad '" + std::string(f[4]) + "' is not 1..4");
    info.quad = f[4][0] - '0';
    if (info.quad != QuadOfRoot(root))
      return fail("quad " + std::string(f[4]) + " does not follow root " +
                  info.root() + " (expected " +
                  std::to_string(QuadOfRoot(root)) + ")");
    if (info.code.size() > 2 && !table->index_.count(info.root()))
      return fail("code " + info.code + " comes before its root row " +
                  info.root());
    if (info.code.size() == 4 && !table->index_.count(info.code.substr(0, 3)))
      return fail("code " + info.code + " comes before its parent " +
                  info.code.substr(0, 3));
    if (!table->index_.emplace(info.code, table->codes_.size()).second)
      return fail("duplicate code " + info.code);
    table->codes_.push_back(std::move(info));
  }
  for (int r = 1; r <= 20; ++r) {
    std::string root = (r < 10 ? "0" : "") + std::to_string(r);
    if (!table->index_.count(root) || !table->index_.count(root + "0")) {
      *error = std::string(origin) + ": root " + root + " or its code " +
               root + "0 is missing";
      return nullptr;
    }
  }
  return table;
}

const CodeInfo* CodeTable::Find(std::string_view code) const {
  auto it = index_.find(Canonical(code));
  return it == index_.end() ? nullptr : &codes_[it->second];
}

const CodeInfo* CodeTable::Root(std::string_view code) const {
  if (code.size() < 2) return nullptr;
  auto it = index_.find(std::string(code.substr(0, 2)));
  return it == index_.end() ? nullptr : &codes_[it->second];
}

}  // namespace dyad::events
