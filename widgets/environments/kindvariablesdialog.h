// KindVariablesDialog: the config centre of one template: for the template itself and each
// kind, its variables (key, value, secret), edited in a table and saved at once; a secret's
// value is never stored, only its key (it comes from the environment, the secrets file or the
// provision).
#pragma once

#include "core/environments/environments.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QTableWidget;

namespace slipway::widgets {

class KindVariablesDialog : public QDialog {
    Q_OBJECT

public:
    KindVariablesDialog(core::env::Environments *environments,
                        const core::env::TemplateDetails &details, QWidget *parent = nullptr);

    QComboBox *kindBox() const { return kind_; }
    QTableWidget *table() const { return table_; }
    QLabel *messageLabel() const { return message_; }
    // Adds a row (the Add button's work), for tests and the button alike.
    void addVariable(const QString &key, const QString &value, bool secret);
    void save();

private:
    void showKind();
    // The table's rows; the keys of secrets given a value (dropped) in `dropped`.
    QList<core::env::KindVariable> rows(QString *error, QStringList *dropped = nullptr) const;

    core::env::Environments *environments_;
    core::env::TemplateDetails details_;
    QComboBox *kind_;
    QTableWidget *table_;
    QLabel *message_;
    QStringList dropped_; // of the last save
    // The version of the set the table shows, carried by Save so that it never overwrites a
    // set someone else saved meanwhile; a reload after our own Save moves it on.
    int shownVersion_ = -1;
    bool reloadAfterSave_ = false;
};

} // namespace slipway::widgets
