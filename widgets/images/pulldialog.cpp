#include "widgets/images/pulldialog.h"

#include "core/fleet/hostmonitor.h"
#include "core/fleet/imagecatalog.h"
#include "widgets/common/bannerlabel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace slipway::widgets {

using core::HostStatus;

namespace {

constexpr int kBarRange = 1000;

} // namespace

PullDialog::PullDialog(core::ImageCatalog *catalog, const QString &hostId, QWidget *parent)
    : QDialog(parent), catalog_(catalog) {
    setObjectName(QStringLiteral("pullDialog"));
    setWindowTitle(tr("Pull image"));

    host_ = new QComboBox(this);
    host_->setObjectName(QStringLiteral("pullHostCombo"));
    host_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    reference_ = new QLineEdit(this);
    reference_->setObjectName(QStringLiteral("pullReferenceEdit"));
    reference_->setPlaceholderText(tr("e.g. registry.example.com:5000/team/app:1.2.0"));
    reference_->setClearButtonEnabled(true);
    reference_->setMinimumWidth(420);
    hint_ = new QLabel(this);
    hint_->setObjectName(QStringLiteral("pullReferenceHint"));
    hint_->setWordWrap(true);

    bar_ = new QProgressBar(this);
    bar_->setObjectName(QStringLiteral("pullProgressBar"));
    bar_->setRange(0, kBarRange);
    bar_->setValue(0);
    bar_->setFormat(QStringLiteral("%p%"));
    bar_->setTextVisible(true);
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("pullStatusLabel"));
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    status_->setWordWrap(true);
    layers_ = new QLabel(this);
    layers_->setObjectName(QStringLiteral("pullLayersLabel"));
    layers_->setEnabled(false);
    layers_->hide();
    error_ = new BannerLabel(QStringLiteral("pullErrorLabel"), BannerLabel::Tone::Error, this);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    result_ = new BannerLabel(QStringLiteral("pullResultLabel"), BannerLabel::Tone::Ok, this);
    result_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QDialogButtonBox(this);
    pull_ = buttons->addButton(tr("Pull"), QDialogButtonBox::AcceptRole);
    pull_->setObjectName(QStringLiteral("pullButton"));
    pull_->setDefault(true);
    cancel_ = buttons->addButton(QDialogButtonBox::Cancel);
    cancel_->setObjectName(QStringLiteral("cancelButton"));
    cancel_->setText(tr("Close"));
    connect(pull_, &QPushButton::clicked, this, &PullDialog::startPull);
    // Cancel stops a running pull and stays, to show how it ended; otherwise it closes.
    connect(cancel_, &QPushButton::clicked, this, [this] {
        if (!request_) {
            QDialog::reject();
            return;
        }
        cancel_->setEnabled(false);
        status_->setText(tr("Cancelling…"));
        catalog_->cancelPull(request_);
    });

    auto *form = new QFormLayout;
    form->addRow(tr("Host:"), host_);
    form->addRow(tr("Image:"), reference_);
    form->addRow(QString(), hint_);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addSpacing(6);
    layout->addWidget(bar_);
    layout->addWidget(status_);
    layout->addWidget(layers_);
    layout->addWidget(error_);
    layout->addWidget(result_);
    layout->addStretch(1);
    layout->addWidget(buttons);

    fillHosts(hostId);
    connect(reference_, &QLineEdit::textChanged, this, &PullDialog::validate);
    connect(host_, &QComboBox::currentIndexChanged, this, &PullDialog::validate);
    connect(catalog_->monitor(), &core::HostMonitor::statusChanged, this,
            [this] { fillHosts(this->hostId()); });
    connect(catalog_, &core::ImageCatalog::pullProgress, this,
            [this](quint64 request, const core::PullProgress &p) {
                if (request == request_)
                    showProgress(p);
            });
    connect(catalog_, &core::ImageCatalog::pullFinished, this,
            [this](quint64 request, bool ok, const QString &error) {
                if (request == request_)
                    finished(ok, error);
            });
    status_->setText(tr("Pulls from the registry in the reference; Docker Hub when it names "
                        "none."));
    status_->setEnabled(false);
    validate();
    reference_->setFocus();
}

PullDialog::~PullDialog() {
    if (request_)
        catalog_->cancelPull(request_);
}

QString PullDialog::hostId() const {
    return host_->currentData().toString();
}

QString PullDialog::reference() const {
    return reference_->text().trimmed();
}

void PullDialog::fillHosts(const QString &preferred) {
    core::HostMonitor *monitor = catalog_->monitor();
    // Probes report every few seconds; the list is rebuilt only when a host came, went, or
    // went up or down, so an open drop-down is left alone.
    QStringList signature;
    for (int i = 0; i < monitor->hostCount(); ++i)
        signature << monitor->host(i).id + monitor->host(i).name +
                         QString::number(int(monitor->status(i).state));
    if (signature == hostsShown_ && host_->count() > 0)
        return;
    hostsShown_ = signature;
    const QSignalBlocker block(host_);
    host_->clear();
    auto *model = qobject_cast<QStandardItemModel *>(host_->model());
    int select = -1;
    for (int i = 0; i < monitor->hostCount(); ++i) {
        const core::HostConfig h = monitor->host(i);
        const HostStatus s = monitor->status(i);
        const bool up = s.state == HostStatus::State::Up;
        host_->addItem(up ? h.name : tr("%1 (%2)").arg(h.name, HostStatus::stateName(s.state)),
                       h.id);
        host_->setItemData(i, h.url, Qt::ToolTipRole);
        if (model && !up)
            model->item(i)->setEnabled(false);
        if (up && (select < 0 || h.id == preferred))
            select = i;
    }
    if (select >= 0)
        host_->setCurrentIndex(select);
    validate();
}

void PullDialog::validate() {
    if (request_)
        return;
    const QString text = reference();
    QString problem;
    if (!text.isEmpty())
        problem = core::ImageCatalog::checkReference(text);
    if (text.isEmpty()) {
        hint_->setText(tr("Repository and tag, or a digest; \"latest\" when no tag is given."));
        hint_->setStyleSheet(QString());
        hint_->setEnabled(false);
    } else if (!problem.isEmpty()) {
        hint_->setText(problem);
        hint_->setStyleSheet(QStringLiteral("QLabel { color: #a32020; }"));
        hint_->setEnabled(true);
    } else {
        hint_->setText(tr("Will pull %1").arg(core::ImageCatalog::normalizedReference(text)));
        hint_->setStyleSheet(QStringLiteral("QLabel { color: #1f6a2e; }"));
        hint_->setEnabled(true);
    }
    const bool hostOk =
        host_->currentIndex() >= 0 && !hostId().isEmpty() &&
        host_->model()->flags(host_->model()->index(host_->currentIndex(), 0)) & Qt::ItemIsEnabled;
    pull_->setEnabled(!text.isEmpty() && problem.isEmpty() && hostOk);
}

void PullDialog::setBusy(bool busy) {
    host_->setEnabled(!busy);
    reference_->setReadOnly(busy);
    pull_->setEnabled(!busy);
    cancel_->setEnabled(true);
    cancel_->setText(busy ? tr("Cancel") : tr("Close"));
    if (!busy)
        validate();
}

void PullDialog::startPull() {
    if (request_)
        return;
    error_->hide();
    result_->hide();
    QString refused;
    const QString ref = reference();
    const quint64 request = catalog_->pull(hostId(), ref, &refused);
    if (!request) {
        error_->setText(refused);
        error_->show();
        fitContents();
        return;
    }
    request_ = request;
    pulledRef_ = core::ImageCatalog::normalizedReference(ref);
    pulledHost_ = hostId();
    bar_->setRange(0, 0); // busy until a layer says how big it is
    status_->setEnabled(true);
    status_->setText(tr("Asking %1 to pull %2…").arg(host_->currentText(), pulledRef_));
    layers_->clear();
    layers_->hide();
    setBusy(true);
}

void PullDialog::showProgress(const core::PullProgress &p) {
    if (p.fraction < 0) {
        bar_->setRange(0, 0);
    } else {
        bar_->setRange(0, kBarRange);
        bar_->setValue(int(p.fraction * kBarRange + 0.5));
    }
    if (!p.status.isEmpty())
        status_->setText(p.status);
    if (p.layers > 0) {
        layers_->setText(tr("%1 of %2 layers done").arg(p.layersDone).arg(p.layers));
        layers_->show();
    }
}

void PullDialog::fitContents() {
    // Lines come and go (errors, results); the dialog grows rather than squeezing the form.
    layout()->activate();
    resize(size().expandedTo(sizeHint()));
}

void PullDialog::finished(bool ok, const QString &error) {
    request_ = 0;
    setBusy(false);
    if (ok) {
        bar_->setRange(0, kBarRange);
        bar_->setValue(kBarRange);
        result_->setText(tr("Pulled %1 onto %2.").arg(pulledRef_, host_->currentText()));
        result_->show();
        emit pulled(pulledHost_, pulledRef_);
    } else {
        if (bar_->maximum() == 0) {
            bar_->setRange(0, kBarRange);
            bar_->setValue(0);
        }
        status_->setText(tr("Not pulled."));
        error_->setText(error);
        error_->show();
    }
    fitContents();
    if (closeWhenEnded_)
        QDialog::reject();
}

void PullDialog::reject() {
    if (request_) {
        // Escape or the window's close button: cancel, and close once the engine has let go.
        closeWhenEnded_ = true;
        cancel_->setEnabled(false);
        status_->setText(tr("Cancelling…"));
        catalog_->cancelPull(request_);
        return;
    }
    QDialog::reject();
}

} // namespace slipway::widgets
