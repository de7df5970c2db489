// HostsView: the Hosts section: the table of hosts, the selected host's details, and the
// actions on hosts (add, edit, remove, test, refresh).
#pragma once

#include "widgets/common/sectiontable.h"

#include <QWidget>

class QAction;
class QLabel;

namespace slipway::core {
class HostMonitor;
struct HostStatus;
} // namespace slipway::core

namespace slipway::models {
class HostTableModel;
}

namespace slipway::widgets {

class BannerLabel;
class HostDetails;

class HostsView : public QWidget {
    Q_OBJECT

public:
    explicit HostsView(core::HostMonitor *monitor, QWidget *parent = nullptr);

    QTableView *table() const { return table_; }
    models::HostTableModel *model() const { return model_; }

public slots:
    void selectHost(const QString &hostId); // and shows its details
    void addHost();
    void editHost();
    void removeHost();
    void testHost();

private:
    int currentRow() const;
    void updateActions();
    void updateDetails();
    void updateEmptyState();
    void updatePlainTcp();
    void updateSameEngine();

    core::HostMonitor *monitor_;
    models::HostTableModel *model_;
    SectionTable *table_;
    HostDetails *details_;
    QLabel *empty_;
    BannerLabel *message_;
    BannerLabel *plainTcp_;   // which hosts are reached without TLS
    BannerLabel *sameEngine_; // which hosts are one engine at several URLs
    QAction *add_;
    QAction *edit_;
    QAction *remove_;
    QAction *test_;
    QAction *refresh_;
    quint64 testRequest_ = 0;
    quint64 removeRequest_ = 0;
    QString testHostId_;
};

} // namespace slipway::widgets
