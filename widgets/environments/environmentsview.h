// EnvironmentsView: the Environments section, the tester's room: the template catalog and
// "My environments" as two tabs, Provision, Import template and Refresh in its toolbar.
#pragma once

#include "core/environments/environments.h"

#include <QWidget>

class QAction;
class QTabWidget;

namespace slipway::core {
class HostMonitor;
}

namespace slipway::widgets {

class MyEnvironmentsPage;
class ProvisionDialog;
class TemplateCatalogPage;

class EnvironmentsView : public QWidget {
    Q_OBJECT

public:
    EnvironmentsView(core::env::Environments *environments, core::HostMonitor *hosts,
                     QWidget *parent = nullptr);

    TemplateCatalogPage *catalog() const { return catalog_; }
    MyEnvironmentsPage *mine() const { return mine_; }
    QTabWidget *tabs() const { return tabs_; }
    QAction *provisionAction() const { return provision_; }
    QAction *importAction() const { return import_; }

    // Opens the provision dialog for the template the catalog shows (non-modal, so tests and
    // users can keep working); the dialog is returned for tests.
    ProvisionDialog *openProvisionDialog(const core::env::TemplateDetails &details);

private:
    void importTemplate();

    core::env::Environments *environments_;
    core::HostMonitor *hosts_;
    QTabWidget *tabs_;
    TemplateCatalogPage *catalog_;
    MyEnvironmentsPage *mine_;
    QAction *provision_;
    QAction *import_;
};

} // namespace slipway::widgets
