// ChangeFeed: which shared tables other processes changed, so that views reload within moments
// without polling every table (team mode: PostgreSQL's LISTEN, on a connection and a thread of
// its own).
#pragma once

#include "core/store/storelocation.h"

#include <QObject>
#include <QString>
#include <QThread>
#include <chrono>

namespace slipway::core {

class ChangeFeed : public QObject {
    Q_OBJECT

public:
    struct Options {
        // Notifications arriving this close together are one changed() per table.
        std::chrono::milliseconds coalesce{150};
        // How often the connection is checked: a server that dropped it is noticed this fast.
        std::chrono::milliseconds ping{1000};
        // Reconnecting waits 0.5 s, doubling up to this, for as long as the server is away.
        std::chrono::milliseconds maxBackoff{10000};
    };

    // The channel the migration's triggers notify, with the table's name as payload.
    static QString channel() { return QStringLiteral("slipway_changes"); }

    // Listens on `where`'s team database; in single-user mode (no team URL) it stays silent:
    // the only writer is this desk.
    explicit ChangeFeed(const StoreLocation &where, QObject *parent = nullptr);
    ChangeFeed(const StoreLocation &where, Options options, QObject *parent = nullptr);
    ~ChangeFeed() override; // closes the connection on its thread and joins it

signals:
    // `table` (one of sharedTables()) changed; after a reconnect, every shared table once,
    // since anything may have changed meanwhile.
    void changed(const QString &table);
    // Subscribed (again, after a reconnect).
    void listening();
    // The connection failed or dropped; it is tried again.
    void lost(const QString &error);

private:
    class Listener;
    QThread thread_;
    Listener *listener_ = nullptr;
};

} // namespace slipway::core
