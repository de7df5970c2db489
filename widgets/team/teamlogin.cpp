#include "widgets/team/teamlogin.h"

#include <QEventLoop>
#include <QInputDialog>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>

namespace slipway::widgets {

namespace {

// The probe on a pool thread; the progress dialog keeps the GUI alive meanwhile.
core::TeamProbe::Result probe(const core::StoreLocation &where) {
    QProgressDialog progress(TeamLogin::tr("Connecting to the team database…"), QString(), 0, 0);
    progress.setWindowTitle(TeamLogin::tr("Team database"));
    progress.setMinimumDuration(300);
    QEventLoop loop;
    core::Mailbox reply(&loop);
    core::TeamProbe::Result result;
    core::TeamProbe::run(where, reply, [&](core::TeamProbe::Result r) {
        result = std::move(r);
        loop.quit();
    });
    loop.exec();
    reply.close();
    return result;
}

} // namespace

bool TeamLogin::connect(core::StoreLocation *where, core::TeamProbe::Result *result) {
    for (int attempt = 0; where->team(); ++attempt) {
        *result = probe(*where);
        if (result->ok)
            return true;
        if (result->passwordNeeded && attempt < 3) {
            bool ok = false;
            const QString password = QInputDialog::getText(
                nullptr, tr("Team database"),
                (attempt == 0 || where->password.isEmpty()
                     ? tr("The team database %1 asks for your password:")
                     : tr("The server refused that password. The team database %1 asks for "
                          "your password:"))
                    .arg(result->location),
                QLineEdit::Password, QString(), &ok);
            if (ok && !password.isEmpty()) {
                where->password = password;
                continue;
            }
        }
        QMessageBox box(QMessageBox::Warning, tr("Team database"),
                        tr("Slipway cannot use the team database."), QMessageBox::NoButton);
        box.setInformativeText(result->error);
        QPushButton *desk = box.addButton(tr("Work on This Desk Only"), QMessageBox::AcceptRole);
        box.addButton(tr("Quit"), QMessageBox::RejectRole);
        box.setDefaultButton(desk);
        box.exec();
        if (box.clickedButton() != desk)
            return false;
        where->teamUrl.clear();
        where->password.clear();
    }
    return true;
}

} // namespace slipway::widgets
