// TakeoverDialog: who holds an application's lock on the engines (who, store, since, the last
// heartbeat, stale or alive) and, when the user confirms, taking it over from that holder; an
// alive holder only with "even though it is alive" ticked. Results and errors are shown inline.
#pragma once

#include "core/locks/applock.h"

#include <QDialog>

class QCheckBox;
class QLabel;
class QPushButton;

namespace slipway::core {
class LockTakeover;
}

namespace slipway::widgets {

class BannerLabel;

class TakeoverDialog : public QDialog {
    Q_OBJECT

public:
    // Reads the holder of `app` in `env` at once.
    TakeoverDialog(core::LockTakeover *service, const QString &app, const QString &env,
                   QWidget *parent = nullptr);

    enum class Stage { Reading, Free, Held, Failed, Running, TakenOver };
    Stage stage() const { return stage_; }
    QPushButton *takeOverButton() const { return takeOver_; }
    QCheckBox *forceBox() const { return force_; }

public slots:
    void confirm();
    void reload();

signals:
    void tookOver(qint64 generation);

private:
    void showHolder(bool held, const core::LockHolder &holder, const QString &error);
    void setStage(Stage stage);

    core::LockTakeover *service_;
    QString app_, env_;
    core::LockHolder holder_;
    Stage stage_ = Stage::Reading;
    quint64 readRequest_ = 0;
    quint64 runRequest_ = 0;

    QLabel *who_;
    QLabel *store_;
    QLabel *since_;
    QLabel *heartbeat_;
    QLabel *state_;
    QCheckBox *force_;
    BannerLabel *message_;
    QPushButton *takeOver_;
    QPushButton *reload_;
    QPushButton *close_;
};

} // namespace slipway::widgets
