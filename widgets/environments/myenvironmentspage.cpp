#include "widgets/environments/myenvironmentspage.h"

#include "core/fleet/hostmonitor.h"
#include "models/environmentservicemodel.h"
#include "models/environmenttablemodel.h"
#include "widgets/common/sectiontable.h"
#include "widgets/environments/servicelogsdialog.h"
#include "widgets/environments/shelllauncher.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QDesktopServices>
#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace slipway::widgets {

using models::EnvironmentServiceModel;
using models::EnvironmentTableModel;

MyEnvironmentsPage::MyEnvironmentsPage(core::env::Environments *environments,
                                       core::HostMonitor *hosts, QWidget *parent)
    : QWidget(parent), environments_(environments), hosts_(hosts),
      model_(new EnvironmentTableModel(this)), serviceModel_(new EnvironmentServiceModel(this)) {
    setObjectName(QStringLiteral("myEnvironments"));
    model_->setHostNames([hosts](const QString &id) {
        const QString name = hosts->hostName(id);
        return name.isEmpty() ? id : name;
    });
    table_ = new SectionTable(QStringLiteral("environmentTable"), model_,
                              EnvironmentTableModel::NameColumn, QAbstractItemView::SingleSelection,
                              this);
    services_ = new SectionTable(QStringLiteral("environmentServices"), serviceModel_,
                                 EnvironmentServiceModel::EndpointsColumn,
                                 QAbstractItemView::SingleSelection, this);
    services_->setToolTip(tr("Double-click a service to open its first endpoint."));

    onlyMine_ = new QCheckBox(tr("Only mine"), this);
    onlyMine_->setObjectName(QStringLiteral("onlyMine"));
    onlyMine_->setChecked(true);
    recycle_ = new QPushButton(tr("Recycle"), this);
    recycle_->setObjectName(QStringLiteral("recycleButton"));
    recycleMine_ = new QPushButton(tr("Recycle all of mine"), this);
    recycleMine_->setObjectName(QStringLiteral("recycleMineButton"));
    logs_ = new QPushButton(tr("Logs"), this);
    logs_->setObjectName(QStringLiteral("logsButton"));
    shell_ = new QPushButton(tr("Shell"), this);
    shell_->setObjectName(QStringLiteral("shellButton"));
    message_ = new QLabel(this);
    message_->setObjectName(QStringLiteral("environmentMessage"));
    message_->setWordWrap(true);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *bar = new QHBoxLayout;
    bar->addWidget(onlyMine_);
    bar->addStretch();
    bar->addWidget(recycle_);
    bar->addWidget(recycleMine_);
    auto *serviceBar = new QHBoxLayout;
    serviceBar->addWidget(new QLabel(tr("Services of the selected environment:"), this));
    serviceBar->addStretch();
    serviceBar->addWidget(logs_);
    serviceBar->addWidget(shell_);
    auto *lower = new QWidget(this);
    auto *lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addLayout(serviceBar);
    lowerLayout->addWidget(services_);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(table_);
    split->addWidget(lower);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar);
    layout->addWidget(message_);
    layout->addWidget(split, 1);

    connect(environments_, &core::env::Environments::environmentsChanged, this,
            &MyEnvironmentsPage::reload);
    connect(environments_, &core::env::Environments::progress, serviceModel_,
            &EnvironmentServiceModel::apply);
    connect(environments_, &core::env::Environments::provisionFinished, this,
            [this](quint64, const QString &id, bool ok, const QString &error) {
                if (!ok)
                    message_->setText(tr("Provision failed: %1").arg(error));
                else
                    message_->clear();
                if (!id.isEmpty())
                    selectEnvironment(id);
            });
    connect(environments_, &core::env::Environments::recycleFinished, this,
            [this](const QString &, bool ok, const QString &error) {
                if (!ok)
                    message_->setText(tr("Recycle failed: %1").arg(error));
            });
    connect(onlyMine_, &QCheckBox::toggled, this, &MyEnvironmentsPage::reload);
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MyEnvironmentsPage::showSelected);
    connect(services_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &MyEnvironmentsPage::updateButtons);
    connect(services_, &QAbstractItemView::doubleClicked, this, &MyEnvironmentsPage::openEndpoint);
    connect(recycle_, &QPushButton::clicked, this, &MyEnvironmentsPage::recycleSelected);
    connect(recycleMine_, &QPushButton::clicked, this, &MyEnvironmentsPage::recycleMine);
    connect(logs_, &QPushButton::clicked, this, &MyEnvironmentsPage::openLogs);
    connect(shell_, &QPushButton::clicked, this, &MyEnvironmentsPage::openShell);
    // "Lived" moves on by itself: repainted twice a minute, without reloading anything.
    auto *clock = new QTimer(this);
    clock->setInterval(30000);
    connect(clock, &QTimer::timeout, table_->viewport(), qOverload<>(&QWidget::update));
    clock->start();
    reload();
}

void MyEnvironmentsPage::reload() {
    QList<core::env::EnvironmentStatus> shown;
    for (const auto &e : environments_->environments())
        if (!onlyMine_->isChecked() || e.record.osUser == environments_->osUser())
            shown.append(e);
    model_->setEnvironments(shown);
    showSelected();
}

QString MyEnvironmentsPage::selectedEnvironment() const {
    return table_->currentIndex().data(EnvironmentTableModel::IdRole).toString();
}

void MyEnvironmentsPage::selectEnvironment(const QString &environmentId) {
    const int row = model_->rowOf(environmentId);
    if (row >= 0)
        table_->setCurrentIndex(model_->index(row, 0));
}

void MyEnvironmentsPage::showSelected() {
    const auto *e = model_->environment(table_->currentIndex().row());
    serviceModel_->show(e ? e->record.id : QString(),
                        e ? e->services : QList<core::env::ServiceStatus>());
    updateButtons();
}

void MyEnvironmentsPage::updateButtons() {
    const auto *e = model_->environment(table_->currentIndex().row());
    recycle_->setEnabled(e && e->record.live() &&
                         e->record.state != core::env::EnvironmentRecord::State::Provisioning);
    // From the rows shown (mine are shown either way), not a new pass over the fleet.
    bool anyMine = false;
    for (int row = 0; row < model_->rowCount() && !anyMine; ++row) {
        const auto &r = model_->environment(row)->record;
        anyMine = r.osUser == environments_->osUser() &&
                  r.state == core::env::EnvironmentRecord::State::Ready;
    }
    recycleMine_->setEnabled(anyMine);
    QString hostId;
    const bool container = !selectedContainer(&hostId).isEmpty();
    logs_->setEnabled(container);
    shell_->setEnabled(container);
}

QString MyEnvironmentsPage::selectedContainer(QString *hostId) const {
    const auto *row = serviceModel_->service(services_->currentIndex().row());
    if (!row || row->status.containers.isEmpty())
        return {};
    *hostId = row->status.containers.first()->hostId;
    return row->status.containers.first()->id;
}

void MyEnvironmentsPage::recycleSelected() {
    const auto *e = model_->environment(table_->currentIndex().row());
    if (!e)
        return;
    confirm(tr("Recycle environment"),
            tr("Recycle %1? Its containers, networks and volumes are removed (volumes its "
               "template keeps stay).")
                .arg(e->record.name),
            {e->record.id});
}

void MyEnvironmentsPage::recycleMine() {
    QStringList ids, names;
    for (const auto &e : environments_->environments())
        if (e.record.live() && e.record.osUser == environments_->osUser() &&
            e.record.state == core::env::EnvironmentRecord::State::Ready)
            ids << e.record.id, names << e.record.name;
    if (ids.isEmpty())
        return;
    confirm(tr("Recycle all of mine"),
            tr("Recycle %n environment(s): %1?", nullptr, int(ids.size()))
                .arg(names.join(QStringLiteral(", "))),
            ids);
}

void MyEnvironmentsPage::confirm(const QString &title, const QString &text,
                                 const QStringList &environmentIds) {
    // Window-modal and not exec()'d: the rest of the application goes on meanwhile.
    auto *box = new QMessageBox(QMessageBox::Question, title, text,
                                QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("recycleConfirm"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    connect(box->button(QMessageBox::Yes), &QAbstractButton::clicked, this,
            [this, environmentIds] { environments_->recycle(environmentIds); });
    box->open();
}

void MyEnvironmentsPage::openLogs() {
    QString hostId;
    const QString id = selectedContainer(&hostId);
    if (id.isEmpty())
        return;
    const auto *row = serviceModel_->service(services_->currentIndex().row());
    auto *dialog = new ServiceLogsDialog(hosts_, hostId, id, row ? row->name : QString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->show();
}

void MyEnvironmentsPage::openShell() {
    QString hostId;
    const QString id = selectedContainer(&hostId);
    const int index = hosts_->indexOf(hostId);
    if (id.isEmpty() || index < 0)
        return;
    QString command;
    if (!ShellLauncher::open(hosts_->host(index), id, &command))
        QMessageBox::information(this, tr("Shell"),
                                 tr("No terminal program was found (set SLIPWAY_TERMINAL to "
                                    "one). Run this in a terminal:\n\n%1")
                                     .arg(command));
}

void MyEnvironmentsPage::openEndpoint(const QModelIndex &index) {
    const QString url = index.data(EnvironmentServiceModel::EndpointRole).toString();
    if (!url.isEmpty())
        QDesktopServices::openUrl(QUrl(url));
}

} // namespace slipway::widgets
