#include "dyad/pipeline/pipeline.h"

#include <tbb/concurrent_queue.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include <atomic>
#include <chrono>
#include <ctime>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <optional>
#include <thread>

#include "dyad/ingest/dedup.h"
#include "dyad/ingest/sources.h"
#include "dyad/pipeline/progress.h"

#ifndef DYAD_DATA_DIR
#define DYAD_DATA_DIR ""
#endif

namespace dyad {

namespace fs = std::filesystem;

std::string FindDataDir(const std::string& flag) {
  if (!flag.empty()) return flag;
  if (const char* env = std::getenv("DYAD_DATA"); env && *env) return env;
  std::error_code ec;
  if (fs::is_directory(DYAD_DATA_DIR, ec)) return DYAD_DATA_DIR;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path installed = exe.parent_path().parent_path() / "share/dyad/data";
    if (fs::is_directory(installed, ec)) return installed.string();
  }
  return "data";
}

std::unique_ptr<Pipeline> Pipeline::Create(const PipelineOptions& options,
                                           std::string* error) {
  auto p = std::unique_ptr<Pipeline>(new Pipeline());
  p->options_ = options;
  p->options_.data_dir = FindDataDir(options.data_dir);
  p->segmenter_ =
      Segmenter::Load(p->options_.data_dir + "/segment/segmenter.txt", error);
  if (!p->segmenter_) return nullptr;
  if (!BuildStages(p->options_, &p->stages_, error)) return nullptr;
  return p;
}

void Pipeline::Analyze(Document& doc) const {
  segmenter_->Segment(doc);
  for (const auto& stage : stages_) stage->Process(doc);
}

bool Pipeline::Process(Document& doc, Reporter& report) const {
  PrepareOptions prep;
  prep.english_only = options_.english_only;
  if (Prepare(doc, report, prep) != PrepareResult::kOk) return false;
  Analyze(doc);
  return true;
}

namespace {

// Thread CPU time in nanoseconds: what a step costs, not how long it waited.
uint64_t ThreadNanos() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<uint64_t>(ts.tv_sec) * 1000000000u +
         static_cast<uint64_t>(ts.tv_nsec);
}

// Accumulates one step's time from several threads.
struct StepClock {
  std::atomic<uint64_t> nanos{0}, documents{0};
};

class StepTimer {
 public:
  StepTimer(StepClock* clock) : clock_(clock), start_(clock ? ThreadNanos() : 0) {}
  ~StepTimer() {
    if (!clock_) return;
    clock_->nanos += ThreadNanos() - start_;
    ++clock_->documents;
  }

 private:
  StepClock* clock_;
  uint64_t start_;
};

// What travels down the pipeline: a document (or none, when only messages
// from the reader are carried) and the messages that belong before it.
struct Item {
  std::optional<Document> doc;
  Reporter messages = Reporter::Buffered();
  uint64_t ordinal = 0;    // place in the input stream
  uint64_t share = 0;      // what shards split on: the document ordinal
  bool owned = false;      // this run codes, emits and reports it
  bool coded = false;      // prepared, not a duplicate: run the stages
  bool duplicate = false;  // dropped as a duplicate document
  DuplicateDetector::Fingerprint fingerprint;
  uint64_t input_bytes_done = 0;  // input bytes read when queued
};

// Reads every input on its own thread and hands items over through a
// bounded queue; a null pointer marks the end. Memory: the queue, plus the
// record being read (inputs stream, see ReadInput).
class Reader {
 public:
  Reader(const std::vector<std::string>& paths, std::istream& stdin_stream,
         size_t capacity, const PipelineOptions& options, StepClock* clock)
      : paths_(paths), stdin_(stdin_stream), options_(options), clock_(clock) {
    queue_.set_capacity(static_cast<std::ptrdiff_t>(capacity));
    // Listing happens up front; its messages travel with the first item.
    if (!paths_.empty()) files_ = ListInputs(paths_, listing_);
    for (const std::string& f : files_) {
      std::error_code ec;
      auto size = fs::file_size(f, ec);
      if (!ec) total_bytes_ += size;
    }
    thread_ = std::thread([this] { ReadAll(); });
  }
  ~Reader() {
    stop_ = true;
    std::unique_ptr<Item> drain;
    while (!finished_) {
      if (queue_.try_pop(drain)) continue;
      std::this_thread::yield();
    }
    thread_.join();
  }
  std::unique_ptr<Item> Next() {
    std::unique_ptr<Item> item;
    queue_.pop(item);
    return item;
  }
  uint64_t inputs() const { return paths_.empty() ? 1 : files_.size(); }
  uint64_t total_bytes() const { return total_bytes_; }

 private:
  void Push(std::unique_ptr<Item> item) {
    item->ordinal = ordinal_++;
    item->owned = item->share % options_.shard_count == options_.shard_index &&
                  item->ordinal >= options_.resume_from;
    if (clock_) {  // the reader's own time, without waiting on the queue
      clock_->nanos += ThreadNanos() - mark_;
      if (item->doc) ++clock_->documents;
    }
    if (!stop_) queue_.push(std::move(item));
    if (clock_) mark_ = ThreadNanos();
  }
  void ReadAll() {
    mark_ = ThreadNanos();
    Reporter buffered = std::move(listing_);
    uint64_t file_bytes = 0;  // of the file being read
    auto sink = [&](Document&& doc) {
      auto item = std::make_unique<Item>();
      buffered.ReplayInto(item->messages);
      item->doc.emplace(std::move(doc));
      item->share = documents_++;
      item->input_bytes_done = done_bytes_ + file_bytes;
      Push(std::move(item));
    };
    // Messages after the last document of an input travel on their own.
    auto flush_messages = [&] {
      auto item = std::make_unique<Item>();
      buffered.ReplayInto(item->messages);
      item->share = documents_;
      item->input_bytes_done = done_bytes_;
      Push(std::move(item));
    };
    if (paths_.empty()) {
      ReadStream(stdin_, buffered, sink);
      flush_messages();
    }
    for (const std::string& file : files_) {
      if (stop_) break;
      file_bytes = 0;
      ReadInput(file, buffered, sink, &file_bytes);
      std::error_code ec;
      auto size = fs::file_size(file, ec);
      if (!ec) done_bytes_ += size;
      flush_messages();
    }
    if (clock_) clock_->nanos += ThreadNanos() - mark_;
    queue_.push(nullptr);
    finished_ = true;
  }

  const std::vector<std::string>& paths_;
  std::istream& stdin_;
  const PipelineOptions& options_;
  StepClock* clock_;
  Reporter listing_ = Reporter::Buffered();
  std::vector<std::string> files_;
  uint64_t total_bytes_ = 0, done_bytes_ = 0;
  uint64_t ordinal_ = 0, documents_ = 0;
  uint64_t mark_ = 0;
  tbb::concurrent_bounded_queue<std::unique_ptr<Item>> queue_;
  std::atomic<bool> stop_{false}, finished_{false};
  std::thread thread_;
};

}  // namespace

void RunStats::Add(const RunStats& other) {
  documents += other.documents;
  sentences += other.sentences;
  tokens += other.tokens;
  events += other.events;
  repeated_sentences += other.repeated_sentences;
  duplicate_documents += other.duplicate_documents;
  rejected += other.rejected;
  warnings += other.warnings;
  skipped += other.skipped;
}

RunStats Pipeline::Run(const std::vector<std::string>& paths,
                       std::istream& stdin_stream, Reporter& report,
                       const std::function<void(const Document&)>& on_document) {
  return Run(paths, stdin_stream, report, on_document, nullptr);
}

RunStats Pipeline::Run(const std::vector<std::string>& paths,
                       std::istream& stdin_stream, Reporter& report,
                       const std::function<void(const Document&)>& on_document,
                       const std::function<void(const ItemDone&)>& on_item_done) {
  const int threads = options_.threads > 0
                          ? options_.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<size_t>(threads));
  const size_t in_flight = static_cast<size_t>(threads) * 4;
  // Steps: read, prepare, duplicates, segment, each stage, output.
  const size_t kRead = 0, kPrepare = 1, kDuplicates = 2, kSegment = 3;
  const size_t kOutput = 4 + stages_.size();
  std::vector<StepClock> clocks(options_.time_stages ? kOutput + 1 : 0);
  auto clock = [&](size_t step) -> StepClock* {
    return clocks.empty() ? nullptr : &clocks[step];
  };

  RunStats stats;
  DuplicateDetector duplicates;
  Reader reader(paths, stdin_stream, in_flight, options_, clock(kRead));
  stats.inputs = reader.inputs();
  stats.input_bytes = reader.total_bytes();
  Progress progress(options_.progress ? &std::cerr : nullptr,
                    reader.total_bytes());
  PrepareOptions prep;
  prep.english_only = options_.english_only;
  const bool dedup = options_.drop_duplicate_documents;

  tbb::parallel_pipeline(
      in_flight,
      tbb::make_filter<void, Item*>(
          tbb::filter_mode::serial_in_order,
          [&](tbb::flow_control& fc) -> Item* {
            std::unique_ptr<Item> item = reader.Next();
            if (!item) {
              fc.stop();
              return nullptr;
            }
            return item.release();
          }) &
          // Documents another run owns are still prepared when duplicate
          // detection needs them: a later document may repeat them.
          tbb::make_filter<Item*, Item*>(
              tbb::filter_mode::parallel,
              [&](Item* item) -> Item* {
                if (!item->doc || (!item->owned && !dedup)) return item;
                StepTimer timer(clock(kPrepare));
                if (Prepare(*item->doc, item->messages, prep) == PrepareResult::kOk) {
                  item->coded = true;
                  if (dedup)
                    item->fingerprint =
                        DuplicateDetector::MakeFingerprint(item->doc->text);
                }
                return item;
              }) &
          // Duplicates are decided in input order, before the costly stages.
          tbb::make_filter<Item*, Item*>(
              tbb::filter_mode::serial_in_order,
              [&](Item* item) -> Item* {
                if (!item->coded || !dedup) return item;
                StepTimer timer(clock(kDuplicates));
                const Document& doc = *item->doc;
                if (auto dup = duplicates.Check(doc.id, item->fingerprint)) {
                  item->coded = false;
                  item->duplicate = true;
                  char sim[16];
                  std::snprintf(sim, sizeof sim, "%.2f", dup->similarity);
                  item->messages.Skip(
                      Where(doc), (dup->similarity >= 1.0 ? "exact duplicate of "
                                                          : "near-duplicate of ") +
                                      dup->id + " (similarity " + sim + ")");
                }
                return item;
              }) &
          tbb::make_filter<Item*, Item*>(
              tbb::filter_mode::parallel,
              [&](Item* item) -> Item* {
                if (!item->coded || !item->owned) return item;
                Document& doc = *item->doc;
                if (clocks.empty()) {
                  Analyze(doc);
                  return item;
                }
                {
                  StepTimer timer(clock(kSegment));
                  segmenter_->Segment(doc);
                }
                for (size_t i = 0; i < stages_.size(); ++i) {
                  StepTimer timer(clock(4 + i));
                  stages_[i]->Process(doc);
                }
                return item;
              }) &
          tbb::make_filter<Item*, void>(
              tbb::filter_mode::serial_in_order, [&](Item* raw) {
                std::unique_ptr<Item> item(raw);
                ++stats.items;
                if (!item->owned) return;  // another run's: messages dropped
                StepTimer timer(clock(kOutput));
                const uint64_t rejected = report.rejected(),
                               warnings = report.warnings(),
                               skipped = report.skipped();
                item->messages.ReplayInto(report);
                stats.rejected += report.rejected() - rejected;
                stats.warnings += report.warnings() - warnings;
                stats.skipped += report.skipped() - skipped;
                if (item->duplicate) ++stats.duplicate_documents;
                const Document* coded = nullptr;
                if (item->coded) {
                  coded = &*item->doc;
                  ++stats.documents;
                  for (const Sentence& s : coded->sentences) {
                    if (s.duplicate) ++stats.repeated_sentences;
                    else ++stats.sentences;
                  }
                  stats.tokens += coded->tokens.size();
                  stats.events += coded->events.size();
                  on_document(*coded);
                }
                if (on_item_done)
                  on_item_done(ItemDone{item->ordinal, coded, &stats,
                                        item->input_bytes_done});
                progress.Update(stats, item->input_bytes_done);
              }));
  progress.Finish();
  if (!clocks.empty()) {
    std::vector<std::string> names = {"read", "prepare", "duplicates", "segment"};
    for (const auto& stage : stages_) names.emplace_back(stage->name());
    names.emplace_back("output");
    for (size_t i = 0; i < clocks.size(); ++i)
      stats.timings.push_back(
          StepTiming{names[i], clocks[i].nanos / 1e9, clocks[i].documents.load()});
  }
  return stats;
}

std::string Summary(const RunStats& stats, const Reporter& report) {
  RunStats counted = stats;
  counted.rejected = report.rejected();
  counted.warnings = report.warnings();
  counted.skipped = report.skipped();
  return Summary(counted);
}

std::string Summary(const RunStats& stats) {
  std::string s = std::to_string(stats.documents) + " documents, " +
                  std::to_string(stats.sentences) + " sentences, " +
                  std::to_string(stats.rejected) + " rejected";
  std::string extra;
  auto add = [&](uint64_t n, const char* what) {
    if (n == 0) return;
    extra += extra.empty() ? " (" : ", ";
    extra += std::to_string(n) + " " + what;
  };
  add(stats.repeated_sentences, "repeated sentences not coded again");
  add(stats.duplicate_documents, "duplicate documents");
  add(stats.skipped - stats.duplicate_documents, "skipped as not English");
  add(stats.warnings, "warnings");
  if (!extra.empty()) extra += ")";
  return s + extra;
}

}  // namespace dyad
