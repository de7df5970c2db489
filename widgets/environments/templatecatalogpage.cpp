#include "widgets/environments/templatecatalogpage.h"

#include "models/templatelistmodel.h"
#include "widgets/common/sectiontable.h"
#include "widgets/environments/kindvariablesdialog.h"
#include "widgets/environments/templateversionsdialog.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

namespace slipway::widgets {

using models::TemplateListModel;

TemplateCatalogPage::TemplateCatalogPage(core::env::Environments *environments, QWidget *parent)
    : QWidget(parent), environments_(environments), model_(new TemplateListModel(this)) {
    setObjectName(QStringLiteral("templateCatalog"));
    table_ =
        new SectionTable(QStringLiteral("templateTable"), model_, TemplateListModel::NameColumn,
                         QAbstractItemView::SingleSelection, this);
    table_->sortFirstBy(TemplateListModel::NameColumn);

    auto *details = new QWidget(this);
    title_ = new QLabel(details);
    title_->setObjectName(QStringLiteral("templateTitle"));
    QFont big = title_->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    title_->setFont(big);
    description_ = new QLabel(details);
    description_->setWordWrap(true);
    services_ = new QLabel(details);
    services_->setObjectName(QStringLiteral("templateServices"));
    services_->setWordWrap(true);
    variables_ = new QTableWidget(0, 3, details);
    variables_->setObjectName(QStringLiteral("templateVariables"));
    variables_->setHorizontalHeaderLabels({tr("Kind"), tr("Variable"), tr("Value")});
    variables_->horizontalHeader()->setStretchLastSection(true);
    variables_->verticalHeader()->hide();
    variables_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    compose_ = new QPlainTextEdit(details);
    compose_->setObjectName(QStringLiteral("composeView"));
    compose_->setReadOnly(true);
    compose_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    provision_ = new QPushButton(tr("Provision…"), details);
    provision_->setObjectName(QStringLiteral("provisionButton"));
    provision_->setEnabled(false);
    connect(provision_, &QPushButton::clicked, this, [this] { emit provisionRequested(details_); });
    variablesButton_ = new QPushButton(tr("Variables…"), details);
    variablesButton_->setObjectName(QStringLiteral("variablesButton"));
    variablesButton_->setEnabled(false);
    connect(variablesButton_, &QPushButton::clicked, this, [this] {
        auto *dialog = new KindVariablesDialog(environments_, details_, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });
    versionsButton_ = new QPushButton(tr("Versions…"), details);
    versionsButton_->setObjectName(QStringLiteral("versionsButton"));
    versionsButton_->setEnabled(false);
    connect(versionsButton_, &QPushButton::clicked, this, [this] {
        auto *dialog = new TemplateVersionsDialog(environments_, details_.version.name, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->show();
    });

    auto *detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(8, 0, 0, 0);
    detailsLayout->addWidget(title_);
    detailsLayout->addWidget(description_);
    detailsLayout->addWidget(services_);
    auto *actions = new QHBoxLayout;
    actions->addWidget(provision_);
    actions->addWidget(variablesButton_);
    actions->addWidget(versionsButton_);
    actions->addStretch();
    detailsLayout->addLayout(actions);
    detailsLayout->addWidget(new QLabel(tr("Variables per kind:"), details));
    detailsLayout->addWidget(variables_, 1);
    detailsLayout->addWidget(new QLabel(tr("Compose file:"), details));
    detailsLayout->addWidget(compose_, 2);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(table_);
    split->addWidget(details);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    split->setSizes({520, 760}); // the catalog's columns whole at the window's usual size
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);

    connect(environments_, &core::env::Environments::templatesChanged, this,
            &TemplateCatalogPage::onTemplatesChanged);
    connect(environments_, &core::env::Environments::templateLoaded, this,
            &TemplateCatalogPage::onLoaded);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &TemplateCatalogPage::onSelected);
    onTemplatesChanged();
}

void TemplateCatalogPage::onTemplatesChanged() {
    model_->setTemplates(environments_->templates());
    if (!pending_.isEmpty()) {
        selectTemplate(pending_);
        if (pending_.isEmpty())
            return;
    }
    if (!table_->currentIndex().isValid() && table_->model()->rowCount() > 0)
        table_->setCurrentIndex(table_->model()->index(0, 0));
    else
        onSelected(); // a new version of the one shown
}

void TemplateCatalogPage::selectTemplate(const QString &name) {
    for (int row = 0; row < table_->model()->rowCount(); ++row) {
        const QModelIndex index = table_->model()->index(row, 0);
        if (index.data(TemplateListModel::NameRole).toString() == name) {
            pending_.clear();
            table_->setCurrentIndex(index);
            return;
        }
    }
    pending_ = name; // not listed yet (just imported): selected once it is
}

void TemplateCatalogPage::onSelected() {
    const QString name = table_->currentIndex().data(TemplateListModel::NameRole).toString();
    if (!name.isEmpty())
        environments_->loadTemplate(name);
}

void TemplateCatalogPage::onLoaded(const QString &name, const core::env::TemplateDetails &details,
                                   const QString &error) {
    if (name != table_->currentIndex().data(TemplateListModel::NameRole).toString())
        return; // an answer for a row no longer selected
    details_ = details;
    title_->setText(tr("%1 — version %2").arg(name).arg(details.version.version));
    description_->setText(error.isEmpty() ? details.description : error);
    if (!details.errors.isEmpty())
        services_->setText(
            tr("This version does not resolve:\n%1").arg(details.errors.join(QLatin1Char('\n'))));
    else if (details.required.isEmpty())
        services_->setText(tr("Services: %1").arg(details.services.join(QStringLiteral(", "))));
    else
        services_->setText(tr("Services: %1\nTo give at provision (or in a kind): %2")
                               .arg(details.services.join(QStringLiteral(", ")),
                                    details.required.join(QStringLiteral(", "))));
    variables_->setRowCount(0);
    const auto addRow = [this](const QString &kind, const core::env::KindVariable &v) {
        const int row = variables_->rowCount();
        variables_->insertRow(row);
        variables_->setItem(row, 0, new QTableWidgetItem(kind));
        variables_->setItem(row, 1, new QTableWidgetItem(v.key));
        variables_->setItem(row, 2, new QTableWidgetItem(v.displayValue()));
    };
    for (const auto &v : details.defaults)
        addRow(tr("(every kind)"), v);
    for (const auto &[kind, vars] : details.kindVariables.asKeyValueRange())
        for (const auto &v : vars)
            addRow(kind, v);
    compose_->setPlainText(QString::fromUtf8(details.version.content.compose()));
    provision_->setEnabled(error.isEmpty() && details.errors.isEmpty());
    variablesButton_->setEnabled(error.isEmpty());
    versionsButton_->setEnabled(error.isEmpty());
}

} // namespace slipway::widgets
