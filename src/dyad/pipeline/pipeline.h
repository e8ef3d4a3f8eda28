// Pipeline: runs the stages over a stream of inputs.
//
//   reader thread    parallel          in order      parallel        in order
//   files ->      --> Prepare       --> duplicate --> Segment,     --> messages,
//   documents         (normalize,       documents     stages           counts,
//   (bounded queue)   checks, lang,     dropped       (syntax, ...)    on_document
//                     fingerprint)
//
// A reader thread turns files into documents and feeds a oneTBB
// parallel_pipeline with a bounded number of documents in flight, so memory
// does not grow with the corpus. The per-document stages run in parallel;
// the last step runs serially in input order, so output, messages and the
// duplicate detector see documents in the same order at any thread count.
// Resources (dictionaries, models) are loaded once by Create() and shared
// read-only. Every problem goes to the Reporter; the run never stops on bad
// input.
//
// Every item the reader produces (a document, or messages about an input
// that gave none) has an ordinal, its place in the input stream, the same
// on every run over the same inputs. Scale-out and resume select items by
// ordinal: a run codes and emits only the items it owns (its shard, and
// from the resume point on), but reads, prepares and checks for duplicates
// every document, so what it emits is exactly what a whole run would emit
// for those items.
//
// Thread safety: Run() is not reentrant; one Pipeline runs one stream.
// The callbacks are called from one thread at a time, in input order.
#pragma once

#include <functional>
#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "dyad/doc/document.h"
#include "dyad/ingest/prepare.h"
#include "dyad/ingest/report.h"
#include "dyad/pipeline/stage.h"
#include "dyad/segment/segmenter.h"

namespace dyad {

struct PipelineOptions {
  std::string data_dir;          // where data/ resources are; see FindDataDir
  bool english_only = true;
  bool drop_duplicate_documents = true;
  int threads = 0;               // 0: all cores
  bool progress = false;         // progress lines on stderr while running
  bool analyze = true;           // run the stages after segmentation
  bool syntax_only = false;      // with analyze: stop after syntax (dyad parse)
                                 // (syntax, actors, events); false: segment only
  // Scale-out: this run owns the items whose ordinal % shard_count is
  // shard_index (REQUIRES shard_index < shard_count).
  uint32_t shard_index = 0;
  uint32_t shard_count = 1;
  // Resume: items before this ordinal were finished by an earlier run; they
  // are read and checked for duplicates but not coded, emitted or reported.
  uint64_t resume_from = 0;
  // Measure the time spent in each step (RunStats::timings).
  bool time_stages = false;
};

// Time spent in one step of the pipeline over a run, summed over threads
// (thread CPU time), and how many documents went through it.
struct StepTiming {
  std::string name;  // "read", "prepare", "duplicates", "segment", stage names, "output"
  double seconds = 0;
  uint64_t documents = 0;
};

// Counts over the items a run owned. The message counts are those replayed
// into the run's Reporter.
struct RunStats {
  uint64_t inputs = 0;               // files (or stdin) read
  uint64_t items = 0;                // items read, owned or not (all shards)
  uint64_t documents = 0;            // documents coded
  uint64_t sentences = 0;            // sentences coded (repeats excluded)
  uint64_t tokens = 0;               // tokens of the coded documents
  uint64_t events = 0;               // events of the coded documents
  uint64_t repeated_sentences = 0;   // sentences repeating earlier ones
  uint64_t duplicate_documents = 0;  // documents dropped as duplicates
  uint64_t rejected = 0, warnings = 0, skipped = 0;  // messages
  uint64_t input_bytes = 0;          // size of the input files
  std::vector<StepTiming> timings;   // with PipelineOptions::time_stages

  // Adds the counts of `other` (not inputs, items, timings).
  void Add(const RunStats& other);
};

// What the ordered output step reports after each item the run owns.
struct ItemDone {
  uint64_t ordinal;         // the item's place in the input stream
  const Document* doc;      // the coded document, or nullptr
  const RunStats* stats;    // counts so far, this item included
  uint64_t input_bytes_done;  // input read so far (for progress)
};

// Resolves the data directory: `flag` if given, else $DYAD_DATA, else the
// source tree's data/ recorded at build time, else <exe>/../share/dyad/data.
std::string FindDataDir(const std::string& flag);

class Pipeline {
 public:
  static std::unique_ptr<Pipeline> Create(const PipelineOptions& options,
                                          std::string* error);

  // Reads `paths` (files or directories; empty: `stdin_stream`) and calls
  // on_document for every document that is coded, in input order.
  RunStats Run(const std::vector<std::string>& paths, std::istream& stdin_stream,
               Reporter& report,
               const std::function<void(const Document&)>& on_document);

  // The same, with one call per owned item after its messages went to
  // `report` (and, for a coded document, after on_document). Checkpoints and
  // shard indexes are written from here.
  RunStats Run(const std::vector<std::string>& paths, std::istream& stdin_stream,
               Reporter& report,
               const std::function<void(const Document&)>& on_document,
               const std::function<void(const ItemDone&)>& on_item_done);

  // The per-document stages after reading, for callers that build their own
  // Document (tests, `dyad explain`). Returns false if Prepare() refused it.
  bool Process(Document& doc, Reporter& report) const;

  const Segmenter& segmenter() const { return *segmenter_; }
  const std::vector<std::unique_ptr<Stage>>& stages() const { return stages_; }

 private:
  // Segment and every later stage: what runs on a prepared document.
  void Analyze(Document& doc) const;

  PipelineOptions options_;
  std::unique_ptr<Segmenter> segmenter_;
  std::vector<std::unique_ptr<Stage>> stages_;
};

// One line for the end of a run: "N documents, M sentences, K rejected".
std::string Summary(const RunStats& stats, const Reporter& report);
// The same from the message counts in `stats` (merged or resumed runs).
std::string Summary(const RunStats& stats);

}  // namespace dyad
