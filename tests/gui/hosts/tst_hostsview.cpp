// The Hosts view offscreen with a plain tcp:// host beside the private engine: a red banner
// over the table names the plain host, its details carry a red banner saying the engine is
// root on that host, the private engine's details carry none, and the host dialog says the same
// while a tcp:// URL without TLS files is typed. One engine at two URLs is flagged on both
// hosts. Saves hosts-plain-tcp.png, host-dialog-plain-tcp.png and hosts-same-engine.png under
// SLIPWAY_SCREENSHOT_DIR.
#include "core/fleet/hostmonitor.h"
#include "core/store/storethread.h"
#include "models/hosttablemodel.h"
#include "tests/support/guitestbase.h"
#include "tests/support/testenv.h"
#include "widgets/common/bannerlabel.h"
#include "widgets/hosts/hostdialog.h"
#include "widgets/hosts/hostsview.h"

#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QTableView>
#include <QtTest>

using namespace slipway;
using test::save;

namespace {

// Nobody listens there: the host is down, and plain all the same.
const QString kPlainUrl = QStringLiteral("tcp://127.0.0.1:9");

bool isRed(const QLabel *label) {
    return label->styleSheet() ==
           widgets::BannerLabel::styleSheet(widgets::BannerLabel::Tone::Error);
}

} // namespace

class TestHostsView : public test::GuiTestBase {
    Q_OBJECT

    std::unique_ptr<core::HostMonitor> monitor_;
    std::unique_ptr<widgets::HostsView> view_;

    QLabel *label(QWidget *in, const char *name) {
        return in->findChild<QLabel *>(QString::fromLatin1(name));
    }

    void initView() override {
        core::HostMonitor::Options options;
        core::HostConfig engine;
        engine.id = QStringLiteral("cli:engine");
        engine.name = QStringLiteral("private engine");
        engine.url = test::dockerHost();
        engine.source = core::HostConfig::Source::CommandLine;
        core::HostConfig plain;
        plain.id = QStringLiteral("cli:plain");
        plain.name = QStringLiteral("build-07");
        plain.url = kPlainUrl;
        plain.source = core::HostConfig::Source::CommandLine;
        options.overrideHosts = QList<core::HostConfig>{engine, plain};
        options.probeTimeout = std::chrono::seconds(5);
        monitor_ = std::make_unique<core::HostMonitor>(store(), options);
        view_ = std::make_unique<widgets::HostsView>(monitor_.get());
        view_->resize(1100, 760);
        view_->show();
        monitor_->start();
        QVERIFY(test::waitFor([&] { return view_->model()->rowCount() == 2; }));
    }

    void cleanupView() override {
        view_.reset();
        monitor_.reset();
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
    }

    void plainTcpHostGetsRedBanners() {
        QLabel *banner = label(view_.get(), "hostsPlainTcp");
        QVERIFY(banner);
        QVERIFY(test::waitFor([&] { return banner->isVisible(); }));
        QVERIFY2(banner->text().contains(QStringLiteral("build-07 (%1)").arg(kPlainUrl)),
                 qPrintable(banner->text()));
        QVERIFY(banner->text().contains(QStringLiteral("root on that host")));
        QVERIFY(!banner->text().contains(test::dockerHost()));
        QVERIFY(isRed(banner));

        view_->selectHost(QStringLiteral("cli:plain"));
        QLabel *details = label(view_.get(), "hostPlainTcp");
        QVERIFY(details);
        QVERIFY(test::waitFor([&] { return details->isVisible(); }));
        QVERIFY(details->text().contains(kPlainUrl + QStringLiteral(" is plain TCP without TLS")));
        QVERIFY(details->text().contains(QStringLiteral("root on that host")));
        QVERIFY(isRed(details));
        QVERIFY(test::waitFor([&] {
            return view_->model()
                       ->status(view_->model()->rowOf(QStringLiteral("cli:plain")))
                       .state == core::HostStatus::State::Down;
        }));
        QVERIFY(test::waitFor(
            [&] {
                return view_->model()
                           ->status(view_->model()->rowOf(QStringLiteral("cli:engine")))
                           .state == core::HostStatus::State::Up;
            },
            std::chrono::seconds(30)));
        save(view_.get(), QStringLiteral("hosts-plain-tcp"));

        // The unix socket is not plain TCP: no banner in its details.
        view_->selectHost(QStringLiteral("cli:engine"));
        QVERIFY(test::waitFor([&] { return !details->isVisible(); }));
        QVERIFY(banner->isVisible()); // the other host is still plain
    }

    void hostDialogSaysSoWhileTyping() {
        widgets::HostDialog dialog(monitor_.get(), core::HostConfig{}, view_.get());
        dialog.show();
        QLabel *warning = label(&dialog, "plainTcpWarning");
        QVERIFY(warning);
        QVERIFY(!warning->isVisible());
        auto *url = dialog.findChild<QLineEdit *>(QStringLiteral("urlEdit"));
        QVERIFY(url);
        QTest::keyClicks(url, QStringLiteral("tcp://build-08:2375"));
        QVERIFY(warning->isVisible());
        QVERIFY(warning->text().contains(QStringLiteral("tcp://build-08:2375")));
        dialog.findChild<QLineEdit *>(QStringLiteral("nameEdit"))
            ->setText(QStringLiteral("build-08"));
        save(&dialog, QStringLiteral("host-dialog-plain-tcp"));
        // TLS files make it TLS: the warning goes.
        dialog.findChild<QLineEdit *>(QStringLiteral("caEdit"))
            ->setText(QStringLiteral("/tmp/ca.pem"));
        QVERIFY(!warning->isVisible());
        url->setText(QStringLiteral("unix:///var/run/docker.sock"));
        dialog.findChild<QLineEdit *>(QStringLiteral("caEdit"))->clear();
        QVERIFY(!warning->isVisible());
    }

    // The private engine at its socket and at its mutual-TLS listener: one engine ID at two
    // URLs. Both rows stay; a yellow banner over the table names the pair, and each host's
    // details say which other host is the same engine.
    void oneEngineAtTwoUrlsIsFlaggedOnBoth() {
        const QString tlsHost = qEnvironmentVariable("SLIPWAY_TEST_DOCKER_TLS_HOST");
        const QString certs = qEnvironmentVariable("SLIPWAY_TEST_DOCKER_CERT_PATH");
        if (tlsHost.isEmpty() || certs.isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        core::HostConfig socket;
        socket.id = QStringLiteral("cli:socket");
        socket.name = QStringLiteral("engine socket");
        socket.url = test::dockerHost();
        socket.source = core::HostConfig::Source::CommandLine;
        core::HostConfig listener;
        listener.id = QStringLiteral("cli:listener");
        listener.name = QStringLiteral("engine tls");
        listener.url = tlsHost;
        listener.caFile = certs + QStringLiteral("/ca.pem");
        listener.certFile = certs + QStringLiteral("/cert.pem");
        listener.keyFile = certs + QStringLiteral("/key.pem");
        listener.source = core::HostConfig::Source::CommandLine;
        core::HostMonitor::Options options;
        options.overrideHosts = QList<core::HostConfig>{socket, listener};
        options.probeTimeout = std::chrono::seconds(5);
        core::HostMonitor monitor(store(), options);
        widgets::HostsView view(&monitor);
        view.resize(1100, 760);
        view.show();
        monitor.start();
        QLabel *banner = label(&view, "hostsSameEngine");
        QVERIFY(banner);
        QVERIFY(test::waitFor([&] { return banner->isVisible(); }, std::chrono::seconds(30)));
        QCOMPARE(view.model()->rowCount(), 2); // flagged, not merged
        QVERIFY2(
            banner->text().contains(QStringLiteral("engine socket: same engine as engine "
                                                   "tls")) &&
                banner->text().contains(QStringLiteral("engine tls: same engine as engine socket")),
            qPrintable(banner->text()));
        QCOMPARE(banner->styleSheet(),
                 widgets::BannerLabel::styleSheet(widgets::BannerLabel::Tone::Warning));
        const QModelIndex first = view.model()->index(0, models::HostTableModel::NameColumn);
        QCOMPARE(first.data(models::HostTableModel::SameEngineRole).toStringList(),
                 QStringList{QStringLiteral("engine tls")});

        QLabel *details = label(&view, "hostSameEngine");
        QVERIFY(details);
        for (const auto &[id, other] : {std::pair{QStringLiteral("cli:socket"), listener.name},
                                        std::pair{QStringLiteral("cli:listener"), socket.name}}) {
            view.selectHost(id);
            QVERIFY(test::waitFor([&, other = other] {
                return details->isVisible() && details->text().contains(other);
            }));
            if (id == QStringLiteral("cli:listener"))
                save(&view, QStringLiteral("hosts-same-engine"));
        }
        // The other view's hosts are different engines: no banner there once both answered.
        QVERIFY(test::waitFor(
            [&] {
                return view_->model()
                           ->status(view_->model()->rowOf(QStringLiteral("cli:engine")))
                           .state == core::HostStatus::State::Up;
            },
            std::chrono::seconds(30)));
        QVERIFY(!label(view_.get(), "hostsSameEngine")->isVisible());
    }
};

QTEST_MAIN(TestHostsView)
#include "tst_hostsview.moc"
