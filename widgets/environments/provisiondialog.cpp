#include "widgets/environments/provisiondialog.h"

#include "core/environments/environmentstore.h"
#include "core/environments/kindvariables.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace slipway::widgets {

using core::env::KindVariables;

ProvisionDialog::ProvisionDialog(const core::env::TemplateDetails &details,
                                 const QList<QPair<QString, QString>> &hosts, QWidget *parent)
    : QDialog(parent), details_(details) {
    setObjectName(QStringLiteral("provisionDialog"));
    setWindowTitle(tr("Provision %1").arg(details.version.name));
    kind_ = new QComboBox(this);
    kind_->setObjectName(QStringLiteral("kindBox"));
    for (const auto &k : details.kinds)
        kind_->addItem(k.name, k.name);
    name_ = new QLineEdit(this);
    name_->setObjectName(QStringLiteral("nameEdit"));
    name_->setPlaceholderText(tr("made up from the template and kind"));
    host_ = new QComboBox(this);
    host_->setObjectName(QStringLiteral("hostBox"));
    host_->addItem(tr("Least loaded host"), QString());
    for (const auto &[id, name] : hosts)
        host_->addItem(name, id);
    variables_ = new QTableWidget(0, 2, this);
    variables_->setObjectName(QStringLiteral("variablesTable"));
    variables_->setHorizontalHeaderLabels({tr("Variable"), tr("Value")});
    variables_->horizontalHeader()->setStretchLastSection(true);
    variables_->verticalHeader()->hide();
    for (const auto &v : details.defaults)
        addRow(v.key, v.secret ? QString() : v.value, v.secret);
    for (const QString &key : details.required)
        addRow(key, QString(), false);
    auto *add = new QPushButton(tr("Add variable"), this);
    auto *remove = new QPushButton(tr("Remove"), this);
    connect(add, &QPushButton::clicked, this, [this] {
        addRow({}, {}, false);
        variables_->editItem(variables_->item(variables_->rowCount() - 1, 0));
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (variables_->currentRow() >= 0)
            variables_->removeRow(variables_->currentRow());
        validate();
    });
    auto *varButtons = new QHBoxLayout;
    varButtons->addWidget(add);
    varButtons->addWidget(remove);
    varButtons->addStretch();

    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("errorLabel"));
    error_->setStyleSheet(QStringLiteral("color: #c0392b;"));
    error_->setWordWrap(true);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons_->addButton(tr("Provision"), QDialogButtonBox::AcceptRole)
        ->setObjectName(QStringLiteral("provisionButton"));
    connect(buttons_, &QDialogButtonBox::accepted, this, [this] {
        QString error;
        request(&error);
        if (error.isEmpty())
            accept();
        else
            error_->setText(error);
    });
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(name_, &QLineEdit::textChanged, this, &ProvisionDialog::validate);
    connect(variables_, &QTableWidget::itemChanged, this, &ProvisionDialog::validate);

    auto *form = new QFormLayout;
    form->addRow(
        tr("Template:"),
        new QLabel(tr("%1, version %2").arg(details.version.name).arg(details.version.version),
                   this));
    form->addRow(tr("Kind:"), kind_);
    form->addRow(tr("Name:"), name_);
    form->addRow(tr("Host:"), host_);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Variables (over the kind's values):"), this));
    layout->addWidget(variables_, 1);
    layout->addLayout(varButtons);
    layout->addWidget(error_);
    layout->addWidget(buttons_);
    resize(560, 480);
    validate(); // a required variable no kind gives is named at once
}

void ProvisionDialog::addRow(const QString &key, const QString &value, bool secret) {
    const int row = variables_->rowCount();
    variables_->insertRow(row);
    variables_->setItem(row, 0, new QTableWidgetItem(key));
    auto *valueItem = new QTableWidgetItem(value);
    if (secret)
        valueItem->setToolTip(tr("A secret: empty takes it from the environment or the secrets "
                                 "file; a value typed here is used once and never stored."));
    variables_->setItem(row, 1, valueItem);
}

void ProvisionDialog::setVariable(const QString &key, const QString &value) {
    for (int row = 0; row < variables_->rowCount(); ++row) {
        if (variables_->item(row, 0) && variables_->item(row, 0)->text() == key) {
            variables_->item(row, 1)->setText(value);
            return;
        }
    }
    addRow(key, value, false);
}

void ProvisionDialog::validate() {
    QString error;
    request(&error);
    error_->setText(error);
}

core::env::ProvisionRequest ProvisionDialog::request(QString *error) const {
    error->clear();
    core::env::ProvisionRequest r;
    r.templateName = details_.version.name;
    r.templateVersion = details_.version.version;
    r.kind = kind_->currentData().toString();
    r.name = name_->text().trimmed();
    r.hostId = host_->currentData().toString();
    if (!r.name.isEmpty())
        *error = core::env::EnvironmentStore::checkName(r.name);
    QMap<QString, QString> defaults;
    QSet<QString> secrets;
    for (const auto &v : details_.defaults) {
        defaults.insert(v.key, v.value);
        if (v.secret)
            secrets.insert(v.key);
    }
    for (int row = 0; row < variables_->rowCount(); ++row) {
        const QString key =
            variables_->item(row, 0) ? variables_->item(row, 0)->text().trimmed() : QString();
        const QString value =
            variables_->item(row, 1) ? variables_->item(row, 1)->text() : QString();
        if (key.isEmpty())
            continue;
        if (const QString why = KindVariables::checkKey(key); !why.isEmpty() && error->isEmpty())
            *error = tr("Variable \"%1\": %2").arg(key, why);
        // Only what differs from the template is an override; an empty secret is looked up,
        // an empty new variable left to the kind.
        const bool given = secrets.contains(key) || !defaults.contains(key)
                               ? !value.isEmpty()
                               : defaults.value(key) != value;
        if (given)
            r.overrides.insert(key, value);
    }
    for (const QString &key : details_.required) {
        const auto kindVars = details_.kindVariables.value(r.kind);
        const bool byKind = std::any_of(kindVars.begin(), kindVars.end(),
                                        [&](const auto &v) { return v.key == key; });
        if (!byKind && !r.overrides.contains(key) && error->isEmpty())
            *error =
                tr("%1: the template needs a value (the kind %2 gives none).").arg(key, r.kind);
    }
    return r;
}

} // namespace slipway::widgets
