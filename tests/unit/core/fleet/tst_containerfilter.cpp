// ContainerFilter: the one selection the Containers view and `slipctl ps` share.
#include "core/fleet/containerfilter.h"

#include <QTest>

using slipway::core::ContainerFilter;
using slipway::core::ContainerRecord;

namespace {

ContainerRecord record(const QString &name, const QString &state, const QString &app,
                       const QString &env, slipway::core::LabelList labels = {}) {
    ContainerRecord r;
    r.hostId = QStringLiteral("h1");
    r.id = QStringLiteral("abcdef0123456789");
    r.name = name;
    r.image = QStringLiteral("registry.local/web:1.4");
    r.state = state;
    r.app = app;
    r.env = env;
    r.labels = std::move(labels);
    return r;
}

} // namespace

class TstContainerFilter : public QObject {
    Q_OBJECT

private slots:
    void emptyPassesEverything() {
        const ContainerFilter f;
        QVERIFY(f.matches(record("a", "exited", "", "")));
    }

    void listsAreAnyOf() {
        ContainerFilter f;
        QVERIFY(f.setApplications({"web", "api"}));
        QVERIFY(!f.setApplications({"api", "web"})); // the same set: no change to announce
        QVERIFY(f.matches(record("a", "running", "api", "prod")));
        QVERIFY(!f.matches(record("a", "running", "db", "prod")));
        f.setStates({"exited"});
        QVERIFY(!f.matches(record("a", "running", "api", "prod")));
        QVERIFY(f.matches(record("a", "exited", "web", "prod")));
        f.setEnvironments({"staging"});
        QVERIFY(!f.matches(record("a", "exited", "web", "prod")));
        f.setHostIds({"h2"});
        QVERIFY(!f.matches(record("a", "exited", "web", "staging")));
        f.clear();
        QVERIFY(f.matches(record("a", "exited", "db", "dev")));
    }

    void labelsAreAllOf() {
        ContainerFilter f;
        f.setLabelFilters({"tier=front", " owner "});
        const ContainerRecord both =
            record("a", "running", "", "", {{"owner", "ops"}, {"tier", "front"}});
        const ContainerRecord wrongValue =
            record("a", "running", "", "", {{"owner", "ops"}, {"tier", "back"}});
        const ContainerRecord missing = record("a", "running", "", "", {{"tier", "front"}});
        QVERIFY(f.matches(both));
        QVERIFY(!f.matches(wrongValue));
        QVERIFY(!f.matches(missing));
        QCOMPARE(f.labelFilters(), QStringList({"tier=front", "owner"}));
    }

    void textMatchesEveryWordSomewhere() {
        ContainerFilter f;
        f.setText(QStringLiteral("WEB  abcd"));
        QVERIFY(f.matches(record("shop-web-1", "running", "", "")));
        f.setText(QStringLiteral("tier=fro"));
        QVERIFY(f.matches(record("a", "running", "", "", {{"tier", "front"}})));
        QVERIFY(!f.matches(record("a", "running", "", "", {{"tier", "back"}})));
        f.setText(QStringLiteral("rack7"));
        QVERIFY(!f.matches(record("a", "running", "", "")));
        const auto hostName = [](const QString &) {
            return QStringLiteral("rack7-node");
        };
        QVERIFY(f.matches(record("a", "running", "", ""), hostName));
    }
};

QTEST_APPLESS_MAIN(TstContainerFilter)
#include "tst_containerfilter.moc"
