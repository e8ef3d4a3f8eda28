// Chunker: the block buffer the streaming readers pull records from.
#include <algorithm>
#include <cstring>

#include "dyad/ingest/formats.h"

namespace dyad {

namespace {

constexpr size_t kBlock = 256 * 1024;

}  // namespace

size_t StringByteReader::Read(char* buf, size_t n) {
  n = std::min(n, bytes_.size());
  if (n > 0) std::memcpy(buf, bytes_.data(), n);
  bytes_.remove_prefix(n);
  return n;
}

bool Chunker::Fill() {
  if (eof_) return false;
  if (start_ > 0) {  // keep only the bytes not yet handed out
    buf_.erase(0, start_);
    start_ = 0;
  }
  size_t old = buf_.size();
  buf_.resize(old + kBlock);
  size_t got = reader_.Read(buf_.data() + old, kBlock);
  buf_.resize(old + got);
  if (got == 0) eof_ = true;
  return got > 0;
}

void Chunker::Consume(size_t n) {
  const char* p = buf_.data() + start_;
  line_ += static_cast<size_t>(std::count(p, p + n, '\n'));
  start_ += n;
}

bool Chunker::Next(std::string_view delim, std::string_view* piece) {
  size_t scanned = 0;  // bytes after start_ known not to begin a match
  for (;;) {
    std::string_view rest = std::string_view(buf_).substr(start_);
    size_t hit = rest.find(delim, scanned);
    if (hit != std::string_view::npos) {
      size_t n = hit + delim.size();
      *piece = rest.substr(0, n);
      Consume(n);
      return true;
    }
    if (rest.size() >= delim.size()) scanned = rest.size() - delim.size() + 1;
    if (!Fill()) {
      rest = std::string_view(buf_).substr(start_);
      if (rest.empty()) return false;
      *piece = rest;
      Consume(rest.size());
      return true;
    }
  }
}

bool Chunker::SkipTo(std::string_view marker) {
  for (;;) {
    std::string_view rest = std::string_view(buf_).substr(start_);
    size_t hit = rest.find(marker);
    if (hit != std::string_view::npos) {
      Consume(hit);
      return true;
    }
    // The tail might hold the start of a marker cut by the block boundary.
    if (rest.size() >= marker.size()) Consume(rest.size() - marker.size() + 1);
    if (!Fill()) {
      Consume(buf_.size() - start_);
      return false;
    }
  }
}

std::string_view Chunker::Peek(size_t n) {
  while (buf_.size() - start_ < n && Fill()) {
  }
  return std::string_view(buf_).substr(start_, n);
}

void Chunker::TakeAll(std::string* out) {
  while (Fill()) {
  }
  out->append(buf_, start_, std::string::npos);
  Consume(buf_.size() - start_);
}

}  // namespace dyad
