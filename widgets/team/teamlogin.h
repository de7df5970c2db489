// TeamLogin: at start-up in team mode, connects to the team database before the window opens,
// asking for the password when the server wants one libpq did not find (kept in memory only),
// or lets the person work on this desk only.
#pragma once

#include "core/store/storelocation.h"
#include "core/store/teamprobe.h"

#include <QCoreApplication>

namespace slipway::widgets {

class TeamLogin {
    Q_DECLARE_TR_FUNCTIONS(TeamLogin)

public:
    // False: the person chose to quit. `where` may change: a password for this session, or
    // the team URL cleared (this desk only). `result` is the last probe's answer.
    static bool connect(core::StoreLocation *where, core::TeamProbe::Result *result);
};

} // namespace slipway::widgets
