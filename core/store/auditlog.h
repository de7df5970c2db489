// AuditLog: reads and appends the Store's audit log on the store thread, for the GUI.
#pragma once

#include "core/base/mailbox.h"
#include "core/store/auditentry.h"

#include <QList>
#include <QObject>
#include <memory>

namespace slipway::core {

class StoreThread;

class AuditLog : public QObject {
    Q_OBJECT

public:
    explicit AuditLog(std::shared_ptr<StoreThread> store, QObject *parent = nullptr);
    ~AuditLog() override;

public slots:
    void refresh();                                      // answers with loaded() or failed()
    void append(const slipway::core::AuditEntry &entry); // then refreshes

signals:
    void loaded(const QList<slipway::core::AuditEntry> &newestFirst);
    void failed(const QString &error);

private:
    std::shared_ptr<StoreThread> store_;
    Mailbox mailbox_;
    int limit_ = 1000;
};

} // namespace slipway::core
