#include "core/store/teamprobe.h"

#include "core/store/store.h"
#include "core/store/teamroles.h"

#include <QSqlQuery>
#include <QThreadPool>
#include <QVariant>

namespace slipway::core {

TeamProbe::Result TeamProbe::now(const StoreLocation &where) {
    Result r;
    if (const auto url = TeamUrl::parse(where.teamUrl, nullptr))
        r.location = url->display();
    auto store = Store::open(where, &r.error);
    if (!store) {
        // libpq's own words: "fe_sendauth: no password supplied", "password authentication
        // failed for user".
        r.passwordNeeded = r.error.contains(QLatin1String("no password supplied")) ||
                           r.error.contains(QLatin1String("password authentication failed"));
        return r;
    }
    r.ok = true;
    r.location = store->location();
    QSqlQuery q(store->database());
    if (q.exec(QStringLiteral("SELECT session_user")) && q.next())
        r.role = q.value(0).toString();
    for (TeamRoles::Right right : TeamRoles::held(store->database()))
        r.rights << TeamRoles::word(right);
    return r;
}

void TeamProbe::run(StoreLocation where, Mailbox reply, std::function<void(Result)> done) {
    QThreadPool::globalInstance()->start([where = std::move(where), reply, done = std::move(done)] {
        Result r = now(where);
        reply.post([done, r] { done(r); });
    });
}

} // namespace slipway::core
