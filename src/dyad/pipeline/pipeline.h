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
// Thread safety: Run() is not reentrant; one Pipeline runs one stream.
// on_document is called from one thread at a time, in input order.
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
};

struct RunStats {
  uint64_t inputs = 0;               // files (or stdin) read
  uint64_t documents = 0;            // documents coded
  uint64_t sentences = 0;            // sentences coded (repeats excluded)
  uint64_t repeated_sentences = 0;   // sentences repeating earlier ones
  uint64_t duplicate_documents = 0;  // documents dropped as duplicates
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

}  // namespace dyad
