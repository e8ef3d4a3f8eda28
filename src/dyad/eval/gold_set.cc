#include "dyad/eval/gold_set.h"

#include <algorithm>
#include <filesystem>
#include <vector>

#include "dyad/ingest/formats.h"
#include "dyad/ingest/sources.h"

namespace dyad {

bool ForEachGoldArticle(const std::string& dir, const Pipeline& pipeline,
                        bool require_articles,
                        const std::function<void(GoldArticle&)>& visit,
                        std::string* error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  std::vector<fs::path> golds;
  for (const auto& e : fs::directory_iterator(fs::path(dir) / "gold", ec))
    if (e.path().extension() == ".jsonl") golds.push_back(e.path());
  if (ec) {
    *error = dir + "/gold: " + ec.message();
    return false;
  }
  std::sort(golds.begin(), golds.end());
  Reporter quiet(nullptr);
  for (const fs::path& gold_path : golds) {
    std::string article =
        (fs::path(dir) / "articles" / gold_path.stem()).string() + ".txt";
    InputFile input;
    if (!LoadInput(article, &input, quiet)) {
      if (!require_articles) continue;
      *error = article + ": cannot read";
      return false;
    }
    GoldArticle item;
    item.id = gold_path.stem().string();
    item.gold_path = gold_path.string();
    ParseText(input, quiet, [&](Document&& d) { item.doc = std::move(d); });
    if (!pipeline.Process(item.doc, quiet)) continue;
    visit(item);
  }
  return true;
}

}  // namespace dyad
