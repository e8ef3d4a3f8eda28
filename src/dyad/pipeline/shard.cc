#include "dyad/pipeline/shard.h"

#include <filesystem>
#include <memory>
#include <queue>

#include "dyad/pipeline/checkpoint.h"

namespace dyad {

namespace fs = std::filesystem;

namespace {

constexpr char kMagic[] = "dyad-shard-index 1";

bool ParseU64(std::string_view s, uint64_t* out) {
  if (s.empty() || s.size() > 20) return false;
  uint64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint64_t>(c - '0');
  }
  *out = v;
  return true;
}

// One record of an index: an item, or the end line.
struct Record {
  bool end = false;
  uint64_t ordinal = 0, output_bytes = 0;
  std::string messages;
  RunStats stats;  // of the end line
};

// Reads one shard's index (and, when merging, its output) record by record.
class ShardReader {
 public:
  bool Open(const std::string& output, std::string* error) {
    output_ = output;
    path_ = IndexPath(output);
    index_.open(path_, std::ios::binary);
    if (!index_) return Fail("cannot read the shard index (was it written "
                             "with --shard?)", error);
    std::string line;
    std::getline(index_, line);
    ++line_;
    if (line != kMagic) return Fail("not a dyad shard index", error);
    std::getline(index_, line);
    ++line_;
    if (line.rfind("key ", 0) != 0) return Fail("no key line", error);
    key_ = line.substr(4);
    std::getline(index_, line);
    ++line_;
    if (line.rfind("shard ", 0) != 0 ||
        !ParseShard(line.substr(6), &shard_index_, &shard_count_))
      return Fail("no shard line", error);
    return true;
  }
  bool OpenOutput(std::string* error) {
    data_.open(output_, std::ios::binary);
    if (!data_) {
      *error = output_ + ": cannot read";
      return false;
    }
    return true;
  }
  // The next record; false at the end of the file or on an error.
  bool Next(Record* r, std::string* error) {
    std::string line;
    if (!std::getline(index_, line)) {
      if (!error->empty()) return false;
      return Fail("incomplete: no end line (the shard did not finish; "
                  "run it again with --resume)", error);
    }
    ++line_;
    *r = Record();
    if (line.rfind("end ", 0) == 0) {
      r->end = true;
      if (!ParseCounts(line.substr(4), &r->stats)) return Fail("bad end line", error);
      return true;
    }
    std::string_view v(line);
    uint64_t message_bytes = 0;
    size_t a = v.find(' '), b = v.find(' ', a + 1), c = v.find(' ', b + 1);
    if (v.substr(0, a) != "item" || c == std::string_view::npos ||
        !ParseU64(v.substr(a + 1, b - a - 1), &r->ordinal) ||
        !ParseU64(v.substr(b + 1, c - b - 1), &r->output_bytes) ||
        !ParseU64(v.substr(c + 1), &message_bytes) || message_bytes > (1u << 30))
      return Fail("malformed item line", error);
    r->messages.resize(message_bytes);
    if (!index_.read(r->messages.data(), static_cast<std::streamsize>(message_bytes)))
      return Fail("truncated messages", error);
    line_ += static_cast<size_t>(
        std::count(r->messages.begin(), r->messages.end(), '\n'));
    return true;
  }
  bool CopyOutput(uint64_t n, std::ostream& out, std::string* error) {
    char buf[1 << 16];
    while (n > 0) {
      size_t chunk = static_cast<size_t>(std::min<uint64_t>(n, sizeof buf));
      if (!data_.read(buf, static_cast<std::streamsize>(chunk))) {
        *error = output_ + ": shorter than its index says";
        return false;
      }
      out.write(buf, static_cast<std::streamsize>(chunk));
      n -= chunk;
    }
    return true;
  }
  bool Fail(const std::string& why, std::string* error) {
    *error = path_ + ":" + std::to_string(line_) + ": " + why;
    return false;
  }

  const std::string& key() const { return key_; }
  const std::string& output() const { return output_; }
  uint32_t shard_index() const { return shard_index_; }
  uint32_t shard_count() const { return shard_count_; }

 private:
  std::string output_, path_, key_;
  std::ifstream index_, data_;
  size_t line_ = 0;
  uint32_t shard_index_ = 0, shard_count_ = 0;
};

// Checks one shard completely: well-formed, finished, ordinals increasing,
// output as long as the index says. Returns its end counts.
bool CheckShard(const std::string& output, RunStats* end, std::string* error) {
  ShardReader reader;
  if (!reader.Open(output, error)) return false;
  Record r;
  uint64_t bytes = 0, last = 0;
  bool first = true;
  while (reader.Next(&r, error)) {
    if (r.end) {
      *end = r.stats;
      std::error_code ec;
      uint64_t size = fs::file_size(output, ec);
      if (ec) {
        *error = output + ": cannot read";
        return false;
      }
      if (size != bytes) {
        *error = output + ": " + std::to_string(size) + " bytes, its index says " +
                 std::to_string(bytes);
        return false;
      }
      return true;
    }
    if (!first && r.ordinal <= last) return reader.Fail("items out of order", error);
    first = false;
    last = r.ordinal;
    bytes += r.output_bytes;
  }
  return false;
}

}  // namespace

bool ParseShard(const std::string& spec, uint32_t* index, uint32_t* count) {
  size_t slash = spec.find('/');
  uint64_t i, n;
  if (slash == std::string::npos || !ParseU64(std::string_view(spec).substr(0, slash), &i) ||
      !ParseU64(std::string_view(spec).substr(slash + 1), &n) || n == 0 ||
      n > 1000000 || i >= n)
    return false;
  *index = static_cast<uint32_t>(i);
  *count = static_cast<uint32_t>(n);
  return true;
}

std::string IndexPath(const std::string& output) { return output + ".index"; }

bool IndexWriter::Open(const std::string& path, const std::string& key,
                       uint32_t index, uint32_t count, uint64_t append_at,
                       std::string* error) {
  if (append_at > 0) {
    std::error_code ec;
    fs::resize_file(path, append_at, ec);
    if (ec) {
      *error = "cannot resume " + path + ": " + ec.message();
      return false;
    }
    out_.open(path, std::ios::binary | std::ios::app);
    bytes_ = append_at;
  } else {
    out_.open(path, std::ios::binary | std::ios::trunc);
    std::string header = std::string(kMagic) + "\nkey " + key + "\nshard " +
                         std::to_string(index) + "/" + std::to_string(count) + "\n";
    out_ << header;
    bytes_ = header.size();
  }
  if (!out_) {
    *error = "cannot write " + path;
    return false;
  }
  return true;
}

void IndexWriter::Item(uint64_t ordinal, uint64_t output_bytes,
                       const std::string& messages) {
  std::string line = "item " + std::to_string(ordinal) + " " +
                     std::to_string(output_bytes) + " " +
                     std::to_string(messages.size()) + "\n";
  out_ << line << messages;
  bytes_ += line.size() + messages.size();
}

void IndexWriter::End(const RunStats& stats) {
  std::string line = "end " + FormatCounts(stats) + "\n";
  out_ << line;
  bytes_ += line.size();
}

uint64_t IndexWriter::Flush() {
  out_.flush();
  return bytes_;
}

bool MergeShards(const std::vector<std::string>& outputs, std::ostream& out,
                 std::ostream* messages, RunStats* total, std::string* error) {
  error->clear();
  if (outputs.empty()) {
    *error = "no shard outputs given";
    return false;
  }
  // First pass: every shard complete, all of one run, each index once.
  std::vector<std::unique_ptr<ShardReader>> shards;
  std::vector<bool> seen;
  *total = RunStats();
  for (const std::string& output : outputs) {
    RunStats end;
    if (!CheckShard(output, &end, error)) return false;
    auto reader = std::make_unique<ShardReader>();
    if (!reader->Open(output, error) || !reader->OpenOutput(error)) return false;
    if (shards.empty()) {
      seen.assign(reader->shard_count(), false);
      total->items = end.items;
    } else if (reader->key() != shards[0]->key() ||
               reader->shard_count() != shards[0]->shard_count()) {
      *error = output + ": from another run than " + shards[0]->output() +
               " (other inputs, options or shard count)";
      return false;
    }
    if (end.items != total->items) {
      *error = output + ": read " + std::to_string(end.items) +
               " items, " + shards[0]->output() + " read " +
               std::to_string(total->items) + " (inputs differ)";
      return false;
    }
    if (seen[reader->shard_index()]) {
      *error = output + ": shard " + std::to_string(reader->shard_index()) +
               " given twice";
      return false;
    }
    seen[reader->shard_index()] = true;
    total->Add(end);
    shards.push_back(std::move(reader));
  }
  for (size_t i = 0; i < seen.size(); ++i)
    if (!seen[i]) {
      *error = "shard " + std::to_string(i) + "/" + std::to_string(seen.size()) +
               " is missing";
      return false;
    }
  // Second pass: interleave by ordinal.
  std::vector<Record> heads(shards.size());
  using Entry = std::pair<uint64_t, size_t>;  // ordinal, shard
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> order;
  for (size_t s = 0; s < shards.size(); ++s) {
    if (!shards[s]->Next(&heads[s], error)) return false;
    if (!heads[s].end) order.push({heads[s].ordinal, s});
  }
  bool has_last = false;
  uint64_t last = 0;
  while (!order.empty()) {
    auto [ordinal, s] = order.top();
    order.pop();
    if (has_last && ordinal == last) {
      *error = shards[s]->output() + ": item " + std::to_string(ordinal) +
               " is also in another shard";
      return false;
    }
    has_last = true;
    last = ordinal;
    if (messages) *messages << heads[s].messages;
    if (!shards[s]->CopyOutput(heads[s].output_bytes, out, error)) return false;
    if (!shards[s]->Next(&heads[s], error)) return false;
    if (!heads[s].end) order.push({heads[s].ordinal, s});
  }
  return true;
}

}  // namespace dyad
