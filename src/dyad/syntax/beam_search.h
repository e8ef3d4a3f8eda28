// Beam search over arc-hybrid transitions, shared by the runtime parser
// and by beam training (early update, Collins & Roark 2004). Every
// derivation of an n-word sentence takes exactly 2n transitions, so all
// beam items advance in lock step.
//
// Thread safety: BeamScratch is per-thread scratch (lives in Workspace or
// in the trainer); the search itself has no shared state.
#pragma once

#include <algorithm>
#include <cstdint>
#include <vector>

#include "dyad/syntax/arc_hybrid.h"
#include "dyad/syntax/parser.h"

namespace dyad::syntax {

struct BeamItem {
  ParserState state;
  double score = 0;
  int node = -1;      // last entry of this item's history in BeamScratch
  bool gold = false;  // history so far equals the gold action sequence
};

struct BeamScratch {
  struct Candidate {
    double score;
    int item;
    int action;
  };
  std::vector<BeamItem> cur, next;
  std::vector<Candidate> candidates;
  std::vector<std::pair<int, int>> history;  // (parent node, action)
  std::vector<float> scores;

  // Actions of the item whose last history node is `node`, in order.
  void Actions(int node, std::vector<int>* out) const {
    out->clear();
    for (; node >= 0; node = history[node].first) {
      out->push_back(history[node].second);
    }
    std::reverse(out->begin(), out->end());
  }
};

// Runs the search; score(state, scores) must fill scores[num_actions].
// With gold != nullptr (training), stops as soon as no item follows the
// gold sequence and returns that step's index; otherwise returns -1. The
// best item is ws->cur[0] either way.
template <typename ScoreFn>
int BeamSearch(const ArcHybrid& sys, int n, int width, const int* gold,
               ScoreFn&& score, BeamScratch* ws) {
  const int actions = sys.num_actions();
  if (static_cast<int>(ws->scores.size()) < actions) ws->scores.resize(actions);
  ws->cur.resize(1);
  ws->cur[0].state.Init(n);
  ws->cur[0].score = 0;
  ws->cur[0].node = -1;
  ws->cur[0].gold = true;
  ws->history.clear();
  for (int step = 0; !ws->cur[0].state.Terminal(); ++step) {
    ws->candidates.clear();
    for (int i = 0; i < static_cast<int>(ws->cur.size()); ++i) {
      const BeamItem& item = ws->cur[i];
      float* sc = ws->scores.data();
      std::fill(sc, sc + actions, 0.f);
      score(item.state, sc);
      for (int a = 0; a < actions; ++a) {
        if (item.state.Legal(sys, a)) {
          ws->candidates.push_back({item.score + sc[a], i, a});
        }
      }
    }
    size_t keep = std::min<size_t>(width, ws->candidates.size());
    // Ties broken by item then action so the search is deterministic.
    std::partial_sort(ws->candidates.begin(), ws->candidates.begin() + keep,
                      ws->candidates.end(),
                      [](const BeamScratch::Candidate& a,
                         const BeamScratch::Candidate& b) {
                        if (a.score != b.score) return a.score > b.score;
                        if (a.item != b.item) return a.item < b.item;
                        return a.action < b.action;
                      });
    ws->next.resize(keep);
    bool gold_alive = false;
    for (size_t j = 0; j < keep; ++j) {
      const auto& c = ws->candidates[j];
      const BeamItem& from = ws->cur[c.item];
      BeamItem& to = ws->next[j];
      to.state = from.state;
      to.state.Apply(sys, c.action);
      to.score = c.score;
      ws->history.emplace_back(from.node, c.action);
      to.node = static_cast<int>(ws->history.size()) - 1;
      to.gold = gold != nullptr && from.gold && c.action == gold[step];
      gold_alive |= to.gold;
    }
    std::swap(ws->cur, ws->next);
    if (gold != nullptr && !gold_alive) return step;
  }
  return -1;
}

}  // namespace dyad::syntax
