// TeamProbe: connects to a team database off the caller's thread (the GUI's start-up, the
// team database dialog's Test) and says who the server takes this person for and with which
// rights, or why it cannot, including whether it only wants a password.
#pragma once

#include "core/base/mailbox.h"
#include "core/store/storelocation.h"

#include <QString>
#include <QStringList>
#include <functional>

namespace slipway::core {

class TeamProbe {
public:
    struct Result {
        bool ok = false;
        QString error;
        bool passwordNeeded = false; // the server asks one and libpq found none (or a wrong one)
        QString location;            // the URL without secrets
        QString role;                // session_user
        QStringList rights;          // viewer, operator, approver
    };

    // Opens a Store on `where` on a pool thread and closes it again; `done` runs on `reply`'s
    // thread.
    static void run(StoreLocation where, Mailbox reply, std::function<void(Result)> done);
    // The same, on the calling thread.
    static Result now(const StoreLocation &where);
};

} // namespace slipway::core
