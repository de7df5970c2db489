#include "widgets/environments/environmentsview.h"

#include "core/fleet/hostmonitor.h"
#include "widgets/common/viewtoolbar.h"
#include "widgets/environments/myenvironmentspage.h"
#include "widgets/environments/provisiondialog.h"
#include "widgets/environments/templatecatalogpage.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QInputDialog>
#include <QMessageBox>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace slipway::widgets {

EnvironmentsView::EnvironmentsView(core::env::Environments *environments, core::HostMonitor *hosts,
                                   QWidget *parent)
    : QWidget(parent), environments_(environments), hosts_(hosts) {
    setObjectName(QStringLiteral("environmentsView"));
    auto *toolbar = new ViewToolbar(QStringLiteral("environmentsToolbar"), this);
    provision_ =
        toolbar->addNamedAction(QStringLiteral("provision"), QStyle::SP_MediaPlay, tr("Provision…"),
                                tr("Provision an environment from the template "
                                   "selected in the catalog"));
    import_ = toolbar->addNamedAction(QStringLiteral("importTemplate"), QStyle::SP_DialogOpenButton,
                                      tr("Import template…"),
                                      tr("Import a Compose file and the files it names as a "
                                         "template"));
    QAction *refresh =
        toolbar->addNamedAction(QStringLiteral("refreshEnvironments"), QStyle::SP_BrowserReload,
                                tr("Refresh"), tr("Reload templates and environments"));
    catalog_ = new TemplateCatalogPage(environments, this);
    mine_ = new MyEnvironmentsPage(environments, hosts, this);
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("environmentTabs"));
    tabs_->setDocumentMode(true);
    tabs_->addTab(catalog_, tr("Catalog"));
    tabs_->addTab(mine_, tr("My environments"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolbar);
    layout->addWidget(tabs_, 1);

    connect(provision_, &QAction::triggered, this,
            [this] { openProvisionDialog(catalog_->details()); });
    connect(catalog_, &TemplateCatalogPage::provisionRequested, this,
            &EnvironmentsView::openProvisionDialog);
    connect(import_, &QAction::triggered, this, &EnvironmentsView::importTemplate);
    connect(refresh, &QAction::triggered, environments_, &core::env::Environments::refresh);
    // The catalog connected first, so its Provision button is up to date here.
    provision_->setEnabled(false);
    connect(environments_, &core::env::Environments::templateLoaded, this,
            [this] { provision_->setEnabled(catalog_->provisionButton()->isEnabled()); });
    connect(environments_, &core::env::Environments::templateImported, this,
            [this](const QString &name, bool ok, const QString &error) {
                if (ok)
                    catalog_->selectTemplate(name);
                else
                    QMessageBox::warning(this, tr("Import template"), error);
            });
}

ProvisionDialog *EnvironmentsView::openProvisionDialog(const core::env::TemplateDetails &details) {
    if (details.version.name.isEmpty())
        return nullptr;
    QList<QPair<QString, QString>> hosts;
    for (int i = 0; i < hosts_->hostCount(); ++i)
        hosts.append({hosts_->host(i).id, hosts_->host(i).name});
    auto *dialog = new ProvisionDialog(details, hosts, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        QString error;
        const core::env::ProvisionRequest request = dialog->request(&error);
        if (!error.isEmpty())
            return;
        environments_->provision(request);
        tabs_->setCurrentWidget(mine_);
    });
    dialog->show();
    return dialog;
}

void EnvironmentsView::importTemplate() {
    const QString path = QFileDialog::getOpenFileName(
        this, tr("Import template"), QString(), tr("Compose files (*.yml *.yaml);;All files (*)"));
    if (path.isEmpty())
        return;
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Import template"), tr("Template name:"), QLineEdit::Normal,
                              QFileInfo(path).dir().dirName(), &ok);
    if (ok && !name.trimmed().isEmpty())
        environments_->importTemplate(name.trimmed(), path);
}

} // namespace slipway::widgets
