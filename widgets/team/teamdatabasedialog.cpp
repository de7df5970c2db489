#include "widgets/team/teamdatabasedialog.h"

#include "core/store/store.h"
#include "core/store/teamprobe.h"
#include "widgets/team/teamsettings.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace slipway::widgets {

TeamDatabaseDialog::TeamDatabaseDialog(const QString &current, bool overridden, QWidget *parent)
    : QDialog(parent) {
    setWindowTitle(tr("Team Database"));
    setObjectName(QStringLiteral("teamDatabaseDialog"));
    auto *intro = new QLabel(
        tr("With a team database, deployments, environments, alerts and the audit log are "
           "shared with everyone who uses it, and the server checks who you are and what you "
           "may do. Saved hosts stay on this desk. Leave it empty to keep everything on this "
           "desk."),
        this);
    intro->setWordWrap(true);
    url_ = new QLineEdit(current.isEmpty() ? TeamSettings::savedUrl() : current, this);
    url_->setObjectName(QStringLiteral("teamUrl"));
    url_->setPlaceholderText(
        QStringLiteral("postgresql://USER@HOST/DB?sslmode=verify-full&sslrootcert=/path/ca.pem"));
    url_->setMinimumWidth(520);
    problem_ = new QLabel(this);
    problem_->setObjectName(QStringLiteral("teamUrlProblem"));
    problem_->setStyleSheet(QStringLiteral("color: #c03030;"));
    problem_->setWordWrap(true);
    tested_ = new QLabel(this);
    tested_->setObjectName(QStringLiteral("teamTested"));
    tested_->setWordWrap(true);
    tested_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *password =
        new QLabel(tr("Slipway never stores your password: put it in ~/.pgpass "
                      "(HOST:PORT:DB:USER:PASSWORD, mode 0600), or Slipway asks for it at start."),
                   this);
    password->setWordWrap(true);
    auto *form = new QFormLayout;
    form->addRow(tr("Database URL:"), url_);
    form->addRow(QString(), problem_);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    test_ = buttons->addButton(tr("Test Connection"), QDialogButtonBox::ActionRole);
    test_->setObjectName(QStringLiteral("teamTest"));
    save_ = buttons->addButton(tr("Save"), QDialogButtonBox::AcceptRole);
    save_->setObjectName(QStringLiteral("teamSave"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(password);
    if (overridden) {
        auto *note = new QLabel(tr("This run uses %1, given by --database or SLIPWAY_DATABASE, "
                                   "which win over what is saved here.")
                                    .arg(current),
                                this);
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    layout->addWidget(tested_);
    layout->addWidget(buttons);

    connect(url_, &QLineEdit::textChanged, this, &TeamDatabaseDialog::check);
    connect(test_, &QPushButton::clicked, this, &TeamDatabaseDialog::test);
    connect(save_, &QPushButton::clicked, this, &TeamDatabaseDialog::save);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    check();
}

TeamDatabaseDialog::~TeamDatabaseDialog() {
    mailbox_.close();
}

QString TeamDatabaseDialog::url() const {
    return url_->text().trimmed();
}

void TeamDatabaseDialog::check() {
    QString why;
    const bool empty = url().isEmpty();
    const bool valid = empty || core::TeamUrl::parse(url(), &why).has_value();
    problem_->setText(valid ? QString() : why);
    problem_->setVisible(!valid);
    save_->setEnabled(valid);
    test_->setEnabled(valid && !empty);
    tested_->clear();
}

void TeamDatabaseDialog::test() {
    test_->setEnabled(false);
    tested_->setText(tr("Connecting…"));
    core::StoreLocation where{core::Store::defaultPath(), url(), {}};
    core::TeamProbe::run(where, mailbox_, [this](const core::TeamProbe::Result &r) {
        test_->setEnabled(true);
        if (!r.ok) {
            tested_->setText(r.passwordNeeded
                                 ? tr("The server asks for a password that is not in "
                                      "~/.pgpass: Slipway will ask for it at start.\n%1")
                                       .arg(r.error)
                                 : r.error);
            return;
        }
        tested_->setText(tr("Connected as %1, with the rights: %2.")
                             .arg(r.role, r.rights.isEmpty() ? tr("none (ask the database's "
                                                                  "owner for a grant)")
                                                             : r.rights.join(u", ")));
    });
}

void TeamDatabaseDialog::save() {
    TeamSettings::save(url());
    accept();
}

} // namespace slipway::widgets
