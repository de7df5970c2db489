#include "widgets/hosts/hostsview.h"

#include "core/fleet/hostmonitor.h"
#include "core/fleet/plaintcp.h"
#include "models/hosttablemodel.h"
#include "widgets/common/bannerlabel.h"
#include "widgets/common/viewtoolbar.h"
#include "widgets/hosts/hostdetails.h"
#include "widgets/hosts/hostdialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QLabel>
#include <QMessageBox>
#include <QScrollArea>
#include <QSplitter>
#include <QStyle>
#include <QVBoxLayout>

namespace slipway::widgets {

using core::HostConfig;
using core::HostStatus;
using models::HostTableModel;

HostsView::HostsView(core::HostMonitor *monitor, QWidget *parent)
    : QWidget(parent), monitor_(monitor), model_(new HostTableModel(monitor, this)) {
    auto *toolbar = new ViewToolbar(QStringLiteral("hostsToolbar"), this);
    add_ = toolbar->addNamedAction(QStringLiteral("addHostAction"), QStyle::SP_FileDialogNewFolder,
                                   tr("Add…"), tr("Add a Docker host"));
    edit_ =
        toolbar->addNamedAction(QStringLiteral("editHostAction"), QStyle::SP_FileDialogDetailedView,
                                tr("Edit…"), tr("Edit the selected host"));
    remove_ = toolbar->addNamedAction(QStringLiteral("removeHostAction"), QStyle::SP_TrashIcon,
                                      tr("Remove"), tr("Remove the selected host"));
    toolbar->addSeparator();
    test_ =
        toolbar->addNamedAction(QStringLiteral("testHostAction"), QStyle::SP_DialogApplyButton,
                                tr("Test connection"), tr("Ask the selected host who it is, now"));
    refresh_ =
        toolbar->addNamedAction(QStringLiteral("refreshHostsAction"), QStyle::SP_BrowserReload,
                                tr("Refresh"), tr("Probe every host again now"));
    refresh_->setShortcut(QKeySequence::Refresh);
    connect(add_, &QAction::triggered, this, &HostsView::addHost);
    connect(edit_, &QAction::triggered, this, &HostsView::editHost);
    connect(remove_, &QAction::triggered, this, &HostsView::removeHost);
    connect(test_, &QAction::triggered, this, &HostsView::testHost);
    connect(refresh_, &QAction::triggered, monitor_, &core::HostMonitor::refresh);

    message_ = new BannerLabel(QStringLiteral("hostsMessage"), this);
    message_->setTone(BannerLabel::Tone::Error);
    // Red for as long as any host is reached over plain TCP: whoever reaches its port is root
    // on it.
    plainTcp_ = new BannerLabel(QStringLiteral("hostsPlainTcp"), BannerLabel::Tone::Error, this);
    plainTcp_->hide();
    sameEngine_ =
        new BannerLabel(QStringLiteral("hostsSameEngine"), BannerLabel::Tone::Warning, this);
    sameEngine_->hide();

    table_ = new SectionTable(QStringLiteral("hostsTable"), model_, HostTableModel::UrlColumn,
                              QAbstractItemView::SingleSelection, this);

    empty_ = new QLabel(tr("No Docker hosts yet. Add one with \"Add…\", set DOCKER_HOST, or "
                           "create a docker context."),
                        this);
    empty_->setObjectName(QStringLiteral("hostsEmpty"));
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setWordWrap(true);
    empty_->setEnabled(false);

    auto *tableBox = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addWidget(table_);
    tableLayout->addWidget(empty_);

    details_ = new HostDetails(this);
    details_->setObjectName(QStringLiteral("hostDetails"));
    auto *detailsScroll = new QScrollArea(this);
    detailsScroll->setWidget(details_);
    detailsScroll->setWidgetResizable(true);
    detailsScroll->setFrameShape(QFrame::NoFrame);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(tableBox);
    splitter->addWidget(detailsScroll);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 1);
    splitter->setSizes({360, 400});
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolbar);
    layout->addWidget(message_);
    layout->addWidget(plainTcp_);
    layout->addWidget(sameEngine_);
    layout->addWidget(splitter, 1);

    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this] {
        details_->setNote({}, false);
        updateActions();
        updateDetails();
    });
    connect(model_, &QAbstractItemModel::rowsInserted, this, &HostsView::updatePlainTcp);
    connect(model_, &QAbstractItemModel::rowsRemoved, this, &HostsView::updatePlainTcp);
    connect(model_, &QAbstractItemModel::modelReset, this, &HostsView::updatePlainTcp);
    connect(model_, &QAbstractItemModel::dataChanged, this, &HostsView::updatePlainTcp);
    connect(model_, &QAbstractItemModel::rowsRemoved, this, &HostsView::updateSameEngine);
    connect(model_, &QAbstractItemModel::modelReset, this, &HostsView::updateSameEngine);
    connect(model_, &QAbstractItemModel::dataChanged, this, &HostsView::updateSameEngine);
    connect(model_, &QAbstractItemModel::dataChanged, this, [this](const QModelIndex &topLeft) {
        if (topLeft.row() == currentRow()) {
            updateActions();
            updateDetails();
        }
    });
    connect(model_, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first) {
                updateEmptyState();
                if (currentRow() < 0)
                    table_->selectRow(first);
            });
    connect(model_, &QAbstractItemModel::rowsRemoved, this, [this] {
        updateEmptyState();
        updateActions();
        updateDetails();
    });
    connect(monitor_, &core::HostMonitor::loaded, this, &HostsView::updateEmptyState);
    connect(monitor_, &core::HostMonitor::problem, this, [this](const QString &problem) {
        message_->setText(message_->text().isEmpty() ? problem : message_->text() + '\n' + problem);
        message_->show();
    });
    connect(monitor_, &core::HostMonitor::connectionTested, this,
            [this](quint64 request, const HostStatus &s) {
                if (request != testRequest_)
                    return;
                testRequest_ = 0;
                if (model_->host(currentRow()).id != testHostId_)
                    return;
                if (s.state == HostStatus::State::Up)
                    details_->setNote(tr("Connection test passed: Docker %1, API %2.")
                                          .arg(s.engineVersion, s.apiVersion),
                                      false);
                else
                    details_->setNote(tr("Connection test failed: %1").arg(s.error), true);
            });
    connect(monitor_, &core::HostMonitor::requestFinished, this,
            [this](quint64 request, bool ok, const QString &error) {
                if (request != removeRequest_ || ok)
                    return;
                message_->setText(tr("Could not remove the host: %1").arg(error));
                message_->show();
            });
    empty_->hide();
    updateActions();
}

void HostsView::selectHost(const QString &hostId) {
    if (const int row = model_->rowOf(hostId); row >= 0)
        table_->selectRow(row);
}

int HostsView::currentRow() const {
    const QModelIndex current = table_->selectionModel()->currentIndex();
    return current.isValid() ? current.row() : -1;
}

void HostsView::updateEmptyState() {
    const bool empty = model_->rowCount() == 0 && monitor_->isLoaded();
    empty_->setVisible(empty);
    table_->setVisible(!empty);
}

void HostsView::updateActions() {
    const int row = currentRow();
    const HostConfig host = model_->host(row);
    const bool selected = row >= 0;
    edit_->setEnabled(selected && host.isUserHost());
    remove_->setEnabled(selected &&
                        (host.isUserHost() || host.source == HostConfig::Source::CommandLine));
    test_->setEnabled(selected);
    if (selected && !host.isUserHost()) {
        const QString why = tr("%1 comes from %2; change it there.")
                                .arg(host.name, HostConfig::sourceName(host.source));
        edit_->setToolTip(why);
    } else {
        edit_->setToolTip(tr("Edit the selected host"));
    }
}

void HostsView::updatePlainTcp() {
    QStringList names;
    for (int row = 0; row < model_->rowCount(); ++row) {
        const HostConfig host = model_->host(row);
        if (core::isPlainTcp(host))
            names.append(host.name == host.url
                             ? host.url
                             : QStringLiteral("%1 (%2)").arg(host.name, host.url));
    }
    plainTcp_->say(names.isEmpty()
                       ? QString()
                       : tr("Plain TCP without TLS: %1. Anyone who can reach such a host's port "
                            "controls its Docker engine, which is root on that host, and can read "
                            "everything sent to it. Give these hosts TLS.")
                             .arg(names.join(QStringLiteral(", "))),
                   BannerLabel::Tone::Error);
}

void HostsView::updateSameEngine() {
    QStringList lines;
    for (int row = 0; row < model_->rowCount(); ++row) {
        const QStringList others = model_->status(row).sameEngineAs;
        if (!others.isEmpty())
            lines.append(
                tr("%1: %2").arg(model_->host(row).name, HostStatus::sameEngineText(others)));
    }
    sameEngine_->say(lines.isEmpty()
                         ? QString()
                         : tr("One Docker engine is listed at more than one URL (it answers with "
                              "the same engine ID): %1. Replicas are placed on it as one host.")
                               .arg(lines.join(QStringLiteral("; "))),
                     BannerLabel::Tone::Warning);
}

void HostsView::updateDetails() {
    const int row = currentRow();
    if (row < 0)
        details_->clear();
    else
        details_->showHost(model_->host(row), model_->status(row));
}

void HostsView::addHost() {
    auto *dialog = new HostDialog(monitor_, HostConfig{}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const int row = model_->rowOf(dialog->config().id);
        if (row >= 0)
            table_->selectRow(row);
    });
    dialog->open();
}

void HostsView::editHost() {
    const HostConfig host = model_->host(currentRow());
    if (!host.isUserHost())
        return;
    auto *dialog = new HostDialog(monitor_, host, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void HostsView::removeHost() {
    const int row = currentRow();
    if (row < 0)
        return;
    const HostConfig host = model_->host(row);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove host"),
                                tr("Remove the host \"%1\" (%2) from Slipway?\n\nThe engine and "
                                   "its containers are not touched.")
                                    .arg(host.name, host.url),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("confirmRemoveBox"));
    box->setDefaultButton(QMessageBox::No);
    box->button(QMessageBox::Yes)->setText(tr("Remove"));
    box->button(QMessageBox::No)->setText(tr("Keep"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, id = host.id](int) {
        if (box->clickedButton() != box->button(QMessageBox::Yes))
            return;
        removeRequest_ = monitor_->removeHost(id);
    });
    box->open();
}

void HostsView::testHost() {
    const int row = currentRow();
    if (row < 0)
        return;
    const HostConfig host = model_->host(row);
    testHostId_ = host.id;
    details_->setNote(tr("Testing the connection to %1…").arg(host.url), false);
    testRequest_ = monitor_->testConnection(host);
    monitor_->refreshHost(host.id);
}

} // namespace slipway::widgets
