#include "widgets/applications/versionspage.h"

#include "core/deploy/registryversions.h"
#include "models/versionlistmodel.h"
#include "widgets/common/bannerlabel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace slipway::widgets {

using models::VersionListModel;

VersionsPage::VersionsPage(VersionListModel *model, QWidget *parent) : ApplicationPage(parent) {
    deployVersion_ = makeButton(this, "deployVersionButton", tr("Deploy this version…"),
                                tr("Deploy the selected version with the current configuration"));
    refresh_ = makeButton(this, "refreshVersionsButton", tr("Refresh"),
                          tr("Ask the registry for the tags again"));
    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("versionsStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *bar = new QHBoxLayout;
    bar->addWidget(deployVersion_);
    bar->addWidget(refresh_);
    bar->addStretch(1);
    table_ = makeTable(this, "versionsTable", model, VersionListModel::HostsColumn);
    setContent(bar, status_, table_);
}

void VersionsPage::showStatus(const QString &text, bool warning) {
    status_->setText(text);
    status_->setStyleSheet(warning ? BannerLabel::styleSheet(BannerLabel::Tone::Warning)
                                   : QString());
}

void VersionsPage::showListed(const core::VersionList &list) {
    if (!list.registryError.isEmpty())
        showStatus(tr("The registry could not be listed: %1. Versions the hosts hold are shown.")
                       .arg(list.registryError),
                   true);
    else
        showStatus(
            tr("%n version(s) of %1.", nullptr, int(list.versions.size())).arg(list.repository),
            false);
}

} // namespace slipway::widgets
