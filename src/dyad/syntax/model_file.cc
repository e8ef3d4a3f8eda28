#include "dyad/syntax/model_file.h"

#include <cstring>
#include <fstream>

#include <xxhash.h>
#include <zstd.h>

#include "dyad/syntax/byte_io.h"
#include "dyad/syntax/conllu.h"

namespace dyad::syntax {

bool WriteModelFile(const std::string& path, uint64_t data_hash,
                    std::string_view payload, int zstd_level,
                    std::string* error) {
  std::string compressed(ZSTD_compressBound(payload.size()), '\0');
  size_t csize = ZSTD_compress(compressed.data(), compressed.size(),
                               payload.data(), payload.size(), zstd_level);
  if (ZSTD_isError(csize)) {
    *error = path + ": zstd compression failed: " + ZSTD_getErrorName(csize);
    return false;
  }
  compressed.resize(csize);
  ByteWriter w;
  w.Raw(kModelMagic, sizeof kModelMagic);
  w.U32(kModelFormatVersion);
  w.U64(data_hash);
  w.U64(payload.size());
  w.U64(XXH64(payload.data(), payload.size(), 0));
  w.U64(csize);
  w.Raw(compressed.data(), compressed.size());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(w.buffer().data(), static_cast<std::streamsize>(w.buffer().size()));
  out.close();
  if (!out) {
    *error = "cannot write " + path;
    return false;
  }
  return true;
}

bool DecodeModelBytes(std::string_view bytes, const std::string& name,
                      std::string* payload, uint64_t* data_hash,
                      std::string* error, uint32_t* version_out) {
  ByteReader r(bytes);
  char magic[sizeof kModelMagic];
  if (!r.Raw(magic, sizeof magic)) {
    *error = name + ": truncated syntax model (file too short for a header)";
    return false;
  }
  if (std::memcmp(magic, kModelMagic, sizeof magic) != 0) {
    *error = name + ": not a dyad syntax model (bad magic number)";
    return false;
  }
  uint32_t version;
  uint64_t raw_size, raw_hash, csize;
  if (!r.U32(&version)) {
    *error = name + ": truncated syntax model header";
    return false;
  }
  if (version < kOldestReadableFormatVersion || version > kModelFormatVersion) {
    *error = name + ": syntax model format version " + std::to_string(version) +
             ", this build reads version " +
             std::to_string(kModelFormatVersion) + "; retrain the model";
    return false;
  }  if (version_out != nullptr) *version_out = version;

  if (!r.U64(data_hash) || !r.U64(&raw_size) || !r.U64(&raw_hash) ||
      !r.U64(&csize)) {
    *error = name + ": truncated syntax model header";
    return false;
  }
  size_t header = sizeof kModelMagic + 4 + 8 * 4;
  if (bytes.size() - header < csize) {
    *error = name + ": truncated syntax model: expected " +
             std::to_string(csize) + " bytes of weights, found " +
             std::to_string(bytes.size() - header);
    return false;
  }
  if (raw_size > (1ull << 32)) {
    *error = name + ": corrupt syntax model (implausible size)";
    return false;
  }
  payload->assign(raw_size, '\0');
  size_t got = ZSTD_decompress(payload->data(), raw_size,
                               bytes.data() + header, csize);
  if (ZSTD_isError(got) || got != raw_size ||
      XXH64(payload->data(), payload->size(), 0) != raw_hash) {
    *error = name + ": corrupt syntax model (checksum or decompression " +
             "failure)";
    return false;
  }
  return true;
}

bool ReadModelFile(const std::string& path, std::string* payload,
                   uint64_t* data_hash, std::string* error, uint32_t* version) {
  std::string bytes;
  if (!ReadFileBytes(path, &bytes, error)) return false;
  return DecodeModelBytes(bytes, path, payload, data_hash, error, version);
}

}  // namespace dyad::syntax
