// dyad bench: throughput and memory of the whole pipeline on a corpus.
// Runs every stage as `dyad code` does (output formatting aside) and prints,
// end to end, documents/s, sentences/s and tokens/s by wall clock; per step
// (read, prepare, duplicates, segment, each later stage, output) its CPU time
// summed over threads and the rates one core sustains in it; and the peak
// resident memory of the process. Several thread counts (-j 1,2) show how
// the pipeline scales.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <sstream>
#include <thread>

#include "cmd_scale.h"
#include "commands.h"
#include "dyad/pipeline/pipeline.h"

namespace dyad::cli {

namespace {

struct BenchOptions {
  std::vector<std::string> paths;
  std::string data_dir;
  std::vector<int> threads;
  bool all_languages = false;
};

std::string CpuModel() {
  std::ifstream in("/proc/cpuinfo");
  std::string line;
  while (std::getline(in, line))
    if (line.rfind("model name", 0) == 0) {
      size_t colon = line.find(':');
      if (colon != std::string::npos) return line.substr(colon + 2);
    }
  return "unknown CPU";
}

double PeakRssMiB() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024.0;  // Linux reports KiB
}

int Bench(const BenchOptions& options) {
  std::vector<int> thread_counts = options.threads;
  if (thread_counts.empty())
    thread_counts.push_back(static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  std::printf("machine: %s, %u hardware threads\n", CpuModel().c_str(),
              std::thread::hardware_concurrency());
  double first_rate = 0;
  for (int threads : thread_counts) {
    PipelineOptions po;
    po.data_dir = options.data_dir;
    po.english_only = !options.all_languages;
    po.threads = threads;
    po.time_stages = true;
    std::string error;
    auto load_start = std::chrono::steady_clock::now();
    auto pipeline = Pipeline::Create(po, &error);
    if (!pipeline) {
      std::cerr << "dyad: " << error << "\n";
      return 2;
    }
    double load_seconds = std::chrono::duration<double>(
                              std::chrono::steady_clock::now() - load_start)
                              .count();
    Reporter quiet(nullptr);
    std::istringstream no_stdin;
    auto start = std::chrono::steady_clock::now();
    RunStats stats = pipeline->Run(options.paths, no_stdin, quiet,
                                   [](const Document&) {});
    double wall = std::chrono::duration<double>(
                      std::chrono::steady_clock::now() - start)
                      .count();
    if (stats.documents == 0) {
      std::cerr << "dyad: bench: no document coded\n";
      return 1;
    }
    std::printf(
        "\n-j %d: %llu documents, %llu sentences, %llu tokens, %llu events, "
        "%.1f MB of input; resources loaded in %.2f s\n",
        threads, static_cast<unsigned long long>(stats.documents),
        static_cast<unsigned long long>(stats.sentences),
        static_cast<unsigned long long>(stats.tokens),
        static_cast<unsigned long long>(stats.events), stats.input_bytes / 1e6,
        load_seconds);
    std::printf("%-12s %9s %12s %14s %14s %6s\n", "step", "cpu s", "docs/s",
                "sentences/s", "tokens/s", "share");
    double cpu_total = 0;
    for (const StepTiming& t : stats.timings) cpu_total += t.seconds;
    for (const StepTiming& t : stats.timings) {
      double s = t.seconds > 0 ? t.seconds : 1e-9;
      std::printf("%-12s %9.3f %12.0f %14.0f %14.0f %5.1f%%\n", t.name.c_str(),
                  t.seconds, t.documents / s, stats.sentences / s,
                  stats.tokens / s, cpu_total > 0 ? 100 * t.seconds / cpu_total : 0);
    }
    const double rate = stats.sentences / wall;
    std::printf("%-12s %9.3f %12.0f %14.0f %14.0f  (wall clock, %d threads)\n",
                "end to end", wall, stats.documents / wall, rate,
                stats.tokens / wall, threads);
    if (first_rate > 0)
      std::printf("speed-up over -j %d: %.2fx\n", thread_counts.front(),
                  rate / first_rate);
    else
      first_rate = rate;
    std::printf("peak RSS so far: %.0f MiB\n", PeakRssMiB());
  }
  return 0;
}

}  // namespace

void RegisterBenchCommand(CLI::App& app) {
  auto options = std::make_shared<BenchOptions>();
  CLI::App* cmd = app.add_subcommand(
      "bench",
      "measure throughput (documents, sentences, tokens per second, per "
      "stage and end to end) and peak memory on a corpus");
  cmd->add_option("paths", options->paths, "corpus files or directories")
      ->required();
  cmd->add_option("--data", options->data_dir,
                  "data directory (default: the shipped data/)");
  cmd->add_option("-j,--threads", options->threads,
                  "thread counts to run with, e.g. -j 1,2 (default: all cores)")
      ->delimiter(',');
  cmd->add_flag("--all-languages", options->all_languages,
                "do not skip documents identified as non-English");
  cmd->callback([options] { exit_code = Bench(*options); });
}

}  // namespace dyad::cli
