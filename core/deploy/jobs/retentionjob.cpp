#include "core/deploy/jobs/retentionjob.h"

namespace slipway::core {

JobOutcome RetentionJob::run(const QString &app, const QString &env, int versions) {
    JobOutcome r;
    QString why;
    if (!validNames(app, env, &why)) {
        r.error = why;
        return r;
    }
    const bool ok = onStore<bool>([&](Store *store, DeploymentStore &s) {
        if (!s.setRetention(app, env, versions, &why))
            return false;
        AuditEntry e;
        e.action = QStringLiteral("app.retention");
        e.target = QStringLiteral("%1/%2").arg(app, env);
        e.result = QStringLiteral("ok");
        e.detail = tr("keep the last %1 versions restorable").arg(versions);
        store->appendAudit(e);
        return true;
    });
    if (c_.audited && ok)
        c_.audited();
    r.ok = ok;
    r.error = ok ? QString() : (why.isEmpty() ? tr("the database cannot be opened") : why);
    return r;
}

} // namespace slipway::core
