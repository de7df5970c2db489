// PullDialog: pulls one image onto one host: the host, the reference (checked as it is typed,
// so a bad one is refused before any call), a progress bar fed by the engine's progress
// stream with the current layer's line under it, Cancel, and the engine's own error inline.
#pragma once

#include "core/fleet/pullprogress.h"

#include <QDialog>
#include <QStringList>

class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;

namespace slipway::core {
class ImageCatalog;
}

namespace slipway::widgets {

class PullDialog : public QDialog {
    Q_OBJECT

public:
    // `hostId`: the host chosen at first (the one of the selected image), else the first up.
    PullDialog(core::ImageCatalog *catalog, const QString &hostId, QWidget *parent = nullptr);
    ~PullDialog() override;

    QString hostId() const;
    QString reference() const;
    bool isPulling() const { return request_ != 0; }

public slots:
    void startPull();
    void reject() override; // cancels a running pull first; closes once it has ended

signals:
    void pulled(const QString &hostId, const QString &reference);

private:
    void fillHosts(const QString &preferred);
    void validate();
    void showProgress(const core::PullProgress &progress);
    void finished(bool ok, const QString &error);
    void setBusy(bool busy);
    void fitContents();

    core::ImageCatalog *catalog_;
    QComboBox *host_;
    QLineEdit *reference_;
    QLabel *hint_;
    QProgressBar *bar_;
    QLabel *status_;
    QLabel *layers_;
    QLabel *error_;
    QLabel *result_;
    QPushButton *pull_;
    QPushButton *cancel_;
    quint64 request_ = 0;
    bool closeWhenEnded_ = false;
    QString pulledRef_;
    QString pulledHost_;
    QStringList hostsShown_;
};

} // namespace slipway::widgets
