// Eigen views and element-wise functions of the neural parser's trainer
// (neural_train.cc) and runtime (neural_parser.cc). The runtime's LSTM
// steps use their own vectorized sigmoid/tanh (neural_parser.cc, relative
// error ~2e-7 against these) and int16 products, so its scores differ from
// the trainer's float ones in the last bits; dev scores during training
// come from the runtime, so the kept epoch is judged as it will run.
// Internal to the syntax library: Eigen does not appear in public headers.
#pragma once

#include <Eigen/Core>

#include "dyad/syntax/neural_parser.h"

namespace dyad::syntax {

using MatMap = Eigen::Map<Eigen::MatrixXf>;
using ConstMatMap = Eigen::Map<const Eigen::MatrixXf>;
using VecMap = Eigen::Map<Eigen::VectorXf>;
using ConstVecMap = Eigen::Map<const Eigen::VectorXf>;

inline MatMap View(ParamMatrix& m) { return MatMap(m.v.data(), m.rows, m.cols); }
inline ConstMatMap View(const ParamMatrix& m) {
  return ConstMatMap(m.v.data(), m.rows, m.cols);
}

// Logistic function via tanh (Eigen vectorizes tanh for float).
template <typename Block>
inline void SigmoidInPlace(Block&& x) {
  x.array() = (x.array() * 0.5f).tanh() * 0.5f + 0.5f;
}

template <typename Block>
inline void TanhInPlace(Block&& x) {
  x.array() = x.array().tanh();
}

}  // namespace dyad::syntax
