// The arc-hybrid transition system (Kuhlmann et al. 2011) with the root
// token placed at the END of the buffer (Ballesteros & Nivre 2013), which
// lets the parser decide the sentence root last, with the whole sentence
// seen. Actions, with s0 the stack top and b0 the buffer front:
//   SHIFT      push b0 onto the stack
//   LEFT(l)    s0 <- b0 with label l, pop s0
//   RIGHT(l)   s0 <- s1 with label l, pop s0
// Exactly one word attaches to the root (LEFT from the root is allowed
// only when the stack holds a single word), as UD requires.
//
// Also holds the dynamic oracle (Goldberg & Nivre 2013): the number of
// gold arcs an action makes unreachable, exact for projective gold trees.
//
// Thread safety: a ParserState is per-thread scratch (lives in Workspace).
#pragma once

#include <cstdint>
#include <vector>

namespace dyad::syntax {

class ArcHybrid {
 public:
  // root_label: index of "root" among the num_labels labels.
  ArcHybrid(int num_labels, int root_label)
      : num_labels_(num_labels), root_label_(root_label) {}
  int num_actions() const { return 1 + 2 * num_labels_; }
  int num_labels() const { return num_labels_; }
  int root_label() const { return root_label_; }

  static constexpr int kShift = 0;
  int Left(int label) const { return 1 + label; }
  int Right(int label) const { return 1 + num_labels_ + label; }
  bool IsLeft(int a) const { return a >= 1 && a <= num_labels_; }
  bool IsRight(int a) const { return a > num_labels_; }
  int LabelOf(int a) const {
    return IsLeft(a) ? a - 1 : IsRight(a) ? a - 1 - num_labels_ : -1;
  }

 private:
  int num_labels_;
  int root_label_;
};

struct ParserState {
  int n = 0;  // words; index n is the root, at the end of the buffer
  int b = 0;  // buffer front
  std::vector<int> stack;
  std::vector<int> head;   // n+1 entries; -1 = none yet, n = root
  std::vector<int> label;  // label index of the arc to head, -1 none
  // Two leftmost and two rightmost dependents, counts and label sets.
  std::vector<int> left1, left2, right1, right2, num_left, num_right;
  std::vector<uint64_t> left_labels, right_labels;

  void Init(int num_words);
  bool Terminal() const { return stack.empty() && b == n; }
  bool CanShift() const { return b < n; }
  bool CanLeft() const {
    return !stack.empty() && (b < n || stack.size() == 1);
  }
  bool CanRight() const { return stack.size() >= 2; }
  // Whether `action` is allowed now (including the root-label rules).
  bool Legal(const ArcHybrid& sys, int action) const;
  void Apply(const ArcHybrid& sys, int action);
};

// Costs of SHIFT, LEFT(l) and RIGHT(l) for every label, written into
// costs[num_actions]; illegal actions get a large cost. gold_head uses n for
// the root; the gold tree must be projective for the costs to be exact.
void OracleCosts(const ArcHybrid& sys, const ParserState& s,
                 const int* gold_head, const int* gold_label, int* costs);

// Lifts non-projective arcs (shortest first) until the tree is projective:
// the dependent moves to its head's head. heads use n for the root.
void Projectivize(std::vector<int>* heads);

}  // namespace dyad::syntax
