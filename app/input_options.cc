#include "input_options.h"

namespace dyad::cli {

void InputOptions::Add(CLI::App* cmd) {
  cmd->add_option("paths", paths,
                  "files or directories (.txt .jsonl .ndjson .html, also .gz "
                  ".zst); none: read stdin");
  cmd->add_option("--data", data_dir, "data directory (default: the shipped data/)");
  cmd->add_option("-o,--out", out, "write results to FILE instead of stdout");
  cmd->add_flag("--all-languages", all_languages,
                "do not skip documents identified as non-English");
  cmd->add_flag("--keep-duplicates", keep_duplicates,
                "code duplicate documents again instead of skipping them");
  cmd->add_flag("-q,--quiet", quiet,
                "no progress and no per-record messages on stderr (the "
                "summary line stays)");
  cmd->add_option("-j,--threads", threads,
                  "worker threads (default: all cores); output is the same "
                  "at any count");
}

PipelineOptions InputOptions::ToPipeline() const {
  PipelineOptions p;
  p.data_dir = data_dir;
  p.english_only = !all_languages;
  p.drop_duplicate_documents = !keep_duplicates;
  p.threads = threads;
  p.progress = !quiet;
  return p;
}

std::ostream* InputOptions::OpenOutput() {
  if (out.empty()) return &std::cout;
  file_.open(out, std::ios::binary | std::ios::trunc);
  if (!file_) {
    std::cerr << "dyad: cannot write " << out << "\n";
    return nullptr;
  }
  return &file_;
}

int RunPipeline(InputOptions& options,
                const std::function<void(const Document&, std::ostream&)>& emit) {
  std::string error;
  auto pipeline = Pipeline::Create(options.ToPipeline(), &error);
  if (!pipeline) {
    std::cerr << "dyad: " << error << "\n";
    return 2;
  }
  std::ostream* out = options.OpenOutput();
  if (!out) return 2;
  Reporter report(options.quiet ? nullptr : &std::cerr);
  RunStats stats = pipeline->Run(options.paths, std::cin, report,
                                 [&](const Document& doc) { emit(doc, *out); });
  out->flush();
  std::cerr << "dyad: " << Summary(stats, report) << "\n";
  return stats.documents == 0 && report.skipped() == 0 ? 1 : 0;
}

}  // namespace dyad::cli
