#include "dyad/events/petrarch_import.h"

#include "dyad/events/text_util.h"

#include <algorithm>
#include <istream>
#include <optional>
#include <ostream>
#include <vector>

#include "dyad/events/codes.h"

namespace dyad::events {
namespace {

// Kept in step with the relations and particles patterns.cc accepts.
constexpr std::string_view kPrepositions[] = {
    "aboard", "about", "above", "across", "after", "against", "along",
    "alongside", "amid", "amidst", "among", "amongst", "around", "as", "at",
    "before", "behind", "below", "beneath", "beside", "besides", "between",
    "beyond", "by", "concerning", "despite", "during", "except", "following",
    "for", "from", "in", "including", "inside", "into", "like", "near", "of",
    "off", "on", "onto", "out", "outside", "over", "past", "pending", "per",
    "regarding", "since", "than", "through", "throughout", "to", "toward",
    "towards", "under", "unlike", "until", "up", "upon", "via", "with",
    "within", "without"};
constexpr std::string_view kParticles[] = {
    "about", "across", "ahead", "along", "apart", "around", "aside", "away",
    "back", "by", "down", "forth", "forward", "in", "off", "on", "out",
    "over", "through", "together", "under", "up"};
constexpr std::string_view kDeterminers[] = {"a", "an", "the"};

template <size_t N>
bool InList(const std::string_view (&list)[N], std::string_view word) {
  return std::find(std::begin(list), std::end(list), word) != std::end(list);
}


std::string_view Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// Owning words: callers split strings they are about to drop.
std::vector<std::string> SplitWords(std::string_view s) {
  std::vector<std::string_view> words = SplitWhitespace(s);
  return {words.begin(), words.end()};
}

// "CEASE_FIRE" -> "cease_fire", last word made singular unless the entry
// ends in '_' (PETRARCH's "no plural forms") or `keep_plural`.
std::string NounValue(std::string_view word, bool keep_plural) {
  bool no_plural = keep_plural || word.ends_with("_");
  while (word.ends_with("_")) word.remove_suffix(1);
  std::string lower = Lower(word);
  if (no_plural) return lower;
  size_t us = lower.rfind('_');
  std::string head = us == std::string::npos ? lower : lower.substr(us + 1);
  return (us == std::string::npos ? "" : lower.substr(0, us + 1)) +
         SingularNoun(head);
}

std::string SetName(std::string_view token) {  // "&AUXVERB1_" -> "AUXVERB1"
  if (token.starts_with("&")) token.remove_prefix(1);
  while (token.ends_with("_")) token.remove_suffix(1);
  return std::string(token);
}

bool IsSetName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name)
    if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
      return false;
  return true;
}

// One parsed element of a pattern line.
struct Item {
  enum Kind { kWord, kPhrase, kSet, kSource, kTarget, kAny, kCompound, kPP } kind;
  std::string text;          // word, set token, or preposition (kPP)
  std::vector<Item> inner;   // kPhrase words, kPP content
};

// Splits "* (TO {BANNED PARTIES}) $" into items. False if brackets do not
// pair up.
bool ParseItems(const std::vector<std::string>& tokens, size_t* pos, char close,
                std::vector<Item>* out) {
  while (*pos < tokens.size()) {
    const std::string& t = tokens[(*pos)++];
    if (t.size() == 1 && t[0] == close) return true;
    if (t == ")" || t == "}") return false;
    if (t == "(" || t == "{") {
      Item item{t == "(" ? Item::kPP : Item::kPhrase, "", {}};
      if (!ParseItems(tokens, pos, t == "(" ? ')' : '}', &item.inner)) return false;
      if (item.kind == Item::kPP) {
        if (item.inner.empty() || item.inner[0].kind != Item::kWord) return false;
        item.text = Lower(item.inner[0].text);
        item.inner.erase(item.inner.begin());
      }
      out->push_back(std::move(item));
    } else if (t == "$") {
      out->push_back({Item::kSource, t, {}});
    } else if (t == "+") {
      out->push_back({Item::kTarget, t, {}});
    } else if (t == "^") {
      out->push_back({Item::kAny, t, {}});
    } else if (t == "%") {
      out->push_back({Item::kCompound, t, {}});
    } else if (t[0] == '&') {
      out->push_back({Item::kSet, t, {}});
    } else {
      out->push_back({Item::kWord, t, {}});
    }
  }
  return close == 0;
}

std::vector<std::string> Tokenize(std::string_view body) {
  std::string spaced;
  for (char c : body) {
    if (c == '(' || c == ')' || c == '{' || c == '}') {
      spaced += ' ';
      spaced += c;
      spaced += ' ';
    } else {
      spaced += c;
    }
  }
  return SplitWords(spaced);
}

bool IsNounish(const Item& item) {
  return item.kind == Item::kWord || item.kind == Item::kPhrase ||
         item.kind == Item::kSet || item.kind == Item::kSource ||
         item.kind == Item::kTarget || item.kind == Item::kAny;
}

// The slot value of a noun-like item, or nullopt with *why.
std::optional<std::string> ValueOf(const Item& item, std::string* why) {
  switch (item.kind) {
    case Item::kWord: {
      std::string v = NounValue(item.text, false);
      if (!IsPatternValue(v)) break;
      return v;
    }
    case Item::kSet: {
      std::string name = SetName(item.text);
      if (!IsSetName(name)) break;
      return "&" + name;
    }
    case Item::kSource: return std::string("@S");
    case Item::kTarget: return std::string("@T");
    case Item::kAny: return std::string("*");
    case Item::kPhrase: {
      std::string phrase;
      for (size_t i = 0; i < item.inner.size(); ++i) {
        const Item& w = item.inner[i];
        if (w.kind != Item::kWord) {
          *why = "set or actor marker inside a {phrase}";
          return std::nullopt;
        }
        if (!phrase.empty()) phrase += '_';
        phrase += i + 1 == item.inner.size() ? NounValue(w.text, false)
                                             : NounValue(w.text, true);
      }
      if (!IsPatternValue(phrase)) break;
      return phrase;
    }
    default: break;
  }
  *why = "unusable word '" + item.text + "'";
  return std::nullopt;
}

struct Converted {
  std::string particle;  // from the pattern ("- * OUT VIEWS")
  std::vector<std::pair<std::string, std::string>> slots;  // relation, value
};

// Converts the part of a pattern line between '-' and its [code].
std::optional<Converted> ConvertBody(std::string_view body, std::string* why) {
  std::vector<std::string> tokens = Tokenize(body);
  size_t star = std::find(tokens.begin(), tokens.end(), "*") - tokens.begin();
  if (star == tokens.size()) {
    *why = "no '*' for the verb";
    return std::nullopt;
  }
  std::vector<std::string> pre_tokens(tokens.begin(), tokens.begin() + star);
  std::vector<std::string> post_tokens(tokens.begin() + star + 1, tokens.end());
  std::vector<Item> pre, post;
  size_t pos = 0;
  if (!ParseItems(pre_tokens, &pos, 0, &pre) ||
      !ParseItems(post_tokens, &(pos = 0), 0, &post)) {
    *why = "unbalanced brackets, or a second '*'";
    return std::nullopt;
  }
  for (const auto* items : {&pre, &post})
    for (const Item& item : *items)
      if (item.kind == Item::kCompound ||
          std::any_of(item.inner.begin(), item.inner.end(), [](const Item& i) {
            return i.kind == Item::kCompound;
          })) {
        *why = "compound actor '%'";
        return std::nullopt;
      }

  Converted out;
  auto add = [&](const std::string& relation, const std::string& value) {
    for (const auto& [r, v] : out.slots)
      if (r == relation) return false;
    out.slots.emplace_back(relation, value);
    return true;
  };

  // Before the verb: nothing, the source marker, or one subject noun.
  std::vector<Item> subject;
  for (const Item& item : pre)
    if (item.kind != Item::kSource) subject.push_back(item);
  if (subject.size() > 1 || (subject.size() == 1 && !IsNounish(subject[0]))) {
    *why = "words before the verb";
    return std::nullopt;
  }
  if (subject.size() == 1) {
    auto v = ValueOf(subject[0], why);
    if (!v) return std::nullopt;
    add("subj", *v);
  }

  // After the verb: [particle] [object] (PREP value)...
  size_t i = 0;
  if (i < post.size() && post[i].kind == Item::kWord) {
    std::string word = Lower(post[i].text);
    bool marker_next = i + 1 < post.size() &&
                       (post[i + 1].kind == Item::kTarget ||
                        post[i + 1].kind == Item::kSource ||
                        post[i + 1].kind == Item::kAny);
    if (marker_next && InList(kPrepositions, word)) {
      // "- AIR * ON +": a preposition without its brackets.
      auto v = ValueOf(post[i + 1], why);
      add(word, *v);
      i += 2;
    } else if (InList(kParticles, word)) {
      out.particle = word;
      ++i;
    }
  }
  if (i < post.size() && IsNounish(post[i])) {
    auto v = ValueOf(post[i], why);
    if (!v) return std::nullopt;
    add("obj", *v);
    ++i;
    if (i < post.size() && IsNounish(post[i])) {
      *why = "several words after the verb";
      return std::nullopt;
    }
  }
  for (; i < post.size(); ++i) {
    const Item& item = post[i];
    // PETRARCH-1 leftovers put the target after the phrases: "* (FOR PEACE) +".
    if (item.kind == Item::kTarget && i + 1 == post.size() &&
        std::none_of(out.slots.begin(), out.slots.end(),
                     [](const auto& s) { return s.first == "obj"; })) {
      add("obj", "@T");
      continue;
    }
    if (item.kind != Item::kPP) {
      *why = "words after a (phrase)";
      return std::nullopt;
    }
    if (!InList(kPrepositions, item.text)) {
      *why = "'" + item.text + "' is not a preposition";
      return std::nullopt;
    }
    std::vector<Item> content;
    for (const Item& w : item.inner)
      if (!(w.kind == Item::kWord && InList(kDeterminers, Lower(w.text))))
        content.push_back(w);
    std::string value = "*";
    if (content.size() > 1) {
      *why = "several words in a (phrase)";
      return std::nullopt;
    }
    if (content.size() == 1) {
      auto v = ValueOf(content[0], why);
      if (!v) return std::nullopt;
      value = *v;
    }
    if (!add(item.text, value)) {
      *why = "preposition '" + item.text + "' twice";
      return std::nullopt;
    }
  }
  int targets = 0, sources = 0;
  for (const auto& [r, v] : out.slots) {
    targets += v == "@T";
    sources += v == "@S";
  }
  if (targets > 1 || sources > 1) {
    *why = "several actor markers of one kind";
    return std::nullopt;
  }
  return out;
}

struct Verb {
  std::string lemma;     // "call"
  std::string particle;  // "off"
  std::vector<std::pair<std::string, std::string>> slots;  // ASK_FOR: for=*
  std::string code;      // own code, "" = the block's
};

struct Pending {         // a pattern line of the current block
  int line = 0;
  std::string code;      // converted code ("" = the block's)
  Converted body;
};

// Splits "[042:043]" text into a code, or nullopt with *why.
std::optional<std::string> ConvertCode(std::string_view text,
                                       const CodeTable* codes,
                                       std::string* why) {
  text = Trim(text);
  if (text == "---") return std::string("---");
  size_t colon = text.find(':');
  std::string_view first = Trim(text.substr(0, colon));
  if (first.empty() && colon != std::string_view::npos) {
    *why = "code only for the reversed event";
    return std::nullopt;
  }
  bool digits = first.size() >= 2 && first.size() <= 4 &&
                std::all_of(first.begin(), first.end(),
                            [](char c) { return c >= '0' && c <= '9'; });
  if (!digits) {
    *why = "code is not 2 to 4 digits";
    return std::nullopt;
  }
  if (codes) {
    const CodeInfo* info = codes->Find(first);
    if (!info) {
      *why = "code not in the code table";
      return std::nullopt;
    }
    return info->code;
  }
  return std::string(first);
}

// Finds a trailing "[...]" in `line`; returns its content and strips it.
std::optional<std::string> TakeCode(std::string_view* line) {
  size_t open = line->rfind('[');
  size_t close = line->rfind(']');
  if (open == std::string_view::npos || close == std::string_view::npos ||
      close < open)
    return std::nullopt;
  std::string code(line->substr(open + 1, close - open - 1));
  *line = Trim(line->substr(0, open));
  return code;
}

class Importer {
 public:
  Importer(std::string_view origin, std::ostream& out, ImportStats* stats,
           const CodeTable* codes)
      : origin_(origin), out_(out), stats_(*stats), codes_(codes) {}

  bool Run(std::istream& in, std::string* error);

 private:
  std::string Where(int line) const {
    return origin_ + ":" + std::to_string(line);
  }
  void Skip(int line, const std::string& reason, std::string_view text) {
    ++stats_.skipped;
    ++stats_.skip_reasons[reason];
    out_ << "# skipped: " << Where(line) << ": " << reason << ": "
         << Trim(text) << "\n";
  }
  void StartBlock(std::string_view line, int line_no);
  void AddVerb(std::string_view line, int line_no);
  void AddPattern(std::string_view line, int line_no);
  void FlushBlock();
  void FlushSet();
  void WriteLine(const std::string& code, const std::vector<const Verb*>& verbs,
                 const std::string& extra_particle,
                 const std::vector<std::pair<std::string, std::string>>& slots,
                 int line_no);

  std::string origin_;
  std::ostream& out_;
  ImportStats& stats_;
  const CodeTable* codes_;

  bool in_block_ = false;
  std::string block_code_ = "---";
  std::vector<Verb> verbs_;
  std::vector<Pending> patterns_;

  std::vector<std::string> defined_sets_;
  std::string set_name_;            // set being read, "" if none
  std::vector<std::string> set_words_;
  bool set_no_plural_ = false;
};

void Importer::StartBlock(std::string_view line, int line_no) {
  FlushBlock();
  ++stats_.blocks;
  in_block_ = true;
  std::string_view rest = Trim(line.substr(3));
  if (rest.ends_with("---")) rest = Trim(rest.substr(0, rest.size() - 3));
  std::string why;
  block_code_ = "---";
  if (auto code_text = TakeCode(&rest)) {
    if (auto code = ConvertCode(*code_text, codes_, &why)) {
      block_code_ = *code;
    } else {
      Skip(line_no, "block code: " + why, line);
    }
  }
  out_ << "\n# --- " << rest << " [" << block_code_ << "] ---  " << Where(line_no)
       << "\n";
}

void Importer::AddVerb(std::string_view line, int line_no) {
  // Irregular forms in {...} are inflections: lemmas make them redundant.
  std::string text;
  int depth = 0;
  for (char c : line) {
    if (c == '{') ++depth;
    else if (c == '}') depth = std::max(0, depth - 1);
    else if (depth == 0) text += c;
  }
  std::string_view rest = Trim(text);
  std::optional<std::string> code_text = TakeCode(&rest);
  std::vector<std::string> words = SplitWords(rest);
  if (words.empty()) return;
  if (!in_block_) {
    Skip(line_no, "verb outside a block", line);
    return;
  }
  if (words.size() > 1) {
    Skip(line_no, "verb line with several words", line);
    return;
  }
  Verb verb;
  if (code_text) {
    std::string why;
    auto code = ConvertCode(*code_text, codes_, &why);
    if (!code) {
      Skip(line_no, "verb code: " + why, line);
      return;
    }
    verb.code = *code;
  }
  std::string token = words[0];
  std::vector<std::string> parts;
  size_t verb_index = 0, start = 0;
  while (true) {
    size_t us = token.find('_', start);
    std::string part = token.substr(start, us - start);
    if (part.starts_with("+")) {
      verb_index = parts.size();
      part.erase(0, 1);
    }
    parts.push_back(Lower(part));
    if (us == std::string::npos) break;
    start = us + 1;
  }
  if (parts.size() > 2 || verb_index != 0 ||
      std::any_of(parts.begin(), parts.end(),
                  [](const std::string& p) { return !IsPatternValue(p); })) {
    Skip(line_no,
         parts.size() > 2 ? "verb of more than two words"
                          : verb_index != 0 ? "words before the verb word"
                                            : "unusable verb",
         line);
    return;
  }
  verb.lemma = parts[0];
  if (parts.size() == 2 &&
      (parts[1] == "and" || parts[1] == "or" || parts[1] == "but")) {
    Skip(line_no, "unusable verb", line);
    return;
  }
  if (parts.size() == 2) {
    const std::string& second = parts[1];
    if (InList(kParticles, second)) {
      verb.particle = second;
    } else if (InList(kPrepositions, second)) {
      verb.slots.emplace_back(second, "*");
    } else {
      verb.slots.emplace_back("obj", NounValue(second, false));
    }
  }
  for (const Verb& v : verbs_)
    if (v.lemma == verb.lemma && v.particle == verb.particle &&
        v.slots == verb.slots)
      return;  // listed twice in the block
  ++stats_.verbs;
  verbs_.push_back(std::move(verb));
}

void Importer::AddPattern(std::string_view line, int line_no) {
  ++stats_.patterns_in;
  if (!in_block_) {
    Skip(line_no, "pattern outside a block", line);
    return;
  }
  std::string_view body = Trim(line.substr(1));
  std::string why;
  Pending p;
  p.line = line_no;
  if (auto code_text = TakeCode(&body)) {
    auto code = ConvertCode(*code_text, codes_, &why);
    if (!code) {
      Skip(line_no, why, line);
      return;
    }
    p.code = *code;
  }
  auto converted = ConvertBody(body, &why);
  if (!converted) {
    Skip(line_no, why, line);
    return;
  }
  // PETRARCH ignores a pattern whose synset is not defined before it.
  for (const auto& [relation, value] : converted->slots)
    if (value.starts_with("&") &&
        std::find(defined_sets_.begin(), defined_sets_.end(), value.substr(1)) ==
            defined_sets_.end()) {
      Skip(line_no, "set not defined before use", line);
      return;
    }
  p.body = std::move(*converted);
  ++stats_.converted;
  patterns_.push_back(std::move(p));
}

void Importer::WriteLine(
    const std::string& code, const std::vector<const Verb*>& verbs,
    const std::string& extra_particle,
    const std::vector<std::pair<std::string, std::string>>& slots,
    int line_no) {
  if (verbs.empty()) return;
  std::string text = code;
  text.resize(std::max<size_t>(text.size() + 2, 6), ' ');
  for (size_t i = 0; i < verbs.size(); ++i) {
    if (i) text += '|';
    text += verbs[i]->lemma;
    const std::string& particle =
        verbs[i]->particle.empty() ? extra_particle : verbs[i]->particle;
    if (!particle.empty()) text += "_" + particle;
  }
  for (const auto& [relation, value] : slots) text += "  " + relation + "=" + value;
  out_ << text << "  # " << (line_no ? Where(line_no) : "verb") << "\n";
  ++stats_.lines_out;
}

void Importer::FlushBlock() {
  if (!in_block_) return;
  // Verbs alone: one line per code, verbs in block order.
  std::vector<std::string> codes_seen;
  for (const Verb& verb : verbs_) {
    std::string code = verb.code.empty() ? block_code_ : verb.code;
    if (code == "---" || !verb.slots.empty() ||
        std::find(codes_seen.begin(), codes_seen.end(), code) != codes_seen.end())
      continue;
    codes_seen.push_back(code);
    std::vector<const Verb*> group;
    for (const Verb& other : verbs_)
      if ((other.code.empty() ? block_code_ : other.code) == code &&
          other.slots.empty())
        group.push_back(&other);
    WriteLine(code, group, "", {}, 0);
  }
  for (const Verb& verb : verbs_) {  // ASK_FOR and the like, one by one
    std::string code = verb.code.empty() ? block_code_ : verb.code;
    if (code != "---" && !verb.slots.empty()) WriteLine(code, {&verb}, "", verb.slots, 0);
  }
  // Each pattern applies to every verb of the block: one line for the
  // plain verbs, one for each verb that brings its own words.
  for (const Pending& p : patterns_) {
    std::string code = p.code.empty() ? block_code_ : p.code;
    std::vector<const Verb*> plain;
    for (const Verb& verb : verbs_) {
      if (!verb.particle.empty() && !p.body.particle.empty()) continue;
      if (verb.slots.empty()) {
        plain.push_back(&verb);
        continue;
      }
      // The verb's own words join the pattern's slots. For a verb with a
      // preposition (ASK_FOR: for=*) the pattern's object is that
      // preposition's object: "- * AID" -> "ask for=aid". A pattern that
      // already names the relation does not apply to the verb.
      std::vector<std::pair<std::string, std::string>> slots = p.body.slots;
      bool clash = false;
      for (const auto& [r, v] : verb.slots) {
        auto has = [&](std::string_view rel) {
          return std::find_if(slots.begin(), slots.end(), [&](const auto& s) {
            return s.first == rel;
          });
        };
        if (has(r) != slots.end()) {
          clash = true;
        } else if (r != "obj" && has("obj") != slots.end()) {
          auto obj = has("obj");
          obj->first = r;
        } else {
          slots.emplace_back(r, v);
        }
      }
      if (!clash) WriteLine(code, {&verb}, p.body.particle, slots, p.line);
    }
    WriteLine(code, plain, p.body.particle, p.body.slots, p.line);
  }
  in_block_ = false;
  verbs_.clear();
  patterns_.clear();
}

void Importer::FlushSet() {
  if (set_name_.empty()) return;
  if (!set_words_.empty()) {
    ++stats_.sets;
    for (size_t i = 0; i < set_words_.size(); i += 8) {
      out_ << "&" << set_name_;
      for (size_t j = i; j < std::min(set_words_.size(), i + 8); ++j)
        out_ << "  " << set_words_[j];
      out_ << "\n";
    }
  }
  set_name_.clear();
  set_words_.clear();
}

bool Importer::Run(std::istream& in, std::string* error) {
  std::string raw;
  int line_no = 0;
  bool header = true, in_xml_comment = false, any_content = false;
  out_ << "# Converted from " << origin_
       << " (a PETRARCH-2 verb dictionary) by dyad's ImportPetrarchVerbs.\n"
       << "# Format: data/verbs/README.md. '# skipped:' lines are patterns dyad's\n"
       << "# slot language cannot express. The source's own header follows.\n#\n";
  while (std::getline(in, raw)) {
    ++line_no;
    std::string_view line = Trim(raw);
    // <!-- ... --> comment lines (the validation dictionaries use them).
    if (in_xml_comment || line.starts_with("<!--")) {
      size_t end = line.find("-->");
      in_xml_comment = end == std::string_view::npos;
      if (header) {
        std::string_view inner = line.starts_with("<!--") ? line.substr(4) : line;
        if (end != std::string_view::npos) inner = inner.substr(0, inner.find("-->"));
        out_ << "# " << Trim(inner) << "\n";
      }
      continue;
    }
    if (header && line.starts_with("#")) {
      out_ << line << "\n";
      continue;
    }
    size_t hash = line.find('#');
    std::string_view content = Trim(line.substr(0, hash));
    if (content.empty()) continue;
    if (header) {
      header = false;
      out_ << "\n";
    }
    any_content = true;

    if (!set_name_.empty()) {
      if (content.starts_with("+")) {
        std::string member(content.substr(1));
        std::replace(member.begin(), member.end(), ' ', '_');
        std::string value = member.starts_with("&") ? "&" + SetName(member)
                            : NounValue(member, set_no_plural_);
        if ((value.starts_with("&") && IsSetName(value.substr(1))) ||
            IsPatternValue(value)) {
          if (std::find(set_words_.begin(), set_words_.end(), value) == set_words_.end())
            set_words_.push_back(value);
        } else {
          Skip(line_no, "unusable set member", content);
        }
        continue;
      }
      FlushSet();
    }
    if (content.starts_with("&")) {
      FlushBlock();
      std::string token = SplitWords(content)[0];
      set_no_plural_ = token.ends_with("_");
      set_name_ = SetName(token);
      if (!IsSetName(set_name_)) {
        *error = Where(line_no) + ": bad set name '" + token + "'";
        return false;
      }
      defined_sets_.push_back(set_name_);
      continue;
    }
    if (content.starts_with("---")) {
      StartBlock(content, line_no);
    } else if (content.starts_with("~")) {
      Skip(line_no, "transformation (~)", content);
    } else if (content.starts_with("-")) {
      AddPattern(content, line_no);
    } else {
      AddVerb(content, line_no);
    }
  }
  FlushSet();
  FlushBlock();
  if (!any_content || stats_.blocks == 0) {
    *error = origin_ + ": no '--- VERB ---' blocks: not a PETRARCH verb dictionary";
    return false;
  }
  out_ << "\n# " << stats_.blocks << " blocks, " << stats_.verbs << " verbs, "
       << stats_.sets << " sets; " << stats_.converted << " of "
       << stats_.patterns_in << " patterns converted, " << stats_.skipped
       << " lines skipped; " << stats_.lines_out << " pattern lines written.\n";
  return true;
}

}  // namespace

std::string SingularNoun(std::string_view word) {
  std::string w(word);
  if (w.size() <= 3) return w;
  static constexpr std::string_view kKeep[] = {"series", "species", "news",
                                               "means", "headquarters"};
  if (InList(kKeep, w)) return w;
  if (w.ends_with("ies")) return w.substr(0, w.size() - 3) + "y";
  for (std::string_view end : {"sses", "shes", "ches", "xes", "zzes"})
    if (w.ends_with(end)) return w.substr(0, w.size() - 2);
  if (w.ends_with("ss") || w.ends_with("us") || w.ends_with("is")) return w;
  if (w.ends_with("s")) return w.substr(0, w.size() - 1);
  return w;
}

bool ImportPetrarchVerbs(std::istream& in, std::string_view origin,
                         std::ostream& out, std::string* error,
                         ImportStats* stats, const CodeTable* codes) {
  ImportStats local;
  Importer importer(origin, out, stats ? stats : &local, codes);
  return importer.Run(in, error);
}

}  // namespace dyad::events
