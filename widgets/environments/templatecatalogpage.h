// TemplateCatalogPage: the catalog of environment templates: the list, and for the one
// selected its description, services, kinds with their variables and its Compose file, with
// Provision a click away.
#pragma once

#include "core/environments/environments.h"

#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace slipway::models {
class TemplateListModel;
}

namespace slipway::widgets {

class SectionTable;

class TemplateCatalogPage : public QWidget {
    Q_OBJECT

public:
    explicit TemplateCatalogPage(core::env::Environments *environments, QWidget *parent = nullptr);

    SectionTable *table() const { return table_; }
    QPushButton *provisionButton() const { return provision_; }
    QPushButton *variablesButton() const { return variablesButton_; }
    QPushButton *versionsButton() const { return versionsButton_; }
    QLabel *servicesLabel() const { return services_; }
    QPlainTextEdit *composeView() const { return compose_; }
    // The details of the template selected, once loaded (empty name before).
    const core::env::TemplateDetails &details() const { return details_; }
    // Selects `name`, now or once the catalog lists it.
    void selectTemplate(const QString &name);

signals:
    void provisionRequested(const core::env::TemplateDetails &details);

private:
    void onTemplatesChanged();
    void onSelected();
    void onLoaded(const QString &name, const core::env::TemplateDetails &details,
                  const QString &error);

    core::env::Environments *environments_;
    models::TemplateListModel *model_;
    SectionTable *table_;
    QLabel *title_;
    QLabel *description_;
    QLabel *services_;
    QTableWidget *variables_;
    QPlainTextEdit *compose_;
    QPushButton *provision_;
    QPushButton *variablesButton_;
    QPushButton *versionsButton_;
    core::env::TemplateDetails details_;
    QString pending_; // to select once listed
};

} // namespace slipway::widgets
