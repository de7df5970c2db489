// writeAudit(): appends one audit entry on the store thread, for the core objects that act on
// engines and tell the GUI when the audit log has a new row.
#pragma once

#include "core/base/mailbox.h"
#include "core/store/auditentry.h"

#include <functional>

namespace slipway::core {

class StoreThread;

// `written` runs through `reply` once the row is in. A failed write is dropped: it must not
// undo or hide the action it records.
void writeAudit(StoreThread &store, const Mailbox &reply, const AuditEntry &entry,
                std::function<void()> written);

} // namespace slipway::core
