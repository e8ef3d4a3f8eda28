#include "input_options.h"

#include <chrono>
#include <filesystem>
#include <sstream>

#include "dyad/pipeline/checkpoint.h"
#include "dyad/pipeline/shard.h"

namespace dyad::cli {

namespace fs = std::filesystem;

namespace {

// How often a resumable run saves its checkpoint, in seconds.
double checkpoint_every = 2.0;

}  // namespace

void InputOptions::Add(CLI::App* cmd) {
  command = cmd->get_name();
  cmd->add_option("paths", paths,
                  "files or directories (.txt .jsonl .ndjson .html .sgm, also "
                  ".gz .zst); none: read stdin");
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
  cmd->add_option("--shard", shard,
                  "i/N: code only share i (0-based) of N, for runs split over "
                  "machines (a Slurm job array); needs -o; combine the N "
                  "outputs with `dyad merge`");
  cmd->add_flag("--resume", resume,
                "keep a checkpoint (OUT.checkpoint) and, if one exists, go on "
                "from it: a killed run started again with --resume ends with "
                "the output of an uninterrupted run; needs -o");
  cmd->add_option("--checkpoint", checkpoint,
                  "checkpoint file for --resume (default: OUT.checkpoint)");
  cmd->add_option("--checkpoint-every", checkpoint_every,
                  "seconds between checkpoints (default 2)")
      ->group("");  // for tests
}

std::unique_ptr<Pipeline> OpenToolPipeline(const std::string& data_dir,
                                           bool analyze) {
  PipelineOptions po;
  po.data_dir = data_dir;
  po.english_only = false;
  po.analyze = analyze;
  std::string error;
  auto pipeline = Pipeline::Create(po, &error);
  if (!pipeline) std::cerr << "dyad: " << error << "\n";
  return pipeline;
}

PipelineOptions InputOptions::ToPipeline() const {
  PipelineOptions p;
  p.data_dir = data_dir;
  p.english_only = !all_languages;
  p.drop_duplicate_documents = !keep_duplicates;
  p.threads = threads;
  p.progress = !quiet;
  p.analyze = analyze;
  p.syntax_only = syntax_only;
  return p;
}

std::string InputOptions::Settings(bool with_shard_index) const {
  std::string s = "command=" + command +
                  " all_languages=" + std::to_string(all_languages) +
                  " keep_duplicates=" + std::to_string(keep_duplicates);
  uint32_t index = 0, count = 1;
  if (!shard.empty()) ParseShard(shard, &index, &count);
  s += " shards=" + std::to_string(count);
  if (with_shard_index) s += " shard=" + std::to_string(index);
  return s;
}

int RunPipeline(InputOptions& options,
                const std::function<void(const Document&, std::ostream&)>& emit) {
  auto usage = [](const std::string& message) {
    std::cerr << "dyad: " << message << "\n";
    return 2;
  };
  PipelineOptions pipeline_options = options.ToPipeline();
  const bool sharded = !options.shard.empty();
  if (sharded) {
    if (!ParseShard(options.shard, &pipeline_options.shard_index,
                    &pipeline_options.shard_count))
      return usage("--shard wants i/N with 0 <= i < N, not \"" + options.shard + "\"");
    if (options.out.empty()) return usage("--shard needs -o FILE");
  }
  const bool resumable = options.resume || !options.checkpoint.empty();
  if (resumable && options.out.empty()) return usage("--resume needs -o FILE");
  if (resumable && options.paths.empty())
    return usage("--resume needs input paths (stdin cannot be read again)");
  const std::string checkpoint_path =
      options.checkpoint.empty() ? options.out + ".checkpoint" : options.checkpoint;

  // Where a resumed run starts: the checkpoint of the killed one.
  Checkpoint start;
  std::string error;
  if (resumable) start.key = InputsKey(options.paths, options.Settings(true), true);
  bool resuming = false;
  if (options.resume) {
    Checkpoint saved;
    if (LoadCheckpoint(checkpoint_path, &saved, &error)) {
      if (saved.key != start.key)
        return usage(checkpoint_path + " belongs to a run over other inputs or "
                     "with other options; remove it or run without --resume");
      std::error_code ec;
      uint64_t size = fs::file_size(options.out, ec);
      if (ec || size < saved.output_bytes)
        return usage(options.out + " is shorter than " + checkpoint_path +
                     " says: it changed since; remove the checkpoint to start over");
      if (saved.complete) {
        std::cerr << "dyad: " << options.out << " is complete (" << checkpoint_path
                  << ")\n";
        std::cerr << "dyad: " << Summary(saved.stats) << "\n";
        return 0;
      }
      start = saved;
      resuming = true;
      pipeline_options.resume_from = saved.next_item;
    } else if (!error.empty()) {
      return usage(error);
    }
  }

  std::string pipeline_error;
  auto pipeline = Pipeline::Create(pipeline_options, &pipeline_error);
  if (!pipeline) return usage(pipeline_error);

  // The output: stdout, a new file, or a resumed file cut back to the
  // length its checkpoint describes.
  std::ofstream file;
  std::ostream* out = &std::cout;
  if (!options.out.empty()) {
    if (resuming) {
      std::error_code ec;
      fs::resize_file(options.out, start.output_bytes, ec);
      if (ec) return usage("cannot resume " + options.out + ": " + ec.message());
      file.open(options.out, std::ios::binary | std::ios::app);
    } else {
      file.open(options.out, std::ios::binary | std::ios::trunc);
    }
    if (!file) return usage("cannot write " + options.out);
    out = &file;
  }
  IndexWriter index;
  if (sharded &&
      !index.Open(IndexPath(options.out),
                  InputsKey(options.paths, options.Settings(false), false),
                  pipeline_options.shard_index, pipeline_options.shard_count,
                  resuming ? start.index_bytes : 0, &error))
    return usage(error);

  // A shard keeps each item's messages for the index (merge prints them).
  std::ostringstream captured;
  Reporter report(sharded ? &captured : options.quiet ? nullptr : &std::cerr);

  uint64_t output_bytes = start.output_bytes, item_output_bytes = 0;
  std::ostringstream document_output;
  std::string last_origin = start.last;
  auto combined = [&](const RunStats& run) {
    RunStats all = start.stats;
    all.Add(run);
    all.items = run.items;
    return all;
  };
  auto save = [&](uint64_t next_item, const RunStats& run, bool complete) {
    out->flush();
    Checkpoint cp;
    cp.key = start.key;
    cp.next_item = next_item;
    cp.output_bytes = output_bytes;
    cp.index_bytes = sharded ? index.Flush() : 0;
    cp.complete = complete;
    cp.stats = combined(run);
    cp.last = last_origin;
    // The data first, then the checkpoint that points into it.
    SyncFile(options.out);
    if (sharded) SyncFile(IndexPath(options.out));
    std::string save_error;
    if (!SaveCheckpoint(checkpoint_path, cp, &save_error))
      std::cerr << "dyad: " << save_error << "\n";
  };
  using Clock = std::chrono::steady_clock;
  Clock::time_point last_save = Clock::now();
  uint64_t next_item = start.next_item;

  RunStats stats = pipeline->Run(
      options.paths, std::cin, report,
      [&](const Document& doc) {
        document_output.str(std::string());
        emit(doc, document_output);
        std::string_view bytes = document_output.view();
        out->write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        item_output_bytes += bytes.size();
        last_origin = doc.origin;
      },
      [&](const ItemDone& done) {
        if (sharded) {
          std::string messages = captured.str();
          captured.str(std::string());
          if (item_output_bytes > 0 || !messages.empty())
            index.Item(done.ordinal, item_output_bytes, messages);
          if (!options.quiet && !messages.empty()) std::cerr << messages;
        }
        output_bytes += item_output_bytes;
        item_output_bytes = 0;
        next_item = done.ordinal + 1;
        if (resumable &&
            Clock::now() - last_save >= std::chrono::duration<double>(checkpoint_every)) {
          save(next_item, *done.stats, false);
          last_save = Clock::now();
        }
      });
  RunStats total = combined(stats);
  if (sharded) index.End(total);
  out->flush();
  if (resumable) save(next_item, stats, true);
  if (!*out || (sharded && !index.ok())) {
    std::cerr << "dyad: writing " << (options.out.empty() ? "stdout" : options.out)
              << " failed\n";
    return 2;
  }
  std::cerr << "dyad: " << Summary(total) << "\n";
  if (sharded) return 0;  // a shard may own no document; merge decides
  return total.documents == 0 && total.skipped == 0 ? 1 : 0;
}

}  // namespace dyad::cli
