// Lexicon: the actor dictionaries compiled for matching. Every alias is
// folded (fold.h) into a word sequence and put in a trie keyed by word ids;
// agent nouns and adjectives also get their plurals. Matching walks the
// trie from each position of a sentence and keeps the longest alias that
// fits (see Matcher in matcher.h).
//
// Thread safety: built once by Build(), then immutable; lookups are const
// and may run on many threads. Hits refer to entries of the dictionary the
// lexicon was built from, which must outlive it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "dyad/actors/dictionary.h"

namespace dyad::actors {

// How an alias names its entry.
enum class AliasType : uint8_t {
  kName,       // a proper name: "Iran", "MEK", "Esmail Baghaei"
  kAdjective,  // a country adjective: "Iranian"
  kDemonym,    // a country's people: "Iranians"
  kCapital,    // a seat of government standing for it: "Tehran"
  kNoun,       // a common noun of an agent, modifier or filler entry
};

struct Hit {
  uint32_t entry = 0;
  AliasType type = AliasType::kName;
  bool acronym = false;  // matches upper-case text only ("US", not "us")
};

class Lexicon {
 public:
  static constexpr uint32_t kNoWord = 0;
  static constexpr uint32_t kRoot = 0;
  static constexpr uint32_t kNoNode = UINT32_MAX;

  // REQUIRES: `dict` outlives the lexicon. Earlier entries win ties.
  explicit Lexicon(const ActorDictionary& dict);

  // The id of a folded word, kNoWord if no alias uses it.
  uint32_t WordId(std::string_view folded) const;
  // The trie node after `word` from `node`, kNoNode if none.
  uint32_t Next(uint32_t node, uint32_t word) const;
  // The aliases ending at `node`, best first (may be empty).
  const std::vector<Hit>& Hits(uint32_t node) const { return hits_[node]; }

  const ActorDictionary& dictionary() const { return dict_; }
  size_t node_count() const { return hits_.size(); }

 private:
  void Add(const std::vector<std::string>& words, Hit hit);
  uint32_t Intern(const std::string& word);

  const ActorDictionary& dict_;
  std::unordered_map<std::string, uint32_t> words_;
  std::unordered_map<uint64_t, uint32_t> edges_;  // (node << 32 | word) -> node
  std::vector<std::vector<Hit>> hits_;            // per node
};

}  // namespace dyad::actors
