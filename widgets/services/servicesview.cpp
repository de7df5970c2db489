#include "widgets/services/servicesview.h"

#include "core/fleet/hostmonitor.h"
#include "core/fleet/servicecatalog.h"
#include "models/servicetablemodel.h"
#include "widgets/common/bannerlabel.h"
#include "widgets/common/viewtoolbar.h"
#include "widgets/services/serviceimagedialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStyle>
#include <QVBoxLayout>

namespace slipway::widgets {

using models::ServiceTableModel;

ServicesView::ServicesView(core::ServiceCatalog *catalog, QWidget *parent)
    : QWidget(parent), catalog_(catalog), model_(new ServiceTableModel(catalog, this)),
      proxy_(new QSortFilterProxyModel(this)) {
    proxy_->setSourceModel(model_);
    proxy_->setSortRole(ServiceTableModel::SortRole);
    proxy_->setSortCaseSensitivity(Qt::CaseInsensitive);

    auto *toolbar = new ViewToolbar(QStringLiteral("servicesToolbar"), this);
    rollback_ = toolbar->addNamedAction(
        QStringLiteral("rollbackServiceAction"), QStyle::SP_ArrowBack, tr("Roll back"),
        tr("Roll the selected service back to its previous spec (asks first)"));
    update_ = toolbar->addNamedAction(
        QStringLiteral("updateServiceImageAction"), QStyle::SP_ArrowUp, tr("Update image…"),
        tr("Roll the selected service to another image, one replica at a time"));
    scale_ = toolbar->addNamedAction(QStringLiteral("scaleServiceAction"),
                                     QStyle::SP_TitleBarMaxButton, tr("Scale…"),
                                     tr("Change how many replicas the selected service runs"));
    toolbar->addSeparator();
    refresh_ =
        toolbar->addNamedAction(QStringLiteral("refreshServicesAction"), QStyle::SP_BrowserReload,
                                tr("Refresh"), tr("List the services of every manager again now"));
    toolbar->bindToView(refresh_, QKeySequence::Refresh);
    connect(rollback_, &QAction::triggered, this, &ServicesView::rollbackSelected);
    connect(update_, &QAction::triggered, this, &ServicesView::updateImageOfSelected);
    connect(scale_, &QAction::triggered, this, &ServicesView::scaleSelected);
    connect(refresh_, &QAction::triggered, this, &ServicesView::refresh);

    message_ = new BannerLabel(QStringLiteral("servicesMessage"), this);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    hostProblems_ = new BannerLabel(QStringLiteral("servicesHostProblems"), this);
    hostProblems_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    hostProblems_->setTone(BannerLabel::Tone::Warning);

    table_ =
        new SectionTable(QStringLiteral("servicesTable"), proxy_, ServiceTableModel::ImageColumn,
                         QAbstractItemView::SingleSelection, this);
    table_->sortFirstBy(ServiceTableModel::NameColumn);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 10);

    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("servicesSummary"));
    summary_->setEnabled(false);
    summary_->setContentsMargins(4, 2, 4, 4);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolbar);
    layout->addWidget(message_);
    layout->addWidget(hostProblems_);
    layout->addWidget(table_, 1);
    layout->addWidget(summary_);

    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ServicesView::updateActions);
    laterTimer_.setSingleShot(true);
    laterTimer_.setInterval(0);
    connect(&laterTimer_, &QTimer::timeout, this, [this] {
        updateSummary();
        updateActions();
    });
    const auto later = [this] {
        laterTimer_.start();
    };
    connect(model_, &QAbstractItemModel::dataChanged, this, later);
    connect(proxy_, &QAbstractItemModel::rowsInserted, this, later);
    connect(proxy_, &QAbstractItemModel::rowsRemoved, this, later);
    connect(catalog_, &core::ServiceCatalog::servicesChanged, this,
            [this](const core::ServiceList &records) {
                for (const core::ServiceRecord &r : records)
                    onChanged(r);
            });
    connect(catalog_, &core::ServiceCatalog::updateEnded, this, &ServicesView::onEnded);
    connect(catalog_, &core::ServiceCatalog::hostRefreshed, this, [this, later] {
        updateHostProblems();
        later();
    });
    connect(catalog_->monitor(), &core::HostMonitor::hostRemoved, this,
            &ServicesView::updateHostProblems);
    connect(catalog_, &core::ServiceCatalog::operationFinished, this,
            [this](quint64 request, bool ok, const QString &error) {
                auto it = requests_.find(request);
                if (it == requests_.end())
                    return;
                const QString key = *it;
                requests_.erase(it);
                auto f = following_.find(key);
                if (f == following_.end())
                    return;
                if (!ok) {
                    const QString name = f->name;
                    const Kind kind = f->kind;
                    following_.erase(f);
                    showMessage(
                        kind == Kind::Rollback ? tr("Could not roll back %1: %2").arg(name, error)
                        : kind == Kind::Update ? tr("Could not update %1: %2").arg(name, error)
                                               : tr("Could not scale %1: %2").arg(name, error),
                        2);
                } else {
                    f->accepted = true;
                }
                updateActions();
            });
    updateActions();
    updateSummary();
    updateHostProblems();
}

void ServicesView::showMessage(const QString &text, int level) {
    using Tone = BannerLabel::Tone;
    message_->say(text, level == 2 ? Tone::Error : (level == 1 ? Tone::Work : Tone::Ok));
}

bool ServicesView::selectedRecord(core::ServiceRecord *record) const {
    const QModelIndexList rows = table_->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return false;
    *record = model_->record(proxy_->mapToSource(rows.first()).row());
    return !record->id.isEmpty();
}

void ServicesView::updateActions() {
    core::ServiceRecord r;
    const bool selected = selectedRecord(&r);
    const bool busy = selected && following_.contains(r.key()) && !r.stale;
    rollback_->setEnabled(selected && r.hasPrevious && !busy && !r.stale);
    update_->setEnabled(selected && !busy && !r.stale);
    scale_->setEnabled(selected && !r.global && !busy && !r.stale);
    if (selected && !r.hasPrevious)
        rollback_->setToolTip(tr("%1 has no previous spec to roll back to.").arg(r.name));
    else
        rollback_->setToolTip(
            tr("Roll the selected service back to its previous spec (asks first)"));
}

void ServicesView::updateSummary() {
    const int managers = int(catalog_->hostIds().size());
    if (managers == 0) {
        summary_->setText(tr("No host is a Swarm manager: services show here once one is."));
        return;
    }
    int updating = 0;
    int behind = 0;
    for (int i = 0; i < model_->rowCount(); ++i) {
        const core::ServiceRecord r = model_->record(i);
        if (r.updating())
            ++updating;
        else if (!r.converged())
            ++behind;
    }
    summary_->setText(tr("%n service(s)", nullptr, model_->rowCount()) + tr(" on ") +
                      tr("%n manager(s)", nullptr, managers) +
                      tr(" · %1 updating · %2 not all running").arg(updating).arg(behind));
}

void ServicesView::updateHostProblems() {
    QStringList lines;
    core::HostMonitor *monitor = catalog_->monitor();
    for (const QString &id : catalog_->hostIds()) {
        const QString error = catalog_->hostError(id);
        if (error.isEmpty())
            continue;
        const int index = monitor->indexOf(id);
        lines << tr("%1: %2").arg(index >= 0 ? monitor->host(index).name : id, error);
    }
    hostProblems_->setText(tr("Cannot list the services of every manager; those shown greyed are "
                              "the last known.\n%1")
                               .arg(lines.join(u'\n')));
    hostProblems_->setVisible(!lines.isEmpty());
}

void ServicesView::refresh() {
    showMessage({}, 0);
    catalog_->refresh();
}

void ServicesView::start(Kind kind, const core::ServiceRecord &r, quint64 request,
                         const QString &refused, const QString &target) {
    if (!request) {
        showMessage(refused, 2);
        return;
    }
    requests_.insert(request, r.key());
    following_.insert(r.key(), Follow{kind, r.name, target});
    showMessage(kind == Kind::Rollback ? tr("Rolling back %1 to %2…").arg(r.name, target)
                : kind == Kind::Update
                    ? tr("Updating %1 to %2, one replica at a time…").arg(r.name, target)
                    : tr("Scaling %1 to %2 replicas…").arg(r.name, target),
                1);
    updateActions();
}

void ServicesView::rollbackSelected() {
    core::ServiceRecord r;
    if (!selectedRecord(&r))
        return;
    if (!r.hasPrevious) {
        showMessage(tr("%1 has no previous spec to roll back to.").arg(r.name), 2);
        return;
    }
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Roll back service"),
                        tr("Roll %1 on “%2” back to its previous spec?").arg(r.name, r.hostName),
                        QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("confirmRollbackBox"));
    QString info = tr("Now: %1, %2 replicas\nBack to: %3, %4 replicas")
                       .arg(r.reference())
                       .arg(r.desired)
                       .arg(r.previousDigest.isEmpty() ? r.previousImage
                                                       : r.previousImage + u'@' + r.previousDigest)
                       .arg(r.previousReplicas);
    info += QStringLiteral("\n\n");
    info += r.rollbackOrder == QLatin1String("start-first")
                ? tr("The engine starts each old replica before it stops a new one.")
                : tr("The previous spec rolls back stop-first: each replica is stopped before "
                     "its replacement starts, so capacity drops by one during the rollback.");
    box->setInformativeText(info);
    box->setStyleSheet(QStringLiteral("QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel "
                                      "{ min-width: 460px; }"));
    box->setDefaultButton(QMessageBox::No);
    box->button(QMessageBox::Yes)->setText(tr("Roll back"));
    box->button(QMessageBox::No)->setText(tr("Keep"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, r](int) {
        if (box->clickedButton() != box->button(QMessageBox::Yes))
            return;
        QString refused;
        const quint64 request = catalog_->rollback(r.hostId, r.id, &refused);
        start(Kind::Rollback, r, request, refused, r.previousImage);
    });
    box->open();
}

void ServicesView::updateImageOfSelected() {
    core::ServiceRecord r;
    if (!selectedRecord(&r))
        return;
    auto *dialog = new ServiceImageDialog(catalog_, r, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ServiceImageDialog::updateStarted, this,
            [this, r](const QString &, const QString &image) {
                // The dialog has had the engine's yes already: follow the rolling from here.
                following_.insert(r.key(), Follow{Kind::Update, r.name, image, true});
                QString shown, digest;
                core::ServiceRecord::splitDigest(image, &shown, &digest);
                showMessage(tr("Updating %1 to %2, one replica at a time…").arg(r.name, shown), 1);
                updateActions();
            });
    dialog->open();
}

void ServicesView::scaleSelected() {
    core::ServiceRecord r;
    if (!selectedRecord(&r))
        return;
    auto *dialog = new QDialog(this);
    dialog->setObjectName(QStringLiteral("scaleServiceDialog"));
    dialog->setWindowTitle(tr("Scale %1").arg(r.name));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    auto *spin = new QSpinBox(dialog);
    spin->setObjectName(QStringLiteral("scaleReplicasSpin"));
    spin->setRange(0, 1000);
    spin->setValue(r.desired);
    auto *note = new QLabel(tr("%1 runs %2 of %3 replicas now. 0 stops every replica and keeps "
                               "the service.")
                                .arg(r.name)
                                .arg(r.running)
                                .arg(r.desired),
                            dialog);
    note->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Scale"));
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("scaleServiceOk"));
    auto *form = new QFormLayout;
    form->addRow(tr("Replicas:"), spin);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(dialog, &QDialog::accepted, this, [this, r, spin] {
        QString refused;
        const int n = spin->value();
        const quint64 request = catalog_->scale(r.hostId, r.id, n, &refused);
        start(Kind::Scale, r, request, refused, QString::number(n));
    });
    dialog->open();
}

void ServicesView::onChanged(const core::ServiceRecord &r) {
    auto f = following_.find(r.key());
    if (f == following_.end() || !f->accepted || f->kind != Kind::Scale)
        return;
    // A scale runs no update: it is done when the replicas asked for run.
    if (r.desired == f->target.toInt() && r.converged()) {
        showMessage(tr("%1 runs %2 of %3 replicas.").arg(r.name).arg(r.running).arg(r.desired), 0);
        following_.erase(f);
        updateActions();
    }
}

void ServicesView::onEnded(const core::ServiceRecord &r) {
    auto f = following_.find(r.key());
    const bool ours = f != following_.end() && f->kind != Kind::Scale;
    if (r.automaticRollback) {
        QString text = tr("The engine rolled %1 back to %2 by itself: %3")
                           .arg(r.name, r.image, r.rollbackReason);
        if (!r.lastTaskError.isEmpty())
            text += u'\n' + tr("Last task error: %1").arg(r.lastTaskError);
        showMessage(text, 2);
    } else if (ours && r.updateState.endsWith(QLatin1String("paused"))) {
        showMessage(tr("The update of %1 paused: %2").arg(r.name, r.updateMessage), 2);
    } else if (ours) {
        showMessage(r.rolledBack() ? tr("%1 rolled back to %2; %3 of %4 replicas running.")
                                         .arg(r.name, r.image)
                                         .arg(r.running)
                                         .arg(r.desired)
                                   : tr("%1 updated to %2; %3 of %4 replicas running.")
                                         .arg(r.name, r.image)
                                         .arg(r.running)
                                         .arg(r.desired),
                    0);
    }
    if (ours) {
        following_.erase(f);
        updateActions();
    }
}

} // namespace slipway::widgets
