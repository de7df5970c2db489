// ServicesView: the Swarm services of every manager host in one table, with image, digest,
// replicas running / asked for and how the last update went; Roll back (asks first, naming
// the spec it goes back to), Update image… (a historical image, start-first with automatic
// rollback), Scale… and Refresh. Errors show inline in the daemon's words; an update that the
// engine rolled back by itself is said so, with its reason.
#pragma once

#include "widgets/common/bannerlabel.h"
#include "widgets/common/sectiontable.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QAction;
class QLabel;
class QSortFilterProxyModel;

namespace slipway::core {
class ServiceCatalog;
struct ServiceRecord;
} // namespace slipway::core

namespace slipway::models {
class ServiceTableModel;
}

namespace slipway::widgets {

class ServicesView : public QWidget {
    Q_OBJECT

public:
    explicit ServicesView(core::ServiceCatalog *catalog, QWidget *parent = nullptr);

    QTableView *table() const { return table_; }
    models::ServiceTableModel *model() const { return model_; }
    QLabel *messageLabel() const { return message_; }

public slots:
    void rollbackSelected();
    void updateImageOfSelected();
    void scaleSelected();
    void refresh();

private:
    enum class Kind { Rollback, Update, Scale };
    struct Follow {
        Kind kind;
        QString name;
        QString target; // the image gone to, or the replicas asked for
        bool accepted = false;
    };
    bool selectedRecord(core::ServiceRecord *record) const;
    void start(Kind kind, const core::ServiceRecord &r, quint64 request, const QString &refused,
               const QString &target);
    void onChanged(const core::ServiceRecord &r);
    void onEnded(const core::ServiceRecord &r);
    void updateActions();
    void updateSummary();
    void updateHostProblems();
    void showMessage(const QString &text, int level); // 0 ok, 1 working, 2 error

    core::ServiceCatalog *catalog_;
    models::ServiceTableModel *model_;
    QSortFilterProxyModel *proxy_;
    SectionTable *table_;
    BannerLabel *message_;
    BannerLabel *hostProblems_;
    QLabel *summary_;
    QAction *rollback_;
    QAction *update_;
    QAction *scale_;
    QAction *refresh_;
    QHash<quint64, QString> requests_; // request -> service key
    QHash<QString, Follow> following_; // service key -> what was asked of it
    QTimer laterTimer_;
};

} // namespace slipway::widgets
