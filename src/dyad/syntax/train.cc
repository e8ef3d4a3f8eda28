#include "dyad/syntax/train.h"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <map>
#include <random>
#include <thread>

#include <xxhash.h>

#include "dyad/syntax/conllu.h"
#include "dyad/syntax/evaluate.h"
#include "dyad/syntax/feature_hash.h"
#include "dyad/syntax/model.h"
#include "dyad/syntax/neural_train.h"
#include "dyad/syntax/perceptron.h"

namespace dyad::syntax {
namespace {

using Clock = std::chrono::steady_clock;

// Chosen on the jackknife: 3 gives 95.26% train tag accuracy, 10 gives
// 95.10%, no cut-off 94.20%.
constexpr int kMinLexiconCount = 3;
// Words seen once in train stay unknown to the parser, so the unknown-word
// embedding is trained on real rare words.
constexpr int kMinParserWordCount = 2;

double Seconds(Clock::time_point since) {
  return std::chrono::duration<double>(Clock::now() - since).count();
}

// Fisher-Yates with mt19937_64, whose output is fixed by the standard
// (std::shuffle's use of it is not), so orders match across compilers.
void Shuffle(std::vector<size_t>* v, std::mt19937_64* rng) {
  for (size_t i = v->size(); i > 1; --i) {
    size_t j = (*rng)() % i;
    std::swap((*v)[i - 1], (*v)[j]);
  }
}


// Label tables ordered by frequency (then name) so ids are stable.
struct Tables {
  ModelParts parts;  // only the name and tag tables are filled
  std::map<std::pair<std::string, std::string>, int> tag_ids;
  std::map<std::string, int> label_ids;  // parser label index
  int root_label = -1;
};

template <typename Key>
std::vector<Key> ByFrequency(const std::map<Key, int>& counts) {
  std::vector<std::pair<int, Key>> v;
  for (const auto& [k, c] : counts) v.emplace_back(-c, k);
  std::sort(v.begin(), v.end());
  std::vector<Key> out;
  for (auto& [c, k] : v) out.push_back(k);
  return out;
}

bool BuildTables(const std::vector<ConlluSentence>& train, Tables* t,
                 std::string* error) {
  std::map<std::string, int> xpos_counts, rel_counts;
  std::map<std::pair<std::string, std::string>, int> tag_counts;
  for (const auto& s : train) {
    for (const auto& w : s.words) {
      ++xpos_counts[w.xpos];
      ++rel_counts[w.deprel];
      ++tag_counts[{w.upos, w.xpos}];
    }
  }
  std::map<std::string, int> xpos_ids;
  t->parts.xpos_names = {"_"};
  for (const auto& x : ByFrequency(xpos_counts)) {
    if (x == "_") continue;
    xpos_ids[x] = static_cast<int>(t->parts.xpos_names.size());
    t->parts.xpos_names.push_back(x);
  }
  t->parts.deprel_names = {"_"};
  for (const auto& r : ByFrequency(rel_counts)) {
    t->label_ids[r] = static_cast<int>(t->parts.deprel_names.size()) - 1;
    t->parts.deprel_names.push_back(r);
  }
  for (const auto& tag : ByFrequency(tag_counts)) {
    t->tag_ids[tag] = static_cast<int>(t->parts.tags.size());
    auto it = xpos_ids.find(tag.second);
    t->parts.tags.push_back(TagClass{
        UposFromName(tag.first),
        static_cast<uint8_t>(it == xpos_ids.end() ? 0 : it->second)});
  }
  auto root = t->label_ids.find("root");
  if (root == t->label_ids.end()) return *error = "no root relation", false;
  t->root_label = root->second;
  if (t->parts.xpos_names.size() > 255 || t->parts.deprel_names.size() > 127 ||
      t->parts.tags.size() > 256) {
    *error = "too many distinct tags or relations for the model format";
    return false;
  }
  return true;
}

// Words and gold tags of a treebank, hashed once.
struct TaggedCorpus {
  std::vector<std::vector<WordInfo>> words;
  std::vector<std::vector<int>> tags;
};

TaggedCorpus PrepareCorpus(const std::vector<ConlluSentence>& sents,
                           const Tables& t) {
  TaggedCorpus c;
  std::string scratch;
  for (const auto& s : sents) {
    std::vector<WordInfo> words(s.words.size());
    std::vector<int> tags(s.words.size(), 0);
    for (size_t i = 0; i < s.words.size(); ++i) {
      ComputeWordInfo(s.words[i].form, &scratch, &words[i]);
      auto it = t.tag_ids.find({s.words[i].upos, s.words[i].xpos});
      tags[i] = it == t.tag_ids.end() ? 0 : it->second;
    }
    c.words.push_back(std::move(words));
    c.tags.push_back(std::move(tags));
  }
  return c;
}

// Trains a tagger on the sentences listed in `use`.
Tagger TrainTagger(const TaggedCorpus& corpus, const std::vector<size_t>& use,
                   int num_tags, int iterations, float prune, uint64_t seed,
                   const std::string& name) {
  Tagger tagger;
  std::map<uint64_t, std::map<int, int>> form_counts, lower_counts;
  for (size_t s : use) {
    for (size_t i = 0; i < corpus.words[s].size(); ++i) {
      ++form_counts[corpus.words[s][i].form][corpus.tags[s][i]];
      ++lower_counts[corpus.words[s][i].lower][corpus.tags[s][i]];
    }
  }
  auto most_frequent = [](const std::map<int, int>& c, int* total) {
    int best = -1, best_n = 0;
    *total = 0;
    for (auto [tag, n] : c) {
      *total += n;
      if (n > best_n) best = tag, best_n = n;
    }
    return std::pair(best, best_n);
  };
  // Honnibal's thresholds: frequent and almost always one tag.
  for (const auto& [form, c] : form_counts) {
    int total;
    auto [tag, n] = most_frequent(c, &total);
    if (total >= 20 && n >= 0.97 * total) tagger.tag_dict.Set(form, tag);
  }
  for (const auto& [lower, c] : lower_counts) {
    int total;
    uint32_t best = static_cast<uint32_t>(most_frequent(c, &total).first);
    // Rare words would teach the tagger to trust a tag set that on new
    // text is mostly incomplete, so they stay out of the lexicon.
    if (total < kMinLexiconCount) continue;
    // Ambiguity class: the tags making up at least 5% of the word's uses.
    uint64_t cls = 0x9AB;
    for (auto [tag, k] : c) {
      if (k * 20 >= total) cls = MixStep(cls, static_cast<uint64_t>(tag));
    }
    tagger.lexicon.Set(lower, best | (static_cast<uint32_t>(cls) << 8));
  }

  std::vector<std::vector<WordInfo>> words;
  words.reserve(use.size());
  for (size_t s : use) {
    words.push_back(corpus.words[s]);
    tagger.AttachLexicon(words.back().data(),
                         static_cast<int>(words.back().size()));
  }
  PerceptronTrainer trainer(num_tags);
  std::mt19937_64 rng(seed);
  std::vector<size_t> order(use.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::vector<float> scores(num_tags);
  std::vector<int> pred;
  uint32_t feats[kMaxTaggerFeatures];
  for (int it = 0; it < iterations; ++it) {
    auto start = Clock::now();
    Shuffle(&order, &rng);
    size_t total = 0, correct = 0;
    for (size_t k : order) {
      const auto& ws = words[k];
      const auto& gold = corpus.tags[use[k]];
      const int n = static_cast<int>(ws.size());
      pred.assign(n, 0);
      for (int i = 0; i < n; ++i) {
        uint32_t fixed;
        if (tagger.tag_dict.Get(ws[i].form, &fixed)) {
          pred[i] = static_cast<int>(fixed);
        } else {
          int nf = TaggerFeatures(ws.data(), n, i, i ? pred[i - 1] : -1,
                                  i > 1 ? pred[i - 2] : -1, feats);
          std::fill(scores.begin(), scores.end(), 0.f);
          trainer.Score(feats, nf, scores.data());
          int guess = static_cast<int>(
              std::max_element(scores.begin(), scores.end()) - scores.begin());
          trainer.Update(feats, nf, gold[i], guess);
          trainer.Tick();
          pred[i] = guess;
        }
        correct += pred[i] == gold[i];
        ++total;
      }
    }
    std::fprintf(stderr, "tagger %s iteration %d/%d: train acc %.2f%% (%.1fs)\n",
                 name.c_str(), it + 1, iterations,
                 100.0 * correct / std::max<size_t>(total, 1), Seconds(start));
  }
  tagger.weights = trainer.Averaged(prune);
  return tagger;
}

std::vector<int> TagWith(const Tagger& tagger, std::vector<WordInfo> words,
                         int num_tags) {
  std::vector<int> tags(words.size());
  std::vector<float> scores(num_tags);
  tagger.AttachLexicon(words.data(), static_cast<int>(words.size()));
  tagger.Tag(words.data(), static_cast<int>(words.size()), scores.data(),
             tags.data());
  return tags;
}

}  // namespace

bool TrainSyntaxModel(const TrainOptions& opt, std::string* error) {
  auto start_all = Clock::now();
  std::string train_bytes, dev_bytes;
  std::vector<ConlluSentence> train, dev;
  if (!ReadFileBytes(opt.train_path, &train_bytes, error) ||
      !ReadFileBytes(opt.dev_path, &dev_bytes, error)) {
    return false;
  }
  if (!ParseConllu(train_bytes, &train, error)) {
    *error = opt.train_path + ": " + *error;
    return false;
  }
  if (!ParseConllu(dev_bytes, &dev, error)) {
    *error = opt.dev_path + ": " + *error;
    return false;
  }
  std::vector<std::string> extra_bytes(opt.extra_train_paths.size());
  for (size_t k = 0; k < extra_bytes.size(); ++k) {
    const std::string& path = opt.extra_train_paths[k];
    std::vector<ConlluSentence> more;
    if (!ReadFileBytes(path, &extra_bytes[k], error)) return false;
    if (!ParseConllu(extra_bytes[k], &more, error)) {
      *error = path + ": " + *error;
      return false;
    }
    train.insert(train.end(), std::make_move_iterator(more.begin()),
                 std::make_move_iterator(more.end()));
  }
  if (train.empty()) return *error = opt.train_path + ": no sentences", false;
  // The model records exactly which data it came from: train, any extra
  // training files, then dev.
  XXH64_state_t* hs = XXH64_createState();
  XXH64_reset(hs, 0);
  XXH64_update(hs, train_bytes.data(), train_bytes.size());
  for (const std::string& b : extra_bytes) XXH64_update(hs, b.data(), b.size());
  XXH64_update(hs, dev_bytes.data(), dev_bytes.size());
  const uint64_t data_hash = XXH64_digest(hs);
  XXH64_freeState(hs);
  std::fprintf(stderr, "read %zu train and %zu dev sentences (data hash %016llx)\n",
               train.size(), dev.size(),
               static_cast<unsigned long long>(data_hash));

  Tables tables;
  if (!BuildTables(train, &tables, error)) return false;
  const int num_tags = static_cast<int>(tables.parts.tags.size());
  const int num_labels = static_cast<int>(tables.label_ids.size());
  std::fprintf(stderr, "%d tags (UPOS+XPOS pairs), %zu XPOS, %d relations\n",
               num_tags, tables.parts.xpos_names.size() - 1, num_labels);
  TaggedCorpus corpus = PrepareCorpus(train, tables);

  // Jackknifed tags for parser training, folds run on `threads` threads;
  // each fold is independent so the result is the same for any thread count.
  std::vector<std::vector<int>> train_tags(train.size());
  const int folds = opt.jackknife_folds;
  if (folds >= 2) {
    auto run_fold = [&](int f) {
      std::vector<size_t> use, held;
      for (size_t s = 0; s < train.size(); ++s) {
        (static_cast<int>(s % folds) == f ? held : use).push_back(s);
      }
      Tagger t = TrainTagger(corpus, use, num_tags, opt.tagger_iterations,
                             opt.tagger_prune, opt.seed + 1 + f,
                             "fold " + std::to_string(f + 1));
      for (size_t s : held) train_tags[s] = TagWith(t, corpus.words[s], num_tags);
    };
    for (int f = 0; f < folds; f += std::max(1, opt.threads)) {
      std::vector<std::thread> pool;
      for (int g = f; g < std::min(folds, f + std::max(1, opt.threads)); ++g) {
        pool.emplace_back(run_fold, g);
      }
      for (auto& th : pool) th.join();
    }
  } else {
    train_tags = corpus.tags;
  }
  size_t jk_total = 0, jk_correct = 0;
  for (size_t s = 0; s < train.size(); ++s) {
    for (size_t i = 0; i < train_tags[s].size(); ++i) {
      jk_correct += train_tags[s][i] == corpus.tags[s][i];
      ++jk_total;
    }
  }
  std::fprintf(stderr, "jackknifed train tag accuracy %.2f%%\n",
               100.0 * jk_correct / jk_total);

  std::vector<size_t> all(train.size());
  for (size_t s = 0; s < all.size(); ++s) all[s] = s;
  ModelParts base = tables.parts;
  base.tagger = TrainTagger(corpus, all, num_tags, opt.tagger_iterations,
                            opt.tagger_prune, opt.seed, "final");
  base.lemmatizer = Lemmatizer::Learn(train);

  // Parser vocabulary: lowercased forms seen at least kMinParserWordCount
  // times, ids by frequency (then hash) so they are stable; 0 = unknown.
  NeuralParser init;
  std::vector<int> word_counts = {0};
  {
    std::map<uint64_t, int> counts;
    for (const auto& ws : corpus.words) {
      for (const auto& w : ws) ++counts[w.lower];
    }
    for (uint64_t lower : ByFrequency(counts)) {
      if (counts[lower] < kMinParserWordCount) break;
      init.vocab.Set(lower, static_cast<uint32_t>(word_counts.size()));
      word_counts.push_back(counts[lower]);
    }
  }
  init.dims = opt.parser_dims;
  if (init.dims.hidden % 2 != 0 || init.dims.layers < 1 ||
      init.dims.layers > 2) {
    *error = "the parser needs an even --hidden and 1 or 2 --layers";
    return false;
  }
  init.dims.vocab = static_cast<int>(word_counts.size());
  init.dims.num_tags = num_tags;
  init.dims.num_labels = num_labels;
  InitNeuralParams(&init, opt.seed ^ 0xA5A5A5A5ULL);
  init.vocab_affixes.assign(word_counts.size() * kNumAffixes, 0);
  std::vector<NeuralSentence> samples(train.size());
  for (size_t s = 0; s < train.size(); ++s) {
    const auto& sent = train[s];
    NeuralSentence& ns = samples[s];
    for (size_t i = 0; i < sent.words.size(); ++i) {
      ns.words.push_back(init.MakeInput(corpus.words[s][i], train_tags[s][i]));
      const NeuralInput& in = ns.words.back();
      for (int k = 0; k < kNumAffixes; ++k) {
        init.vocab_affixes[in.word * kNumAffixes + k] = in.affix[k];
      }
      ns.heads.push_back(sent.words[i].head);
      ns.tags.push_back(corpus.tags[s][i]);
      ns.labels.push_back(tables.label_ids.at(sent.words[i].deprel));
    }
  }
  std::fprintf(stderr, "parser: %d words in the vocabulary, %zu sentences\n",
               init.dims.vocab, samples.size());
  NeuralTrainOptions nopt = opt.parser;
  nopt.threads = opt.threads;
  nopt.seed = opt.seed;
  NeuralParser best_parser = TrainNeuralParser(
      std::move(init), samples, word_counts, nopt,
      [&](const NeuralParser& parser, int) {
        ModelParts parts = base;
        parts.parser = parser;
        auto model = Model::FromParts(std::move(parts), data_hash);
        SyntaxScores dev_scores = Evaluate(*model, dev);
        return SyntaxScores::Pct(dev_scores.las, dev_scores.words);
      });

  base.parser = std::move(best_parser);
  auto model = Model::FromParts(std::move(base), data_hash);
  std::fprintf(stderr, "dev: %s\n", Evaluate(*model, dev).Summary().c_str());
  if (!model->Save(opt.out_path, error)) return false;
  std::error_code ec;
  auto size = std::filesystem::file_size(opt.out_path, ec);
  std::fprintf(stderr, "wrote %s (%.1f MB) in %.0fs total\n",
               opt.out_path.c_str(), ec ? 0.0 : size / 1e6,
               Seconds(start_all));
  return true;
}

}  // namespace dyad::syntax
