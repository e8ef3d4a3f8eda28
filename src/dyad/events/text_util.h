// Small text helpers shared by the events data layer: the code table and
// pattern readers and the PETRARCH-2 importer. Pure functions; the views
// returned point into the argument and live as long as it does.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dyad::events {

// ASCII letters lowered; other bytes unchanged.
std::string Lower(std::string_view s);

// Words separated by spaces or tabs, empty ones dropped.
std::vector<std::string_view> SplitWhitespace(std::string_view s);

// Fields separated by `sep`, empty ones kept ("a||b" -> "a", "", "b").
std::vector<std::string_view> SplitOn(std::string_view s, char sep);

// A word or phrase the pattern format can carry as a value: printable, not
// starting or ending with '_', none of the format's own characters.
bool IsPatternValue(std::string_view w);

}  // namespace dyad::events
