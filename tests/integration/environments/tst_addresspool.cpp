// The private engine's address pool holds the networks of at least 60 environments (one
// default network each), with room left for the other tests that run at the same time.
#include "tests/support/testenv.h"

#include <QtTest>

using namespace slipway;

class TestAddressPool : public QObject {
    Q_OBJECT

    std::unique_ptr<engine::DockerClient> client_;
    std::vector<std::string> created_;

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        client_ = test::makeClient();
    }

    void cleanupTestCase() {
        for (const auto &id : created_)
            (void)client_->removeNetwork(id).wait(); // best effort: the test has its answer
    }

    void sixtyEnvironmentsGetTheirNetworks() {
        const std::string prefix = test::uniqueName("pool");
        for (int i = 0; i < 60; ++i) {
            auto r = client_
                         ->createNetwork(prefix + "-" + std::to_string(i) + "_default",
                                         {{"slipway.test", prefix}})
                         .wait();
            if (!r.ok())
                QFAIL(qPrintable(QStringLiteral("network %1 of 60: %2")
                                     .arg(i + 1)
                                     .arg(QString::fromStdString(r.error().describe()))));
            created_.push_back(r.value());
        }
        QCOMPARE(int(created_.size()), 60);
    }
};

QTEST_GUILESS_MAIN(TestAddressPool)
#include "tst_addresspool.moc"
