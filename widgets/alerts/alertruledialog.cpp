#include "widgets/alerts/alertruledialog.h"

#include "core/alerts/alertmonitor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace slipway::widgets {

using core::AlertRule;
using Kind = AlertRule::Kind;

AlertRuleDialog::AlertRuleDialog(core::AlertMonitor *monitor, const AlertRule &rule,
                                 QWidget *parent)
    : QDialog(parent), monitor_(monitor), original_(rule) {
    setWindowTitle(rule.id ? tr("Edit alert rule") : tr("Add alert rule"));
    kind_ = new QComboBox(this);
    kind_->setObjectName(QStringLiteral("ruleKind"));
    for (Kind k : AlertRule::kinds())
        kind_->addItem(AlertRule::kindName(k), int(k));
    kind_->setCurrentIndex(int(AlertRule::kinds().indexOf(rule.kind)));
    name_ = new QLineEdit(rule.name, this);
    name_->setObjectName(QStringLiteral("ruleName"));
    name_->setMaxLength(255);
    name_->setPlaceholderText(tr("What people see when it fires"));
    threshold_ = new QDoubleSpinBox(this);
    threshold_->setObjectName(QStringLiteral("ruleThreshold"));
    threshold_->setRange(0.01, 99.99);
    threshold_->setDecimals(2);
    threshold_->setSuffix(tr(" %"));
    threshold_->setValue(rule.threshold);
    for_ = new QSpinBox(this);
    for_->setObjectName(QStringLiteral("ruleFor"));
    for_->setRange(0, 7 * 24 * 3600);
    for_->setSuffix(tr(" s"));
    for_->setValue(rule.forSeconds);
    for_->setToolTip(tr("How long the condition must hold before the alert fires"));
    count_ = new QSpinBox(this);
    count_->setObjectName(QStringLiteral("ruleCount"));
    count_->setRange(1, 1000);
    count_->setValue(rule.count);
    window_ = new QSpinBox(this);
    window_->setObjectName(QStringLiteral("ruleWindow"));
    window_->setRange(1, 7 * 24 * 3600);
    window_->setSuffix(tr(" s"));
    window_->setValue(rule.windowSeconds);
    enabled_ = new QCheckBox(tr("Enabled"), this);
    enabled_->setObjectName(QStringLiteral("ruleEnabled"));
    enabled_->setChecked(rule.enabled);

    form_ = new QFormLayout;
    form_->addRow(tr("Watches:"), kind_);
    form_->addRow(tr("Name:"), name_);
    form_->addRow(tr("Over:"), threshold_);
    form_->addRow(tr("For at least:"), for_);
    form_->addRow(tr("Restarts:"), count_);
    form_->addRow(tr("Within:"), window_);
    form_->addRow(QString(), enabled_);

    error_ = new QLabel(this);
    error_->setObjectName(QStringLiteral("ruleError"));
    error_->setWordWrap(true);
    error_->setStyleSheet(QStringLiteral("QLabel { color: #8a1f1f; }"));
    error_->hide();

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    buttons_->setObjectName(QStringLiteral("ruleButtons"));
    connect(buttons_, &QDialogButtonBox::accepted, this, &AlertRuleDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form_);
    layout->addWidget(error_);
    layout->addWidget(buttons_);

    // A new rule is named after what it watches until the user names it.
    nameEdited_ = !rule.name.isEmpty();
    connect(name_, &QLineEdit::textEdited, this, [this] { nameEdited_ = true; });
    connect(kind_, &QComboBox::currentIndexChanged, this, &AlertRuleDialog::onKindChanged);
    connect(monitor_, &core::AlertMonitor::requestFinished, this, &AlertRuleDialog::onSaved);
    onKindChanged();
    if (rule.name.isEmpty() && !nameEdited_)
        name_->setText(AlertRule::kindName(rule.kind));
    setMinimumWidth(420);
}

AlertRule AlertRuleDialog::rule() const {
    AlertRule r = original_;
    r.kind = Kind(kind_->currentData().toInt());
    r.name = name_->text().trimmed();
    r.threshold = threshold_->value();
    r.forSeconds = for_->value();
    r.count = count_->value();
    r.windowSeconds = window_->value();
    r.enabled = enabled_->isChecked();
    return r;
}

QString AlertRuleDialog::validationError() const {
    return rule().validationError();
}

void AlertRuleDialog::onKindChanged() {
    const AlertRule r = rule();
    form_->setRowVisible(threshold_, r.usesThreshold());
    form_->setRowVisible(for_, r.usesDuration());
    form_->setRowVisible(count_, r.usesCount());
    form_->setRowVisible(window_, r.usesCount());
    if (!nameEdited_)
        name_->setText(AlertRule::kindName(r.kind));
    adjustSize();
}

void AlertRuleDialog::showError(const QString &text) {
    error_->setText(text);
    error_->setVisible(!text.isEmpty());
}

void AlertRuleDialog::accept() {
    if (const QString why = validationError(); !why.isEmpty()) {
        showError(why);
        return;
    }
    showError({});
    buttons_->button(QDialogButtonBox::Save)->setEnabled(false);
    saveRequest_ = monitor_->saveRule(rule());
}

void AlertRuleDialog::onSaved(quint64 request, bool ok, const QString &error) {
    if (request != saveRequest_ || saveRequest_ == 0)
        return;
    saveRequest_ = 0;
    buttons_->button(QDialogButtonBox::Save)->setEnabled(true);
    if (!ok) {
        showError(tr("The rule was not saved: %1").arg(error));
        return;
    }
    QDialog::accept();
}

} // namespace slipway::widgets
