#include "dyad/ingest/sources.h"

#include <zlib.h>
#include <zstd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

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

bool Gunzip(const std::string& path, std::string* out, std::string* error) {
  gzFile f = gzopen(path.c_str(), "rb");
  if (!f) {
    *error = "cannot open";
    return false;
  }
  char buf[1 << 16];
  int n;
  while ((n = gzread(f, buf, sizeof buf)) > 0) out->append(buf, static_cast<size_t>(n));
  bool ok = n == 0;
  if (!ok) {
    int code = 0;
    *error = std::string("corrupt gzip data: ") + gzerror(f, &code);
  }
  gzclose(f);
  return ok;
}

bool Unzstd(const std::string& compressed, std::string* out, std::string* error) {
  ZSTD_DStream* stream = ZSTD_createDStream();
  ZSTD_initDStream(stream);
  ZSTD_inBuffer in{compressed.data(), compressed.size(), 0};
  std::string buf(ZSTD_DStreamOutSize(), '\0');
  size_t last = 0;
  while (in.pos < in.size) {
    ZSTD_outBuffer o{buf.data(), buf.size(), 0};
    last = ZSTD_decompressStream(stream, &o, &in);
    if (ZSTD_isError(last)) {
      *error = std::string("corrupt zstd data: ") + ZSTD_getErrorName(last);
      ZSTD_freeDStream(stream);
      return false;
    }
    out->append(buf.data(), o.pos);
  }
  ZSTD_freeDStream(stream);
  if (last != 0) {
    *error = "truncated zstd data";
    return false;
  }
  return true;
}

bool ReadAll(const std::string& path, std::string* out) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return false;
  std::ostringstream ss;
  ss << f.rdbuf();
  *out = std::move(ss).str();
  return !f.bad();
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

bool LoadInput(const std::string& path, InputFile* out, Reporter& report) {
  Compression compression;
  std::string ext;
  out->name = path;
  Classify(path, &compression, &ext, &out->stem);
  out->bytes.clear();
  std::string error;
  bool ok = true;
  if (compression == Compression::kGzip) {
    ok = Gunzip(path, &out->bytes, &error);
  } else {
    std::string raw;
    ok = ReadAll(path, &raw);
    if (!ok) error = "cannot read file";
    if (ok && compression == Compression::kZstd)
      ok = Unzstd(raw, &out->bytes, &error);
    else
      out->bytes = std::move(raw);
  }
  if (!ok) {
    report.Reject(path, error);
    return false;
  }
  if (LooksBinary(out->bytes)) {
    report.Reject(path, "binary file (NUL bytes), not text");
    return false;
  }
  out->format = FormatFor(ext, out->bytes);
  return true;
}

bool LoadStream(std::istream& in, InputFile* out, Reporter& report) {
  std::ostringstream ss;
  ss << in.rdbuf();
  out->name = "stdin";
  out->stem = "stdin";
  out->bytes = std::move(ss).str();
  if (LooksBinary(out->bytes)) {
    report.Reject("stdin", "binary input (NUL bytes), not text");
    return false;
  }
  out->format = SniffFormat(out->bytes);
  return true;
}

}  // namespace dyad
