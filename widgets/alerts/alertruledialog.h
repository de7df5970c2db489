// AlertRuleDialog: adds or edits one alert rule: what it watches and its threshold, duration
// or restart count. Checks the input before anything is saved, and closes only once the
// AlertMonitor has saved the rule.
#pragma once

#include "core/alerts/alertrule.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QDoubleSpinBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace slipway::core {
class AlertMonitor;
}

namespace slipway::widgets {

class AlertRuleDialog : public QDialog {
    Q_OBJECT

public:
    // `rule` without an id: a new rule; else the rule to edit.
    AlertRuleDialog(core::AlertMonitor *monitor, const core::AlertRule &rule,
                    QWidget *parent = nullptr);

    core::AlertRule rule() const; // as the fields say now
    QString validationError() const;

public slots:
    void accept() override; // saves through the monitor; closes when that worked

private:
    void onKindChanged();
    void showError(const QString &text);
    void onSaved(quint64 request, bool ok, const QString &error);

    core::AlertMonitor *monitor_;
    core::AlertRule original_;
    QComboBox *kind_;
    QLineEdit *name_;
    QDoubleSpinBox *threshold_;
    QSpinBox *for_;
    QSpinBox *count_;
    QSpinBox *window_;
    QCheckBox *enabled_;
    QFormLayout *form_;
    QLabel *error_;
    QDialogButtonBox *buttons_;
    quint64 saveRequest_ = 0;
    bool nameEdited_ = false;
};

} // namespace slipway::widgets
