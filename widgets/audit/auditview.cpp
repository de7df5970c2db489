#include "widgets/audit/auditview.h"

#include "core/store/auditlog.h"
#include "models/audittablemodel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

namespace slipway::widgets {

using models::AuditTableModel;

AuditView::AuditView(core::AuditLog *log, QWidget *parent)
    : QWidget(parent), log_(log), model_(new AuditTableModel(this)) {
    auto *intro = new QLabel(tr("Every change made through Slipway on this workstation, newest "
                                "first. The log is append-only."),
                             this);
    intro->setWordWrap(true);
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("auditMessage"));
    message_->setWordWrap(true);
    message_->setStyleSheet(QStringLiteral("QLabel { color: #8a1f1f; }"));
    message_->hide();

    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("auditTable"));
    table_->setModel(model_);
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setAlternatingRowColors(true);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table_->horizontalHeader()->setStretchLastSection(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(message_);
    layout->addWidget(table_, 1);

    connect(log_, &core::AuditLog::loaded, this, [this](const QList<core::AuditEntry> &entries) {
        message_->hide();
        model_->merge(entries);
    });
    connect(log_, &core::AuditLog::failed, this, [this](const QString &error) {
        message_->setText(tr("The audit log cannot be read: %1").arg(error));
        message_->show();
    });
}

void AuditView::showEvent(QShowEvent *event) {
    QWidget::showEvent(event);
    log_->refresh();
}

} // namespace slipway::widgets
