#include <gtest/gtest.h>

#include "dyad/io/json_writer.h"

namespace dyad {
namespace {

TEST(JsonWriter, WritesTheEventShapeWithEscapes) {
  JsonWriter w;
  w.BeginObject();
  w.Key("doc"); w.String("seed\"000");
  w.Key("source"); w.Null();
  w.Key("quad"); w.Int(3);
  w.Key("goldstein"); w.Double(-2.0);
  w.Key("g2"); w.Double(3.4);
  w.Key("historical"); w.Bool(false);
  w.Key("verb");
  w.BeginObject();
  w.Key("text"); w.String("said:\n\t\x01");
  w.EndObject();
  w.Key("list"); w.BeginArray(); w.Int(1); w.Int(2); w.EndArray();
  w.EndObject();
  EXPECT_EQ(w.str(),
            "{\"doc\":\"seed\\\"000\",\"source\":null,\"quad\":3,"
            "\"goldstein\":-2.0,\"g2\":3.4,\"historical\":false,"
            "\"verb\":{\"text\":\"said:\\n\\t\\u0001\"},\"list\":[1,2]}");
}

TEST(JsonWriter, InvalidUtf8BecomesReplacementCharacters) {
  JsonWriter w;
  w.String("Bogot\xE1 \u00E9");
  EXPECT_EQ(w.str(), "\"Bogot\uFFFD \u00E9\"");
}

}  // namespace
}  // namespace dyad
