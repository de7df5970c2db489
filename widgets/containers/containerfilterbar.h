// ContainerFilterBar: the Containers section's quick filter: free text, state, host,
// application, environment and labels (key=value), applied to a ContainerFilterProxy as the
// user types. The application and environment choices follow what the table holds.
#pragma once

#include <QTimer>
#include <QWidget>

class QComboBox;
class QLineEdit;
class QToolButton;

namespace slipway::core {
class Inventory;
}

namespace slipway::models {
class ContainerFilterProxy;
class ContainerTableModel;
} // namespace slipway::models

namespace slipway::widgets {

class ContainerFilterBar : public QWidget {
    Q_OBJECT

public:
    ContainerFilterBar(models::ContainerFilterProxy *proxy, models::ContainerTableModel *model,
                       core::Inventory *inventory, QWidget *parent = nullptr);

    QLineEdit *textEdit() const { return text_; }
    QComboBox *stateCombo() const { return state_; }
    QComboBox *hostCombo() const { return host_; }
    QComboBox *appCombo() const { return app_; }
    QComboBox *envCombo() const { return env_; }
    QLineEdit *labelEdit() const { return labels_; }

    // "key=value" words, split at commas and spaces.
    static QStringList parseLabels(const QString &text);

public slots:
    void clearFilters();
    void refreshChoices(); // hosts, applications and environments, from what is there now

private:
    void apply();
    void refreshHosts();
    static void fill(QComboBox *combo, const QString &anyText, const QStringList &values);

    models::ContainerFilterProxy *proxy_;
    models::ContainerTableModel *model_;
    core::Inventory *inventory_;
    QLineEdit *text_;
    QComboBox *state_;
    QComboBox *host_;
    QComboBox *app_;
    QComboBox *env_;
    QLineEdit *labels_;
    QToolButton *clear_;
    QTimer typing_; // applies the typed filters once typing pauses
    QTimer rescan_; // gathers table changes before the choices are rescanned
};

} // namespace slipway::widgets
