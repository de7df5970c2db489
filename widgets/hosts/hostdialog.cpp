#include "widgets/hosts/hostdialog.h"

#include "core/fleet/hostmonitor.h"
#include "core/fleet/plaintcp.h"
#include "widgets/common/bannerlabel.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace slipway::widgets {

using core::HostStatus;

HostDialog::HostDialog(core::HostMonitor *monitor, const core::HostConfig &host, QWidget *parent)
    : QDialog(parent), monitor_(monitor), original_(host) {
    setObjectName(QStringLiteral("hostDialog"));
    setWindowTitle(host.id.isEmpty() ? tr("Add host") : tr("Edit host \"%1\"").arg(host.name));
    setMinimumWidth(560);

    name_ = new QLineEdit(host.name, this);
    name_->setObjectName(QStringLiteral("nameEdit"));
    name_->setPlaceholderText(tr("e.g. build-07"));
    url_ = new QLineEdit(host.url, this);
    url_->setObjectName(QStringLiteral("urlEdit"));
    url_->setPlaceholderText(tr("unix:///var/run/docker.sock, tcp://host:2375, https://host:2376"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), name_);
    form->addRow(tr("&URL:"), url_);
    ca_ = fileField(QStringLiteral("caEdit"), tr("CA certificate"));
    cert_ = fileField(QStringLiteral("certEdit"), tr("Client certificate"));
    key_ = fileField(QStringLiteral("keyEdit"), tr("Private key"));
    ca_->setText(host.caFile);
    cert_->setText(host.certFile);
    key_->setText(host.keyFile);
    form->addRow(tr("TLS &CA:"), ca_->parentWidget());
    form->addRow(tr("Client &certificate:"), cert_->parentWidget());
    form->addRow(tr("Private &key:"), key_->parentWidget());

    verify_ = new QCheckBox(tr("&Verify the server certificate"), this);
    verify_->setObjectName(QStringLiteral("verifyCheck"));
    verify_->setChecked(host.verifyTls);
    form->addRow(QString(), verify_);

    tlsWarning_ = new BannerLabel(QStringLiteral("tlsWarning"), BannerLabel::Tone::Warning, this);
    tlsWarning_->setText(tr("Without verification anyone between you and this host can pretend "
                            "to be it and see everything Slipway sends, including what it "
                            "deploys. Use this only for a test host."));

    plainTcp_ = new BannerLabel(QStringLiteral("plainTcpWarning"), BannerLabel::Tone::Error, this);
    plainTcp_->hide();

    result_ = new BannerLabel(QStringLiteral("resultLabel"), this);
    result_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    buttons_ = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    test_ = buttons_->addButton(tr("&Test connection"), QDialogButtonBox::ActionRole);
    test_->setObjectName(QStringLiteral("testButton"));
    buttons_->button(QDialogButtonBox::Save)->setObjectName(QStringLiteral("saveButton"));
    connect(buttons_, &QDialogButtonBox::accepted, this, &HostDialog::accept);
    connect(buttons_, &QDialogButtonBox::rejected, this, &HostDialog::reject);
    connect(test_, &QPushButton::clicked, this, &HostDialog::testConnection);
    connect(verify_, &QCheckBox::toggled, this, &HostDialog::updateTlsWarning);
    for (QLineEdit *edit : {url_, ca_, cert_, key_})
        connect(edit, &QLineEdit::textChanged, this, &HostDialog::updateTlsWarning);
    connect(monitor_, &core::HostMonitor::connectionTested, this, &HostDialog::onTested);
    connect(monitor_, &core::HostMonitor::requestFinished, this, &HostDialog::onSaved);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(tlsWarning_);
    layout->addWidget(plainTcp_);
    layout->addWidget(result_);
    layout->addStretch(1);
    layout->addWidget(buttons_);
    updateTlsWarning();
}

QLineEdit *HostDialog::fileField(const QString &objectName, const QString &title) {
    auto *row = new QWidget(this);
    auto *edit = new QLineEdit(row);
    edit->setObjectName(objectName);
    edit->setPlaceholderText(tr("optional, for TLS"));
    auto *browse = new QToolButton(row);
    browse->setText(tr("Browse…"));
    browse->setToolTip(tr("Choose the %1 file").arg(title));
    auto *layout = new QHBoxLayout(row);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(edit, 1);
    layout->addWidget(browse);
    connect(browse, &QToolButton::clicked, this, [this, edit, title] {
        // The non-native dialog keeps file-system browsing in Qt's own threaded model.
        auto *picker = new QFileDialog(this, tr("Choose the %1 file").arg(title));
        picker->setAttribute(Qt::WA_DeleteOnClose);
        picker->setFileMode(QFileDialog::ExistingFile);
        picker->setNameFilters({tr("PEM files (*.pem *.crt *.key)"), tr("All files (*)")});
        picker->setOption(QFileDialog::DontUseNativeDialog);
        connect(picker, &QFileDialog::fileSelected, edit, &QLineEdit::setText);
        picker->open();
    });
    return edit;
}

core::HostConfig HostDialog::config() const {
    core::HostConfig c = original_;
    c.name = name_->text().trimmed();
    c.url = url_->text().trimmed();
    c.caFile = ca_->text().trimmed();
    c.certFile = cert_->text().trimmed();
    c.keyFile = key_->text().trimmed();
    c.verifyTls = verify_->isChecked();
    c.source = core::HostConfig::Source::User;
    return c;
}

QString HostDialog::validationError() const {
    const core::HostConfig c = config();
    if (c.name.isEmpty())
        return tr("Give the host a name.");
    // Only what needs no disk access here; the TLS files are checked by the monitor's
    // worker, which reports back below.
    return c.problem(core::HostConfig::FileCheck::Skip);
}

void HostDialog::updateTlsWarning() {
    tlsWarning_->setVisible(!verify_->isChecked());
    const core::HostConfig c = config();
    plainTcp_->say(core::isPlainTcp(c) ? core::plainTcpWarning(c) : QString(),
                   BannerLabel::Tone::Error);
    fitContents();
}

void HostDialog::fitContents() {
    // Wrapped labels appear and disappear; grow the dialog to show them whole.
    layout()->activate();
    const int height = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width())
                                                     : layout()->totalSizeHint().height();
    if (height > this->height())
        resize(width(), height);
}

void HostDialog::showResult(const QString &text, bool isError) {
    result_->say(text, isError ? BannerLabel::Tone::Error : BannerLabel::Tone::Ok);
    fitContents();
}

void HostDialog::testConnection() {
    if (const QString problem = validationError(); !problem.isEmpty()) {
        showResult(problem, true);
        return;
    }
    showResult(tr("Connecting to %1…").arg(config().url), false);
    test_->setEnabled(false);
    testRequest_ = monitor_->testConnection(config());
}

void HostDialog::onTested(quint64 request, const HostStatus &status) {
    if (request != testRequest_)
        return;
    testRequest_ = 0;
    test_->setEnabled(true);
    if (status.state == HostStatus::State::Up)
        showResult(tr("Connected: Docker %1, API %2, %3 (%4 CPUs).")
                       .arg(status.engineVersion, status.apiVersion, status.os)
                       .arg(status.cpus),
                   false);
    else
        showResult(tr("Cannot connect: %1").arg(status.error), true);
}

void HostDialog::accept() {
    if (const QString problem = validationError(); !problem.isEmpty()) {
        showResult(problem, true);
        return;
    }
    showResult(tr("Saving…"), false);
    buttons_->button(QDialogButtonBox::Save)->setEnabled(false);
    const core::HostConfig c = config();
    saveRequest_ = original_.id.isEmpty() ? monitor_->addHost(c) : monitor_->updateHost(c);
}

void HostDialog::onSaved(quint64 request, bool ok, const QString &error) {
    if (request != saveRequest_)
        return;
    saveRequest_ = 0;
    buttons_->button(QDialogButtonBox::Save)->setEnabled(true);
    if (!ok) {
        showResult(tr("Not saved: %1").arg(error), true);
        return;
    }
    QDialog::accept();
}

} // namespace slipway::widgets
