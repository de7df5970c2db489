// ServiceImageDialog: picks the image a Swarm service is updated to: its previous spec's, or
// a tag of the same repository present on the hosts (loaded when it opens), or one typed in;
// then asks the catalog for the rolling update and shows the engine's refusal inline.
#pragma once

#include "core/fleet/servicerecord.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;

namespace slipway::core {
class ServiceCatalog;
}

namespace slipway::widgets {

class ServiceImageDialog : public QDialog {
    Q_OBJECT

public:
    ServiceImageDialog(core::ServiceCatalog *catalog, const core::ServiceRecord &service,
                       QWidget *parent = nullptr);

    QListWidget *choiceList() const { return list_; }
    QLineEdit *imageEdit() const { return edit_; }

signals:
    // The engine took the update; the dialog closes itself.
    void updateStarted(const QString &serviceName, const QString &image);

private:
    void showChoices(const core::ServiceImageChoices &choices, const QString &error);
    void check();
    void submit();

    core::ServiceCatalog *catalog_;
    core::ServiceRecord service_;
    QListWidget *list_;
    QLineEdit *edit_;
    QLabel *status_;
    QLabel *error_;
    QDialogButtonBox *buttons_;
    QString engineError_; // the engine's refusal of the last update asked for
    quint64 choicesRequest_ = 0;
    quint64 updateRequest_ = 0;
};

} // namespace slipway::widgets
