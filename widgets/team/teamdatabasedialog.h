// TeamDatabaseDialog: sets the team database this desk uses from the next start, checks the
// URL as it is typed and tests the connection (who the server takes you for, your rights).
#pragma once

#include "core/base/mailbox.h"

#include <QDialog>

class QLabel;
class QLineEdit;
class QPushButton;

namespace slipway::widgets {

class TeamDatabaseDialog : public QDialog {
    Q_OBJECT

public:
    // `current`: what this run uses (empty: this desk only); `overridden`: set by --database or
    // SLIPWAY_DATABASE, which win over what is saved here.
    TeamDatabaseDialog(const QString &current, bool overridden, QWidget *parent = nullptr);
    ~TeamDatabaseDialog() override;

    QString url() const;

private:
    void check();
    void test();
    void save();

    QLineEdit *url_;
    QLabel *problem_;
    QLabel *tested_;
    QPushButton *test_;
    QPushButton *save_;
    core::Mailbox mailbox_{this};
};

} // namespace slipway::widgets
