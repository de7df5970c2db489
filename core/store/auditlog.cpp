#include "core/store/auditlog.h"

#include "core/store/storethread.h"

namespace slipway::core {

namespace {

struct Loaded {
    QList<AuditEntry> entries;
    QString error;
};

} // namespace

AuditLog::AuditLog(std::shared_ptr<StoreThread> store, QObject *parent)
    : QObject(parent), store_(std::move(store)), mailbox_(this) {}

AuditLog::~AuditLog() {
    mailbox_.close();
}

void AuditLog::refresh() {
    store_->run<Loaded>(
        [limit = limit_](Store *store, const QString &openError) {
            Loaded r;
            if (!store)
                r.error = openError;
            else
                r.entries = store->audit(limit, &r.error);
            return r;
        },
        mailbox_,
        [this](const Loaded &r) {
            if (!r.error.isEmpty())
                emit failed(r.error);
            else
                emit loaded(r.entries);
        });
}

void AuditLog::append(const AuditEntry &entry) {
    store_->run<QString>(
        [entry](Store *store, const QString &openError) {
            QString error = openError;
            if (store)
                store->appendAudit(entry, &error);
            return error;
        },
        mailbox_,
        [this](const QString &error) {
            if (!error.isEmpty())
                emit failed(error);
            refresh();
        });
}

} // namespace slipway::core
