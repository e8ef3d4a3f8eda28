// Stage: one per-document step after segmentation (syntax, actors, events).
// The pipeline runs its stages in order on each document; a stage reads
// what earlier stages filled and adds its own layer. Stages hold only
// read-only resources, so one instance serves all threads.
//
// Thread safety: Process() is const and may run concurrently on different
// documents; per-thread scratch space belongs inside the stage
// (thread_local or tbb::enumerable_thread_specific).
#pragma once

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/doc/document.h"

namespace dyad {

struct PipelineOptions;

class Stage {
 public:
  virtual ~Stage() = default;
  virtual std::string_view name() const = 0;
  virtual void Process(Document& doc) const = 0;
  // Writes, for a person at a terminal, what this stage added to one
  // sentence of a processed document and why (`dyad explain`).
  virtual void Explain(const Document& doc, uint32_t sentence,
                       std::ostream& out) const = 0;
};

// Builds the stages that follow segmentation, in order, loading their
// resources from options.data_dir. Returns false with *error naming the
// resource file that failed. Defined in stages.cc: adding a stage to dyad
// means adding it there.
bool BuildStages(const PipelineOptions& options,
                 std::vector<std::unique_ptr<Stage>>* stages, std::string* error);

}  // namespace dyad
