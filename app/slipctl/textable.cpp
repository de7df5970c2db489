#include "textable.h"

#include <algorithm>

namespace slipway::cli {

void TextTable::print(QTextStream &out) const {
    QList<int> widths;
    for (const auto &row : rows_) {
        for (int i = 0; i < row.size(); ++i) {
            if (i >= widths.size())
                widths.append(0);
            widths[i] = std::max(widths[i], int(row[i].size()));
        }
    }
    for (const auto &row : rows_) {
        QString line;
        for (int i = 0; i < row.size(); ++i)
            line += i + 1 < row.size() ? row[i].leftJustified(widths[i] + 3) : row[i];
        out << line << '\n';
    }
    out.flush();
}

} // namespace slipway::cli
