#include "widgets/containers/containerfilterbar.h"

#include "core/fleet/inventory.h"
#include "models/containerfilterproxy.h"
#include "models/containertablemodel.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QSet>
#include <QStyle>
#include <QToolButton>
#include <algorithm>

namespace slipway::widgets {

using models::ContainerTableModel;

namespace {

QComboBox *combo(const QString &objectName, const QString &tip, QWidget *parent) {
    auto *c = new QComboBox(parent);
    c->setObjectName(objectName);
    c->setToolTip(tip);
    // Sized once, not to the widest of hundreds of applications each time the list changes.
    c->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    c->setMinimumContentsLength(14);
    return c;
}

} // namespace

ContainerFilterBar::ContainerFilterBar(models::ContainerFilterProxy *proxy,
                                       models::ContainerTableModel *model,
                                       core::Inventory *inventory, QWidget *parent)
    : QWidget(parent), proxy_(proxy), model_(model), inventory_(inventory) {
    text_ = new QLineEdit(this);
    text_->setObjectName(QStringLiteral("filterText"));
    text_->setPlaceholderText(tr("Filter: name, image, app, ID…"));
    text_->setToolTip(tr("Words that must all appear in the name, image, application, "
                         "environment, version, state, host, ID or a label"));
    text_->setClearButtonEnabled(true);
    text_->setMinimumWidth(180);

    state_ = combo(QStringLiteral("stateFilter"), tr("Only containers in this state"), this);
    state_->addItem(tr("Any state"), QString());
    const std::pair<const char *, QString> states[] = {
        {"running", tr("Running")}, {"exited", tr("Exited")},         {"created", tr("Created")},
        {"paused", tr("Paused")},   {"restarting", tr("Restarting")}, {"dead", tr("Dead")},
    };
    for (const auto &[value, text] : states)
        state_->addItem(text, QString::fromLatin1(value));

    host_ = combo(QStringLiteral("hostFilter"), tr("Only containers on this host"), this);
    app_ = combo(QStringLiteral("appFilter"),
                 tr("Only containers of this application (label slipway.app)"), this);
    env_ = combo(QStringLiteral("envFilter"),
                 tr("Only containers of this environment (label slipway.env)"), this);
    fill(host_, tr("All hosts"), {});
    fill(app_, tr("All applications"), {});
    fill(env_, tr("All environments"), {});

    labels_ = new QLineEdit(this);
    labels_->setObjectName(QStringLiteral("labelFilter"));
    labels_->setPlaceholderText(tr("label=value"));
    labels_->setToolTip(tr("Labels the containers must have: key=value, or just key; "
                           "several separated by commas"));
    labels_->setClearButtonEnabled(true);
    labels_->setMinimumWidth(140);

    clear_ = new QToolButton(this);
    clear_->setObjectName(QStringLiteral("clearFilters"));
    clear_->setText(tr("Clear"));
    clear_->setToolTip(tr("Show every container again"));
    clear_->setAutoRaise(true);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(text_, 3);
    layout->addWidget(state_);
    layout->addWidget(host_);
    layout->addWidget(app_);
    layout->addWidget(env_);
    layout->addWidget(labels_, 2);
    layout->addWidget(clear_);

    typing_.setSingleShot(true);
    typing_.setInterval(150);
    connect(&typing_, &QTimer::timeout, this, &ContainerFilterBar::apply);
    connect(text_, &QLineEdit::textChanged, &typing_, qOverload<>(&QTimer::start));
    connect(labels_, &QLineEdit::textChanged, &typing_, qOverload<>(&QTimer::start));
    // Enter applies at once.
    connect(text_, &QLineEdit::returnPressed, this, &ContainerFilterBar::apply);
    connect(labels_, &QLineEdit::returnPressed, this, &ContainerFilterBar::apply);
    // The choices are refilled with signals blocked, so this is the user (or a test) choosing.
    for (QComboBox *c : {state_, host_, app_, env_})
        connect(c, &QComboBox::currentIndexChanged, this, &ContainerFilterBar::apply);
    connect(clear_, &QToolButton::clicked, this, &ContainerFilterBar::clearFilters);

    // The choices follow the table, gathered so that a burst of changes is one rescan.
    rescan_.setSingleShot(true);
    rescan_.setInterval(500);
    connect(&rescan_, &QTimer::timeout, this, &ContainerFilterBar::refreshChoices);
    const auto later = [this] {
        if (!rescan_.isActive())
            rescan_.start();
    };
    connect(model_, &QAbstractItemModel::rowsInserted, this, later);
    connect(model_, &QAbstractItemModel::rowsRemoved, this, later);
    connect(model_, &QAbstractItemModel::modelReset, this, later);
    connect(model_, &QAbstractItemModel::dataChanged, this,
            [later](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                // Not the uptime column's ticking.
                if (topLeft.column() <= ContainerTableModel::EnvColumn &&
                    bottomRight.column() >= ContainerTableModel::AppColumn)
                    later();
            });
    if (inventory_) {
        connect(inventory_, &core::Inventory::hostSyncStateChanged, this,
                &ContainerFilterBar::refreshHosts);
        connect(inventory_, &core::Inventory::hostNameChanged, this,
                &ContainerFilterBar::refreshHosts);
    }
    refreshChoices();
}

QStringList ContainerFilterBar::parseLabels(const QString &text) {
    return text.split(QRegularExpression(QStringLiteral("[,\\s]+")), Qt::SkipEmptyParts);
}

void ContainerFilterBar::fill(QComboBox *combo, const QString &anyText, const QStringList &values) {
    // Keeps the current choice, even when nothing has that value right now.
    const QString current = combo->currentData().toString();
    QStringList wanted = values;
    if (!current.isEmpty() && !wanted.contains(current))
        wanted.append(current);
    std::sort(wanted.begin(), wanted.end(),
              [](const QString &a, const QString &b) { return a.localeAwareCompare(b) < 0; });
    QStringList have;
    for (int i = 1; i < combo->count(); ++i)
        have.append(combo->itemData(i).toString());
    if (combo->count() > 0 && have == wanted)
        return;
    const QSignalBlocker block(combo);
    combo->clear();
    combo->addItem(anyText, QString());
    for (const QString &v : std::as_const(wanted))
        combo->addItem(v, v);
    combo->setCurrentIndex(std::max(0, combo->findData(current)));
}

void ContainerFilterBar::refreshHosts() {
    if (!inventory_)
        return;
    const QString current = host_->currentData().toString();
    QStringList ids = inventory_->hostIds();
    QList<std::pair<QString, QString>> hosts; // name, id
    for (const QString &id : ids) {
        const QString name = inventory_->hostName(id);
        hosts.append({name.isEmpty() ? id : name, id});
    }
    std::sort(hosts.begin(), hosts.end(),
              [](const auto &a, const auto &b) { return a.first.localeAwareCompare(b.first) < 0; });
    QList<std::pair<QString, QString>> have;
    for (int i = 1; i < host_->count(); ++i)
        have.append({host_->itemText(i), host_->itemData(i).toString()});
    if (host_->count() > 0 && have == hosts)
        return;
    const QSignalBlocker block(host_);
    host_->clear();
    host_->addItem(tr("All hosts"), QString());
    for (const auto &[name, id] : std::as_const(hosts))
        host_->addItem(name, id);
    const int index = host_->findData(current);
    host_->setCurrentIndex(std::max(0, index));
    if (index < 0 && !current.isEmpty())
        apply(); // the host filtered on is gone
}

void ContainerFilterBar::refreshChoices() {
    refreshHosts();
    QSet<QString> apps, envs;
    for (int row = 0; row < model_->rowCount(); ++row) {
        const core::ContainerRef r = model_->record(row);
        if (!r)
            continue;
        if (!r->app.isEmpty())
            apps.insert(r->app);
        if (!r->env.isEmpty())
            envs.insert(r->env);
    }
    fill(app_, tr("All applications"), QStringList(apps.begin(), apps.end()));
    fill(env_, tr("All environments"), QStringList(envs.begin(), envs.end()));
}

void ContainerFilterBar::apply() {
    typing_.stop();
    proxy_->setText(text_->text());
    const auto one = [](QComboBox *c) {
        const QString v = c->currentData().toString();
        return v.isEmpty() ? QStringList() : QStringList{v};
    };
    proxy_->setStates(one(state_));
    proxy_->setHostIds(one(host_));
    proxy_->setApplications(one(app_));
    proxy_->setEnvironments(one(env_));
    proxy_->setLabelFilters(parseLabels(labels_->text()));
}

void ContainerFilterBar::clearFilters() {
    {
        const QSignalBlocker b1(text_), b2(labels_);
        text_->clear();
        labels_->clear();
    }
    for (QComboBox *c : {state_, host_, app_, env_}) {
        const QSignalBlocker block(c);
        c->setCurrentIndex(0);
    }
    apply();
}

} // namespace slipway::widgets
