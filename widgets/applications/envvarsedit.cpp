#include "widgets/applications/envvarsedit.h"

#include "core/deploy/secretenv.h"

#include <QCheckBox>
#include <QGridLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QToolButton>
#include <QVBoxLayout>

namespace slipway::widgets {

using core::SecretEnv;

EnvVarsEdit::EnvVarsEdit(QWidget *parent) : QWidget(parent) {
    setObjectName(QStringLiteral("deployEnvVarsEdit"));
    grid_ = new QGridLayout;
    grid_->setContentsMargins(0, 0, 0, 0);
    grid_->setHorizontalSpacing(6);
    grid_->setVerticalSpacing(4);
    grid_->setColumnStretch(0, 2);
    grid_->setColumnStretch(1, 3);
    add_ = new QPushButton(tr("Add variable"), this);
    add_->setObjectName(QStringLiteral("addEnvVarButton"));
    add_->setAutoDefault(false);
    connect(add_, &QPushButton::clicked, this, [this] {
        const int row = addRow();
        rows_[row].key->setFocus();
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(grid_);
    layout->addWidget(add_, 0, Qt::AlignLeft);
}

int EnvVarsEdit::addRow() {
    Row row;
    const int index = int(rows_.size());
    row.key = new QLineEdit(this);
    row.key->setObjectName(QStringLiteral("envKeyEdit%1").arg(index));
    row.key->setPlaceholderText(tr("NAME"));
    row.value = new QLineEdit(this);
    row.value->setObjectName(QStringLiteral("envValueEdit%1").arg(index));
    row.secret = new QCheckBox(tr("Secret"), this);
    row.secret->setObjectName(QStringLiteral("envSecretCheck%1").arg(index));
    row.remove = new QToolButton(this);
    row.remove->setObjectName(QStringLiteral("envRemoveButton%1").arg(index));
    row.remove->setText(QStringLiteral("✕"));
    row.remove->setToolTip(tr("Remove this variable"));
    rows_.append(row);
    connect(row.key, &QLineEdit::textChanged, this, [this, key = row.key] {
        for (const Row &r : std::as_const(rows_))
            if (r.key == key)
                updateRow(r);
        emit changed();
    });
    connect(row.value, &QLineEdit::textChanged, this, &EnvVarsEdit::changed);
    connect(row.secret, &QCheckBox::toggled, this, [this, box = row.secret] {
        for (const Row &r : std::as_const(rows_))
            if (r.secret == box)
                updateRow(r);
        emit changed();
    });
    connect(row.remove, &QToolButton::clicked, this,
            [this, button = row.remove] { removeRow(button); });
    relayout();
    updateRow(row);
    emit changed();
    return index;
}

void EnvVarsEdit::updateRow(const Row &row) {
    const bool forced = SecretEnv::looksSecret(row.key->text().trimmed());
    if (forced && !row.secret->isChecked())
        row.secret->setChecked(true); // toggled() comes back here
    row.secret->setEnabled(!forced);
    row.secret->setToolTip(forced ? tr("A name with PASSWORD, SECRET, TOKEN or KEY in it is "
                                       "always a secret.")
                                  : tr("A secret's value is used for this deployment and never "
                                       "stored or shown."));
    const bool secret = row.secret->isChecked();
    row.value->setEchoMode(secret ? QLineEdit::Password : QLineEdit::Normal);
    row.value->setPlaceholderText(secret ? tr("empty: from the environment, secrets.env or the "
                                              "running replicas")
                                         : tr("value"));
    row.value->setToolTip(secret ? tr("Never stored: later changes take it from Slipway's "
                                      "environment, ~/.config/slipway/secrets.env or the "
                                      "replicas running now.")
                                 : QString());
}

void EnvVarsEdit::removeRow(QToolButton *button) {
    for (int i = 0; i < rows_.size(); ++i) {
        if (rows_[i].remove != button)
            continue;
        const Row row = rows_.takeAt(i);
        for (QWidget *w :
             std::initializer_list<QWidget *>{row.key, row.value, row.secret, row.remove}) {
            grid_->removeWidget(w);
            w->hide();
            w->deleteLater();
        }
        break;
    }
    relayout();
    emit changed();
}

void EnvVarsEdit::relayout() {
    // Each widget once, at its row's place now.
    for (const Row &r : std::as_const(rows_))
        for (QWidget *w : std::initializer_list<QWidget *>{r.key, r.value, r.secret, r.remove})
            grid_->removeWidget(w);
    for (int i = 0; i < rows_.size(); ++i) {
        grid_->addWidget(rows_[i].key, i, 0);
        grid_->addWidget(rows_[i].value, i, 1);
        grid_->addWidget(rows_[i].secret, i, 2);
        grid_->addWidget(rows_[i].remove, i, 3);
    }
}

void EnvVarsEdit::setVariables(const QStringList &env, const QStringList &secretKeys) {
    while (!rows_.isEmpty())
        removeRow(rows_.last().remove);
    QStringList shown;
    for (const QString &e : env) {
        const int row = addRow();
        const QString key = SecretEnv::keyOf(e);
        rows_[row].key->setText(key);
        rows_[row].value->setText(SecretEnv::valueOf(e));
        if (secretKeys.contains(key))
            rows_[row].secret->setChecked(true);
        shown.append(key);
    }
    for (const QString &key : secretKeys) {
        if (shown.contains(key))
            continue;
        const int row = addRow();
        rows_[row].key->setText(key);
        rows_[row].secret->setChecked(true);
    }
}

bool EnvVarsEdit::variables(QStringList *env, QStringList *secretKeys, QString *problem) const {
    static const QRegularExpression space(QStringLiteral("\\s"));
    QStringList keys;
    for (int i = 0; i < rows_.size(); ++i) {
        const Row &row = rows_[i];
        const QString key = row.key->text().trimmed();
        const QString value = row.value->text();
        const bool secret = row.secret->isChecked() || SecretEnv::looksSecret(key);
        if (key.isEmpty()) {
            if (value.isEmpty())
                continue; // an empty row
            *problem = tr("Environment variable %1: give its name.").arg(i + 1);
            return false;
        }
        if (key.contains(QLatin1Char('=')) || key.contains(space)) {
            *problem = tr("Environment variable %1: the name \"%2\" may not contain '=' or a "
                          "space.")
                           .arg(i + 1)
                           .arg(key);
            return false;
        }
        if (keys.contains(key)) {
            *problem = tr("Environment variable %1: %2 is given twice.").arg(i + 1).arg(key);
            return false;
        }
        keys.append(key);
        if (secret)
            secretKeys->append(key);
        if (!secret || !value.isEmpty())
            env->append(key + QLatin1Char('=') + value);
    }
    return true;
}

} // namespace slipway::widgets
