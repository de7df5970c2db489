// AuditView: the Audit section: who did what, where and when, newest first.
#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace slipway::core {
class AuditLog;
}
namespace slipway::models {
class AuditTableModel;
}

namespace slipway::widgets {

class AuditView : public QWidget {
    Q_OBJECT

public:
    explicit AuditView(core::AuditLog *log, QWidget *parent = nullptr);

    QTableView *table() const { return table_; }

protected:
    void showEvent(QShowEvent *event) override;

private:
    core::AuditLog *log_;
    models::AuditTableModel *model_;
    QTableView *table_;
    QLabel *message_;
};

} // namespace slipway::widgets
