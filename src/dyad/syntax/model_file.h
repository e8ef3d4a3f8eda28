// The on-disk container of a syntax model:
//   8 bytes  magic "DYADSYNT"
//   u32      format version (kModelFormatVersion)
//   u64      xxhash64 of the training data the model was built from
//   u64      payload size, u64 xxhash64 of the payload
//   u64      compressed size, then the zstd-compressed payload
// Reading checks each field in turn and fails with a message naming the
// file: wrong magic, wrong version, truncation and corruption are told
// apart so a user knows whether to retrain or re-download.
//
// Thread safety: free functions with no shared state.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace dyad::syntax {

inline constexpr char kModelMagic[8] = {'D', 'Y', 'A', 'D', 'S', 'Y', 'N', 'T'};
// 1: first model. 2: six word-pair parser templates retired (a v1 file
// would load but score with features that no longer fire). 3: neural
// (BiLSTM + biaffine) parser instead of the perceptron parser. 4: the
// parser's dimensions gained the layer count and the tag head flag (a
// version 3 file still loads: it is a one-layer parser without tag head).
inline constexpr uint32_t kModelFormatVersion = 4;
inline constexpr uint32_t kOldestReadableFormatVersion = 3;

bool WriteModelFile(const std::string& path, uint64_t data_hash,
                    std::string_view payload, int zstd_level,
                    std::string* error);

// On success *payload holds the decompressed payload and *version (if
// not null) the file's format version.
bool ReadModelFile(const std::string& path, std::string* payload,
                   uint64_t* data_hash, std::string* error,
                   uint32_t* version = nullptr);
// Same checks on bytes already in memory; `name` is used in messages.
bool DecodeModelBytes(std::string_view bytes, const std::string& name,
                      std::string* payload, uint64_t* data_hash,
                      std::string* error, uint32_t* version = nullptr);

}  // namespace dyad::syntax
