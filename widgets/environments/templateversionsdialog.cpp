#include "widgets/environments/templateversionsdialog.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QListWidget>
#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QVBoxLayout>

namespace slipway::widgets {

TemplateVersionsDialog::TemplateVersionsDialog(core::env::Environments *environments,
                                               const QString &name, QWidget *parent)
    : QDialog(parent), environments_(environments), name_(name) {
    setObjectName(QStringLiteral("templateVersions"));
    setWindowTitle(tr("Versions of %1").arg(name));
    versions_ = new QListWidget(this);
    versions_->setObjectName(QStringLiteral("versionList"));
    diff_ = new QPlainTextEdit(this);
    diff_->setObjectName(QStringLiteral("diffView"));
    diff_->setReadOnly(true);
    diff_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    diff_->setLineWrapMode(QPlainTextEdit::NoWrap);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(versions_);
    split->addWidget(diff_);
    split->setSizes({240, 600});
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(split, 1);
    layout->addWidget(buttons);
    resize(900, 520);

    connect(environments_, &core::env::Environments::historyLoaded, this,
            [this](const QString &n, const QList<core::env::TemplateVersion> &list,
                   const QString &error) {
                if (n != name_)
                    return;
                versions_->clear();
                if (!error.isEmpty())
                    diff_->setPlainText(error);
                for (const auto &v : list) {
                    auto *item = new QListWidgetItem(
                        tr("v%1 — %2, %3 (%4)")
                            .arg(v.version)
                            .arg(v.savedBy,
                                 QLocale().toString(v.savedAt.toLocalTime(), QLocale::ShortFormat),
                                 core::env::TemplateVersion::sourceName(v.source)),
                        versions_);
                    item->setData(Qt::UserRole, v.version);
                }
                if (versions_->count() > 0)
                    versions_->setCurrentRow(0);
            });
    connect(environments_, &core::env::Environments::diffLoaded, this,
            [this](const QString &n, int from, int to, const QString &text, const QString &error) {
                if (n != name_ || !versions_->currentItem() ||
                    versions_->currentItem()->data(Qt::UserRole).toInt() != to)
                    return;
                if (!error.isEmpty())
                    diff_->setPlainText(error);
                else if (text.isEmpty())
                    diff_->setPlainText(tr("No change from version %1.").arg(from));
                else
                    diff_->setPlainText(text);
            });
    connect(versions_, &QListWidget::currentRowChanged, this,
            &TemplateVersionsDialog::showSelected);
    environments_->loadHistory(name_);
}

void TemplateVersionsDialog::showSelected() {
    if (!versions_->currentItem())
        return;
    const int version = versions_->currentItem()->data(Qt::UserRole).toInt();
    if (version <= 1) {
        diff_->setPlainText(tr("The first version."));
        return;
    }
    environments_->loadDiff(name_, version - 1, version);
}

} // namespace slipway::widgets
