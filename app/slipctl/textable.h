// TextTable: left-aligned columns for slipctl's human output, like the docker CLI's tables.
#pragma once

#include <QStringList>
#include <QTextStream>

namespace slipway::cli {

class TextTable {
public:
    explicit TextTable(QStringList header) { rows_.append(std::move(header)); }
    void addRow(QStringList row) { rows_.append(std::move(row)); }
    void print(QTextStream &out) const;

private:
    QList<QStringList> rows_;
};

} // namespace slipway::cli
