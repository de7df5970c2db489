#include "models/templatelistmodel.h"

#include <QLocale>

namespace slipway::models {

using core::env::TemplateSummary;
using core::env::TemplateVersion;

TemplateListModel::TemplateListModel(QObject *parent) : KeyedRowsModel(parent) {}

int TemplateListModel::columnCount(const QModelIndex &parent) const {
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TemplateListModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NameColumn:
        return tr("Template");
    case VersionColumn:
        return tr("Version");
    case SourceColumn:
        return tr("From");
    case UpdatedColumn:
        return tr("Saved");
    }
    return {};
}

QVariant TemplateListModel::data(const QModelIndex &index, int role) const {
    if (!index.isValid() || index.row() >= rows_.size())
        return {};
    const TemplateSummary &t = rows_[index.row()];
    if (role == NameRole)
        return t.name;
    if (role == Qt::ToolTipRole && index.column() == UpdatedColumn)
        return tr("Saved by %1").arg(t.updatedBy);
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case NameColumn:
        return t.name;
    case VersionColumn:
        return t.latest;
    case SourceColumn:
        switch (t.source) {
        case TemplateVersion::Source::Builtin:
            return tr("built in");
        case TemplateVersion::Source::Import:
            return tr("imported");
        case TemplateVersion::Source::Editor:
            return tr("edited");
        }
        return {};
    case UpdatedColumn:
        return QLocale().toString(t.updatedAt.toLocalTime(), QLocale::ShortFormat);
    }
    return {};
}

void TemplateListModel::setTemplates(const QList<TemplateSummary> &templates) {
    replaceRows(templates);
}

int TemplateListModel::rowOf(const QString &name) const {
    for (int i = 0; i < rows_.size(); ++i)
        if (rows_[i].name == name)
            return i;
    return -1;
}

QString TemplateListModel::keyOf(const TemplateSummary &t) const {
    return t.name;
}

bool TemplateListModel::sameRow(const TemplateSummary &a, const TemplateSummary &b) const {
    return a.latest == b.latest && a.source == b.source && a.updatedBy == b.updatedBy &&
           a.updatedAt == b.updatedAt && a.composeFile == b.composeFile;
}

} // namespace slipway::models
