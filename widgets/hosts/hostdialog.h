// HostDialog: adds or edits a saved host. Checks the input before anything is saved, tests
// the connection without blocking, and closes only once the host is saved.
#pragma once

#include "core/fleet/hostconfig.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace slipway::core {
class HostMonitor;
struct HostStatus;
} // namespace slipway::core

namespace slipway::widgets {

class BannerLabel;

class HostDialog : public QDialog {
    Q_OBJECT

public:
    // `host` empty (no id): a new host; else the saved host to edit.
    HostDialog(core::HostMonitor *monitor, const core::HostConfig &host, QWidget *parent = nullptr);

    core::HostConfig config() const; // as the fields say now
    QString validationError() const; // what is wrong with the input, empty when nothing

public slots:
    void testConnection();
    void accept() override; // saves through the monitor; closes when that worked

private:
    QLineEdit *fileField(const QString &objectName, const QString &title);
    void showResult(const QString &text, bool isError);
    void onTested(quint64 request, const core::HostStatus &status);
    void onSaved(quint64 request, bool ok, const QString &error);
    void updateTlsWarning();
    void fitContents();

    core::HostMonitor *monitor_;
    core::HostConfig original_;
    QLineEdit *name_;
    QLineEdit *url_;
    QLineEdit *ca_;
    QLineEdit *cert_;
    QLineEdit *key_;
    QCheckBox *verify_;
    QLabel *tlsWarning_;
    BannerLabel *plainTcp_; // a tcp:// URL without TLS files
    BannerLabel *result_;
    QPushButton *test_;
    QDialogButtonBox *buttons_;
    quint64 testRequest_ = 0;
    quint64 saveRequest_ = 0;
};

} // namespace slipway::widgets
