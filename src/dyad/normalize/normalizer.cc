#include "dyad/normalize/normalizer.h"

#include <utf8proc.h>

#include <cstdlib>

namespace dyad {

namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Folds applied after NFKC: characters that news writes many ways but that
// mean the same for matching. Returns the replacement or nullptr to keep.
const char* Fold(int32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B: case 0x2032:
    case 0x02BC: case 0x0060: case 0x00B4:
      return "'";
    case 0x201C: case 0x201D: case 0x201E: case 0x201F: case 0x2033:
    case 0x00AB: case 0x00BB:
      return "\"";
    case 0x2010: case 0x2011: case 0x2012: case 0x2013: case 0x2014:
    case 0x2015: case 0x2212: case 0xFE58: case 0xFE63: case 0xFF0D:
      return "-";
    case 0x00AD: case 0x200B: case 0x200C: case 0x200D: case 0x2060:
    case 0xFEFF:
      return "";  // invisible: soft hyphen, zero-width characters, BOM
    default:
      return nullptr;
  }
}

int32_t DecodeNext(std::string_view s, size_t i) {
  utf8proc_int32_t cp = 0;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                            static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  return n > 0 ? cp : 0;
}

bool IsStarter(int32_t cp) {
  return utf8proc_get_property(cp)->combining_class == 0;
}

// True when NFKC leaves this lone code point unchanged.
bool IsStable(int32_t cp) {
  const utf8proc_property_t* p = utf8proc_get_property(cp);
  return p->decomp_seqindex == UINT16_MAX && p->combining_class == 0 &&
         !p->comp_exclusion;
}

class Builder {
 public:
  explicit Builder(size_t reserve) {
    out_.text.reserve(reserve + reserve / 8);
    out_.to_original.reserve(reserve + reserve / 8 + 1);
  }
  void Append(std::string_view bytes, uint32_t source) {
    out_.text.append(bytes);
    out_.to_original.insert(out_.to_original.end(), bytes.size(), source);
  }
  void AppendFolded(std::string_view utf8, uint32_t source) {
    // utf8 is a normalized chunk; fold character by character.
    size_t i = 0;
    while (i < utf8.size()) {
      utf8proc_int32_t cp = 0;
      auto n = utf8proc_iterate(
          reinterpret_cast<const utf8proc_uint8_t*>(utf8.data() + i),
          static_cast<utf8proc_ssize_t>(utf8.size() - i), &cp);
      if (n <= 0) n = 1;  // cannot happen for utf8proc output
      if (const char* f = Fold(cp)) {
        Append(f, source);
      } else {
        Append(utf8.substr(i, static_cast<size_t>(n)), source);
      }
      i += static_cast<size_t>(n);
    }
  }
  NormalizedText Finish(uint32_t original_size) {
    out_.to_original.push_back(original_size);
    return std::move(out_);
  }
  uint32_t& invalid() { return out_.invalid_bytes; }

 private:
  NormalizedText out_;
};

}  // namespace

int Utf8SequenceLength(std::string_view s, size_t i) {
  utf8proc_int32_t cp = 0;
  auto n = utf8proc_iterate(
      reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
      static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
  return n > 0 ? static_cast<int>(n) : 0;
}

std::string RepairUtf8(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  size_t i = 0;
  while (i < bytes.size()) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      out.push_back(bytes[i++]);
      continue;
    }
    int n = Utf8SequenceLength(bytes, i);
    if (n == 0) {
      out.append(kReplacement);
      ++i;
    } else {
      out.append(bytes.substr(i, static_cast<size_t>(n)));
      i += static_cast<size_t>(n);
    }
  }
  return out;
}

NormalizedText Normalize(std::string_view original) {
  Builder b(original.size());
  const size_t size = original.size();
  size_t i = 0;
  while (i < size) {
    const auto c = static_cast<unsigned char>(original[i]);
    const auto here = static_cast<uint32_t>(i);
    const bool next_is_ascii =
        i + 1 >= size || static_cast<unsigned char>(original[i + 1]) < 0x80;
    if (c < 0x80 && (next_is_ascii || c < 0x20 || c == 0x7F ||
                     IsStarter(DecodeNext(original, i + 1)))) {
      // ASCII fast path (an ASCII letter followed by a combining mark
      // takes the general path below to compose with it).
      if (c == '\r') {
        if (i + 1 < size && original[i + 1] == '\n') {
          ++i;  // CRLF: the LF carries the line break
          continue;
        }
        b.Append("\n", here);
      } else if (c == '\n' || (c >= 0x20 && c != 0x7F)) {
        b.Append(original.substr(i, 1), here);
      } else {
        b.Append(" ", here);  // tab, other controls
      }
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    auto n = utf8proc_iterate(
        reinterpret_cast<const utf8proc_uint8_t*>(original.data() + i),
        static_cast<utf8proc_ssize_t>(size - i), &cp);
    if (n <= 0) {
      b.Append(kReplacement, here);
      ++b.invalid();
      ++i;
      continue;
    }
    // A segment: this code point plus the combining marks that follow it.
    size_t end = i + static_cast<size_t>(n);
    bool stable = IsStable(cp);
    while (end < size && static_cast<unsigned char>(original[end]) >= 0x80) {
      utf8proc_int32_t next = 0;
      auto m = utf8proc_iterate(
          reinterpret_cast<const utf8proc_uint8_t*>(original.data() + end),
          static_cast<utf8proc_ssize_t>(size - end), &next);
      if (m <= 0 || IsStarter(next)) break;
      stable = false;
      end += static_cast<size_t>(m);
    }
    std::string_view segment = original.substr(i, end - i);
    if (cp >= 0x80 && cp < 0xA0) {
      b.Append(" ", here);  // C1 control characters
    } else if (stable) {
      b.AppendFolded(segment, here);
    } else {
      utf8proc_uint8_t* mapped = nullptr;
      auto len = utf8proc_map(
          reinterpret_cast<const utf8proc_uint8_t*>(segment.data()),
          static_cast<utf8proc_ssize_t>(segment.size()), &mapped,
          static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE |
                                         UTF8PROC_COMPAT));
      if (len >= 0 && mapped) {
        b.AppendFolded(std::string_view(reinterpret_cast<char*>(mapped),
                                        static_cast<size_t>(len)),
                       here);
      } else {
        b.AppendFolded(segment, here);
      }
      std::free(mapped);
    }
    i = end;
  }
  return b.Finish(static_cast<uint32_t>(size));
}

}  // namespace dyad
