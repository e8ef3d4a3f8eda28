#include "dyad/syntax/arc_hybrid.h"

#include <algorithm>
#include <cstdlib>

namespace dyad::syntax {

void ParserState::Init(int num_words) {
  n = num_words;
  b = 0;
  stack.clear();
  size_t size = static_cast<size_t>(n) + 1;
  head.assign(size, -1);
  label.assign(size, -1);
  left1.assign(size, -1);
  left2.assign(size, -1);
  right1.assign(size, -1);
  right2.assign(size, -1);
  num_left.assign(size, 0);
  num_right.assign(size, 0);
  left_labels.assign(size, 0);
  right_labels.assign(size, 0);
}

bool ParserState::Legal(const ArcHybrid& sys, int action) const {
  if (action == ArcHybrid::kShift) return CanShift();
  int l = sys.LabelOf(action);
  if (sys.IsLeft(action)) {
    if (!CanLeft()) return false;
    return (b == n) == (l == sys.root_label());
  }
  return CanRight() && l != sys.root_label();
}

void ParserState::Apply(const ArcHybrid& sys, int action) {
  if (action == ArcHybrid::kShift) {
    stack.push_back(b++);
    return;
  }
  int l = sys.LabelOf(action);
  int dep = stack.back();
  stack.pop_back();
  if (sys.IsLeft(action)) {
    // Each new left dependent of b0 lies further left than the previous.
    int h = b;
    head[dep] = h;
    label[dep] = l;
    left2[h] = left1[h];
    left1[h] = dep;
    ++num_left[h];
    left_labels[h] |= 1ull << (l & 63);
  } else {
    // Each new right dependent of s1 lies further right than the previous.
    int h = stack.back();
    head[dep] = h;
    label[dep] = l;
    right2[h] = right1[h];
    right1[h] = dep;
    ++num_right[h];
    right_labels[h] |= 1ull << (l & 63);
  }
}

void OracleCosts(const ArcHybrid& sys, const ParserState& s,
                 const int* gold_head, const int* gold_label, int* costs) {
  constexpr int kIllegal = 1 << 20;
  const int actions = sys.num_actions();
  std::fill(costs, costs + actions, kIllegal);
  const int n = s.n;
  const int b0 = s.b;
  auto in_buffer = [&](int i) { return i >= b0 && i <= n; };

  if (s.CanShift()) {
    // b0 loses its dependents on the stack and any head below s0.
    int c = 0;
    for (size_t k = 0; k < s.stack.size(); ++k) {
      int d = s.stack[k];
      if (gold_head[d] == b0) ++c;
      if (k + 1 < s.stack.size() && gold_head[b0] == d) ++c;
    }
    costs[ArcHybrid::kShift] = c;
  }
  if (s.stack.empty()) return;
  const int s0 = s.stack.back();
  const int s1 = s.stack.size() >= 2 ? s.stack[s.stack.size() - 2] : -1;
  // Popping s0 loses its dependents still in the buffer.
  int lost_deps = 0;
  for (int d = b0; d < n; ++d) {
    if (gold_head[d] == s0) ++lost_deps;
  }
  const int gh = gold_head[s0];
  if (s.CanLeft()) {
    int c = lost_deps;
    if (gh != b0 && (gh == s1 || (in_buffer(gh) && gh != b0))) ++c;
    for (int l = 0; l < sys.num_labels(); ++l) {
      int a = sys.Left(l);
      if (!s.Legal(sys, a)) continue;
      costs[a] = c + (gh == b0 && l != gold_label[s0] ? 1 : 0);
    }
  }
  if (s.CanRight()) {
    int c = lost_deps + (in_buffer(gh) ? 1 : 0);
    for (int l = 0; l < sys.num_labels(); ++l) {
      int a = sys.Right(l);
      if (!s.Legal(sys, a)) continue;
      costs[a] = c + (gh == s1 && l != gold_label[s0] ? 1 : 0);
    }
  }
}

void Projectivize(std::vector<int>* heads) {
  std::vector<int>& h = *heads;
  const int n = static_cast<int>(h.size());
  // An arc (h,d) is non-projective if some word strictly between them is
  // not dominated by h.
  auto dominated = [&](int word, int anc) {
    for (int x = word, steps = 0; x != n && steps <= n; x = h[x], ++steps) {
      if (x == anc) return true;
    }
    return anc == n;
  };
  while (true) {
    int best = -1, best_len = 1 << 30;
    for (int d = 0; d < n; ++d) {
      int hd = h[d];
      int lo = std::min(hd == n ? n : hd, d), hi = std::max(hd, d);
      if (hd == n) continue;  // root arcs span everything to the end
      bool nonproj = false;
      for (int k = lo + 1; k < hi && !nonproj; ++k) {
        if (!dominated(k, hd)) nonproj = true;
      }
      if (nonproj && hi - lo < best_len) {
        best = d;
        best_len = hi - lo;
      }
    }
    if (best < 0) return;
    h[best] = h[h[best]];
  }
}

}  // namespace dyad::syntax
