// An annotated set as ANNOTATION.md lays it out: DIR/articles/<id>.txt and
// DIR/gold/<id>.jsonl. ForEachGoldArticle reads each article that has a
// gold file, runs it through the pipeline and hands it over, in id order;
// the evaluators (segmentation, events, actors) share it.
//
// Thread safety: none needed; the pipeline is only read.
#pragma once

#include <functional>
#include <string>

#include "dyad/doc/document.h"
#include "dyad/pipeline/pipeline.h"

namespace dyad {

struct GoldArticle {
  std::string id;         // file stem
  std::string gold_path;  // DIR/gold/<id>.jsonl
  Document doc;           // processed by the pipeline
};

// Returns false with *error when DIR/gold cannot be listed, or when an
// article cannot be read and `require_articles` is set (otherwise such
// articles are skipped).
bool ForEachGoldArticle(const std::string& dir, const Pipeline& pipeline,
                        bool require_articles,
                        const std::function<void(GoldArticle&)>& visit,
                        std::string* error);

}  // namespace dyad
