// dyad train syntax / dyad eval syntax: train the tagger, lemmatizer and
// parser on a UD treebank, and score a model on gold tokenization.
#include <cstdio>
#include <iostream>
#include <memory>

#include "commands.h"
#include "dyad/syntax/conllu.h"
#include "dyad/syntax/evaluate.h"
#include "dyad/syntax/model.h"
#include "dyad/syntax/train.h"

namespace {

void AddTrainSyntax(CLI::App& parent) {
  auto opt = std::make_shared<dyad::syntax::TrainOptions>();
  CLI::App* cmd = parent.add_subcommand(
      "syntax", "Train the POS tagger, lemmatizer and dependency parser");
  cmd->add_option("--train", opt->train_path, "training treebank (CoNLL-U)")
      ->required();
  cmd->add_option("--also-train", opt->extra_train_paths,
                  "more training treebanks (e.g. the dev split for a final "
                  "model; pair with --keep-last)");
  cmd->add_option("--dev", opt->dev_path,
                  "development treebank (CoNLL-U), picks the parser epoch")
      ->required();
  cmd->add_option("--out", opt->out_path, "model file to write")->required();
  cmd->add_option("--tagger-iterations", opt->tagger_iterations,
                  "passes over the data for the tagger")
      ->capture_default_str();
  cmd->add_option("--epochs", opt->parser.epochs,
                  "passes over the data for the parser")
      ->capture_default_str();
  cmd->add_option("--hidden", opt->parser_dims.hidden,
                  "parser BiLSTM units per direction")
      ->capture_default_str();
  cmd->add_option("--layers", opt->parser_dims.layers,
                  "parser BiLSTM layers (1 or 2)")
      ->capture_default_str();
  cmd->add_option("--tag-head", opt->parser_dims.tag_head,
                  "1: the parser re-tags words with a softmax on its BiLSTM")
      ->capture_default_str();
  cmd->add_option("--arc-dim", opt->parser_dims.arc_dim,
                  "parser arc vector size")
      ->capture_default_str();
  cmd->add_option("--label-dim", opt->parser_dims.label_dim,
                  "parser label vector size")
      ->capture_default_str();
  cmd->add_option("--word-dim", opt->parser_dims.word_dim,
                  "parser word embedding size")
      ->capture_default_str();
  cmd->add_option("--batch", opt->parser.batch_sentences,
                  "sentences per parser update")
      ->capture_default_str();
  cmd->add_option("--input-dropout", opt->parser.input_dropout,
                  "parser dropout on the word vectors")
      ->capture_default_str();
  cmd->add_option("--dropout", opt->parser.hidden_dropout,
                  "parser dropout on the BiLSTM output")
      ->capture_default_str();
  cmd->add_option("--mlp-dropout", opt->parser.mlp_dropout,
                  "parser dropout on the arc and label vectors")
      ->capture_default_str();
  cmd->add_option("--learning-rate", opt->parser.learning_rate,
                  "parser Adam learning rate")
      ->capture_default_str();
  cmd->add_option("--learning-rate-decay", opt->parser.learning_rate_decay,
                  "parser learning rate factor per epoch")
      ->capture_default_str();
  cmd->add_option("--average-decay", opt->parser.average_decay,
                  "decay of the parser's parameter average (0 = off)")
      ->capture_default_str();
  cmd->add_flag("--keep-last", opt->parser.keep_last_epoch,
                "keep the parser's last epoch, not the best on dev");
  cmd->add_option("--seed", opt->seed,
                  "random seed (initial weights, shuffling, dropout)")
      ->capture_default_str();
  cmd->add_option("--folds", opt->jackknife_folds,
                  "jackknife folds for the parser's training tags (0 = gold)")
      ->capture_default_str();
  cmd->add_option("--threads", opt->threads,
                  "threads for the jackknife and the parser (1 or 2)")
      ->capture_default_str();
  cmd->add_option("--tagger-prune", opt->tagger_prune,
                  "drop tagger weights smaller than this")
      ->capture_default_str();
  cmd->callback([opt] {
    std::string error;
    if (!dyad::syntax::TrainSyntaxModel(*opt, &error)) {
      std::cerr << "dyad: " << error << "\n";
      dyad::cli::exit_code = 2;
    }
  });
}

void AddEvalSyntax(CLI::App& parent) {
  struct Options {
    std::string model, test;
  };
  auto opt = std::make_shared<Options>();
  CLI::App* cmd = parent.add_subcommand(
      "syntax", "Score a syntax model on a CoNLL-U treebank (gold tokens)");
  cmd->add_option("--model", opt->model, "model file")->required();
  cmd->add_option("--test", opt->test, "treebank to score (CoNLL-U)")
      ->required();
  cmd->callback([opt] {
    std::string error;
    auto model = dyad::syntax::Model::Load(opt->model, &error);
    std::vector<dyad::syntax::ConlluSentence> gold;
    if (!model || !dyad::syntax::ReadConllu(opt->test, &gold, &error)) {
      std::cerr << "dyad: " << error << "\n";
      dyad::cli::exit_code = 2;
      return;
    }
    dyad::syntax::SyntaxScores s = dyad::syntax::Evaluate(*model, gold);
    using dyad::syntax::SyntaxScores;
    std::printf("%s: %zu sentences, %zu words\n", opt->test.c_str(),
                s.sentences, s.words);
    std::printf("UPOS   %6.2f\n", SyntaxScores::Pct(s.upos, s.words));
    std::printf("XPOS   %6.2f\n", SyntaxScores::Pct(s.xpos, s.words));
    std::printf("Lemma  %6.2f\n", SyntaxScores::Pct(s.lemma, s.words));
    std::printf("UAS    %6.2f\n", SyntaxScores::Pct(s.uas, s.words));
    std::printf("LAS    %6.2f  (universal relations, as CoNLL 2018)\n",
                SyntaxScores::Pct(s.las, s.words));
    std::printf("LAS+   %6.2f  (relations with subtypes)\n",
                SyntaxScores::Pct(s.las_full, s.words));
  });
}

}  // namespace

void RegisterSyntaxCommands(CLI::App& app) {
  AddTrainSyntax(*dyad::cli::Subcommand(app, "train", "Train models"));
  AddEvalSyntax(*dyad::cli::Subcommand(app, "eval", "Evaluate against gold data"));
}
