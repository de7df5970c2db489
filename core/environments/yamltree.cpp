#include "core/environments/yamltree.h"

#include <QSet>
#include <algorithm>
#include <sstream>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

namespace slipway::core::env {

const YamlEntry *YamlNode::entry(const QString &key) const {
    for (const YamlEntry &e : entries)
        if (e.key == key)
            return &e;
    return nullptr;
}

const YamlNode *YamlNode::find(const QString &key) const {
    const YamlEntry *e = entry(key);
    return e ? &e->value : nullptr;
}

namespace {

SourcePos position(const YAML::Mark &mark) {
    if (mark.is_null() || mark.line < 0)
        return {};
    return {mark.line + 1, mark.column + 1};
}

int indentOf(const QByteArray &line) {
    int i = 0;
    while (i < line.size() && line[i] == ' ')
        ++i;
    return i;
}

bool blank(const QByteArray &line, int from) {
    for (int i = from; i < line.size(); ++i)
        if (line[i] != ' ' && line[i] != '\t' && line[i] != '\r')
            return line[i] == '#';
    return true;
}

// Notes where each document starts and nothing else.
class DocumentCounter : public YAML::EventHandler {
public:
    YAML::Mark lastStart = YAML::Mark::null_mark();
    void OnDocumentStart(const YAML::Mark &mark) override { lastStart = mark; }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark &, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark &, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t,
                  const std::string &) override {}
    void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};

// Turns yaml-cpp's graph into a YamlNode tree, expanding aliases within the bounds and
// applying merge keys.
class Converter {
public:
    Converter(const QString &file, QList<TemplateError> *errors) : file_(file), errors_(errors) {}

    bool convert(const YAML::Node &node, int depth, YamlNode *out) {
        out->pos = position(node.Mark());
        if (++nodes_ > YamlTree::maxNodes)
            return fail(out->pos, YamlTree::tr("the file expands (through its aliases) to more "
                                               "than %1 nodes")
                                      .arg(YamlTree::maxNodes));
        if (depth > YamlTree::maxDepth)
            return fail(out->pos, YamlTree::tr("nested deeper than %1 levels (through aliases)")
                                      .arg(YamlTree::maxDepth));
        switch (node.Type()) {
        case YAML::NodeType::Undefined:
        case YAML::NodeType::Null:
            out->kind = YamlNode::Kind::Null;
            return true;
        case YAML::NodeType::Scalar:
            out->kind = YamlNode::Kind::Scalar;
            out->scalar = QString::fromStdString(node.Scalar());
            out->quoted = node.Tag() != "?";
            return true;
        case YAML::NodeType::Sequence:
            out->kind = YamlNode::Kind::Sequence;
            for (const YAML::Node &item : node) {
                out->items.emplace_back();
                if (!convert(item, depth + 1, &out->items.back()))
                    return false;
            }
            return true;
        case YAML::NodeType::Map:
            out->kind = YamlNode::Kind::Map;
            return convertMap(node, depth, out);
        }
        return true;
    }

private:
    bool fail(SourcePos pos, const QString &message, const QString &key = {}) {
        errors_->append({file_, pos, key, message});
        return false;
    }

    bool convertMap(const YAML::Node &node, int depth, YamlNode *out) {
        std::vector<YAML::Node> merges;
        QSet<QString> keys; // a mapping can have many keys: no linear lookups
        bool ok = true;
        for (const auto &kv : node) {
            const YAML::Node &key = kv.first;
            const SourcePos keyPos = position(key.Mark());
            if (!key.IsScalar()) {
                ok = fail(keyPos, YamlTree::tr("a key must be a string"));
                continue;
            }
            const QString name = QString::fromStdString(key.Scalar());
            if (key.Tag() == "?" && name == QLatin1String("<<")) {
                if (!merges.empty())
                    ok = fail(keyPos, YamlTree::tr("duplicate key"), name);
                merges.push_back(kv.second);
                continue;
            }
            if (keys.contains(name)) {
                ok = fail(keyPos, YamlTree::tr("duplicate key"), name);
                continue;
            }
            keys.insert(name);
            out->entries.push_back({name, keyPos, {}});
            if (!convert(kv.second, depth + 1, &out->entries.back().value))
                return false;
        }
        for (const YAML::Node &merge : merges) {
            std::vector<YAML::Node> sources;
            if (merge.IsMap())
                sources.push_back(merge);
            else if (merge.IsSequence())
                for (const YAML::Node &item : merge)
                    sources.push_back(item);
            for (const YAML::Node &source : sources) {
                if (!source.IsMap()) {
                    ok = fail(position(source.Mark()),
                              YamlTree::tr("a merge key (<<) takes a mapping or a list of "
                                           "mappings"),
                              QStringLiteral("<<"));
                    continue;
                }
                YamlNode merged;
                if (!convert(source, depth + 1, &merged))
                    return false;
                // Keys written in the mapping itself win, then earlier sources over later.
                for (YamlEntry &e : merged.entries)
                    if (!keys.contains(e.key)) {
                        keys.insert(e.key);
                        out->entries.push_back(std::move(e));
                    }
            }
            if (sources.empty())
                ok = fail(position(merge.Mark()),
                          YamlTree::tr("a merge key (<<) takes a mapping or a list of mappings"),
                          QStringLiteral("<<"));
        }
        return ok;
    }

    QString file_;
    QList<TemplateError> *errors_;
    int nodes_ = 0;
};

} // namespace

int YamlTree::nestingDepth(const QByteArray &bytes, SourcePos *where) {
    std::vector<int> columns; // the columns of the block collections open at this line
    int flow = 0;
    char quote = 0;      // inside a quoted scalar that continues on the next line
    int blockOwner = -1; // inside a block scalar whose owner line had this indent
    int deepest = 0;
    const QList<QByteArray> lines = bytes.split('\n');
    for (int n = 0; n < lines.size(); ++n) {
        const QByteArray &line = lines[n];
        const int indent = indentOf(line);
        if (blockOwner >= 0) {
            if (blank(line, indent) || indent > blockOwner)
                continue;
            blockOwner = -1;
        }
        int p = 0;
        if (!quote && flow == 0) {
            if (blank(line, indent))
                continue;
            if (line.startsWith("---") || line.startsWith("...")) {
                columns.clear();
                continue;
            }
            while (!columns.empty() && columns.back() > indent)
                columns.pop_back();
            if (columns.empty() || columns.back() < indent)
                columns.push_back(indent);
            p = indent;
            // "- - x", "? x", ": x": each indicator opens a collection nested in the last.
            while (p < line.size() && (line[p] == '-' || line[p] == '?' || line[p] == ':') &&
                   (p + 1 == line.size() || line[p + 1] == ' ')) {
                p += 1;
                while (p < line.size() && line[p] == ' ')
                    ++p;
                if (p > columns.back())
                    columns.push_back(p);
            }
        }
        bool atStart = !quote;
        const auto note = [&] {
            const int depth = int(columns.size()) + flow;
            if (depth > deepest) {
                deepest = depth;
                if (where)
                    *where = {n + 1, p + 1};
            }
        };
        note();
        for (; p < line.size(); ++p) {
            const char c = line[p];
            if (quote) {
                if (quote == '"' && c == '\\') {
                    ++p;
                } else if (c == quote) {
                    if (quote == '\'' && p + 1 < line.size() && line[p + 1] == '\'')
                        ++p;
                    else
                        quote = 0;
                }
                continue;
            }
            if (c == '#' && (p == 0 || line[p - 1] == ' ' || line[p - 1] == '\t'))
                break;
            if (c == ' ' || c == '\t' || c == '\r')
                continue;
            if (atStart && (c == '&' || c == '!')) {
                while (p + 1 < line.size() && line[p + 1] != ' ' && line[p + 1] != '\t')
                    ++p;
                continue;
            }
            if (atStart && (c == '"' || c == '\'')) {
                quote = c;
                atStart = false;
                continue;
            }
            if ((c == '[' || c == '{') && (atStart || flow > 0)) {
                ++flow;
                note();
                atStart = true;
                continue;
            }
            if ((c == ']' || c == '}') && flow > 0) {
                --flow;
                atStart = false;
                continue;
            }
            if (c == ',' && flow > 0) {
                atStart = true;
                continue;
            }
            if (c == ':' && (p + 1 == line.size() || line[p + 1] == ' ' || flow > 0)) {
                atStart = true;
                continue;
            }
            if (c == '-' && atStart && (p + 1 == line.size() || line[p + 1] == ' '))
                continue;
            if ((c == '|' || c == '>') && atStart && flow == 0) {
                blockOwner = indent;
                break;
            }
            atStart = false;
        }
    }
    return deepest;
}

bool YamlTree::parse(const QByteArray &bytes, const QString &file, YamlNode *root,
                     QList<TemplateError> *errors) {
    *root = {};
    if (bytes.size() > maxBytes) {
        errors->append(
            {file,
             {},
             {},
             tr("a template may have at most %1 bytes; this file has more").arg(maxBytes)});
        return false;
    }
    SourcePos deepAt;
    if (nestingDepth(bytes, &deepAt) > maxDepth) {
        errors->append({file, deepAt, {}, tr("nested deeper than %1 levels").arg(maxDepth)});
        return false;
    }
    // yaml-cpp's LoadAll never ends on some malformed input (its parser keeps reporting empty
    // documents without moving on), so the documents are counted, up to two, and the first
    // one loaded alone.
    YAML::Node document;
    try {
        const std::string text = bytes.toStdString();
        std::istringstream stream(text);
        YAML::Parser parser(stream);
        DocumentCounter counter;
        if (!parser.HandleNextDocument(counter))
            return true; // no document at all: an empty file
        if (parser.HandleNextDocument(counter)) {
            errors->append({file,
                            position(counter.lastStart),
                            {},
                            tr("a Compose file holds one YAML document; this is the second")});
            return false;
        }
        document = YAML::Load(text);
    } catch (const YAML::Exception &e) {
        errors->append({file, position(e.mark), {}, QString::fromStdString(e.msg)});
        return false;
    } catch (const std::exception &e) {
        errors->append({file, {}, {}, QString::fromLocal8Bit(e.what())});
        return false;
    }
    Converter converter(file, errors);
    try {
        return converter.convert(document, 0, root);
    } catch (const YAML::Exception &e) {
        errors->append({file, position(e.mark), {}, QString::fromStdString(e.msg)});
        return false;
    }
}

} // namespace slipway::core::env
