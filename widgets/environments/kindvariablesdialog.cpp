#include "widgets/environments/kindvariablesdialog.h"

#include "core/environments/kindvariables.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace slipway::widgets {

using core::env::KindVariable;
using core::env::KindVariables;

KindVariablesDialog::KindVariablesDialog(core::env::Environments *environments,
                                         const core::env::TemplateDetails &details, QWidget *parent)
    : QDialog(parent), environments_(environments), details_(details) {
    setObjectName(QStringLiteral("kindVariablesDialog"));
    setWindowTitle(tr("Variables of %1").arg(details.version.name));
    kind_ = new QComboBox(this);
    kind_->setObjectName(QStringLiteral("kindBox"));
    kind_->addItem(tr("Every kind (the template's own)"), QString());
    for (const auto &k : details.kinds)
        kind_->addItem(k.name, k.name);
    table_ = new QTableWidget(0, 3, this);
    table_->setObjectName(QStringLiteral("variablesTable"));
    table_->setHorizontalHeaderLabels({tr("Variable"), tr("Value"), tr("Secret")});
    table_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    table_->verticalHeader()->hide();
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("variablesMessage"));
    message_->setWordWrap(true);
    auto *add = new QPushButton(tr("Add"), this);
    auto *remove = new QPushButton(tr("Remove"), this);
    connect(add, &QPushButton::clicked, this, [this] { addVariable({}, {}, false); });
    connect(remove, &QPushButton::clicked, this, [this] {
        if (table_->currentRow() >= 0)
            table_->removeRow(table_->currentRow());
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveVariables"));
    connect(buttons->button(QDialogButtonBox::Save), &QPushButton::clicked, this,
            &KindVariablesDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(kind_, &QComboBox::currentIndexChanged, this, &KindVariablesDialog::showKind);
    connect(environments_, &core::env::Environments::variablesSaved, this,
            [this](const QString &name, const QString &kind, bool ok, const QString &error) {
                if (name != details_.version.name || kind != kind_->currentData().toString())
                    return;
                message_->setStyleSheet(ok ? QString() : QStringLiteral("color: #c0392b;"));
                reloadAfterSave_ = ok;
                if (!ok)
                    message_->setText(error);
                else if (dropped_.isEmpty())
                    message_->setText(tr("Saved."));
                else
                    message_->setText(tr("Saved. The values of %1 were not: secrets keep only "
                                         "their names.")
                                          .arg(dropped_.join(QStringLiteral(", "))));
            });
    connect(environments_, &core::env::Environments::templateLoaded, this,
            [this](const QString &name, const core::env::TemplateDetails &details) {
                if (name != details_.version.name)
                    return;
                details_ = details; // what was saved, for the next kind shown
                if (reloadAfterSave_) {
                    reloadAfterSave_ = false;
                    shownVersion_ =
                        details_.variableVersions.value(kind_->currentData().toString(), -1);
                }
            });

    auto *rowButtons = new QHBoxLayout;
    rowButtons->addWidget(add);
    rowButtons->addWidget(remove);
    rowButtons->addStretch();
    auto *form = new QFormLayout;
    form->addRow(tr("Kind:"), kind_);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(table_, 1);
    layout->addLayout(rowButtons);
    layout->addWidget(new QLabel(tr("A secret keeps only its name here; its value comes from the "
                                    "environment, the secrets file or the provision."),
                                 this));
    layout->addWidget(message_);
    layout->addWidget(buttons);
    resize(620, 440);
    showKind();
}

void KindVariablesDialog::addVariable(const QString &key, const QString &value, bool secret) {
    const int row = table_->rowCount();
    table_->insertRow(row);
    table_->setItem(row, 0, new QTableWidgetItem(key));
    table_->setItem(row, 1, new QTableWidgetItem(secret ? QString() : value));
    auto *check = new QTableWidgetItem;
    check->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    check->setCheckState(secret ? Qt::Checked : Qt::Unchecked);
    table_->setItem(row, 2, check);
}

void KindVariablesDialog::showKind() {
    table_->setRowCount(0);
    message_->clear();
    const QString kind = kind_->currentData().toString();
    const QList<KindVariable> vars =
        kind.isEmpty() ? details_.defaults : details_.kindVariables.value(kind);
    for (const KindVariable &v : vars)
        addVariable(v.key, v.value, v.secret);
    shownVersion_ = details_.variableVersions.value(kind, -1);
}

QList<KindVariable> KindVariablesDialog::rows(QString *error, QStringList *dropped) const {
    QList<KindVariable> out;
    QSet<QString> seen;
    for (int row = 0; row < table_->rowCount(); ++row) {
        KindVariable v;
        v.key = table_->item(row, 0) ? table_->item(row, 0)->text().trimmed() : QString();
        v.value = table_->item(row, 1) ? table_->item(row, 1)->text() : QString();
        v.secret = table_->item(row, 2) && table_->item(row, 2)->checkState() == Qt::Checked;
        if (v.key.isEmpty())
            continue;
        if (const QString why = KindVariables::checkKey(v.key); !why.isEmpty()) {
            *error = tr("Variable \"%1\": %2").arg(v.key, why);
            return {};
        }
        if (seen.contains(v.key)) {
            *error = tr("Variable \"%1\" is listed twice.").arg(v.key);
            return {};
        }
        seen.insert(v.key);
        if (KindVariables::isSecret(v.key, v.secret)) {
            v.secret = true;
            if (!v.value.isEmpty() && dropped)
                dropped->append(v.key); // never stored: said so once saved
            v.value.clear();
        }
        out.append(v);
    }
    return out;
}

void KindVariablesDialog::save() {
    QString error;
    dropped_.clear();
    const QList<KindVariable> vars = rows(&error, &dropped_);
    if (!error.isEmpty()) {
        message_->setStyleSheet(QStringLiteral("color: #c0392b;"));
        message_->setText(error);
        return;
    }
    environments_->saveVariables(details_.version.name, kind_->currentData().toString(), vars,
                                 shownVersion_);
}

} // namespace slipway::widgets
