#include "widgets/team/teamstatusbutton.h"

#include "widgets/team/teamdatabasedialog.h"

#include <QMessageBox>

namespace slipway::widgets {

TeamStatusButton::TeamStatusButton(bool overridden, QWidget *parent)
    : QToolButton(parent), overridden_(overridden) {
    setObjectName(QStringLiteral("teamStatus"));
    setAutoRaise(true);
    connect(this, &QToolButton::clicked, this, &TeamStatusButton::openDialog);
    showDesk();
}

void TeamStatusButton::showDesk() {
    location_.clear();
    setText(tr("Records: this desk"));
    setToolTip(tr("Deployments, environments and the audit log are kept on this desk only. "
                  "Click to share them with a team database."));
}

void TeamStatusButton::showTeam(const QString &location, const QString &role,
                                const QStringList &rights) {
    location_ = location;
    setText(tr("Team: %1 as %2").arg(location.section(u'/', -1).section(u'?', 0, 0), role));
    setToolTip(tr("Records are shared in the team database %1. The server knows you as %2, "
                  "with the rights: %3.")
                   .arg(location, role, rights.isEmpty() ? tr("none") : rights.join(u", ")));
}

void TeamStatusButton::openDialog() {
    TeamDatabaseDialog dialog(location_, overridden_, window());
    if (dialog.exec() == QDialog::Accepted && dialog.url() != location_)
        QMessageBox::information(window(), tr("Team Database"),
                                 tr("Slipway uses the new setting from its next start."));
}

} // namespace slipway::widgets
