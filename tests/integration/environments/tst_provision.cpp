// Provision and recycle on the private engine: the 3-level, 5-service template comes up with
// Compose's names and labels in dependency order; a third service that never gets healthy
// leaves nothing behind; a fixed host port another container holds is refused before anything
// is created; a recycle removes only its own environment's objects and keeps what the template
// keeps.
#include "engine/dockerclient.h"
#include "tests/integration/environments/provisionfixture.h"

namespace {

qsizetype indexOf(const QList<ServiceProgress> &list, const QString &service, ServiceState state) {
    for (qsizetype i = 0; i < list.size(); ++i)
        if (list[i].service == service && list[i].state == state)
            return i;
    return -1;
}

std::string label(const engine::ContainerInspect &c, const char *key) {
    auto it = c.labels.find(key);
    return it == c.labels.end() ? std::string() : it->second;
}

} // namespace

class TestProvision : public ProvisionFixture {
    Q_OBJECT

    std::vector<std::string> extraContainers_, extraNetworks_, extraVolumes_;

private slots:
    void initTestCase() {
        if (!setUp())
            QFAIL(test::missingServicesMessage().constData());
    }

    void cleanupTestCase() {
        for (const auto &c : extraContainers_)
            (void)client_->removeContainer(c, true, true).wait();
        for (const auto &n : extraNetworks_)
            (void)client_->removeNetwork(n).wait();
        for (const auto &v : extraVolumes_)
            (void)client_->removeVolume(v, true).wait();
        tearDown();
    }

    void provisionAndRecycle() {
        const QString name = projectName("provision-shop");
        const EnvironmentIdentity id = identity();
        const ComposeProject project = shop(name);
        OpAnswer up = run([&](Provisioner &p) { return p.provision(project, id); });
        QVERIFY2(up.done, "the provision never answered");
        QVERIFY2(up.outcome.ok, qPrintable(up.outcome.error));

        const QStringList expected = {name + "_api_1", name + "_db_1",     name + "_queue_1",
                                      name + "_web_1", name + "_worker_1", name + "_worker_2"};
        QStringList created = up.outcome.containers;
        created.sort();
        QCOMPARE(created, expected);
        for (const QString &service : {"api", "db", "queue", "web", "worker"})
            QVERIFY2(indexOf(up.progress, service, ServiceState::Ready) >= 0, qPrintable(service));
        // Dependency order: api is created only after db was waited for and queue started.
        const qsizetype apiCreating = indexOf(up.progress, "api", ServiceState::Creating);
        QVERIFY(apiCreating > indexOf(up.progress, "db", ServiceState::WaitingForHealth));
        QVERIFY(apiCreating > indexOf(up.progress, "queue", ServiceState::Starting));
        QVERIFY(indexOf(up.progress, "web", ServiceState::Creating) >
                indexOf(up.progress, "api", ServiceState::WaitingForHealth));

        auto api = client_->inspectContainer((name + "_api_1").toStdString()).wait();
        QVERIFY2(api, test::describe(api).constData());
        QVERIFY(api.value().state.running);
        // Ready once its health test passed (run by the provisioner at once); the engine's own
        // first probe, one interval after the start, says healthy too.
        QVERIFY(api.value().state.health && api.value().state.health->status != "unhealthy");
        QVERIFY(QTest::qWaitFor(
            [&] {
                auto now = client_->inspectContainer((name + "_api_1").toStdString()).wait();
                return now && now.value().state.health &&
                       now.value().state.health->status == "healthy";
            },
            30000));
        QCOMPARE(label(api.value(), ComposeLabels::kProject), name.toStdString());
        QCOMPARE(label(api.value(), ComposeLabels::kService), std::string("api"));
        QCOMPARE(label(api.value(), ComposeLabels::kNumber), std::string("1"));
        QCOMPARE(label(api.value(), ComposeLabels::kOneOff), std::string("False"));
        QCOMPARE(label(api.value(), ComposeLabels::kConfigHash).size(), std::size_t(64));
        QCOMPARE(label(api.value(), ComposeLabels::kEnvironment), id.environmentId.toStdString());
        QCOMPARE(label(api.value(), ComposeLabels::kStore), id.storeId.toStdString());
        QCOMPARE(label(api.value(), ComposeLabels::kTemplate), std::string("provision-shop"));
        QCOMPARE(label(api.value(), ComposeLabels::kKind), std::string("test"));
        QCOMPARE(api.value().workingDir, std::string("/tmp"));
        // Both networks, the service's name an alias on each.
        QCOMPARE(api.value().networks.size(), std::size_t(2));
        for (const auto &[net, e] : api.value().networks) {
            QVERIFY2(net == (name + "_default").toStdString() ||
                         net == (name + "_back").toStdString(),
                     net.c_str());
            QVERIFY2(std::find(e.aliases.begin(), e.aliases.end(), "api") != e.aliases.end(),
                     net.c_str());
        }
        auto web = client_->inspectContainer((name + "_web_1").toStdString()).wait();
        QVERIFY(web);
        const auto &bound = web.value().ports["8080/tcp"];
        QVERIFY(!bound.empty());
        QCOMPARE(bound.front().hostIp, std::string("127.0.0.1"));
        auto queue = client_->inspectContainer((name + "_queue_1").toStdString()).wait();
        QVERIFY(queue);
        std::string anonymous;
        for (const auto &m : queue.value().mounts)
            if (m.destination == "/spool")
                anonymous = m.name;
        QVERIFY(!anonymous.empty());

        QStringList all = ofEnvironment(id);
        QVERIFY2(all.contains("network " + name + "_back"), qPrintable(all.join(", ")));
        QVERIFY2(all.contains("volume " + name + "_data"), qPrintable(all.join(", ")));
        QVERIFY2(all.contains("volume " + name + "_cache"), qPrintable(all.join(", ")));

        OpAnswer down = run([&](Provisioner &p) { return p.recycle(id); });
        QVERIFY2(down.done && down.outcome.ok, qPrintable(down.outcome.error));
        QCOMPARE(down.outcome.keptVolumes, QStringList{name + "_data"});
        // Only the kept volume is left, and the anonymous one went with its container.
        QCOMPARE(ofEnvironment(id), QStringList{"volume " + name + "_data"});
        auto spool = client_->volumes({{"name", {anonymous}}}).wait();
        QVERIFY(spool);
        for (const auto &v : spool.value())
            QVERIFY2(v.name != anonymous, "the anonymous volume outlived its container");

        OpAnswer swept = run([&](Provisioner &p) { return p.sweep(id); });
        QVERIFY2(swept.done && swept.outcome.ok, qPrintable(swept.outcome.error));
        QCOMPARE(ofEnvironment(id), QStringList());
    }

    void failingThirdServiceLeavesNothing() {
        const QString name = projectName("provision-sick");
        const EnvironmentIdentity id = identity();
        OpAnswer up = run([&](Provisioner &p) { return p.provision(shop(name, "web:2.0.0"), id); });
        QVERIFY2(up.done, "the provision never answered");
        QVERIFY(!up.outcome.ok);
        QVERIFY2(up.outcome.error.contains("service api") && up.outcome.error.contains("unhealthy"),
                 qPrintable(up.outcome.error));
        QVERIFY(indexOf(up.progress, "api", ServiceState::Failed) >= 0);
        // web and worker never got created: they waited for api.
        QCOMPARE(indexOf(up.progress, "web", ServiceState::Creating), qsizetype(-1));
        QCOMPARE(ofEnvironment(id), QStringList());
        QCOMPARE(objects(ComposeLabels::kProject, name), QStringList());
    }

    void cancelRemovesWhatWasCreated() {
        const QString name = projectName("provision-cancel");
        const EnvironmentIdentity id = identity();
        Provisioner *running = nullptr;
        bool cancelled = false;
        OpAnswer up = run(
            [&](Provisioner &p) {
                running = &p;
                return p.provision(shop(name), id);
            },
            [&](const ServiceProgress &sp) {
                if (!cancelled && sp.service == QLatin1String("db") &&
                    sp.state == ServiceState::WaitingForHealth) {
                    cancelled = true;
                    running->cancel();
                }
            });
        QVERIFY(cancelled);
        QVERIFY2(up.done, "the provision never answered");
        QVERIFY(!up.outcome.ok);
        QVERIFY2(up.outcome.error.contains("Cancelled by the user"), qPrintable(up.outcome.error));
        QCOMPARE(ofEnvironment(id), QStringList());
        QCOMPARE(objects(ComposeLabels::kProject, name), QStringList());
    }

    void portClashRefusedBeforeCreate() {
        // A container outside any environment publishes a port the engine picks.
        engine::ContainerCreate holder;
        holder.name = test::uniqueName("provision-holder");
        holder.image = image("web:1.0.0").toStdString();
        holder.portBindings["8080/tcp"] = {{"127.0.0.1", ""}};
        auto made = client_->createContainer(holder).wait();
        QVERIFY2(made, test::describe(made).constData());
        extraContainers_.push_back(made.value());
        auto started = client_->startContainer(made.value()).wait();
        QVERIFY2(started, test::describe(started).constData());
        auto held = client_->inspectContainer(made.value()).wait();
        QVERIFY(held && !held.value().ports["8080/tcp"].empty());
        const int port = std::stoi(held.value().ports["8080/tcp"].front().hostPort);

        const QString name = projectName("provision-clash");
        const EnvironmentIdentity id = identity();
        ComposeProject project = shop(name);
        for (ServiceSpec &s : project.services)
            if (s.name == "web")
                s.ports = {PortSpec{QString(), QString::number(port), 8080, "tcp"}};
        OpAnswer up = run([&](Provisioner &p) { return p.provision(project, id); });
        QVERIFY2(up.done, "the provision never answered");
        QVERIFY(!up.outcome.ok);
        QVERIFY2(up.outcome.error.contains(QString::number(port)) &&
                     up.outcome.error.contains(QString::fromStdString(holder.name)),
                 qPrintable(up.outcome.error));
        for (const ServiceProgress &sp : up.progress)
            QVERIFY2(sp.state == ServiceState::Waiting, qPrintable(sp.service));
        QCOMPARE(ofEnvironment(id), QStringList());
        QCOMPARE(objects(ComposeLabels::kProject, name), QStringList());
    }

    void recycleLeavesOthersAlone() {
        const auto small = [&](const QString &name) {
            ComposeProject p;
            p.name = name;
            NetworkSpec def;
            def.key = "default";
            def.name = name + "_default";
            p.networks = {def};
            VolumeSpec data;
            data.key = "data";
            data.name = name + "_data";
            p.volumes = {data};
            ServiceSpec s = service("worker", image("worker:1.0.0"));
            s.volumes = {MountSpec{MountSpec::Type::Volume, "data", "/data", false, {}}};
            s.stopGraceSeconds = 1;
            p.services = {s};
            return p;
        };
        const QString nameA = projectName("provision-mine");
        const QString nameB = projectName("provision-other");
        const EnvironmentIdentity a = identity();
        const EnvironmentIdentity b = identity();
        OpAnswer upA = run([&](Provisioner &p) { return p.provision(small(nameA), a); });
        QVERIFY2(upA.outcome.ok, qPrintable(upA.outcome.error));
        OpAnswer upB = run([&](Provisioner &p) { return p.provision(small(nameB), b); });
        QVERIFY2(upB.outcome.ok, qPrintable(upB.outcome.error));

        // Another store's objects that name the same environment UUID and project.
        const std::map<std::string, std::string> foreign = {
            {ComposeLabels::kEnvironment, a.environmentId.toStdString()},
            {ComposeLabels::kStore, "provision-store-other"},
            {ComposeLabels::kProject, nameA.toStdString()}};
        const std::string foreignName = test::uniqueName("provision-foreign");
        engine::NetworkCreate net;
        net.name = foreignName;
        net.labels = foreign;
        auto n = client_->createNetwork(net).wait();
        QVERIFY2(n, test::describe(n).constData());
        extraNetworks_.push_back(foreignName);
        engine::VolumeCreate vol;
        vol.name = foreignName;
        vol.labels = foreign;
        QVERIFY(client_->createVolume(vol).wait());
        extraVolumes_.push_back(foreignName);
        engine::ContainerCreate c;
        c.name = foreignName;
        c.image = image("worker:1.0.0").toStdString();
        c.labels = foreign;
        auto made = client_->createContainer(c).wait();
        QVERIFY2(made, test::describe(made).constData());
        extraContainers_.push_back(made.value());

        const QStringList before = ofEnvironment(b);
        QVERIFY(!before.isEmpty());
        OpAnswer down = run([&](Provisioner &p) { return p.recycle(a); });
        QVERIFY2(down.done && down.outcome.ok, qPrintable(down.outcome.error));
        QCOMPARE(down.outcome.containers, QStringList{nameA + "_worker_1"});
        QCOMPARE(ofEnvironment(b), before);
        const QString f = QString::fromStdString(foreignName);
        QCOMPARE(ofEnvironment(a), (QStringList{"container " + f, "network " + f, "volume " + f}));
    }
};

QTEST_GUILESS_MAIN(TestProvision)
#include "tst_provision.moc"
