// TemplateVersionsDialog: every version of a template (who saved it, when, from where) and the
// changes each made to the one before, file by file, as a unified diff.
#pragma once

#include "core/environments/environments.h"

#include <QDialog>

class QListWidget;
class QPlainTextEdit;

namespace slipway::widgets {

class TemplateVersionsDialog : public QDialog {
    Q_OBJECT

public:
    TemplateVersionsDialog(core::env::Environments *environments, const QString &name,
                           QWidget *parent = nullptr);

    QListWidget *versionList() const { return versions_; }
    QPlainTextEdit *diffView() const { return diff_; }

private:
    void showSelected();

    core::env::Environments *environments_;
    QString name_;
    QListWidget *versions_;
    QPlainTextEdit *diff_;
};

} // namespace slipway::widgets
