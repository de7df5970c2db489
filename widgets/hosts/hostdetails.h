// HostDetails: everything known about one host and, when it is down, why.
#pragma once

#include "core/fleet/hostconfig.h"
#include "core/fleet/hoststatus.h"

#include <QWidget>

class QLabel;

namespace slipway::widgets {

class HostDetails : public QWidget {
    Q_OBJECT

public:
    explicit HostDetails(QWidget *parent = nullptr);

    void showHost(const core::HostConfig &host, const core::HostStatus &status);
    void clear();
    // A line under the title for the outcome of an action on this host (a connection test).
    void setNote(const QString &text, bool isError);

private:
    QLabel *field(const QString &key);

    QLabel *title_;
    QLabel *placeholder_;
    QLabel *error_;
    QLabel *warning_;
    QLabel *plainTcp_;
    QLabel *sameEngine_;
    QLabel *note_;
    QWidget *fields_;
    QHash<QString, QLabel *> values_;
};

} // namespace slipway::widgets
