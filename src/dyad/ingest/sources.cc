#include "dyad/ingest/sources.h"

#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <filesystem>
#include <cstdio>
#include <memory>

namespace dyad {

namespace fs = std::filesystem;

namespace {

enum class Compression { kNone, kGzip, kZstd };

std::string LowerExtension(const fs::path& p) {
  std::string ext = p.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext;
}

// Splits "a/b/story.jsonl.gz" into compression, the inner extension and stem.
void Classify(const std::string& path, Compression* compression,
              std::string* ext, std::string* stem) {
  fs::path p(path);
  std::string outer = LowerExtension(p);
  *compression = Compression::kNone;
  if (outer == ".gz") *compression = Compression::kGzip;
  if (outer == ".zst" || outer == ".zstd") *compression = Compression::kZstd;
  if (*compression != Compression::kNone) p = p.stem();
  *ext = LowerExtension(p);
  *stem = fs::path(p.filename()).stem().string();
}

bool KnownExtension(const std::string& ext) {
  return ext == ".txt" || ext == ".jsonl" || ext == ".ndjson" ||
         ext == ".json" || ext == ".html" || ext == ".htm" || ext == ".xhtml" ||
         ext == ".sgm" || ext == ".sgml";
}

Format SniffFormat(std::string_view bytes) {
  size_t i = bytes.find_first_not_of(" \t\r\n\xEF\xBB\xBF");
  if (i == std::string_view::npos) return Format::kText;
  if (bytes[i] == '{') return Format::kJsonLines;
  if (bytes[i] == '<') return Format::kHtml;
  return Format::kText;
}

Format FormatFor(const std::string& ext, std::string_view bytes) {
  if (ext == ".jsonl" || ext == ".ndjson" || ext == ".json")
    return Format::kJsonLines;
  if (ext == ".html" || ext == ".htm" || ext == ".xhtml") return Format::kHtml;
  if (ext == ".txt") return Format::kText;
  if (ext == ".sgm" || ext == ".sgml") return Format::kReutersSgml;
  return SniffFormat(bytes);
}

// A ByteReader over a file or stream that also knows how many raw bytes
// (before decompression) it has consumed.
class SourceReader : public ByteReader {
 public:
  const std::string& error() const override { return error_; }
  uint64_t raw_offset() const { return raw_offset_; }

 protected:
  std::string error_;
  uint64_t raw_offset_ = 0;
};

class PlainReader : public SourceReader {
 public:
  explicit PlainReader(std::FILE* f) : f_(f) {}
  ~PlainReader() override { std::fclose(f_); }
  size_t Read(char* buf, size_t n) override {
    size_t got = std::fread(buf, 1, n, f_);
    raw_offset_ += got;
    if (got == 0 && std::ferror(f_)) error_ = "cannot read file";
    return got;
  }

 private:
  std::FILE* f_;
};

class StreamReader : public SourceReader {
 public:
  explicit StreamReader(std::istream& in) : in_(in) {}
  size_t Read(char* buf, size_t n) override {
    in_.read(buf, static_cast<std::streamsize>(n));
    size_t got = static_cast<size_t>(in_.gcount());
    raw_offset_ += got;
    return got;
  }

 private:
  std::istream& in_;
};

class GzipReader : public SourceReader {
 public:
  explicit GzipReader(gzFile f) : f_(f) { gzbuffer(f_, 1 << 17); }
  ~GzipReader() override { gzclose(f_); }
  size_t Read(char* buf, size_t n) override {
    if (!error_.empty()) return 0;
    int got = gzread(f_, buf, static_cast<unsigned>(std::min<size_t>(n, 1u << 30)));
    if (got < 0) {
      int code = 0;
      error_ = std::string("corrupt gzip data: ") + gzerror(f_, &code);
      return 0;
    }
    if (got == 0) {  // a stream cut short ends with Z_BUF_ERROR, not -1
      int code = Z_OK;
      const char* message = gzerror(f_, &code);
      if (code != Z_OK) error_ = std::string("corrupt gzip data: ") + message;
      return 0;
    }
    z_off_t raw = gzoffset(f_);
    if (raw >= 0) raw_offset_ = static_cast<uint64_t>(raw);
    return static_cast<size_t>(got);
  }

 private:
  gzFile f_;
};

class ZstdReader : public SourceReader {
 public:
  explicit ZstdReader(std::FILE* f)
      : f_(f), stream_(ZSTD_createDStream()), in_buf_(ZSTD_DStreamInSize(), '\0') {
    ZSTD_initDStream(stream_);
  }
  ~ZstdReader() override {
    ZSTD_freeDStream(stream_);
    std::fclose(f_);
  }
  size_t Read(char* buf, size_t n) override {
    if (!error_.empty()) return 0;
    ZSTD_outBuffer out{buf, n, 0};
    while (out.pos == 0) {
      if (in_.pos == in_.size && !raw_eof_) {
        size_t got = std::fread(in_buf_.data(), 1, in_buf_.size(), f_);
        raw_offset_ += got;
        in_ = ZSTD_inBuffer{in_buf_.data(), got, 0};
        if (got == 0) raw_eof_ = true;
        else any_input_ = true;
      }
      const size_t in_before = in_.pos;
      size_t hint = ZSTD_decompressStream(stream_, &out, &in_);
      if (ZSTD_isError(hint)) {
        error_ = std::string("corrupt zstd data: ") + ZSTD_getErrorName(hint);
        return 0;
      }
      // 0: a frame ended exactly here. A call that moved nothing says
      // nothing about frames (it asks for the next one).
      if (in_.pos != in_before || out.pos != 0) frame_open_ = hint != 0;
      if (out.pos == 0 && raw_eof_ && in_.pos == in_.size) {
        if (frame_open_ && any_input_) error_ = "truncated zstd data";
        return 0;
      }
    }
    return out.pos;
  }

 private:
  std::FILE* f_;
  ZSTD_DStream* stream_;
  std::string in_buf_;
  ZSTD_inBuffer in_{nullptr, 0, 0};
  bool raw_eof_ = false, any_input_ = false, frame_open_ = false;
};

std::unique_ptr<SourceReader> OpenSource(const std::string& path,
                                         Compression compression) {
  if (compression == Compression::kGzip) {
    gzFile f = gzopen(path.c_str(), "rb");
    if (!f) return nullptr;
    return std::make_unique<GzipReader>(f);
  }
  std::FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return nullptr;
  if (compression == Compression::kZstd) return std::make_unique<ZstdReader>(f);
  return std::make_unique<PlainReader>(f);
}

bool LooksBinary(std::string_view bytes) {
  return bytes.substr(0, 8192).find('\0') != std::string_view::npos;
}

}  // namespace

std::vector<std::string> ListInputs(const std::vector<std::string>& paths,
                                    Reporter& report) {
  std::vector<std::string> files;
  for (const std::string& path : paths) {
    std::error_code ec;
    if (fs::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (auto it = fs::recursive_directory_iterator(
               path, fs::directory_options::skip_permission_denied, ec);
           !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        Compression c;
        std::string ext, stem;
        Classify(it->path().string(), &c, &ext, &stem);
        if (KnownExtension(ext)) found.push_back(it->path().string());
      }
      if (ec) report.Reject(path, "cannot read directory: " + ec.message());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (fs::exists(path, ec)) {
      files.push_back(path);
    } else {
      report.Reject(path, "no such file or directory");
    }
  }
  return files;
}

namespace {

// Reads one opened input: checks it is text, picks the format, and streams
// or parses it. `sniff_only`: the extension says nothing (stdin).
bool ReadSource(SourceReader& source, const std::string& name,
                const std::string& stem, const std::string& ext,
                const char* binary_message, Reporter& report,
                const DocumentSink& sink, uint64_t* raw_bytes) {
  Chunker chunks(source);
  std::string_view head = chunks.Peek(8192);
  if (!source.error().empty() && head.empty()) {
    report.Reject(name, source.error());
    return false;
  }
  if (LooksBinary(head)) {
    report.Reject(name, binary_message);
    return false;
  }
  const Format format = FormatFor(ext, head);
  if (format == Format::kJsonLines || format == Format::kReutersSgml) {
    auto counted = [&](Document&& doc) {
      if (raw_bytes) *raw_bytes = source.raw_offset();
      sink(std::move(doc));
    };
    if (format == Format::kJsonLines) ReadJsonLines(chunks, name, report, counted);
    else ReadReutersSgml(chunks, name, report, counted);
    if (!source.error().empty()) report.Reject(name, source.error());
    return true;
  }
  InputFile whole;
  whole.name = name;
  whole.stem = stem;
  whole.format = format;
  chunks.TakeAll(&whole.bytes);
  if (!source.error().empty()) {
    report.Reject(name, source.error());
    return false;
  }
  if (raw_bytes) *raw_bytes = source.raw_offset();
  ParseInput(whole, report, sink);
  return true;
}

}  // namespace

bool ReadInput(const std::string& path, Reporter& report,
               const DocumentSink& sink, uint64_t* raw_bytes) {
  Compression compression;
  std::string ext, stem;
  Classify(path, &compression, &ext, &stem);
  std::unique_ptr<SourceReader> source = OpenSource(path, compression);
  if (!source) {
    report.Reject(path, "cannot read file");
    return false;
  }
  return ReadSource(*source, path, stem, ext, "binary file (NUL bytes), not text",
                    report, sink, raw_bytes);
}

bool ReadStream(std::istream& in, Reporter& report, const DocumentSink& sink) {
  StreamReader source(in);
  return ReadSource(source, "stdin", "stdin", "",
                    "binary input (NUL bytes), not text", report, sink, nullptr);
}

namespace {

bool LoadWhole(SourceReader& source, const std::string& name,
               const std::string& ext, const char* binary_message,
               InputFile* out, Reporter& report) {
  out->name = name;
  out->bytes.clear();
  Chunker chunks(source);
  chunks.TakeAll(&out->bytes);
  if (!source.error().empty()) {
    report.Reject(name, source.error());
    return false;
  }
  if (LooksBinary(out->bytes)) {
    report.Reject(name, binary_message);
    return false;
  }
  out->format = FormatFor(ext, out->bytes);
  return true;
}

}  // namespace

bool LoadInput(const std::string& path, InputFile* out, Reporter& report) {
  Compression compression;
  std::string ext;
  Classify(path, &compression, &ext, &out->stem);
  std::unique_ptr<SourceReader> source = OpenSource(path, compression);
  if (!source) {
    out->name = path;
    report.Reject(path, "cannot read file");
    return false;
  }
  return LoadWhole(*source, path, ext, "binary file (NUL bytes), not text", out,
                   report);
}

bool LoadStream(std::istream& in, InputFile* out, Reporter& report) {
  StreamReader source(in);
  out->stem = "stdin";
  return LoadWhole(source, "stdin", "", "binary input (NUL bytes), not text",
                   out, report);
}

}  // namespace dyad
