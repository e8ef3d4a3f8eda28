#include "dyad/pipeline/pipeline.h"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "dyad/ingest/dedup.h"
#include "dyad/ingest/sources.h"

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
  return p;
}

bool Pipeline::Process(Document& doc, Reporter& report) const {
  PrepareOptions prep;
  prep.english_only = options_.english_only;
  if (Prepare(doc, report, prep) != PrepareResult::kOk) return false;
  segmenter_->Segment(doc);
  return true;
}

RunStats Pipeline::Run(const std::vector<std::string>& paths,
                       std::istream& stdin_stream, Reporter& report,
                       const std::function<void(const Document&)>& on_document) {
  RunStats stats;
  DuplicateDetector duplicates;
  PrepareOptions prep;
  prep.english_only = options_.english_only;
  auto handle = [&](Document&& doc) {
    if (Prepare(doc, report, prep) != PrepareResult::kOk) return;
    if (options_.drop_duplicate_documents) {
      if (auto dup = duplicates.Check(doc.id, doc.text)) {
        ++stats.duplicate_documents;
        char sim[16];
        std::snprintf(sim, sizeof sim, "%.2f", dup->similarity);
        report.Skip(Where(doc), (dup->similarity >= 1.0 ? "exact duplicate of "
                                                        : "near-duplicate of ") +
                                    dup->id + " (similarity " + sim + ")");
        return;
      }
    }
    segmenter_->Segment(doc);
    ++stats.documents;
    for (const Sentence& s : doc.sentences) {
      if (s.duplicate) ++stats.repeated_sentences;
      else ++stats.sentences;
    }
    on_document(doc);
  };
  InputFile input;
  if (paths.empty()) {
    ++stats.inputs;
    if (LoadStream(stdin_stream, &input, report)) ParseInput(input, report, handle);
    return stats;
  }
  for (const std::string& file : ListInputs(paths, report)) {
    ++stats.inputs;
    if (LoadInput(file, &input, report)) ParseInput(input, report, handle);
  }
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
