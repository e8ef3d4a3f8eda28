// Readers for the input formats dyad accepts. Each takes the bytes of one
// input file (already decompressed) and hands every document it finds to a
// sink, in the order they appear. A malformed record is reported (naming the
// file and line) and skipped; the rest of the file is still read.
//
//  .txt    optional header of `key: value` lines (title, url, date, source,
//          id) ended by a line `---`, then the body; no header: all body.
//          The document id is the file stem unless the header gives one.
//  .jsonl  one JSON object a line: {"id","date","title","url","source",
//  .ndjson  "text"}; only "text" is required.
//  .sgm    Reuters-21578 SGML: one document per <REUTERS> record with a
//          <BODY> (dateline + body), id "r" + NEWID, date from <DATE>.
//  .html   the article text of a web page (scripts, navigation, sidebars and
//          footers dropped), title from <h1> or <title>, date from the
//          article:published_time / datePublished meta tags.
//
// JSON Lines and SGML are read a record at a time from a Chunker (below), so
// their memory does not grow with the file; text and HTML are one document a
// file and are parsed whole. The documents come out with metadata and
// `original` set; Prepare() (prepare.h) normalizes them.
//
// Thread safety: the Parse/Read functions are pure; a ByteReader or Chunker
// belongs to one thread at a time.
#pragma once

#include <functional>
#include <string>
#include <string_view>

#include "dyad/doc/document.h"
#include "dyad/ingest/report.h"

namespace dyad {

using DocumentSink = std::function<void(Document&&)>;

enum class Format { kText, kJsonLines, kHtml, kReutersSgml };

struct InputFile {
  std::string name;   // path as given, for messages and origins
  std::string stem;   // file name without directories and extensions
  Format format = Format::kText;
  std::string bytes;  // decompressed content
};

void ParseText(const InputFile& in, Reporter& report, const DocumentSink& sink);
void ParseJsonLines(const InputFile& in, Reporter& report,
                    const DocumentSink& sink);
void ParseHtml(const InputFile& in, Reporter& report, const DocumentSink& sink);
void ParseReutersSgml(const InputFile& in, Reporter& report,
                      const DocumentSink& sink);

// Dispatches on in.format.
void ParseInput(const InputFile& in, Reporter& report, const DocumentSink& sink);

// Streaming: the decompressed bytes of one input, pulled in blocks, so that
// formats with many documents a file (JSON Lines, Reuters SGML) are read a
// record at a time and a multi-gigabyte input never sits in memory whole.
class ByteReader {
 public:
  virtual ~ByteReader() = default;
  // Reads up to `n` bytes into `buf`; returns how many, 0 at the end of the
  // input or on an error (then error() says what went wrong).
  virtual size_t Read(char* buf, size_t n) = 0;
  // Empty unless reading failed (corrupt or truncated compressed data).
  virtual const std::string& error() const { return no_error_; }

 private:
  std::string no_error_;
};

// Reads a std::string_view (whole-file parsing and tests). REQUIRES: the
// viewed bytes outlive the reader.
class StringByteReader : public ByteReader {
 public:
  explicit StringByteReader(std::string_view bytes) : bytes_(bytes) {}
  size_t Read(char* buf, size_t n) override;

 private:
  std::string_view bytes_;
};

// A buffer over a ByteReader that hands out the input piece by piece, each
// ending at a delimiter, and keeps the line number. Memory: the largest
// piece plus one block.
class Chunker {
 public:
  explicit Chunker(ByteReader& reader) : reader_(reader) {}
  // The next piece: the bytes up to and including the next `delim`, or up
  // to the end of the input if there is none. False at the end of input.
  // The view is valid until the next call.
  bool Next(std::string_view delim, std::string_view* piece);
  // Drops bytes up to (not including) the next `marker`, or all remaining
  // bytes if there is none; false at the end of input.
  bool SkipTo(std::string_view marker);
  // The first `n` bytes not yet handed out (fewer at the end of input),
  // without consuming them. Valid until the next call.
  std::string_view Peek(size_t n);
  // Appends every byte not yet handed out to *out (one-document formats).
  void TakeAll(std::string* out);
  // 1-based line number of the next byte to be handed out.
  size_t line() const { return line_; }

 private:
  bool Fill();  // reads one more block; false at the end of input
  void Consume(size_t n);
  ByteReader& reader_;
  std::string buf_;
  size_t start_ = 0;  // first byte of buf_ not yet handed out
  size_t line_ = 1;
  bool eof_ = false;
};

// The streaming readers behind ParseJsonLines and ParseReutersSgml: same
// documents, same messages (naming `name` and the line).
void ReadJsonLines(Chunker& in, const std::string& name, Reporter& report,
                   const DocumentSink& sink);
void ReadReutersSgml(Chunker& in, const std::string& name, Reporter& report,
                     const DocumentSink& sink);

}  // namespace dyad
