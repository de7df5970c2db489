// VersionsPage: the Versions tab of the selected application: the versions of its image in
// the registry and on the hosts, a line on where they came from, and deploying one of them.
#pragma once

#include "widgets/applications/applicationpage.h"

class QLabel;
class QPushButton;

namespace slipway::core {
struct VersionList;
}

namespace slipway::models {
class VersionListModel;
}

namespace slipway::widgets {

class VersionsPage : public ApplicationPage {
    Q_OBJECT

public:
    VersionsPage(models::VersionListModel *model, QWidget *parent);

    SectionTable *table() const { return table_; }
    QPushButton *deployVersion() const { return deployVersion_; }
    QPushButton *refresh() const { return refresh_; }
    QLabel *status() const { return status_; }

    void showStatus(const QString &text, bool warning);
    // What a registry listing brought: how many versions, or why the registry did not answer.
    void showListed(const core::VersionList &list);

private:
    QPushButton *deployVersion_;
    QPushButton *refresh_;
    QLabel *status_;
    SectionTable *table_;
};

} // namespace slipway::widgets
