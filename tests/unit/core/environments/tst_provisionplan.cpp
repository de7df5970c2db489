// What a provision plans before it calls any engine: the waves of a project, Compose's names
// and labels, the container each replica becomes, and the checks that refuse a bad project.
#include "core/environments/composelabels.h"
#include "core/environments/provisioncheck.h"
#include "core/environments/servicecontainer.h"

#include <QtTest>

using namespace slipway;
using namespace slipway::core::env;

namespace {

ServiceSpec svc(const QString &name, QList<Dependency> deps = {}) {
    ServiceSpec s;
    s.name = name;
    s.image = QStringLiteral("127.0.0.1:5515/slipway/web:1.0.0");
    s.dependsOn = std::move(deps);
    return s;
}

Dependency on(const QString &name) {
    return Dependency{name, Dependency::Condition::Started};
}

EnvironmentIdentity ident() {
    return {QStringLiteral("e-1"), QStringLiteral("s-1"),  QStringLiteral("shop"),
            QStringLiteral("2"),   QStringLiteral("test"), QStringLiteral("ann@box")};
}

ComposeProject project(QList<ServiceSpec> services) {
    ComposeProject p;
    p.name = QStringLiteral("shop");
    p.services = std::move(services);
    NetworkSpec def;
    def.key = QStringLiteral("default");
    def.name = QStringLiteral("shop_default");
    NetworkSpec back;
    back.key = QStringLiteral("back");
    back.name = QStringLiteral("shop_back");
    p.networks = {back, def};
    VolumeSpec data;
    data.key = QStringLiteral("data");
    data.name = QStringLiteral("shop_data");
    p.volumes = {data};
    return p;
}

bool mentions(const QStringList &problems, const QString &text) {
    for (const QString &p : problems)
        if (p.contains(text))
            return true;
    return false;
}

} // namespace

class TestProvisionPlan : public QObject {
    Q_OBJECT

private slots:
    void wavesFollowDependencies() {
        const ComposeProject p = project({svc("web", {on("api")}), svc("api", {on("db"), on("mq")}),
                                          svc("db"), svc("mq"), svc("worker", {on("api")})});
        const QList<QStringList> waves = p.waves();
        QCOMPARE(waves.size(), 3);
        QCOMPARE(waves[0], (QStringList{"db", "mq"}));
        QCOMPARE(waves[1], QStringList{"api"});
        QCOMPARE(waves[2], (QStringList{"web", "worker"}));
        QVERIFY(p.service("api"));
        QVERIFY(!p.service("nope"));
    }

    void cycleHasNoWaves() {
        const ComposeProject p =
            project({svc("a", {on("c")}), svc("b", {on("a")}), svc("c", {on("b")}), svc("d")});
        QVERIFY(p.waves().isEmpty());
        QVERIFY(mentions(ProvisionCheck::offline(p, ident()), "cycle"));
    }

    void labelsAreComposesAndSlipways() {
        ComposeProject p = project({svc("api")});
        p.services[0].labels = {{"team", "blue"}, {"com.docker.compose.project", "forged"}};
        const auto labels = ComposeLabels::containerLabels(p, p.services[0], 2, ident());
        QCOMPARE(labels.value("com.docker.compose.project"), QString("shop"));
        QCOMPARE(labels.value("com.docker.compose.service"), QString("api"));
        QCOMPARE(labels.value("com.docker.compose.container-number"), QString("2"));
        QCOMPARE(labels.value("com.docker.compose.oneoff"), QString("False"));
        QCOMPARE(labels.value("com.docker.compose.version"), QString("1.29.2"));
        QCOMPARE(labels.value("slipway.environment"), QString("e-1"));
        QCOMPARE(labels.value("slipway.store"), QString("s-1"));
        QCOMPARE(labels.value("slipway.template"), QString("shop"));
        QCOMPARE(labels.value("slipway.kind"), QString("test"));
        QCOMPARE(labels.value("team"), QString("blue"));
        QCOMPARE(ComposeLabels::containerName("shop", "api", 2), QString("shop_api_2"));

        // The same service hashes the same; any change changes the hash.
        const QString hash = labels.value("com.docker.compose.config-hash");
        QCOMPARE(hash.size(), 64);
        QCOMPARE(ComposeLabels::configHash(p.services[0]), hash);
        ServiceSpec changed = p.services[0];
        changed.environment.insert("X", "1");
        QVERIFY(ComposeLabels::configHash(changed) != hash);

        VolumeSpec kept = p.volumes[0];
        QVERIFY(!ComposeLabels::volumeLabels(p, kept, ident()).contains("slipway.keep"));
        kept.keep = true;
        QCOMPARE(ComposeLabels::volumeLabels(p, kept, ident()).value("slipway.keep"),
                 QString("true"));
        QCOMPARE(ComposeLabels::networkLabels(p, p.networks[0], ident())
                     .value("com.docker.compose.network"),
                 QString("back"));

        std::map<std::string, std::string> engineLabels = {{"slipway.environment", "e-1"},
                                                           {"slipway.store", "s-1"}};
        QVERIFY(ComposeLabels::owned(engineLabels, ident()));
        engineLabels["slipway.store"] = "s-2";
        QVERIFY(!ComposeLabels::owned(engineLabels, ident()));
    }

    void replicaBecomesAContainer() {
        ServiceSpec s = svc("api");
        s.ports = {PortSpec{QString(), "8080", 80, "tcp"}, PortSpec{"0.0.0.0", "", 81, "udp"}};
        s.volumes = {MountSpec{MountSpec::Type::Volume, "data", "/data", true, {}},
                     MountSpec{MountSpec::Type::Volume, QString(), "/anon", false, {}},
                     MountSpec{MountSpec::Type::Bind, "/srv/conf", "/conf", true, {}}};
        s.networks = {ServiceNetwork{"default", {}}, ServiceNetwork{"back", {"backend"}}};
        s.restart = "on-failure:4";
        s.cpus = 0.5;
        s.stopGraceSeconds = 3;
        s.healthcheck = HealthSpec{{"CMD", "true"}, 1000, 500, 200, 3};
        s.environment = {{"A", "1"}};
        const ComposeProject p = project({s});
        const ServiceContainer c = ServiceContainers::make(p, p.services[0], 1, ident());
        QCOMPARE(c.create.name, std::string("shop_api_1"));
        // A host port with no IP is published on 127.0.0.1 only.
        QCOMPARE(c.create.portBindings.at("80/tcp").front().hostIp, std::string("127.0.0.1"));
        QCOMPARE(c.create.portBindings.at("80/tcp").front().hostPort, std::string("8080"));
        QCOMPARE(c.create.portBindings.at("81/udp").front().hostIp, std::string("0.0.0.0"));
        QCOMPARE(c.create.mounts.size(), std::size_t(3));
        QCOMPARE(c.create.mounts[0].source, std::string("shop_data"));
        QVERIFY(c.create.mounts[0].readOnly);
        QVERIFY(c.create.mounts[1].source.empty());
        QCOMPARE(c.create.mounts[2].type, std::string("bind"));
        QCOMPARE(c.create.networkMode, std::string("shop_default"));
        QCOMPARE(c.create.endpoints.at("shop_default").aliases, std::vector<std::string>{"api"});
        QCOMPARE(c.connect.size(), std::size_t(1));
        QCOMPARE(c.connect[0].first, std::string("shop_back"));
        QCOMPARE(c.connect[0].second.aliases, (std::vector<std::string>{"api", "backend"}));
        QCOMPARE(c.create.restartPolicy.name, std::string("on-failure"));
        QCOMPARE(c.create.restartPolicy.maximumRetryCount, 4);
        QCOMPARE(c.create.nanoCpus, std::int64_t(500000000));
        QCOMPARE(*c.create.stopTimeout, 3);
        QCOMPARE(c.create.healthcheck->intervalNs, std::int64_t(1000000000));
        QCOMPARE(c.create.env, std::vector<std::string>{"A=1"});
        QCOMPARE(c.create.labels.at("com.docker.compose.service"), std::string("api"));
    }

    void badProjectsAreRefusedOffline() {
        QVERIFY(ProvisionCheck::offline(project({svc("a")}), ident()).isEmpty());

        ComposeProject p = project({svc("a", {on("ghost")})});
        QVERIFY(mentions(ProvisionCheck::offline(p, ident()), "ghost"));

        p = project({svc("a")});
        p.name = "Bad Name";
        QVERIFY(mentions(ProvisionCheck::offline(p, ident()), "Bad Name"));

        p = project({svc("a")});
        p.services[0].restart = "sometimes";
        QVERIFY(mentions(ProvisionCheck::offline(p, ident()), "sometimes"));

        p = project({svc("a"), svc("b")});
        p.services[0].ports = {PortSpec{QString(), "9000", 80, "tcp"}};
        p.services[1].ports = {PortSpec{"127.0.0.1", "9000", 81, "tcp"}};
        QVERIFY(mentions(ProvisionCheck::offline(p, ident()), "both publish host port 9000"));
        p.services[1].ports = {PortSpec{QString(), "9000", 81, "udp"}};
        QVERIFY(ProvisionCheck::offline(p, ident()).isEmpty());

        p = project({svc("a")});
        p.services[0].replicas = 2;
        p.services[0].ports = {PortSpec{QString(), "9000", 80, "tcp"}};
        QVERIFY(mentions(ProvisionCheck::offline(p, ident()), "2 replicas"));

        p = project({svc("a")});
        p.services[0].networks = {ServiceNetwork{"nowhere", {}}};
        QVERIFY(mentions(ProvisionCheck::offline(p, ident()), "nowhere"));

        EnvironmentIdentity noId = ident();
        noId.environmentId.clear();
        QVERIFY(!ProvisionCheck::offline(project({svc("a")}), noId).isEmpty());

        int first = 0, last = 0;
        QVERIFY(ProvisionCheck::portRange("8080-8082", &first, &last));
        QCOMPARE(first, 8080);
        QCOMPARE(last, 8082);
        QVERIFY(!ProvisionCheck::portRange("", &first, &last));
        QVERIFY(!ProvisionCheck::portRange("90000", &first, &last));
        QVERIFY(!ProvisionCheck::portRange("9-1", &first, &last));
    }
};

QTEST_GUILESS_MAIN(TestProvisionPlan)
#include "tst_provisionplan.moc"
