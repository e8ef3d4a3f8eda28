#include "dyad/actors/lexicon.h"

#include <algorithm>

#include "dyad/actors/fold.h"

namespace dyad::actors {

namespace {

int Rank(EntryKind kind) {
  switch (kind) {
    case EntryKind::kCountry:
    case EntryKind::kOrganization:
    case EntryKind::kPerson: return 0;
    case EntryKind::kAgent: return 1;
    case EntryKind::kModifier: return 2;
    case EntryKind::kFiller: return 3;
    case EntryKind::kCommon:
    case EntryKind::kGathering: return 4;
  }
  return 4;
}

}  // namespace

Lexicon::Lexicon(const ActorDictionary& dict) : dict_(dict) {
  hits_.emplace_back();  // the root
  const std::vector<Entry>& entries = dict.entries();
  // About two trie nodes per alias (plurals included): reserving once
  // spares the rehashing that otherwise dominates start-up.
  size_t aliases = 0;
  for (const Entry& e : entries)
    aliases += e.names.size() + 2 * e.adjectives.size() + e.demonyms.size() +
               e.capitals.size() + 2 * e.nouns.size();
  edges_.reserve(aliases * 2);
  words_.reserve(aliases);
  hits_.reserve(aliases * 2);
  for (uint32_t i = 0; i < entries.size(); ++i) {
    const Entry& e = entries[i];
    // Gathering words are read by gathering.cc, never matched as actors.
    if (e.kind == EntryKind::kGathering) continue;
    auto add_all = [&](const std::vector<std::string>& aliases, AliasType type,
                       bool plurals) {
      for (const std::string& alias : aliases) {
        std::vector<std::string> words = AliasWords(alias);
        if (words.empty()) continue;
        bool acronym = type == AliasType::kName && IsAcronym(alias);
        Add(words, Hit{i, type, acronym});
        if (plurals && e.plural) {
          // Plural of the head noun (the last word): "foreign ministries".
          std::string plural = Plural(words.back());
          if (plural != words.back()) {
            AliasType ptype = type == AliasType::kAdjective ? AliasType::kDemonym : type;
            words.back() = plural;
            Add(words, Hit{i, ptype, false});
          }
        }
      }
    };
    add_all(e.names, AliasType::kName, false);
    // "Iranians" from "Iranian"; not "Chineses" (Plural leaves -ese alone).
    add_all(e.adjectives, AliasType::kAdjective, true);
    add_all(e.demonyms, AliasType::kDemonym, false);
    add_all(e.capitals, AliasType::kCapital, false);
    add_all(e.nouns, AliasType::kNoun, e.kind == EntryKind::kAgent);
  }
}

uint32_t Lexicon::Intern(const std::string& word) {
  auto [it, added] = words_.emplace(word, static_cast<uint32_t>(words_.size() + 1));
  return it->second;
}

void Lexicon::Add(const std::vector<std::string>& words, Hit hit) {
  uint32_t node = kRoot;
  for (const std::string& w : words) {
    uint64_t key = (uint64_t{node} << 32) | Intern(w);
    auto it = edges_.find(key);
    if (it == edges_.end()) {
      uint32_t fresh = static_cast<uint32_t>(hits_.size());
      hits_.emplace_back();
      it = edges_.emplace(key, fresh).first;
    }
    node = it->second;
  }
  std::vector<Hit>& hits = hits_[node];
  for (const Hit& h : hits)
    if (h.entry == hit.entry && h.type == hit.type) return;
  // Names and agents before modifiers, fillers and common words; within a
  // rank, the earlier entry (file) first.
  auto rank = [&](const Hit& h) { return Rank(dict_.entries()[h.entry].kind); };
  auto at = std::upper_bound(hits.begin(), hits.end(), hit,
                             [&](const Hit& a, const Hit& b) { return rank(a) < rank(b); });
  hits.insert(at, hit);
}

uint32_t Lexicon::WordId(std::string_view folded) const {
  auto it = words_.find(std::string(folded));
  return it == words_.end() ? kNoWord : it->second;
}

uint32_t Lexicon::Next(uint32_t node, uint32_t word) const {
  if (word == kNoWord) return kNoNode;
  auto it = edges_.find((uint64_t{node} << 32) | word);
  return it == edges_.end() ? kNoNode : it->second;
}

}  // namespace dyad::actors
