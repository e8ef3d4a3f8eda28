// JsonWriter: builds one JSON value at a time into a string, for dyad's JSON
// Lines output. Strings are escaped per RFC 8259; bytes that are not valid
// UTF-8 come out as U+FFFD, so output is always valid JSON. Numbers are
// printed in a fixed, locale-independent format so output is byte-stable.
//
// Usage: w.BeginObject(); w.Key("doc"); w.String(id); ... w.EndObject();
// The writer inserts commas; it does not check nesting beyond that.
// Thread safety: one writer per thread.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace dyad {

class JsonWriter {
 public:
  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  void Key(std::string_view key);
  void String(std::string_view value);
  void Int(int64_t value);
  void Double(double value);  // shortest round-trip form, e.g. -2.0 -> -2.0
  void Bool(bool value);
  void Null();

  const std::string& str() const { return out_; }
  void Clear() {
    out_.clear();
    first_.clear();
  }

  static void AppendEscaped(std::string& out, std::string_view value);

 private:
  void Open(char c);
  void Close(char c);
  void Separate();
  std::string out_;
  std::vector<bool> first_;  // per open container: no element written yet
  bool after_key_ = false;
};

}  // namespace dyad
