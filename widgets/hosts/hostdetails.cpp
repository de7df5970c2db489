#include "widgets/hosts/hostdetails.h"

#include "core/fleet/plaintcp.h"
#include "models/statusicons.h"
#include "widgets/common/bannerlabel.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

namespace slipway::widgets {

using core::HostStatus;

namespace {

QLabel *banner(const QString &objectName, BannerLabel::Tone tone, QWidget *parent) {
    auto *label = new BannerLabel(objectName, tone, parent);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

QString when(const QDateTime &t) {
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
}

} // namespace

HostDetails::HostDetails(QWidget *parent) : QWidget(parent) {
    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("hostTitle"));
    QFont font = title_->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    title_->setFont(font);

    placeholder_ = new QLabel(tr("Select a host to see its details."), this);
    placeholder_->setEnabled(false);
    placeholder_->setWordWrap(true);

    error_ = banner(QStringLiteral("hostError"), BannerLabel::Tone::Error, this);
    warning_ = banner(QStringLiteral("hostTlsWarning"), BannerLabel::Tone::Warning, this);
    plainTcp_ = banner(QStringLiteral("hostPlainTcp"), BannerLabel::Tone::Error, this);
    sameEngine_ = banner(QStringLiteral("hostSameEngine"), BannerLabel::Tone::Warning, this);
    // Coloured by the text alone (setNote), not as a banner.
    note_ = new BannerLabel(QStringLiteral("hostNote"), this);
    note_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    fields_ = new QWidget(this);
    fields_->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    auto *columns = new QHBoxLayout(fields_);
    columns->setContentsMargins(0, 0, 0, 0);
    columns->setSpacing(24);
    // How to reach it on the left, what it is on the right.
    const std::pair<const char *, QString> connection[] = {
        {"state", tr("Status")},
        {"source", tr("Source")},
        {"url", tr("URL")},
        {"tls", tr("TLS")},
        {"engine", tr("Engine version")},
        {"api", tr("API version")},
        {"checked", tr("Last checked")},
        {"lastUp", tr("Last answered")},
    };
    const std::pair<const char *, QString> machine[] = {
        {"hostname", tr("Host name")},
        {"os", tr("Operating system")},
        {"kernel", tr("Kernel")},
        {"arch", tr("Architecture")},
        {"cpus", tr("CPUs")},
        {"memory", tr("Memory")},
        {"containers", tr("Containers")},
        {"images", tr("Images")},
        {"swarm", tr("Swarm role")},
    };
    const auto addForm = [&](const auto &rows) {
        auto *grid = new QGridLayout;
        grid->setHorizontalSpacing(8);
        grid->setVerticalSpacing(4);
        grid->setColumnStretch(1, 1);
        int r = 0;
        for (const auto &[key, label] : rows) {
            auto *name = new QLabel(label + QLatin1Char(':'), fields_);
            name->setAlignment(Qt::AlignRight | Qt::AlignVCenter);
            auto *value = new QLabel(fields_);
            value->setObjectName(QStringLiteral("value_") + QLatin1String(key));
            value->setTextInteractionFlags(Qt::TextSelectableByMouse);
            grid->addWidget(name, r, 0);
            grid->addWidget(value, r, 1);
            values_.insert(QLatin1String(key), value);
            ++r;
        }
        grid->setRowStretch(r, 1);
        columns->addLayout(grid, 1);
    };
    addForm(connection);
    addForm(machine);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(placeholder_);
    layout->addWidget(error_);
    layout->addWidget(warning_);
    layout->addWidget(plainTcp_);
    layout->addWidget(sameEngine_);
    layout->addWidget(note_);
    layout->addWidget(fields_);
    layout->addStretch(1);
    clear();
}

QLabel *HostDetails::field(const QString &key) {
    return values_.value(key);
}

void HostDetails::clear() {
    title_->setText(tr("Host details"));
    placeholder_->show();
    error_->hide();
    warning_->hide();
    plainTcp_->hide();
    sameEngine_->hide();
    note_->hide();
    fields_->hide();
}

void HostDetails::setNote(const QString &text, bool isError) {
    note_->setText(text);
    note_->setStyleSheet(isError ? QStringLiteral("QLabel { color: #8a1f1f; }")
                                 : QStringLiteral("QLabel { color: #1f6a2e; }"));
    note_->setVisible(!text.isEmpty());
}

void HostDetails::showHost(const core::HostConfig &host, const HostStatus &s) {
    placeholder_->hide();
    fields_->show();
    title_->setText(host.name);
    const bool down = s.state == HostStatus::State::Down;
    if (down) {
        error_->setText(s.everUp() ? tr("Not answering: %1\nThe facts below are from when it last "
                                        "answered.")
                                         .arg(s.error)
                                   : tr("Not answering: %1").arg(s.error));
    }
    error_->setVisible(down);
    warning_->setText(tr("TLS certificate verification is off for this host: Slipway cannot "
                         "tell it from an impostor. Turn it back on once its certificate is "
                         "trusted."));
    warning_->setVisible(s.tlsVerifyOff);
    const bool plain = core::isPlainTcp(host);
    plainTcp_->setText(plain ? core::plainTcpWarning(host) : QString());
    plainTcp_->setVisible(plain);
    // Both stay listed (each URL may be how some people reach it); deployments count the
    // engine once and name it by its ID.
    sameEngine_->setText(
        s.sameEngineAs.isEmpty()
            ? QString()
            : tr("This host is the same Docker engine as %1: it answers with the same engine ID "
                 "at another URL. Slipway lists both but places replicas on it as one host.")
                  .arg(s.sameEngineAs.join(QStringLiteral(", "))));
    sameEngine_->setVisible(!s.sameEngineAs.isEmpty());

    const bool known = s.everUp();
    const QString none = known ? tr("none") : QString();
    field(QStringLiteral("state"))->setText(HostStatus::stateName(s.state));
    field(QStringLiteral("source"))->setText(core::HostConfig::sourceName(host.source));
    field(QStringLiteral("url"))->setText(host.url);
    field(QStringLiteral("engine"))->setText(s.engineVersion);
    field(QStringLiteral("api"))->setText(s.apiVersion);
    field(QStringLiteral("hostname"))->setText(s.hostName);
    field(QStringLiteral("os"))->setText(s.os);
    field(QStringLiteral("kernel"))->setText(s.kernel);
    field(QStringLiteral("arch"))->setText(s.arch);
    field(QStringLiteral("cpus"))->setText(known ? QString::number(s.cpus) : QString());
    field(QStringLiteral("memory"))->setText(HostStatus::formatBytes(s.memoryBytes));
    field(QStringLiteral("containers"))
        ->setText(known ? tr("%1 running of %2").arg(s.containersRunning).arg(s.containersTotal)
                        : QString());
    field(QStringLiteral("images"))->setText(known ? QString::number(s.images) : QString());
    field(QStringLiteral("swarm"))->setText(s.swarmRole.isEmpty() ? none : s.swarmRole);
    field(QStringLiteral("tls"))
        ->setText(!s.tls           ? tr("off")
                  : s.tlsVerifyOff ? tr("on, certificate NOT verified")
                                   : tr("on, certificate verified"));
    field(QStringLiteral("checked"))->setText(when(s.checkedAt));
    field(QStringLiteral("lastUp"))->setText(known ? when(s.lastUpAt) : tr("never"));
}

} // namespace slipway::widgets
