#include "core/store/auditwrite.h"

#include "core/store/storethread.h"

namespace slipway::core {

void writeAudit(StoreThread &store, const Mailbox &reply, const AuditEntry &entry,
                std::function<void()> written) {
    store.run<bool>(
        [entry](Store *store, const QString &) { return store && store->appendAudit(entry); },
        reply,
        [written = std::move(written)](bool ok) {
            if (ok)
                written();
        });
}

} // namespace slipway::core
