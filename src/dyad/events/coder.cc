#include "dyad/events/coder.h"

#include <vector>

namespace dyad::events {

namespace {

// How many sentences a quotation is followed across to find its speaker.
constexpr uint32_t kQuoteReach = 3;

}  // namespace

void EventCoder::Code(Document& doc, std::vector<Candidate>* trace) const {
  doc.events.clear();
  // A quotation running over several sentences belongs to the speaker
  // named where it closes ("We regret this step. It moves us away from
  // cooperation," Marquez told reporters), else where it opened.
  const uint32_t count = static_cast<uint32_t>(doc.sentences.size());
  std::vector<int> speaker(count, -1);
  std::vector<bool> open_at_start(count, false), open_at_end(count, false);
  bool open = false;
  for (uint32_t s = 0; s < count; ++s) {
    SentenceTree tree(doc, doc.sentences[s]);
    open_at_start[s] = open;
    for (int i = 0; i < tree.size(); ++i)
      if (tree.form(i) == "\"") open = !open;
    open_at_end[s] = open;
    if (open_at_start[s] || open_at_end[s])
      speaker[s] = SpeakerOf(doc, tree, MentionsByToken(doc, s, tree.size()), rel_,
                             lexicon_);
  }
  DocumentMemory memory;
  for (uint32_t s = 0; s < count; ++s) {
    if (doc.sentences[s].duplicate) continue;
    int carried = -1;
    for (uint32_t k = s + 1; open_at_end[s] && k < count && k <= s + kQuoteReach; ++k) {
      if (!open_at_start[k]) break;
      if (speaker[k] >= 0) { carried = speaker[k]; break; }
      if (!open_at_end[k]) break;
    }
    for (uint32_t k = s; carried < 0 && open_at_start[s] && k-- > 0 && k + kQuoteReach >= s;) {
      if (!open_at_end[k]) break;
      if (speaker[k] >= 0) { carried = speaker[k]; break; }
      if (!open_at_start[k]) break;
    }
    SentenceCoder(lexicon_, *codes_, *patterns_, rel_, doc, s, carried, &memory, trace)
        .Run();
  }
}

}  // namespace dyad::events
