#include "dyad/io/event_writer.h"

#include "dyad/io/json_writer.h"

namespace dyad {

namespace {

void WriteActor(const Document& doc, int mention, JsonWriter& w) {
  if (mention < 0 || static_cast<size_t>(mention) >= doc.mentions.size()) {
    w.Null();
    return;
  }
  const Mention& m = doc.mentions[static_cast<size_t>(mention)];
  Span o = doc.ToOriginal(m.span);
  w.BeginObject();
  w.Key("text"); w.String(doc.OriginalText(m.span));
  w.Key("start"); w.Int(o.start);
  w.Key("end"); w.Int(o.end);
  w.Key("code"); w.String(m.code);
  w.Key("country");
  if (m.country.empty()) w.Null(); else w.String(m.country);
  w.Key("role");
  if (m.role.empty()) w.Null(); else w.String(m.role);
  if (!m.entity.empty()) {
    w.Key("entity");
    w.String(m.entity);
  }
  w.EndObject();
}

}  // namespace

void AppendEventLines(const Document& doc, std::string* out) {
  JsonWriter w;
  for (const Event& e : doc.events) {
    const Sentence& s = doc.sentences[e.sentence];
    Span so = doc.ToOriginal(s.span);
    Span vo = doc.ToOriginal(e.verb);
    w.Clear();
    w.BeginObject();
    w.Key("doc"); w.String(doc.id);
    w.Key("date");
    if (doc.date.empty()) w.Null(); else w.String(doc.date);
    w.Key("sentence");
    w.BeginObject();
    w.Key("start"); w.Int(so.start);
    w.Key("end"); w.Int(so.end);
    w.Key("text"); w.String(doc.OriginalText(s.span));
    w.EndObject();
    w.Key("source"); WriteActor(doc, e.source, w);
    w.Key("target"); WriteActor(doc, e.target, w);
    w.Key("cameo"); w.String(e.code);
    w.Key("root"); w.String(e.code.substr(0, 2));
    w.Key("plover"); w.String(e.plover);
    w.Key("quad"); w.Int(e.quad);
    w.Key("goldstein"); w.Double(e.goldstein);
    w.Key("historical"); w.Bool(e.historical);
    w.Key("reported"); w.Bool(e.reported);
    w.Key("verb");
    w.BeginObject();
    w.Key("text"); w.String(doc.OriginalText(e.verb));
    w.Key("start"); w.Int(vo.start);
    w.Key("end"); w.Int(vo.end);
    w.EndObject();
    w.Key("rule"); w.String(e.rule);
    w.EndObject();
    out->append(w.str());
    out->push_back('\n');
  }
}

}  // namespace dyad
