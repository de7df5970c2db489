#include "widgets/images/imagedetails.h"

#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace slipway::widgets {

using core::ImageText;

namespace {

QString when(qint64 unixSeconds) {
    if (unixSeconds <= 0)
        return {};
    return QLocale().toString(QDateTime::fromSecsSinceEpoch(unixSeconds), QLocale::ShortFormat);
}

QString whenText(const QString &rfc3339) {
    const QDateTime t = QDateTime::fromString(rfc3339, Qt::ISODateWithMs);
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : rfc3339;
}

// What the engine records for a Dockerfile step: "/bin/sh -c #(nop)  CMD [...]" -> "CMD [...]".
QString step(const QString &createdBy) {
    QString s = createdBy.simplified();
    const QString nop = QStringLiteral("/bin/sh -c #(nop) ");
    if (s.startsWith(nop))
        return s.mid(nop.size()).trimmed();
    return s;
}

// "repo@sha256:..." one per line, the digest first (it is what pins the image) and the
// repository it is known in under it, so neither is cut off in a narrow pane.
QString digestsText(const QStringList &repoDigests) {
    QStringList parts;
    for (const QString &d : repoDigests) {
        const qsizetype at = d.indexOf(u'@');
        if (at < 0) {
            parts << d.toHtmlEscaped();
            continue;
        }
        parts << QStringLiteral("%1<br><span style=\"color:#777\">&nbsp;&nbsp;%2</span>")
                     .arg(d.mid(at + 1).toHtmlEscaped(),
                          ImageDetailsPane::tr("in %1").arg(d.left(at)).toHtmlEscaped());
    }
    return parts.join(QStringLiteral("<br>"));
}

} // namespace

ImageDetailsPane::ImageDetailsPane(QWidget *parent) : QWidget(parent) {
    title_ = new QLabel(this);
    title_->setObjectName(QStringLiteral("imageTitle"));
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont font = title_->font();
    font.setPointSizeF(font.pointSizeF() * 1.2);
    font.setBold(true);
    title_->setFont(font);

    placeholder_ =
        new QLabel(tr("Select an image to see its tags, digests, labels and layers."), this);
    placeholder_->setObjectName(QStringLiteral("imagePlaceholder"));
    placeholder_->setEnabled(false);
    placeholder_->setWordWrap(true);

    status_ = new QLabel(this);
    status_->setObjectName(QStringLiteral("imageDetailsStatus"));
    status_->setWordWrap(true);
    status_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    body_ = new QWidget(this);
    auto *columns = new QHBoxLayout(body_);
    columns->setContentsMargins(0, 0, 0, 0);
    columns->setSpacing(16);

    auto *form = new QGridLayout;
    form->setHorizontalSpacing(8);
    form->setVerticalSpacing(4);
    form->setColumnStretch(1, 1);
    const std::pair<const char *, QString> rows[] = {
        {"id", tr("ID")},           {"tags", tr("Tags")},       {"digests", tr("Digests")},
        {"created", tr("Created")}, {"size", tr("Size")},       {"platform", tr("Platform")},
        {"usedBy", tr("Used by")},  {"command", tr("Command")}, {"ports", tr("Ports")},
        {"labels", tr("Labels")},
    };
    int r = 0;
    for (const auto &[key, label] : rows) {
        auto *name = new QLabel(label + QLatin1Char(':'), body_);
        name->setAlignment(Qt::AlignRight | Qt::AlignTop);
        auto *value = new QLabel(body_);
        value->setObjectName(QStringLiteral("imageValue_") + QLatin1String(key));
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        value->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        value->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        form->addWidget(name, r, 0);
        form->addWidget(value, r, 1);
        if (QLatin1String(key) == QLatin1String("digests"))
            value->setTextFormat(Qt::RichText);
        values_.insert(QLatin1String(key), value);
        ++r;
    }
    form->setRowStretch(r, 1);
    columns->addLayout(form, 3);

    auto *historyBox = new QVBoxLayout;
    auto *historyTitle = new QLabel(tr("Layers (newest first)"), body_);
    historyTitle->setObjectName(QStringLiteral("imageHistoryTitle"));
    history_ = new QTableWidget(0, 3, body_);
    history_->setObjectName(QStringLiteral("imageHistory"));
    history_->setHorizontalHeaderLabels({tr("Created by"), tr("Size"), tr("Created")});
    history_->verticalHeader()->hide();
    history_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    history_->setSelectionBehavior(QAbstractItemView::SelectRows);
    history_->setWordWrap(false);
    history_->setTextElideMode(Qt::ElideRight);
    history_->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    history_->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    history_->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    historyBox->addWidget(historyTitle);
    historyBox->addWidget(history_, 1);
    columns->addLayout(historyBox, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title_);
    layout->addWidget(placeholder_);
    layout->addWidget(status_);
    layout->addWidget(body_, 1);
    layout->addStretch(0); // keeps the title at the top while there is no body
    clear();
}

void ImageDetailsPane::clear() {
    record_ = {};
    title_->setText(tr("Image details"));
    placeholder_->setText(tr("Select an image to see its tags, digests, labels and layers."));
    placeholder_->show();
    status_->hide();
    body_->hide();
}

void ImageDetailsPane::showSelectionCount(int count) {
    record_ = {};
    title_->setText(tr("%1 images selected").arg(count));
    placeholder_->setText(tr("Select a single image to see its details."));
    placeholder_->show();
    status_->hide();
    body_->hide();
}

void ImageDetailsPane::showRecord(const core::ImageRecord &rec) {
    const bool sameImage = rec.hostId == record_.hostId && rec.id == record_.id;
    record_ = rec;
    placeholder_->hide();
    body_->show();
    title_->setText(rec.tag.isEmpty() ? tr("%1 (untagged) on %2").arg(rec.shortId(), rec.hostName)
                                      : tr("%1 on %2").arg(rec.reference(), rec.hostName));
    field(QStringLiteral("id"))->setText(rec.id);
    field(QStringLiteral("tags"))
        ->setText(rec.repoTags.isEmpty() ? tr("none (dangling)") : rec.repoTags.join(u'\n'));
    field(QStringLiteral("digests"))
        ->setText(rec.repoDigests.isEmpty()
                      ? tr("none: built or loaded here, never pushed or pulled").toHtmlEscaped()
                      : digestsText(rec.repoDigests));
    field(QStringLiteral("created"))->setText(when(rec.created));
    field(QStringLiteral("size"))
        ->setText(tr("%1 (%2 bytes)").arg(ImageText::size(rec.size), QLocale().toString(rec.size)));
    field(QStringLiteral("usedBy"))
        ->setText(rec.usedByNames.isEmpty() ? tr("no container")
                  : rec.usedByNames.size() == 1
                      ? tr("1 container: %1").arg(rec.usedByNames.first())
                      : tr("%1 containers: %2")
                            .arg(rec.usedByNames.size())
                            .arg(rec.usedByNames.join(QStringLiteral(", "))));
    QStringList labels;
    for (const auto &[k, v] : rec.labels)
        labels.append(k + QStringLiteral(" = ") + v);
    field(QStringLiteral("labels"))->setText(labels.isEmpty() ? tr("none") : labels.join(u'\n'));
    if (!sameImage) {
        field(QStringLiteral("platform"))->clear();
        field(QStringLiteral("command"))->clear();
        field(QStringLiteral("ports"))->clear();
        history_->setRowCount(0);
        status_->setStyleSheet(QString());
        status_->setText(tr("Loading the image's layers…"));
        status_->setEnabled(false);
        status_->show();
    }
    if (rec.stale) {
        status_->setStyleSheet(QStringLiteral("QLabel { color: #8a1f1f; }"));
        status_->setEnabled(true);
        status_->setText(
            tr("%1 does not answer: this is what it had when it last did.").arg(rec.hostName));
        status_->show();
    }
}

void ImageDetailsPane::showDetails(const core::ImageDetails &d) {
    if (d.hostId != record_.hostId || d.id != record_.id)
        return;
    if (!d.error.isEmpty()) {
        status_->setStyleSheet(QStringLiteral("QLabel { color: #8a1f1f; }"));
        status_->setEnabled(true);
        status_->setText(tr("Could not load the details: %1").arg(d.error));
        status_->show();
        return;
    }
    status_->hide();
    field(QStringLiteral("created"))->setText(whenText(d.created));
    field(QStringLiteral("platform"))
        ->setText(d.architecture.isEmpty() ? d.os : d.os + u'/' + d.architecture);
    QStringList command = d.entrypoint;
    command += d.cmd;
    field(QStringLiteral("command"))->setText(command.isEmpty() ? tr("none") : command.join(u' '));
    field(QStringLiteral("ports"))
        ->setText(d.exposedPorts.isEmpty() ? tr("none")
                                           : d.exposedPorts.join(QStringLiteral(", ")));
    if (!d.repoDigests.isEmpty())
        field(QStringLiteral("digests"))->setText(digestsText(d.repoDigests));
    QStringList labels;
    for (const auto &[k, v] : d.labels)
        labels.append(k + QStringLiteral(" = ") + v);
    field(QStringLiteral("labels"))->setText(labels.isEmpty() ? tr("none") : labels.join(u'\n'));

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    history_->setRowCount(int(d.history.size()));
    for (int i = 0; i < d.history.size(); ++i) {
        const core::ImageLayer &l = d.history[i];
        // An imported layer has no step, only the engine's comment ("Imported from -").
        const QString what = l.createdBy.trimmed().isEmpty()
                                 ? (l.comment.isEmpty() ? tr("(no step recorded)") : l.comment)
                                 : step(l.createdBy);
        auto *by = new QTableWidgetItem(what);
        by->setToolTip(l.createdBy.isEmpty() ? what : l.createdBy);
        auto *size = new QTableWidgetItem(ImageText::size(l.size));
        size->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        auto *created = new QTableWidgetItem(ImageText::age(l.created, now));
        created->setToolTip(when(l.created));
        history_->setItem(i, 0, by);
        history_->setItem(i, 1, size);
        history_->setItem(i, 2, created);
    }
}

} // namespace slipway::widgets
