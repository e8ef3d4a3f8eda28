#include <gumbo.h>

#include <cctype>
#include <string>
#include <string_view>

#include "dyad/ingest/formats.h"

namespace dyad {

namespace {

// Elements whose text is never article text.
bool IsChrome(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_NAV: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_FORM: case GUMBO_TAG_IFRAME: case GUMBO_TAG_SVG:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_SELECT: case GUMBO_TAG_TEMPLATE:
    case GUMBO_TAG_FIGURE: case GUMBO_TAG_HEAD: case GUMBO_TAG_MENU:
    case GUMBO_TAG_OBJECT: case GUMBO_TAG_CANVAS: case GUMBO_TAG_AUDIO:
    case GUMBO_TAG_VIDEO:
      return true;
    default:
      return false;
  }
}

bool IsBlock(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6:
    case GUMBO_TAG_LI: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_BR:
    case GUMBO_TAG_TR: case GUMBO_TAG_TABLE: case GUMBO_TAG_BLOCKQUOTE:
    case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_PRE:
    case GUMBO_TAG_HEADER: case GUMBO_TAG_MAIN: case GUMBO_TAG_DD:
    case GUMBO_TAG_DT: case GUMBO_TAG_HR: case GUMBO_TAG_FIGCAPTION:
      return true;
    default:
      return false;
  }
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Page furniture marked by class or id: menus, share bars, related links.
bool LooksLikeBoilerplate(const GumboElement& e) {
  static constexpr std::string_view kWords[] = {
      "nav", "menu", "share", "social", "related", "sidebar", "footer",
      "comment", "advert", "promo", "cookie", "newsletter", "breadcrumb",
      "subscribe", "banner", "popup", "toolbar"};
  for (const char* name : {"class", "id", "role"}) {
    const GumboAttribute* a = gumbo_get_attribute(&e.attributes, name);
    if (!a) continue;
    std::string v = Lower(a->value);
    if (std::string_view(name) == "role" &&
        (v == "navigation" || v == "banner" || v == "complementary"))
      return true;
    for (std::string_view w : kWords)
      if (v.find(w) != std::string::npos) return true;
  }
  return false;
}

class TextCollector {
 public:
  void Walk(const GumboNode* node) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA) {
      AppendText(node->v.text.text);
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return;
    const GumboElement& e = node->v.element;
    if (IsChrome(e.tag) || LooksLikeBoilerplate(e)) return;
    bool block = IsBlock(e.tag);
    if (block) Break();
    for (unsigned i = 0; i < e.children.length; ++i)
      Walk(static_cast<const GumboNode*>(e.children.data[i]));
    if (block) Break();
  }
  std::string Finish() {
    while (!out_.empty() && (out_.back() == '\n' || out_.back() == ' '))
      out_.pop_back();
    return std::move(out_);
  }

 private:
  void AppendText(std::string_view t) {
    for (char c : t) {
      bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
      if (space) {
        pending_space_ = true;
        continue;
      }
      if (pending_space_ && !out_.empty() && out_.back() != '\n') out_ += ' ';
      pending_space_ = false;
      out_ += c;
    }
  }
  void Break() {
    pending_space_ = false;
    while (!out_.empty() && out_.back() == ' ') out_.pop_back();
    if (out_.empty()) return;
    if (out_.size() >= 2 && out_[out_.size() - 1] == '\n' &&
        out_[out_.size() - 2] == '\n')
      return;
    out_ += out_.back() == '\n' ? "\n" : "\n\n";
  }
  std::string out_;
  bool pending_space_ = false;
};

const GumboNode* FindFirst(const GumboNode* node, GumboTag tag) {
  if (node->type != GUMBO_NODE_ELEMENT) return nullptr;
  if (node->v.element.tag == tag) return node;
  const GumboVector& kids = node->v.element.children;
  for (unsigned i = 0; i < kids.length; ++i)
    if (auto* hit = FindFirst(static_cast<const GumboNode*>(kids.data[i]), tag))
      return hit;
  return nullptr;
}

std::string TextOf(const GumboNode* node) {
  TextCollector c;
  c.Walk(node);
  std::string s = c.Finish();
  for (char& ch : s)
    if (ch == '\n') ch = ' ';
  return s;
}

void FindMetaDate(const GumboNode* node, std::string* date) {
  if (!date->empty() || node->type != GUMBO_NODE_ELEMENT) return;
  const GumboElement& e = node->v.element;
  if (e.tag == GUMBO_TAG_META) {
    const GumboAttribute* key = gumbo_get_attribute(&e.attributes, "property");
    if (!key) key = gumbo_get_attribute(&e.attributes, "name");
    if (!key) key = gumbo_get_attribute(&e.attributes, "itemprop");
    const GumboAttribute* content = gumbo_get_attribute(&e.attributes, "content");
    if (key && content) {
      std::string k = Lower(key->value);
      if (k == "article:published_time" || k == "datepublished" ||
          k == "date" || k == "pubdate" || k == "publish-date" ||
          k == "dc.date")
        *date = content->value;
    }
  } else if (e.tag == GUMBO_TAG_TIME) {
    if (auto* dt = gumbo_get_attribute(&e.attributes, "datetime"))
      *date = dt->value;
  }
  for (unsigned i = 0; i < e.children.length && date->empty(); ++i)
    FindMetaDate(static_cast<const GumboNode*>(e.children.data[i]), date);
}

}  // namespace

void ParseHtml(const InputFile& in, Reporter& report, const DocumentSink& sink) {
  GumboOutput* out = gumbo_parse_with_options(&kGumboDefaultOptions,
                                              in.bytes.data(), in.bytes.size());
  if (!out) {
    report.Reject(in.name, "HTML could not be parsed");
    return;
  }
  Document doc;
  doc.id = in.stem;
  doc.origin = in.name;
  // The article element holds the story on most news sites; else main, else
  // the whole body with its furniture filtered out.
  const GumboNode* root = FindFirst(out->root, GUMBO_TAG_ARTICLE);
  if (!root) root = FindFirst(out->root, GUMBO_TAG_MAIN);
  if (!root) root = FindFirst(out->root, GUMBO_TAG_BODY);
  if (!root) root = out->root;
  TextCollector collector;
  collector.Walk(root);
  doc.original = collector.Finish();
  if (const GumboNode* h1 = FindFirst(root, GUMBO_TAG_H1)) doc.title = TextOf(h1);
  if (doc.title.empty())
    if (const GumboNode* t = FindFirst(out->root, GUMBO_TAG_TITLE))
      doc.title = TextOf(t);
  FindMetaDate(out->root, &doc.date);
  gumbo_destroy_output(&kGumboDefaultOptions, out);
  sink(std::move(doc));
}

void ParseInput(const InputFile& in, Reporter& report, const DocumentSink& sink) {
  switch (in.format) {
    case Format::kText: ParseText(in, report, sink); break;
    case Format::kJsonLines: ParseJsonLines(in, report, sink); break;
    case Format::kHtml: ParseHtml(in, report, sink); break;
    case Format::kReutersSgml: ParseReutersSgml(in, report, sink); break;
  }
}

}  // namespace dyad
