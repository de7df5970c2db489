#include "widgets/services/serviceimagedialog.h"

#include "core/fleet/servicecatalog.h"
#include "widgets/common/bannerlabel.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace slipway::widgets {

ServiceImageDialog::ServiceImageDialog(core::ServiceCatalog *catalog,
                                       const core::ServiceRecord &service, QWidget *parent)
    : QDialog(parent), catalog_(catalog), service_(service) {
    setObjectName(QStringLiteral("serviceImageDialog"));
    setWindowTitle(tr("Update %1").arg(service.name));
    auto *intro = new QLabel(
        tr("Update <b>%1</b> on “%2” to another image. The engine replaces one replica at a "
           "time, starting the new one before stopping the old, and rolls back by itself if a "
           "new replica fails.")
            .arg(service.name.toHtmlEscaped(), service.hostName.toHtmlEscaped()),
        this);
    intro->setWordWrap(true);

    list_ = new QListWidget(this);
    list_->setObjectName(QStringLiteral("serviceImageList"));
    list_->setMinimumSize(520, 180);
    edit_ = new QLineEdit(this);
    edit_->setObjectName(QStringLiteral("serviceImageEdit"));
    edit_->setPlaceholderText(tr("Image, e.g. registry:5000/app:1.2.0"));
    edit_->setClearButtonEnabled(true);
    status_ = new QLabel(tr("Looking for images of the same repository on the hosts…"), this);
    status_->setObjectName(QStringLiteral("serviceImageStatus"));
    status_->setEnabled(false);
    status_->setWordWrap(true);
    error_ = new BannerLabel(QStringLiteral("serviceImageError"), BannerLabel::Tone::Error, this);
    error_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    buttons_ = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons_->button(QDialogButtonBox::Ok)->setText(tr("Update"));
    buttons_->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("serviceImageUpdate"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(list_, 1);
    layout->addWidget(status_);
    layout->addWidget(edit_);
    layout->addWidget(error_);
    layout->addWidget(buttons_);

    const auto choose = [this](QListWidgetItem *item) {
        if (item && (item->flags() & Qt::ItemIsEnabled))
            edit_->setText(item->data(Qt::UserRole).toString());
    };
    connect(list_, &QListWidget::currentItemChanged, this, choose);
    connect(list_, &QListWidget::itemClicked, this, choose); // the current one, after typing
    connect(list_, &QListWidget::itemDoubleClicked, this, &ServiceImageDialog::submit);
    connect(edit_, &QLineEdit::textChanged, this, [this] {
        engineError_.clear(); // it was about another image
        check();
    });
    connect(buttons_, &QDialogButtonBox::accepted, this, &ServiceImageDialog::submit);
    connect(buttons_, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(
        catalog_, &core::ServiceCatalog::imageChoicesLoaded, this,
        [this](quint64 request, const core::ServiceImageChoices &choices, const QString &error) {
            if (request == choicesRequest_)
                showChoices(choices, error);
        });
    connect(catalog_, &core::ServiceCatalog::operationFinished, this,
            [this](quint64 request, bool ok, const QString &error) {
                if (request != updateRequest_)
                    return;
                updateRequest_ = 0;
                if (ok) {
                    emit updateStarted(service_.name, edit_->text().trimmed());
                    accept();
                    return;
                }
                engineError_ = tr("The engine refused the update: %1").arg(error);
                check();
            });
    choicesRequest_ = catalog_->loadImageChoices(service.hostId, service.id);
    if (!choicesRequest_)
        status_->setText(tr("The service is not listed any more."));
    check();
}

void ServiceImageDialog::showChoices(const core::ServiceImageChoices &choices,
                                     const QString &error) {
    list_->clear();
    for (const core::ServiceImageChoice &c : choices) {
        QString text = c.label;
        if (!c.digest.isEmpty())
            text += QStringLiteral("  @%1").arg(c.digest.mid(7, 12));
        text += QStringLiteral("   — ") + c.sources.join(QStringLiteral(", "));
        auto *item = new QListWidgetItem(text, list_);
        item->setData(Qt::UserRole, c.reference);
        item->setToolTip(c.reference);
        if (c.current) {
            // Updating to what runs already changes nothing: shown, not chosen.
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
        } else if (c.previous) {
            QFont f = item->font();
            f.setBold(true);
            item->setFont(f);
        }
    }
    status_->setText(error.isEmpty()
                         ? tr("%n image(s) of the same repository.", nullptr, int(choices.size()))
                         : tr("Some hosts could not be asked: %1").arg(error));
    for (int i = 0; i < list_->count(); ++i)
        if (list_->item(i)->flags() & Qt::ItemIsEnabled) {
            list_->setCurrentRow(i);
            break;
        }
}

void ServiceImageDialog::check() {
    const QString image = edit_->text().trimmed();
    const QString problem = image.isEmpty() ? QString() : core::ServiceCatalog::checkImage(image);
    const QString shown = problem.isEmpty() ? engineError_ : problem;
    error_->setText(shown);
    error_->setVisible(!shown.isEmpty());
    const bool same = image == service_.reference() || image == service_.image;
    buttons_->button(QDialogButtonBox::Ok)
        ->setEnabled(!image.isEmpty() && problem.isEmpty() && !same && updateRequest_ == 0);
}

void ServiceImageDialog::submit() {
    const QString image = edit_->text().trimmed();
    if (!buttons_->button(QDialogButtonBox::Ok)->isEnabled())
        return;
    QString refused;
    engineError_.clear();
    updateRequest_ = catalog_->updateImage(service_.hostId, service_.id, image, &refused);
    if (!updateRequest_)
        engineError_ = refused;
    check();
}

} // namespace slipway::widgets
