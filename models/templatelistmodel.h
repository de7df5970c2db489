// TemplateListModel: the Environments catalog: every template with its newest version, where
// it came from and who saved it last. Reloads change rows in place.
#pragma once

#include "core/environments/templatestore.h"
#include "models/keyedrowsmodel.h"

namespace slipway::models {

class TemplateListModel : public KeyedRowsModel<core::env::TemplateSummary> {
    Q_OBJECT

public:
    enum Column { NameColumn, VersionColumn, SourceColumn, UpdatedColumn, ColumnCount };
    enum Role { NameRole = Qt::UserRole + 1 };

    explicit TemplateListModel(QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void setTemplates(const QList<core::env::TemplateSummary> &templates);
    int rowOf(const QString &name) const; // -1 if not shown

protected:
    QString keyOf(const core::env::TemplateSummary &t) const override;
    bool sameRow(const core::env::TemplateSummary &a,
                 const core::env::TemplateSummary &b) const override;
};

} // namespace slipway::models
