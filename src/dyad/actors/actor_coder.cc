#include "dyad/actors/actor_coder.h"

#include <algorithm>
#include <filesystem>

#include "dyad/actors/coref.h"
#include "dyad/actors/fold.h"
#include "dyad/actors/matcher.h"
#include "dyad/actors/phrase.h"

namespace dyad::actors {

namespace {

// Pronouns that can stand for an actor, with what they can point to.
// Possessives that open an actor phrase ("its spokesperson") lend it their
// referent's country instead (coref.cc); elsewhere ("its territory") they
// are mentions of their own.
const char* PronounKind(std::string_view folded) {
  if (folded == "he" || folded == "him" || folded == "she" || folded == "his" ||
      folded == "her")
    return "person";
  if (folded == "it" || folded == "its") return "thing";
  if (folded == "they" || folded == "them" || folded == "their") return "plural";
  // Inside quotation marks: the speaker (coref.cc).
  if (folded == "we" || folded == "us" || folded == "our" || folded == "i" ||
      folded == "me" || folded == "my")
    return "speaker";
  return nullptr;
}

}  // namespace

ActorCoder::ActorCoder(std::unique_ptr<ActorDictionary> dict)
    : dict_(std::move(dict)),
      lexicon_(std::make_unique<Lexicon>(*dict_)),
      gathering_words_(GatheringWords::From(*dict_)) {}

std::unique_ptr<ActorCoder> ActorCoder::Load(const std::string& data_dir,
                                             std::string* error) {
  namespace fs = std::filesystem;
  std::string dir = data_dir;
  std::error_code ec;
  if (fs::is_directory(fs::path(data_dir) / "actors", ec))
    dir = (fs::path(data_dir) / "actors").string();
  auto dict = std::make_unique<ActorDictionary>();
  if (!dict->LoadDirectory(dir, error)) return nullptr;
  return std::unique_ptr<ActorCoder>(new ActorCoder(std::move(dict)));
}

std::unique_ptr<ActorCoder> ActorCoder::FromDictionary(ActorDictionary dict) {
  return std::unique_ptr<ActorCoder>(
      new ActorCoder(std::make_unique<ActorDictionary>(std::move(dict))));
}

void ActorCoder::Annotate(Document& doc) const {
  doc.mentions.clear();
  WordCases cases = DocumentWordCases(doc);
  std::vector<ActorPhrase> phrases;
  Gatherings gatherings;
  for (uint32_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sentence = doc.sentences[s];
    if (sentence.duplicate || sentence.token_count == 0) continue;
    std::vector<Piece> pieces = MatchSentence(*lexicon_, doc, sentence, cases);
    std::vector<ActorPhrase> found = BuildPhrases(*lexicon_, doc, s, pieces, doc.date);
    // Pronouns outside every phrase become candidates for coreference.
    size_t next = 0;
    for (uint32_t t = sentence.first_token;
         t < sentence.first_token + sentence.token_count; ++t) {
      while (next < found.size() && found[next].last < t) ++next;
      if (next < found.size() && found[next].first <= t) continue;
      std::string_view form = doc.Form(doc.tokens[t]);
      const char* kind = PronounKind(FoldWord(form));
      if (!kind || form == "US") continue;
      ActorPhrase p;
      p.sentence = s;
      p.first = p.last = p.head = t;
      p.kind = Mention::Kind::kPronoun;
      p.rule = kind;
      p.person_like = std::string_view(kind) == "person";
      phrases.push_back(std::move(p));
    }
    for (ActorPhrase& p : found) phrases.push_back(std::move(p));
    FindGatherings(gathering_words_, *dict_, doc, s, pieces, phrases, &gatherings);
  }
  std::stable_sort(phrases.begin(), phrases.end(),
                   [](const ActorPhrase& a, const ActorPhrase& b) {
                     return a.first < b.first;
                   });
  ResolveAndEmit(*lexicon_, std::move(phrases), doc);
  // "the conference": who held or hosted it, once every actor is coded.
  ResolveGatherings(gathering_words_, gatherings, doc);
}

}  // namespace dyad::actors
