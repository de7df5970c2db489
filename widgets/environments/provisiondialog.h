// ProvisionDialog: what a tester picks before a provision: the template (and version), the
// kind, a name (or one made up), the host (or the least loaded), and variables to override,
// prefilled with the template's own (secrets masked, to be typed in).
#pragma once

#include "core/environments/environments.h"

#include <QDialog>
#include <QList>
#include <QPair>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace slipway::widgets {

class ProvisionDialog : public QDialog {
    Q_OBJECT

public:
    // `hosts`: (id, name) of the hosts to offer besides "least loaded".
    ProvisionDialog(const core::env::TemplateDetails &details,
                    const QList<QPair<QString, QString>> &hosts, QWidget *parent = nullptr);

    // The request as filled in; `error` names the first bad field (empty when fine).
    core::env::ProvisionRequest request(QString *error) const;

    QComboBox *kindBox() const { return kind_; }
    QLineEdit *nameEdit() const { return name_; }
    QComboBox *hostBox() const { return host_; }
    QTableWidget *variablesTable() const { return variables_; }
    QLabel *errorLabel() const { return error_; }
    // Sets (adding when needed) the override of `key`.
    void setVariable(const QString &key, const QString &value);

private:
    void addRow(const QString &key, const QString &value, bool secret);
    void validate();

    core::env::TemplateDetails details_;
    QComboBox *kind_;
    QLineEdit *name_;
    QComboBox *host_;
    QTableWidget *variables_;
    QLabel *error_;
    QDialogButtonBox *buttons_;
};

} // namespace slipway::widgets
