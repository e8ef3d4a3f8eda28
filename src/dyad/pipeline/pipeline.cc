#include "dyad/pipeline/pipeline.h"

#include <tbb/concurrent_queue.h>
#include <tbb/global_control.h>
#include <tbb/parallel_pipeline.h>

#include <chrono>
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

// What travels down the pipeline: a document (or none, when only messages
// from the reader are carried) and the messages that belong before it.
struct Item {
  std::optional<Document> doc;
  Reporter messages = Reporter::Buffered();
  bool coded = false;      // prepared, not a duplicate: run the stages
  bool duplicate = false;  // dropped as a duplicate document
  DuplicateDetector::Fingerprint fingerprint;
  uint64_t input_bytes_done = 0;  // input bytes fully read when queued
};

// Reads every input on its own thread and hands items over through a
// bounded queue; a null pointer marks the end.
class Reader {
 public:
  Reader(const std::vector<std::string>& paths, std::istream& stdin_stream,
         Reporter& report, size_t capacity)
      : paths_(paths), stdin_(stdin_stream) {
    queue_.set_capacity(static_cast<std::ptrdiff_t>(capacity));
    // Listing happens up front so its messages come first, in order.
    if (!paths_.empty()) files_ = ListInputs(paths_, report);
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
    if (!stop_) queue_.push(std::move(item));
  }
  void ReadAll() {
    Reporter buffered = Reporter::Buffered();
    auto sink = [&](Document&& doc) {
      auto item = std::make_unique<Item>();
      buffered.ReplayInto(item->messages);
      item->doc.emplace(std::move(doc));
      item->input_bytes_done = done_bytes_;
      Push(std::move(item));
    };
    auto flush_messages = [&] {
      auto item = std::make_unique<Item>();
      buffered.ReplayInto(item->messages);
      item->input_bytes_done = done_bytes_;
      Push(std::move(item));
    };
    InputFile input;
    if (paths_.empty()) {
      if (LoadStream(stdin_, &input, buffered)) ParseInput(input, buffered, sink);
      flush_messages();
    }
    for (const std::string& file : files_) {
      if (stop_) break;
      if (LoadInput(file, &input, buffered)) ParseInput(input, buffered, sink);
      std::error_code ec;
      auto size = fs::file_size(file, ec);
      if (!ec) done_bytes_ += size;
      flush_messages();
    }
    queue_.push(nullptr);
    finished_ = true;
  }

  const std::vector<std::string>& paths_;
  std::istream& stdin_;
  std::vector<std::string> files_;
  uint64_t total_bytes_ = 0, done_bytes_ = 0;
  tbb::concurrent_bounded_queue<std::unique_ptr<Item>> queue_;
  std::atomic<bool> stop_{false}, finished_{false};
  std::thread thread_;
};

}  // namespace

RunStats Pipeline::Run(const std::vector<std::string>& paths,
                       std::istream& stdin_stream, Reporter& report,
                       const std::function<void(const Document&)>& on_document) {
  const int threads = options_.threads > 0
                          ? options_.threads
                          : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  tbb::global_control limit(tbb::global_control::max_allowed_parallelism,
                            static_cast<size_t>(threads));
  const size_t in_flight = static_cast<size_t>(threads) * 4;
  RunStats stats;
  DuplicateDetector duplicates;
  Reader reader(paths, stdin_stream, report, in_flight);
  stats.inputs = reader.inputs();
  Progress progress(options_.progress ? &std::cerr : nullptr,
                    reader.total_bytes());
  PrepareOptions prep;
  prep.english_only = options_.english_only;

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
          tbb::make_filter<Item*, Item*>(
              tbb::filter_mode::parallel,
              [&](Item* item) -> Item* {
                if (item->doc &&
                    Prepare(*item->doc, item->messages, prep) == PrepareResult::kOk) {
                  item->coded = true;
                  if (options_.drop_duplicate_documents)
                    item->fingerprint =
                        DuplicateDetector::MakeFingerprint(item->doc->text);
                }
                return item;
              }) &
          // Duplicates are decided in input order, before the costly stages.
          tbb::make_filter<Item*, Item*>(
              tbb::filter_mode::serial_in_order,
              [&](Item* item) -> Item* {
                if (!item->coded || !options_.drop_duplicate_documents)
                  return item;
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
                if (item->coded) Analyze(*item->doc);
                return item;
              }) &
          tbb::make_filter<Item*, void>(
              tbb::filter_mode::serial_in_order, [&](Item* raw) {
                std::unique_ptr<Item> item(raw);
                item->messages.ReplayInto(report);
                if (item->duplicate) ++stats.duplicate_documents;
                if (item->coded) {
                  const Document& doc = *item->doc;
                  ++stats.documents;
                  for (const Sentence& s : doc.sentences) {
                    if (s.duplicate) ++stats.repeated_sentences;
                    else ++stats.sentences;
                  }
                  on_document(doc);
                }
                progress.Update(stats, report, item->input_bytes_done);
              }));
  progress.Finish();
  return stats;
}

std::string Summary(const RunStats& stats, const Reporter& report) {
  std::string s = std::to_string(stats.documents) + " documents, " +
                  std::to_string(stats.sentences) + " sentences, " +
                  std::to_string(report.rejected()) + " rejected";
  std::string extra;
  auto add = [&](uint64_t n, const char* what) {
    if (n == 0) return;
    extra += extra.empty() ? " (" : ", ";
    extra += std::to_string(n) + " " + what;
  };
  add(stats.repeated_sentences, "repeated sentences not coded again");
  add(stats.duplicate_documents, "duplicate documents");
  add(report.skipped() - stats.duplicate_documents, "skipped as not English");
  add(report.warnings(), "warnings");
  if (!extra.empty()) extra += ")";
  return s + extra;
}

}  // namespace dyad
