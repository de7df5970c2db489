#include "widgets/containers/containerdetailspane.h"

#include "widgets/common/bannerlabel.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QRegularExpression>
#include <QScrollArea>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace slipway::widgets {

using core::ContainerDetails;

namespace {

const char *const kRowsProperty = "slipwayRows";

QString when(const QDateTime &t) {
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QLocale::ShortFormat) : QString();
}

QString bytes(qint64 n) {
    return QLocale().formattedDataSize(n, 1, QLocale::DataSizeTraditionalFormat);
}

QTableWidget *makeTable(const QString &objectName, const QStringList &headers, QWidget *parent) {
    auto *t = new QTableWidget(0, int(headers.size()), parent);
    t->setObjectName(objectName);
    t->setHorizontalHeaderLabels(headers);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setAlternatingRowColors(true);
    t->setWordWrap(false);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setSectionResizeMode(int(headers.size()) - 1, QHeaderView::Stretch);
    t->setTextElideMode(Qt::ElideMiddle);
    t->verticalHeader()->setDefaultSectionSize(t->fontMetrics().height() + 8);
    return t;
}

} // namespace

ContainerDetailsPane::ContainerDetailsPane(QWidget *parent) : QWidget(parent) {
    title_ = new QLabel(tr("Select a container to see its details."), this);
    title_->setObjectName(QStringLiteral("containerTitle"));
    title_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont font = title_->font();
    font.setBold(true);
    font.setPointSizeF(font.pointSizeF() * 1.15);
    title_->setFont(font);

    note_ = new QLabel(this);
    note_->setObjectName(QStringLiteral("containerNote"));
    note_->setWordWrap(true);
    note_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    note_->setStyleSheet(QStringLiteral("QLabel { %1 padding: 4px 6px; }")
                             .arg(BannerLabel::toneColors(BannerLabel::Tone::Warning)));
    note_->hide();

    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("containerTabs"));
    tabs_->setDocumentMode(true);

    // Overview: what it is and how it runs on the left, how it is reached on the right.
    overview_ = new QWidget(this);
    overview_->setObjectName(QStringLiteral("overview"));
    auto *columns = new QHBoxLayout(overview_);
    columns->setSpacing(24);
    const auto column = [&](std::initializer_list<std::pair<const char *, QString>> fields) {
        auto *grid = new QGridLayout;
        grid->setHorizontalSpacing(12);
        grid->setVerticalSpacing(4);
        int row = 0;
        for (const auto &[key, text] : fields) {
            auto *k = new QLabel(tr("%1:").arg(text), overview_);
            k->setEnabled(false);
            k->setAlignment(Qt::AlignRight | Qt::AlignTop);
            auto *v = new QLabel(overview_);
            v->setObjectName(QStringLiteral("value_") + QLatin1String(key));
            v->setTextInteractionFlags(Qt::TextSelectableByMouse);
            v->setWordWrap(true);
            v->setAlignment(Qt::AlignLeft | Qt::AlignTop);
            v->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
            grid->addWidget(k, row, 0);
            grid->addWidget(v, row, 1);
            values_.insert(QLatin1String(key), v);
            keys_.insert(QLatin1String(key), k);
            ++row;
        }
        grid->setColumnStretch(1, 1);
        grid->setRowStretch(row, 1);
        columns->addLayout(grid, 1);
    };
    column({{"id", tr("ID")},
            {"image", tr("Image")},
            {"imageId", tr("Image ID")},
            {"created", tr("Created")},
            {"state", tr("State")},
            {"started", tr("Started")},
            {"finished", tr("Finished")},
            {"restart", tr("Restart policy")}});
    column({{"command", tr("Command")},
            {"workdir", tr("Working directory")},
            {"user", tr("User")},
            {"ports", tr("Ports")},
            {"networks", tr("Networks")},
            {"limits", tr("Limits")},
            {"hostname", tr("Host name")}});
    field(QStringLiteral("command"))->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *overviewScroll = new QScrollArea(this);
    overviewScroll->setWidget(overview_);
    overviewScroll->setWidgetResizable(true);
    overviewScroll->setFrameShape(QFrame::NoFrame);
    tabs_->addTab(overviewScroll, tr("Overview"));

    auto *envPage = new QWidget(this);
    auto *envLayout = new QVBoxLayout(envPage);
    envLayout->setContentsMargins(0, 4, 0, 0);
    env_ = makeTable(QStringLiteral("envTable"), {tr("Name"), tr("Value")}, envPage);
    showSecrets_ = new QCheckBox(tr("Show values that look like secrets"), envPage);
    showSecrets_->setObjectName(QStringLiteral("showSecrets"));
    envLayout->addWidget(env_, 1);
    envLayout->addWidget(showSecrets_);
    connect(showSecrets_, &QCheckBox::toggled, this, &ContainerDetailsPane::fillEnvironment);
    tabs_->addTab(envPage, tr("Environment"));

    mounts_ = makeTable(QStringLiteral("mountsTable"),
                        {tr("Type"), tr("Source"), tr("Destination"), tr("Access")}, this);
    tabs_->addTab(mounts_, tr("Mounts"));

    labels_ = makeTable(QStringLiteral("labelsTable"), {tr("Key"), tr("Value")}, this);
    tabs_->addTab(labels_, tr("Labels"));

    auto *healthPage = new QWidget(this);
    auto *healthLayout = new QVBoxLayout(healthPage);
    healthLayout->setContentsMargins(0, 4, 0, 0);
    healthSummary_ = new QLabel(healthPage);
    healthSummary_->setObjectName(QStringLiteral("healthSummary"));
    healthSummary_->setWordWrap(true);
    healthSummary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    health_ = makeTable(QStringLiteral("healthTable"),
                        {tr("Started"), tr("Duration"), tr("Exit code"), tr("Output")}, healthPage);
    healthLayout->addWidget(healthSummary_);
    healthLayout->addWidget(health_, 1);
    tabs_->addTab(healthPage, tr("Health"));

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);
    layout->addWidget(title_);
    layout->addWidget(note_);
    layout->addWidget(tabs_, 1);
    clear();
}

int ContainerDetailsPane::addTab(QWidget *page, const QString &title) {
    return tabs_->addTab(page, title);
}

QLabel *ContainerDetailsPane::field(const QString &key) {
    return values_.value(key);
}

bool ContainerDetailsPane::looksSecret(const QString &name) {
    static const QRegularExpression secret(
        QStringLiteral("PASSW|SECRET|TOKEN|PRIVATE|CREDENTIAL|API_?KEY|ACCESS_?KEY|_KEY$|^KEY$"),
        QRegularExpression::CaseInsensitiveOption);
    return secret.match(name).hasMatch();
}

void ContainerDetailsPane::setTableRows(QTableWidget *table, const QList<QStringList> &rows) {
    // Only when something changed, so a refresh keeps the user's selection and scroll.
    const QVariant key = QVariant::fromValue(rows);
    if (table->property(kRowsProperty) == key && table->rowCount() == rows.size())
        return;
    table->setProperty(kRowsProperty, key);
    table->setRowCount(int(rows.size()));
    for (int r = 0; r < rows.size(); ++r) {
        for (int c = 0; c < table->columnCount(); ++c) {
            const QString text = c < rows[r].size() ? rows[r][c] : QString();
            auto *item = table->item(r, c);
            if (!item) {
                item = new QTableWidgetItem;
                table->setItem(r, c, item);
            }
            item->setText(text);
            item->setToolTip(text.size() > 40 ? text : QString());
        }
    }
}

void ContainerDetailsPane::showLoading(const QString &name, const QString &hostName) {
    title_->setText(tr("%1 on %2").arg(name, hostName));
    tabs_->setEnabled(true);
    note_->hide();
}

void ContainerDetailsPane::showError(const QString &error) {
    note_->setText(tr("Could not read the details: %1").arg(error));
    note_->show();
}

void ContainerDetailsPane::showRemoved() {
    note_->setText(tr("This container was removed; what is shown is how it last was."));
    note_->show();
}

void ContainerDetailsPane::clear() {
    details_.reset();
    title_->setText(tr("Select a container to see its details."));
    note_->hide();
    for (QLabel *v : std::as_const(values_)) {
        v->clear();
        v->hide();
    }
    for (QLabel *k : std::as_const(keys_))
        k->hide();
    for (QTableWidget *t : {env_, mounts_, labels_, health_}) {
        t->setProperty(kRowsProperty, QVariant());
        t->setRowCount(0);
    }
    healthSummary_->clear();
    tabs_->setEnabled(false);
}

void ContainerDetailsPane::showDetails(const ContainerDetails &d, const QString &hostName) {
    details_ = d;
    title_->setText(tr("%1 on %2").arg(d.name, hostName));
    note_->hide();
    tabs_->setEnabled(true);
    fillOverview(d);
    fillEnvironment();

    QList<QStringList> mounts;
    for (const auto &m : d.mounts)
        mounts.append({m.type,
                       m.type == QLatin1String("volume") && !m.name.isEmpty() ? m.name : m.source,
                       m.destination, m.readWrite ? tr("read-write") : tr("read-only")});
    setTableRows(mounts_, mounts);

    QList<QStringList> labels;
    for (const auto &[k, v] : d.labels)
        labels.append({k, v});
    setTableRows(labels_, labels);

    if (d.healthTest.isEmpty() && d.health.isEmpty()) {
        healthSummary_->setText(tr("This container has no healthcheck."));
    } else {
        QString summary = tr("Status: %1").arg(d.health.isEmpty() ? tr("none") : d.health);
        if (d.failingStreak > 0)
            summary +=
                QStringLiteral(" · ") +
                (d.failingStreak == 1 ? tr("failed once")
                                      : tr("failing %1 times in a row").arg(d.failingStreak));
        if (!d.healthTest.isEmpty()) {
            QStringList test = d.healthTest;
            if (!test.isEmpty() && test.first().startsWith(QLatin1String("CMD")))
                test.removeFirst();
            summary += QLatin1Char('\n') + tr("Check: %1").arg(test.join(QLatin1Char(' ')));
        }
        healthSummary_->setText(summary);
    }
    QList<QStringList> checks;
    for (auto it = d.healthLog.crbegin(); it != d.healthLog.crend(); ++it) { // newest first
        const qint64 ms =
            it->start.isValid() && it->end.isValid() ? it->start.msecsTo(it->end) : -1;
        checks.append({when(it->start), ms < 0 ? QString() : tr("%1 ms").arg(ms),
                       QString::number(it->exitCode), it->output.simplified()});
    }
    setTableRows(health_, checks);
    for (int r = 0; r < health_->rowCount(); ++r) {
        const bool failed = health_->item(r, 2)->text() != QLatin1String("0");
        for (int c = 0; c < health_->columnCount(); ++c)
            health_->item(r, c)->setForeground(failed ? QColor(0xa3, 0x1f, 0x1f) : QBrush());
    }
}

void ContainerDetailsPane::fillOverview(const ContainerDetails &d) {
    field(QStringLiteral("id"))->setText(d.id.left(12));
    field(QStringLiteral("id"))->setToolTip(d.id);
    field(QStringLiteral("image"))->setText(d.image);
    field(QStringLiteral("imageId"))->setText(d.imageId.section(QLatin1Char(':'), -1).left(12));
    field(QStringLiteral("imageId"))->setToolTip(d.imageId);
    field(QStringLiteral("created"))->setText(when(d.created));
    QString state = d.state;
    if (d.state == QLatin1String("exited") || d.state == QLatin1String("dead"))
        state += QStringLiteral(" (") + tr("exit code %1").arg(d.exitCode) + QLatin1Char(')');
    if (!d.health.isEmpty())
        state += QStringLiteral(" · ") + d.health;
    if (d.oomKilled)
        state += QStringLiteral(" · ") + tr("killed: out of memory");
    if (!d.error.isEmpty())
        state += QLatin1Char('\n') + d.error;
    field(QStringLiteral("state"))->setText(state);
    field(QStringLiteral("started"))->setText(when(d.startedAt));
    field(QStringLiteral("finished"))
        ->setText(d.state == QLatin1String("running") ? QString() : when(d.finishedAt));
    QString restart = d.restartPolicyText();
    if (d.restartCount > 0)
        restart += QStringLiteral(" · ") + (d.restartCount == 1
                                                ? tr("restarted once")
                                                : tr("restarted %1 times").arg(d.restartCount));
    field(QStringLiteral("restart"))->setText(restart);

    field(QStringLiteral("command"))->setText(d.commandLine());
    field(QStringLiteral("workdir"))
        ->setText(d.workingDir.isEmpty() ? QStringLiteral("/") : d.workingDir);
    field(QStringLiteral("user"))->setText(d.user.isEmpty() ? tr("root (image default)") : d.user);
    QStringList ports;
    for (const auto &p : d.ports) {
        if (p.published())
            ports.append(QStringLiteral("%1:%2 → %3")
                             .arg(p.hostIp.isEmpty() ? QStringLiteral("0.0.0.0") : p.hostIp,
                                  p.hostPort, p.containerPort));
        else
            ports.append(p.containerPort + QLatin1Char(' ') + tr("(not published)"));
    }
    field(QStringLiteral("ports"))->setText(ports.isEmpty() ? tr("none") : ports.join('\n'));
    QStringList networks;
    for (const auto &n : d.networks) {
        QString line = n.name + QStringLiteral(": ") +
                       (n.ipAddress.isEmpty() ? tr("no address (not running)") : n.ipAddress);
        QStringList aliases = n.aliases;
        aliases.removeAll(d.id.left(12));
        if (!aliases.isEmpty())
            line += QStringLiteral(" (") +
                    tr("aliases: %1").arg(aliases.join(QStringLiteral(", "))) + QLatin1Char(')');
        networks.append(line);
    }
    if (networks.isEmpty() && !d.networkMode.isEmpty())
        networks.append(d.networkMode);
    field(QStringLiteral("networks"))->setText(networks.join('\n'));
    QStringList limits;
    if (d.memoryLimit > 0)
        limits.append(tr("memory %1").arg(bytes(d.memoryLimit)));
    if (d.nanoCpus > 0)
        limits.append(tr("%1 CPUs").arg(QLocale().toString(double(d.nanoCpus) / 1e9, 'g', 3)));
    field(QStringLiteral("limits"))
        ->setText(limits.isEmpty() ? tr("none") : limits.join(QStringLiteral(", ")));
    field(QStringLiteral("hostname"))->setText(d.hostname);
    // What does not apply (a start time before the first start) is left out, not left blank.
    for (auto it = values_.cbegin(); it != values_.cend(); ++it) {
        const bool shown = !it.value()->text().isEmpty();
        it.value()->setVisible(shown);
        keys_.value(it.key())->setVisible(shown);
    }
}

void ContainerDetailsPane::fillEnvironment() {
    QList<QStringList> rows;
    if (details_) {
        const bool reveal = showSecrets_->isChecked();
        for (const auto &[k, v] : details_->environment)
            rows.append(
                {k, !reveal && !v.isEmpty() && looksSecret(k) ? QStringLiteral("••••••") : v});
    }
    setTableRows(env_, rows);
}

} // namespace slipway::widgets
