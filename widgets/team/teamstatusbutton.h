// TeamStatusButton: the status bar's word on where the records are: "This desk" or the team
// database with the login the server knows you as and your rights; a click opens the team
// database dialog.
#pragma once

#include <QStringList>
#include <QToolButton>

namespace slipway::widgets {

class TeamStatusButton : public QToolButton {
    Q_OBJECT

public:
    // `overridden`: the URL came from --database or SLIPWAY_DATABASE.
    explicit TeamStatusButton(bool overridden, QWidget *parent = nullptr);

    void showDesk();
    void showTeam(const QString &location, const QString &role, const QStringList &rights);

private:
    void openDialog();

    QString location_;
    bool overridden_;
};

} // namespace slipway::widgets
