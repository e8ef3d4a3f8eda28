// SentenceTree: a read-only view of one parsed sentence as a dependency
// tree (children lists, relation tests), for the clause analysis.
//
// Lifetime: views the Document it was built from; rebuild it after the
// document changes. Thread safety: const methods are safe to share.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "dyad/doc/document.h"

namespace dyad::events {

// Relation ids of the syntax model, looked up once by name. A relation the
// model does not have gets id 0 (never matches a parsed token: 0 = none).
struct Relations {
  uint8_t nsubj = 0, nsubj_pass = 0, csubj = 0, obj = 0, iobj = 0, obl = 0,
          obl_agent = 0, obl_unmarked = 0, nmod = 0, nmod_poss = 0, conj = 0,
          xcomp = 0, ccomp = 0, advcl = 0, acl = 0, acl_relcl = 0, aux = 0,
          aux_pass = 0, advmod = 0, case_ = 0, mark = 0, prt = 0, cop = 0,
          appos = 0, amod = 0, compound = 0, flat = 0, parataxis = 0, det = 0, list = 0,
          dep = 0,
          root = 0;
  // `id_of` maps a relation name ("nsubj:pass") to the model's id.
  template <typename IdOf>
  static Relations From(IdOf id_of);
};

class SentenceTree {
 public:
  SentenceTree(const Document& doc, const Sentence& sentence);

  int size() const { return static_cast<int>(count_); }
  const Token& token(int i) const { return tokens_[i]; }
  uint32_t doc_index(int i) const { return first_ + static_cast<uint32_t>(i); }
  int head(int i) const { return tokens_[i].head; }
  uint8_t rel(int i) const { return tokens_[i].deprel; }
  Upos upos(int i) const { return tokens_[i].upos; }
  std::string_view form(int i) const { return doc_.Form(tokens_[i]); }
  // Lower-cased lemma (the form, lower-cased, if the parser gave none).
  const std::string& lemma(int i) const { return lemmas_[i]; }
  std::span<const int> children(int i) const {
    return {child_list_.data() + child_start_[i],
            child_start_[i + 1] - child_start_[i]};
  }
  // First child of i with relation `rel`, or -1.
  int Child(int i, uint8_t rel) const;
  // Whether `node` lies in the subtree of `root` (node == root counts).
  bool Dominates(int root, int node) const;

 private:
  const Document& doc_;
  const Token* tokens_;
  uint32_t first_, count_;
  std::vector<std::string> lemmas_;
  std::vector<uint32_t> child_start_;
  std::vector<int> child_list_;
};

template <typename IdOf>
Relations Relations::From(IdOf id_of) {
  Relations r;
  r.nsubj = id_of("nsubj");
  r.nsubj_pass = id_of("nsubj:pass");
  r.csubj = id_of("csubj");
  r.obj = id_of("obj");
  r.iobj = id_of("iobj");
  r.obl = id_of("obl");
  r.obl_agent = id_of("obl:agent");
  r.obl_unmarked = id_of("obl:unmarked");
  r.nmod = id_of("nmod");
  r.nmod_poss = id_of("nmod:poss");
  r.conj = id_of("conj");
  r.xcomp = id_of("xcomp");
  r.ccomp = id_of("ccomp");
  r.advcl = id_of("advcl");
  r.acl = id_of("acl");
  r.acl_relcl = id_of("acl:relcl");
  r.aux = id_of("aux");
  r.aux_pass = id_of("aux:pass");
  r.advmod = id_of("advmod");
  r.case_ = id_of("case");
  r.mark = id_of("mark");
  r.prt = id_of("compound:prt");
  r.cop = id_of("cop");
  r.appos = id_of("appos");
  r.amod = id_of("amod");
  r.compound = id_of("compound");
  r.flat = id_of("flat");
  r.parataxis = id_of("parataxis");
  r.list = id_of("list");
  r.dep = id_of("dep");
  r.det = id_of("det");
  r.root = id_of("root");
  return r;
}

}  // namespace dyad::events
