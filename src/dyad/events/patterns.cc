#include "dyad/events/patterns.h"

#include "dyad/events/text_util.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace dyad::events {
namespace {

// Prepositions a slot may name (multi-word ones joined by '_', as UD's
// "fixed" relation joins them). A closed list catches typos in the files.
constexpr std::string_view kPrepositions[] = {
    "aboard", "about", "above", "according_to", "across", "after", "against",
    "ahead_of", "along", "alongside", "amid", "amidst", "among", "amongst",
    "around", "as", "at", "because_of", "before", "behind", "below",
    "beneath", "beside", "besides", "between", "beyond", "by", "concerning",
    "despite", "due_to", "during", "except", "following", "for", "from", "in",
    "in_front_of", "including", "inside", "instead_of", "into", "like",
    "near", "of", "off", "on", "on_behalf_of", "onto", "out", "out_of",
    "outside", "over", "past", "pending", "per", "regarding", "since",
    "than", "through", "throughout", "to", "toward", "towards", "under",
    "unlike", "until", "up", "upon", "via", "with", "within", "without"};

// Verb particles a predicate may carry ("call_off", "step_down").
constexpr std::string_view kParticles[] = {
    "about", "across", "ahead", "along", "apart", "around", "aside", "away",
    "back", "by", "down", "forth", "forward", "in", "off", "on", "out",
    "over", "through", "together", "under", "up"};

template <size_t N>
bool InList(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}

bool IsRelation(std::string_view r) {
  return r == "obj" || r == "subj" || r == "xcomp" || r == "mod" ||
         InList(kPrepositions, r);
}

bool IsSetName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
      return false;
  return true;
}


int WordCount(std::string_view phrase) {
  return 1 + static_cast<int>(std::count(phrase.begin(), phrase.end(), '_'));
}



// "data/verbs/curated.txt" -> "verbs/curated.txt": the folder and file name
// are what a reader needs to find the rule.
std::string ShortOrigin(const std::string& path) {
  std::filesystem::path p(path);
  std::string parent = p.parent_path().filename().string();
  return parent.empty() ? p.filename().string()
                        : parent + "/" + p.filename().string();
}

// How specific a pattern is: each slot counts 1, plus the number of words
// its shortest accepted value has (0 for any head); a particle counts 1.
// So "impose obj=&SANCTION on=@T" (2+1) beats "impose obj=&SANCTION" (2),
// and "ask obj=humanitarian_aid" (3) beats "ask obj=aid" (2).
int Specificity(const Pattern& p) {
  int score = p.particle.empty() ? 0 : 1;
  for (const Slot& slot : p.slots) {
    int words = 0;
    for (const std::string& l : slot.lemmas) {
      int n = WordCount(l);
      words = words == 0 ? n : std::min(words, n);
    }
    score += 1 + words;
  }
  return score;
}

}  // namespace

bool Slot::AcceptsHead(std::string_view lemma) const {
  if (lemmas.empty()) return true;
  for (const std::string& l : lemmas) {
    size_t us = l.rfind('_');
    std::string_view head =
        us == std::string::npos ? std::string_view(l)
                                : std::string_view(l).substr(us + 1);
    if (head == lemma) return true;
  }
  return false;
}

const Slot* Pattern::TargetSlot() const {
  for (const Slot& s : slots)
    if (s.target) return &s;
  return nullptr;
}

const Slot* Pattern::SourceSlot() const {
  for (const Slot& s : slots)
    if (s.source) return &s;
  return nullptr;
}

// Reads all files first and expands word sets afterwards, so a pattern may
// use a set defined later or in another file.
class PatternSetBuilder {
 public:
  explicit PatternSetBuilder(const CodeTable& codes)
      : codes_(codes), set_(new PatternSet) {}

  bool AddSource(const PatternSource& source, std::string* error);
  void NextSource() { ++source_index_; }
  std::unique_ptr<PatternSet> Finish(std::string* error);

 private:
  struct RawSet {
    std::vector<std::string> items;  // lemmas and "&NAME" references
    std::string origin;              // file of the first definition line
    std::string where;               // "file:line" of it
  };
  struct PendingSlot {
    size_t pattern, slot;
    std::vector<std::string> items;  // lemmas and "&NAME" references
    std::string where;
  };

  bool ParseSet(std::string_view name, const std::vector<std::string_view>& words,
                const std::string& origin, const std::string& where,
                std::string* error);
  bool ParsePattern(const std::vector<std::string_view>& words,
                    std::string_view text, const std::string& where,
                    std::string* error);
  // Fills nominal, predicate and particle from "n:attack", "call_off".
  bool ParsePredicate(std::string_view pred, Pattern* p, std::string* error);
  bool Expand(const std::string& name, std::vector<std::string>* out,
              std::set<std::string>* visiting, const std::string& where,
              std::string* error);

  const CodeTable& codes_;
  int source_index_ = 0;
  std::unique_ptr<PatternSet> set_;
  std::unordered_map<std::string, RawSet> raw_sets_;
  std::vector<PendingSlot> pending_;
};

bool PatternSetBuilder::AddSource(const PatternSource& source,
                                  std::string* error) {
  std::string_view content = source.content;
  size_t pos = 0;
  int line_no = 0;
  while (pos < content.size()) {
    size_t end = content.find('\n', pos);
    if (end == std::string_view::npos) end = content.size();
    std::string_view line = content.substr(pos, end - pos);
    pos = end + 1;
    ++line_no;
    size_t hash = line.find('#');
    if (hash != std::string_view::npos) line = line.substr(0, hash);
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t' ||
                             line.back() == '\r'))
      line.remove_suffix(1);
    std::vector<std::string_view> words = SplitWhitespace(line);
    if (words.empty()) continue;
    std::string where = source.origin + ":" + std::to_string(line_no);
    if (words[0][0] == '&') {
      if (!ParseSet(words[0].substr(1), words, source.origin, where, error))
        return false;
    } else {
      while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
        line.remove_prefix(1);
      if (!ParsePattern(words, line, where, error)) return false;
    }
  }
  return true;
}

bool PatternSetBuilder::ParseSet(std::string_view name,
                                 const std::vector<std::string_view>& words,
                                 const std::string& origin,
                                 const std::string& where, std::string* error) {
  if (!IsSetName(name)) {
    *error = where + ": set name '&" + std::string(name) +
             "' must be upper-case letters, digits and '_'";
    return false;
  }
  if (words.size() < 2) {
    *error = where + ": set &" + std::string(name) + " lists no words";
    return false;
  }
  auto [it, inserted] = raw_sets_.try_emplace(std::string(name));
  RawSet& raw = it->second;
  if (inserted) {
    raw.origin = origin;
    raw.where = where;
  } else if (raw.origin != origin) {
    *error = where + ": set &" + std::string(name) + " is already defined at " +
             raw.where + " (a set's lines must all be in one file)";
    return false;
  }
  for (size_t i = 1; i < words.size(); ++i) {
    std::string_view w = words[i];
    if (w[0] == '&' ? !IsSetName(w.substr(1)) : !IsPatternValue(w)) {
      *error = where + ": bad word '" + std::string(w) + "' in set &" +
               std::string(name);
      return false;
    }
    raw.items.push_back(w[0] == '&' ? std::string(w) : Lower(w));
  }
  return true;
}

bool PatternSetBuilder::ParsePattern(const std::vector<std::string_view>& words,
                                     std::string_view text,
                                     const std::string& where,
                                     std::string* error) {
  auto fail = [&](const std::string& what) {
    *error = where + ": " + what;
    return false;
  };
  if (words.size() < 2) return fail("a pattern needs a code and a predicate");
  Pattern p;
  p.rule = where;
  p.text = std::string(text);

  std::string_view code = words[0];
  if (code == "---") {
    p.code = "---";
  } else {
    const CodeInfo* info = codes_.Find(code);
    if (!info) return fail("unknown CAMEO code '" + std::string(code) + "'");
    p.code = info->code;
  }

  std::set<std::string> relations;
  std::vector<PendingSlot> pending;
  for (size_t i = 2; i < words.size(); ++i) {
    std::string_view w = words[i];
    size_t eq = w.find('=');
    if (eq == std::string_view::npos || eq == 0 || eq + 1 == w.size())
      return fail("bad slot '" + std::string(w) +
                  "': expected RELATION=VALUE[|VALUE...]");
    Slot slot;
    slot.relation = Lower(w.substr(0, eq));
    if (!IsRelation(slot.relation))
      return fail("unknown relation '" + slot.relation + "' in slot '" +
                  std::string(w) + "' (obj, subj, xcomp, mod or a preposition)");
    if (!relations.insert(slot.relation).second)
      return fail("relation '" + slot.relation + "' appears twice");
    bool any = false;
    std::vector<std::string> items;
    for (std::string_view v : SplitOn(w.substr(eq + 1), '|')) {
      if (v == "@T") {
        slot.target = true;
      } else if (v == "@S") {
        slot.source = true;
      } else if (v == "*") {
        any = true;
      } else if (v.starts_with("&")) {
        if (!IsSetName(v.substr(1)))
          return fail("bad set name '" + std::string(v) + "' in slot '" +
                      std::string(w) + "'");
        items.push_back(std::string(v));
      } else if (IsPatternValue(v)) {
        items.push_back(Lower(v));
      } else {
        return fail("bad value '" + std::string(v) + "' in slot '" +
                    std::string(w) + "'");
      }
    }
    if (any && !items.empty())
      return fail("slot '" + std::string(w) + "' mixes '*' with words");
    if (slot.target && slot.source)
      return fail("slot '" + std::string(w) + "' is both @T and @S");
    if ((slot.target && p.TargetSlot()) || (slot.source && p.SourceSlot()))
      return fail("more than one @T or @S slot");
    if (!items.empty())
      pending.push_back({0, p.slots.size(), std::move(items), where});
    p.slots.push_back(std::move(slot));
  }
  // One pattern per predicate alternative ("criticize|criticise").
  std::string_view preds = words[1];
  size_t start = 0;
  while (true) {
    size_t bar = preds.find('|', start);
    std::string_view alt = preds.substr(start, bar - start);
    Pattern q = p;
    if (!ParsePredicate(alt, &q, error)) {
      *error = where + ": " + *error;
      return false;
    }
    if (!q.nominal && relations.count("mod"))
      return fail("mod= applies to event nouns (n:...) only");
    size_t index = set_->all_.size();
    for (const PendingSlot& s : pending) {
      PendingSlot copy = s;
      copy.pattern = index;
      pending_.push_back(std::move(copy));
    }
    q.source = source_index_;
    set_->all_.push_back(std::move(q));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  return true;
}

bool PatternSetBuilder::ParsePredicate(std::string_view pred, Pattern* p,
                                       std::string* error) {
  if (pred.starts_with("n:")) {
    p->nominal = true;
    pred.remove_prefix(2);
  }
  std::string lemma = Lower(pred);
  size_t us = lemma.find('_');
  if (us != std::string::npos) {
    if (p->nominal) {
      *error = "event noun '" + lemma +
               "' cannot have a particle; use mod= for a modifier";
      return false;
    }
    p->particle = lemma.substr(us + 1);
    lemma.resize(us);
    if (!InList(kParticles, p->particle)) {
      *error = "'" + p->particle + "' in '" + std::string(pred) +
               "' is not a verb particle (write obj=... or a preposition slot)";
      return false;
    }
  }
  if (!IsPatternValue(lemma) || lemma.find('_') != std::string::npos) {
    *error = "bad predicate '" + std::string(pred) + "'";
    return false;
  }
  p->predicate = lemma;
  return true;
}

bool PatternSetBuilder::Expand(const std::string& name,
                               std::vector<std::string>* out,
                               std::set<std::string>* visiting,
                               const std::string& where, std::string* error) {
  auto it = raw_sets_.find(name);
  if (it == raw_sets_.end()) {
    *error = where + ": unknown set &" + name;
    return false;
  }
  if (!visiting->insert(name).second) {
    *error = it->second.where + ": set &" + name + " includes itself";
    return false;
  }
  for (const std::string& item : it->second.items) {
    if (item[0] == '&') {
      if (!Expand(item.substr(1), out, visiting, it->second.where, error))
        return false;
    } else {
      out->push_back(item);
    }
  }
  visiting->erase(name);
  return true;
}

std::unique_ptr<PatternSet> PatternSetBuilder::Finish(std::string* error) {
  // Word sets, expanded and without repeats (first occurrence kept).
  for (const auto& [name, raw] : raw_sets_) {
    std::vector<std::string> words;
    std::set<std::string> visiting;
    if (!Expand(name, &words, &visiting, raw.where, error)) return nullptr;
    std::set<std::string> seen;
    std::vector<std::string>& dest = set_->sets_[name];
    for (std::string& w : words)
      if (seen.insert(w).second) dest.push_back(std::move(w));
  }
  for (const PendingSlot& s : pending_) {
    std::vector<std::string> words;
    for (const std::string& item : s.items) {
      if (item[0] == '&') {
        auto it = set_->sets_.find(item.substr(1));
        if (it == set_->sets_.end()) {
          *error = s.where + ": unknown set " + item;
          return nullptr;
        }
        words.insert(words.end(), it->second.begin(), it->second.end());
      } else {
        words.push_back(item);
      }
    }
    std::vector<std::string>& dest = set_->all_[s.pattern].slots[s.slot].lemmas;
    std::set<std::string> seen;
    for (std::string& w : words)
      if (seen.insert(w).second) dest.push_back(std::move(w));
  }
  for (Pattern& p : set_->all_) {
    p.specificity = Specificity(p);
    if (p.nominal) {
      set_->by_predicate_["n:" + p.predicate].push_back(p);
    } else {
      set_->by_predicate_[p.predicate].push_back(p);
      if (!p.particle.empty())
        set_->by_predicate_[p.predicate + "_" + p.particle].push_back(p);
    }
  }
  for (auto& [key, list] : set_->by_predicate_) {
    int first_source = list.front().source;
    for (const Pattern& p : list) first_source = std::min(first_source, p.source);
    std::erase_if(list, [&](const Pattern& p) { return p.source != first_source; });
    std::stable_sort(list.begin(), list.end(),
                     [](const Pattern& a, const Pattern& b) {
                       return a.specificity > b.specificity;
                     });
  }
  return std::move(set_);
}

std::unique_ptr<PatternSet> PatternSet::Parse(
    const std::vector<PatternSource>& sources, const CodeTable& codes,
    std::string* error) {
  PatternSetBuilder builder(codes);
  for (const PatternSource& source : sources) {
    if (!builder.AddSource(source, error)) return nullptr;
    builder.NextSource();
  }
  return builder.Finish(error);
}

std::unique_ptr<PatternSet> PatternSet::Load(
    const std::vector<std::string>& paths, const CodeTable& codes,
    std::string* error) {
  std::vector<PatternSource> sources;
  for (const std::string& path : paths) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      *error = path + ": cannot open";
      return nullptr;
    }
    std::stringstream buffer;
    buffer << in.rdbuf();
    sources.push_back({ShortOrigin(path), buffer.str()});
  }
  return Parse(sources, codes, error);
}

std::vector<std::string> PatternSet::DefaultFiles(const std::string& verbs_dir) {
  namespace fs = std::filesystem;
  std::vector<std::string> first, rest;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(verbs_dir, ec)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".txt")
      continue;
    std::string name = entry.path().filename().string();
    (name == "control.txt" || name == "curated.txt" ? first : rest)
        .push_back(entry.path().string());
  }
  // control.txt sorts before curated.txt, as wanted.
  std::sort(first.begin(), first.end());
  std::sort(rest.begin(), rest.end());
  first.insert(first.end(), rest.begin(), rest.end());
  return first;
}

std::span<const Pattern> PatternSet::ForPredicate(std::string_view lemma) const {
  auto it = by_predicate_.find(lemma);
  if (it == by_predicate_.end()) return {};
  return it->second;
}

const std::vector<std::string>* PatternSet::Set(std::string_view name) const {
  if (name.starts_with("&")) name.remove_prefix(1);
  auto it = sets_.find(name);
  return it == sets_.end() ? nullptr : &it->second;
}

}  // namespace dyad::events
