#include "widgets/applications/takeoverdialog.h"

#include "core/locks/locktakeover.h"
#include "widgets/common/bannerlabel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace slipway::widgets {

namespace {

QLabel *field(QWidget *parent, const char *name) {
    auto *l = new QLabel(parent);
    l->setObjectName(QLatin1String(name));
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

} // namespace

TakeoverDialog::TakeoverDialog(core::LockTakeover *service, const QString &app, const QString &env,
                               QWidget *parent)
    : QDialog(parent), service_(service), app_(app), env_(env) {
    setObjectName(QStringLiteral("takeoverDialog"));
    setWindowTitle(tr("Lock of %1 in %2").arg(app, env));
    auto *intro = new QLabel(
        tr("Only one workstation changes an application at a time: whoever deploys, rolls back "
           "or scales it holds its lock on the engines. Take it over only from an owner that "
           "died or hangs; it makes no further change once its lock is taken."),
        this);
    intro->setWordWrap(true);
    who_ = field(this, "takeoverWho");
    store_ = field(this, "takeoverStore");
    since_ = field(this, "takeoverSince");
    heartbeat_ = field(this, "takeoverHeartbeat");
    state_ = field(this, "takeoverState");
    auto *form = new QFormLayout;
    form->addRow(tr("Held by:"), who_);
    form->addRow(tr("Store:"), store_);
    form->addRow(tr("Since:"), since_);
    form->addRow(tr("Last heartbeat:"), heartbeat_);
    form->addRow(tr("State:"), state_);
    force_ = new QCheckBox(tr("Take over even though it is alive"), this);
    force_->setObjectName(QStringLiteral("takeoverForce"));
    force_->setToolTip(tr("Its owner still sends a heartbeat: it is stopped at its next change"));
    message_ = new BannerLabel(QStringLiteral("takeoverMessage"), this);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(this);
    takeOver_ = buttons->addButton(tr("Take over"), QDialogButtonBox::AcceptRole);
    takeOver_->setObjectName(QStringLiteral("takeoverButton"));
    reload_ = buttons->addButton(tr("Read again"), QDialogButtonBox::ActionRole);
    reload_->setObjectName(QStringLiteral("takeoverReloadButton"));
    close_ = buttons->addButton(QDialogButtonBox::Close);
    close_->setObjectName(QStringLiteral("takeoverCloseButton"));
    connect(takeOver_, &QPushButton::clicked, this, &TakeoverDialog::confirm);
    connect(reload_, &QPushButton::clicked, this, &TakeoverDialog::reload);
    connect(close_, &QPushButton::clicked, this, &QDialog::reject);
    connect(force_, &QCheckBox::toggled, this, [this] { setStage(stage_); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(force_);
    layout->addWidget(message_);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(
        service_, &core::LockTakeover::holderRead, this,
        [this](quint64 request, bool held, const core::LockHolder &holder, const QString &error) {
            if (request == readRequest_)
                showHolder(held, holder, error);
        });
    connect(service_, &core::LockTakeover::tookOver, this,
            [this](quint64 request, bool ok, qint64 generation, const core::LockHolder &holder,
                   const QString &error) {
                if (request != runRequest_)
                    return;
                if (!ok) {
                    message_->say(tr("Not taken over: %1").arg(error), BannerLabel::Tone::Error);
                    setStage(Stage::Failed);
                    return;
                }
                message_->say(tr("Taken over from %1 (now generation %2) and released: %3 in %4 "
                                 "is free, and %1 makes no further change.")
                                  .arg(holder.who)
                                  .arg(generation)
                                  .arg(app_, env_),
                              BannerLabel::Tone::Ok);
                setStage(Stage::TakenOver);
                emit tookOver(generation);
            });
    resize(560, sizeHint().height());
    reload();
}

void TakeoverDialog::reload() {
    message_->say(tr("Reading the lock on the engines…"), BannerLabel::Tone::Work);
    setStage(Stage::Reading);
    readRequest_ = service_->readHolder(app_, env_);
}

void TakeoverDialog::showHolder(bool held, const core::LockHolder &holder, const QString &error) {
    holder_ = holder;
    const QString none = tr("—");
    if (!error.isEmpty()) {
        for (QLabel *l : {who_, store_, since_, heartbeat_, state_})
            l->setText(none);
        message_->say(tr("Cannot read the lock: %1").arg(error), BannerLabel::Tone::Error);
        setStage(Stage::Failed);
        return;
    }
    if (!held) {
        who_->setText(tr("nobody"));
        for (QLabel *l : {store_, since_, heartbeat_})
            l->setText(none);
        state_->setText(tr("free"));
        message_->say(tr("%1 in %2 is free: nothing to take over.").arg(app_, env_),
                      BannerLabel::Tone::Ok);
        setStage(Stage::Free);
        return;
    }
    const bool stale = holder.stale();
    const qint64 ago = holder.heartbeatAge();
    who_->setText(holder.who);
    store_->setText(holder.storeId);
    since_->setText(QLocale().toString(holder.since.toLocalTime(), QLocale::ShortFormat));
    heartbeat_->setText(ago < 0 ? tr("never") : tr("%n s ago", nullptr, int(ago)));
    state_->setText(stale ? tr("stale: no heartbeat for over %n s", nullptr, holder.ttlSeconds)
                          : tr("alive (generation %1)").arg(holder.generation));
    message_->say(stale ? tr("Its owner has not been heard of for longer than %n s: it died, "
                             "hangs, or lost the engine.",
                             nullptr, holder.ttlSeconds)
                        : tr("Its owner is alive. Take over only if you know it is stuck."),
                  stale ? BannerLabel::Tone::Warning : BannerLabel::Tone::Error);
    setStage(Stage::Held);
}

void TakeoverDialog::confirm() {
    if (stage_ != Stage::Held)
        return;
    message_->say(tr("Taking over the lock of %1 in %2 from %3…").arg(app_, env_, holder_.who),
                  BannerLabel::Tone::Work);
    setStage(Stage::Running);
    runRequest_ = service_->takeOver(app_, env_, holder_.token, force_->isChecked());
}

void TakeoverDialog::setStage(Stage stage) {
    stage_ = stage;
    const bool held = stage == Stage::Held;
    const bool alive = held && !holder_.stale();
    force_->setVisible(alive);
    force_->setEnabled(alive);
    takeOver_->setEnabled(held && (!alive || force_->isChecked()));
    reload_->setEnabled(stage != Stage::Reading && stage != Stage::Running);
}

} // namespace slipway::widgets
