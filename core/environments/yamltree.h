// YamlTree: a Compose file as a plain tree with positions, made from yaml-cpp's graph with
// aliases expanded and `<<` merge keys applied (yaml-cpp 0.7 leaves them as ordinary keys),
// and refused before parsing when it is too large or too deeply nested to parse safely.
#pragma once

#include "core/environments/composeproject.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>
#include <vector>

namespace slipway::core::env {

struct YamlEntry;

struct YamlNode {
    enum class Kind { Null, Scalar, Sequence, Map };
    Kind kind = Kind::Null;
    QString scalar;      // Scalar
    bool quoted = false; // a quoted scalar: never null, never a merge key
    SourcePos pos;
    std::vector<YamlNode> items;    // Sequence
    std::vector<YamlEntry> entries; // Map, in the file's order (merged keys after)

    bool isMap() const { return kind == Kind::Map; }
    bool isSequence() const { return kind == Kind::Sequence; }
    bool isScalar() const { return kind == Kind::Scalar; }
    bool isNull() const { return kind == Kind::Null; }
    const YamlNode *find(const QString &key) const;
    const YamlEntry *entry(const QString &key) const;
};

struct YamlEntry {
    QString key;
    SourcePos keyPos;
    YamlNode value;
};

class YamlTree {
    Q_DECLARE_TR_FUNCTIONS(YamlTree)

public:
    static constexpr qsizetype maxBytes = 1024 * 1024;
    static constexpr int maxDepth = 64;
    // Aliases can make a small file expand to a huge tree ("billion laughs").
    static constexpr int maxNodes = 200000;

    // The tree of `bytes`, or false with the errors (named after `file`).
    static bool parse(const QByteArray &bytes, const QString &file, YamlNode *root,
                      QList<TemplateError> *errors);

    // The deepest nesting of block and flow collections in `bytes`, found without parsing, so
    // that a file deeper than maxDepth never reaches yaml-cpp's recursive parser. It errs on
    // the deep side; `where` gets the line where it is deepest.
    static int nestingDepth(const QByteArray &bytes, SourcePos *where = nullptr);
};

} // namespace slipway::core::env
