#include "dyad/events/tree.h"

namespace dyad::events {

SentenceTree::SentenceTree(const Document& doc, const Sentence& sentence)
    : doc_(doc),
      tokens_(doc.SentenceTokens(sentence)),
      first_(sentence.first_token),
      count_(sentence.token_count) {
  lemmas_.resize(count_);
  child_start_.assign(count_ + 2, 0);
  for (uint32_t i = 0; i < count_; ++i) {
    std::string_view l = doc.Lemma(tokens_[i]);
    if (l.empty()) l = doc.Form(tokens_[i]);
    std::string& out = lemmas_[i];
    out.assign(l);
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    int h = tokens_[i].head;
    if (h >= 0 && static_cast<uint32_t>(h) < count_) ++child_start_[h + 2];
  }
  for (uint32_t i = 2; i < count_ + 2; ++i) child_start_[i] += child_start_[i - 1];
  child_list_.resize(child_start_[count_ + 1]);
  for (uint32_t i = 0; i < count_; ++i) {
    int h = tokens_[i].head;
    if (h >= 0 && static_cast<uint32_t>(h) < count_)
      child_list_[child_start_[h + 1]++] = static_cast<int>(i);
  }
  // child_start_[i] now begins i's children; children are in text order.
}

int SentenceTree::Child(int i, uint8_t rel) const {
  if (rel == 0) return -1;
  for (int c : children(i))
    if (tokens_[c].deprel == rel) return c;
  return -1;
}

bool SentenceTree::Dominates(int root, int node) const {
  for (int steps = 0; node >= 0 && steps <= size(); ++steps) {
    if (node == root) return true;
    node = head(node);
  }
  return false;
}

}  // namespace dyad::events
