// EnvVarsEdit: the environment variables of a deployment as rows of KEY, VALUE and "Secret".
// A secret row hides its value as it is typed (password echo); a name with PASSWORD, SECRET,
// TOKEN or KEY in it is always secret. A secret row left empty takes its value where the
// Deployer finds it (the environment, the secrets file, the running replicas): Slipway never
// stores one, so a form filled from a past deployment has its secrets' keys only.
#pragma once

#include <QStringList>
#include <QWidget>

class QCheckBox;
class QGridLayout;
class QLineEdit;
class QPushButton;
class QToolButton;

namespace slipway::widgets {

class EnvVarsEdit : public QWidget {
    Q_OBJECT

public:
    explicit EnvVarsEdit(QWidget *parent = nullptr);

    // `env` "K=V" rows, then one empty secret row for each of `secretKeys` it does not hold.
    void setVariables(const QStringList &env, const QStringList &secretKeys);
    // The rows as a config takes them: every "K=V" with a value given (secrets included, for
    // this change only) and the keys marked secret. False with `problem` naming the first bad
    // row (never quoting a value).
    bool variables(QStringList *env, QStringList *secretKeys, QString *problem) const;

    int rowCount() const { return int(rows_.size()); }
    QLineEdit *keyEdit(int row) const { return rows_.at(row).key; }
    QLineEdit *valueEdit(int row) const { return rows_.at(row).value; }
    QCheckBox *secretBox(int row) const { return rows_.at(row).secret; }
    QPushButton *addButton() const { return add_; }

public slots:
    int addRow(); // returns its index

signals:
    void changed();

private:
    struct Row {
        QLineEdit *key = nullptr;
        QLineEdit *value = nullptr;
        QCheckBox *secret = nullptr;
        QToolButton *remove = nullptr;
    };
    void updateRow(const Row &row);
    void removeRow(QToolButton *button);
    void relayout();

    QGridLayout *grid_;
    QPushButton *add_;
    QList<Row> rows_;
};

} // namespace slipway::widgets
