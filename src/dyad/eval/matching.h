// Maximum bipartite matching, for scoring system events one-to-one against
// gold events. Kuhn's augmenting paths: fine for the handful of events a
// document or record has. Pure function; thread-safe.
#pragma once

#include <cstddef>
#include <vector>

namespace dyad {

// edges[l] lists the right vertices left vertex l may match. Fills
// *match_of_right (size `right`, -1 for unmatched) and returns the number
// of matched pairs.
size_t MaxMatching(const std::vector<std::vector<int>>& edges, size_t right,
                   std::vector<int>* match_of_right);

}  // namespace dyad
