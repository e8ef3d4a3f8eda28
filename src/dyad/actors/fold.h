// Word folding for actor lookup: the one place that decides when two
// spellings of a word are the same for the dictionaries.
//
// A token and a dictionary word fold to the same key when they differ only
// in case, diacritics, periods ("U.S." = "US"), inner apostrophes
// ("Raja'i" = "Rajai") or a leading '#' ("#IRGC" = "IRGC"). Hyphens split
// words ("Mujahedin-e" -> "mujahedin" "e"), so "Mujahedin-e Khalq" and
// "Mujahedin e Khalq" meet. The possessive clitic stays its own word "'s",
// as the segmenter leaves it.
//
// Thread safety: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dyad::actors {

// The folded key of one word (no spaces or hyphens inside). May be empty
// (a token of punctuation only).
std::string FoldWord(std::string_view word);

// Folds a token and splits it at hyphens into the words the matcher sees.
// Empty parts are dropped, so "--" gives nothing.
std::vector<std::string> FoldToken(std::string_view token);

// Splits an alias as written in a dictionary ("People's Mojahedin",
// "MUJAHEDIN-E_KHALQ") into folded words the way text is tokenized:
// spaces and '_' separate, "'s" and a final "'" split off, hyphens split.
std::vector<std::string> AliasWords(std::string_view alias);

// English plural of a folded noun (the last word of an agent noun or a
// demonym): "ministry" -> "ministries", "policeman" -> "policemen".
std::string Plural(std::string_view noun);

// True if `text` has at least two letters and every letter is upper case
// ("US", "U.N.", "IRGC"): such aliases only match upper-case tokens, so
// "US" never matches the pronoun "us".
bool IsAcronym(std::string_view text);

// True if `text` contains an upper-case letter (ASCII or not).
bool HasUpper(std::string_view text);

}  // namespace dyad::actors
