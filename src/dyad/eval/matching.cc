#include "dyad/eval/matching.h"

#include <functional>

namespace dyad {

size_t MaxMatching(const std::vector<std::vector<int>>& edges, size_t right,
                   std::vector<int>* match_of_right) {
  match_of_right->assign(right, -1);
  size_t matched = 0;
  for (size_t l = 0; l < edges.size(); ++l) {
    std::vector<bool> seen(right, false);
    std::function<bool(int)> augment = [&](int u) {
      for (int v : edges[u]) {
        if (seen[v]) continue;
        seen[v] = true;
        if ((*match_of_right)[v] < 0 || augment((*match_of_right)[v])) {
          (*match_of_right)[v] = u;
          return true;
        }
      }
      return false;
    };
    if (augment(static_cast<int>(l))) ++matched;
  }
  return matched;
}

}  // namespace dyad
