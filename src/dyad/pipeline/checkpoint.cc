#include "dyad/pipeline/checkpoint.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xxhash.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "dyad/ingest/sources.h"

namespace dyad {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[] = "dyad-checkpoint 1";

struct CountField {
  const char* name;
  uint64_t RunStats::*field;
};

constexpr CountField kCounts[] = {
    {"items", &RunStats::items},
    {"documents", &RunStats::documents},
    {"sentences", &RunStats::sentences},
    {"tokens", &RunStats::tokens},
    {"events", &RunStats::events},
    {"repeated", &RunStats::repeated_sentences},
    {"duplicates", &RunStats::duplicate_documents},
    {"rejected", &RunStats::rejected},
    {"warnings", &RunStats::warnings},
    {"skipped", &RunStats::skipped},
};

bool ParseU64(const std::string& s, uint64_t* out) {
  if (s.empty() || s.size() > 20) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

}  // namespace

std::string FormatCounts(const RunStats& stats) {
  std::string out;
  for (const CountField& c : kCounts) {
    if (!out.empty()) out += ' ';
    out += c.name;
    out += '=';
    out += std::to_string(stats.*c.field);
  }
  return out;
}

bool ParseCounts(const std::string& words, RunStats* stats) {
  std::istringstream in(words);
  std::string word;
  while (in >> word) {
    size_t eq = word.find('=');
    uint64_t value;
    if (eq == std::string::npos || !ParseU64(word.substr(eq + 1), &value))
      return false;
    std::string name = word.substr(0, eq);
    for (const CountField& c : kCounts)
      if (name == c.name) stats->*c.field = value;
  }
  return true;
}

bool SyncFile(const std::string& path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  bool ok = ::fsync(fd) == 0;
  ::close(fd);
  return ok;
}

bool SaveCheckpoint(const std::string& path, const Checkpoint& cp,
                    std::string* error) {
  std::string text = std::string(kMagic) + "\nkey " + cp.key +
                     "\nnext " + std::to_string(cp.next_item) +
                     "\noutput " + std::to_string(cp.output_bytes) +
                     "\nindex " + std::to_string(cp.index_bytes) +
                     "\ncomplete " + (cp.complete ? "1" : "0") +
                     "\ncounts " + FormatCounts(cp.stats) +
                     "\nlast " + cp.last + "\n";
  const std::string temp = path + ".tmp";
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) {
    *error = "cannot write " + temp;
    return false;
  }
  size_t done = 0;
  while (done < text.size()) {
    ssize_t n = ::write(fd, text.data() + done, text.size() - done);
    if (n <= 0) break;
    done += static_cast<size_t>(n);
  }
  bool ok = done == text.size() && ::fsync(fd) == 0;
  ok = ::close(fd) == 0 && ok;
  if (!ok || std::rename(temp.c_str(), path.c_str()) != 0) {
    *error = "cannot write " + path;
    return false;
  }
  // Make the rename itself durable.
  fs::path dir = fs::path(path).parent_path();
  SyncFile(dir.empty() ? "." : dir.string());
  return true;
}

bool LoadCheckpoint(const std::string& path, Checkpoint* cp, std::string* error) {
  error->clear();
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::string line;
  size_t line_no = 0;
  auto fail = [&](const std::string& why) {
    *error = path + ":" + std::to_string(line_no) + ": " + why;
    return false;
  };
  bool seen_magic = false, seen_next = false;
  while (std::getline(in, line)) {
    ++line_no;
    if (line_no == 1) {
      if (line != kMagic) return fail("not a dyad checkpoint");
      seen_magic = true;
      continue;
    }
    size_t sp = line.find(' ');
    std::string field = line.substr(0, sp);
    std::string value = sp == std::string::npos ? "" : line.substr(sp + 1);
    bool ok = true;
    if (field == "key") cp->key = value;
    else if (field == "next") ok = seen_next = ParseU64(value, &cp->next_item);
    else if (field == "output") ok = ParseU64(value, &cp->output_bytes);
    else if (field == "index") ok = ParseU64(value, &cp->index_bytes);
    else if (field == "complete") cp->complete = value == "1";
    else if (field == "counts") ok = ParseCounts(value, &cp->stats);
    else if (field == "last") cp->last = value;
    if (!ok) return fail("malformed " + field);
  }
  if (!seen_magic) return fail("empty checkpoint");
  if (!seen_next) return fail("no \"next\" line");
  return true;
}

std::string InputsKey(const std::vector<std::string>& paths,
                      const std::string& settings, bool with_mtime) {
  Reporter silent(nullptr);
  std::vector<std::string> files = ListInputs(paths, silent);
  XXH64_state_t* state = XXH64_createState();
  XXH64_reset(state, 0);
  auto add = [&](const std::string& s) {
    XXH64_update(state, s.data(), s.size());
    XXH64_update(state, "\n", 1);
  };
  add(settings);
  for (const std::string& f : files) {
    struct stat st {};
    add(f);
    if (::stat(f.c_str(), &st) != 0) continue;
    std::string facts = std::to_string(st.st_size);
    if (with_mtime)
      facts += " " + std::to_string(st.st_mtim.tv_sec) + "." +
               std::to_string(st.st_mtim.tv_nsec);
    add(facts);
  }
  if (paths.empty()) add("<stdin>");
  uint64_t h = XXH64_digest(state);
  XXH64_freeState(state);
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

}  // namespace dyad
