// ProvisionFixture: a Provisioner on the private engine, the 3-level, 5-service template the
// provision tests share (web, api, db, queue, worker on the test images, health checks every
// second), and what the tests read back from the engine by label.
#pragma once

#include "core/environments/composelabels.h"
#include "core/environments/provisioner.h"
#include "tests/support/testenv.h"

#include <QUuid>
#include <QtTest>

using namespace slipway;
using namespace slipway::core::env;

struct OpAnswer {
    bool done = false;
    EnvironmentOutcome outcome;
    QList<ServiceProgress> progress;
};

class ProvisionFixture : public QObject {
protected:
    std::shared_ptr<engine::DockerClient> client_;
    QList<EnvironmentIdentity> made_; // swept at the end, whatever a test left

    bool setUp() {
        if (test::dockerHost().isEmpty() || test::registry().isEmpty())
            return false;
        client_ = std::shared_ptr<engine::DockerClient>(test::makeClient().release());
        return true;
    }

    void tearDown() {
        for (const EnvironmentIdentity &id : made_)
            run([&](Provisioner &p) { return p.sweep(id); });
        made_.clear();
    }

    QString image(const char *nameTag) const {
        return test::registry() + QStringLiteral("/slipway/") + QLatin1String(nameTag);
    }

    static QString projectName(const char *prefix) {
        return QString::fromStdString(test::uniqueName(prefix));
    }

    EnvironmentIdentity identity(const QString &storeId = QStringLiteral("provision-store-1")) {
        EnvironmentIdentity id;
        id.environmentId = QUuid::createUuid().toString(QUuid::WithoutBraces);
        id.storeId = storeId;
        id.templateName = QStringLiteral("provision-shop");
        id.templateVersion = QStringLiteral("3");
        id.kind = QStringLiteral("test");
        id.owner = QStringLiteral("provision@test");
        made_.append(id);
        return id;
    }

    static ServiceSpec service(const QString &name, const QString &image) {
        ServiceSpec s;
        s.name = name;
        s.image = image;
        s.networks = {ServiceNetwork{QStringLiteral("default"), {}}};
        return s;
    }

    static HealthSpec webHealth() {
        HealthSpec h;
        h.test = {QStringLiteral("CMD-SHELL"),
                  QStringLiteral("wget -q -O /dev/null http://127.0.0.1:8080/health")};
        h.intervalMs = 1000;
        // A probe that answers fails fast (web:2.0.0 has no /health); the generous timeout only
        // keeps a loaded CI machine's slow wget from turning a healthy service unhealthy.
        h.timeoutMs = 5000;
        h.retries = 2;
        return h;
    }

    // db and queue; api after db (healthy) and queue (started); web and worker after api
    // (healthy). db keeps its data volume on recycle; api joins a second network.
    // `apiImage`: the third service's image (web:2.0.0 is never healthy).
    ComposeProject shop(const QString &name, const char *apiImage = "web:1.0.0") const {
        ComposeProject p;
        p.name = name;
        NetworkSpec def;
        def.key = QStringLiteral("default");
        def.name = name + QStringLiteral("_default");
        NetworkSpec back;
        back.key = QStringLiteral("back");
        back.name = name + QStringLiteral("_back");
        back.internal = true;
        p.networks = {back, def};
        VolumeSpec data;
        data.key = QStringLiteral("data");
        data.name = name + QStringLiteral("_data");
        data.keep = true;
        VolumeSpec cache;
        cache.key = QStringLiteral("cache");
        cache.name = name + QStringLiteral("_cache");
        p.volumes = {cache, data};
        p.slipway.keepVolumes = {QStringLiteral("data")};

        ServiceSpec db = service(QStringLiteral("db"), image("web:1.0.0"));
        db.healthcheck = webHealth();
        db.networks = {ServiceNetwork{QStringLiteral("back"), {QStringLiteral("database")}}};
        db.volumes = {MountSpec{
            MountSpec::Type::Volume, QStringLiteral("data"), QStringLiteral("/data"), false, {}}};
        db.environment = {{QStringLiteral("ROLE"), QStringLiteral("db")}};

        ServiceSpec queue = service(QStringLiteral("queue"), image("worker:1.0.0"));
        queue.volumes = {
            MountSpec{MountSpec::Type::Volume, QString(), QStringLiteral("/spool"), false, {}}};

        ServiceSpec api = service(QStringLiteral("api"), image(apiImage));
        api.healthcheck = webHealth();
        api.networks = {ServiceNetwork{QStringLiteral("default"), {}},
                        ServiceNetwork{QStringLiteral("back"), {}}};
        api.dependsOn = {Dependency{QStringLiteral("db"), Dependency::Condition::Healthy},
                         Dependency{QStringLiteral("queue"), Dependency::Condition::Started}};
        api.volumes = {
            MountSpec{MountSpec::Type::Volume,
                      QStringLiteral("cache"),
                      QStringLiteral("/cache"),
                      false,
                      {}},
            MountSpec{MountSpec::Type::Tmpfs, QString(), QStringLiteral("/run/api"), false, {}}};
        api.workingDir = QStringLiteral("/tmp");

        ServiceSpec web = service(QStringLiteral("web"), image("web:1.0.0"));
        web.ports = {PortSpec{QString(), QString(), 8080, QStringLiteral("tcp")}};
        web.dependsOn = {Dependency{QStringLiteral("api"), Dependency::Condition::Healthy}};
        web.healthcheck = webHealth();

        ServiceSpec worker = service(QStringLiteral("worker"), image("worker:1.0.0"));
        worker.dependsOn = {Dependency{QStringLiteral("api"), Dependency::Condition::Healthy}};
        worker.replicas = 2;
        worker.stopGraceSeconds = 2;

        p.services = {api, db, queue, web, worker};
        return p;
    }

    // Starts one operation on a fresh Provisioner and processes events until it answers.
    OpAnswer run(const std::function<bool(Provisioner &)> &start,
                 const std::function<void(const ServiceProgress &)> &onService = {},
                 std::chrono::milliseconds timeout = std::chrono::seconds(180)) {
        OpAnswer a;
        Provisioner p(client_);
        connect(&p, &Provisioner::serviceChanged, this, [&](const ServiceProgress &sp) {
            a.progress.append(sp);
            if (onService)
                onService(sp);
        });
        connect(&p, &Provisioner::finished, this, [&](const EnvironmentOutcome &o) {
            a.done = true;
            a.outcome = o;
        });
        if (!start(p))
            return a;
        test::waitFor([&] { return a.done; }, timeout);
        return a;
    }

    engine::Filters byLabel(const char *key, const QString &value) const {
        return {{"label", {std::string(key) + "=" + value.toStdString()}}};
    }

    // Names of containers, networks and volumes carrying label key=value.
    QStringList objects(const char *key, const QString &value) {
        QStringList out;
        const auto f = byLabel(key, value);
        if (auto c = client_->containers(true, f).wait())
            for (const auto &x : c.value())
                out.append(QStringLiteral("container ") + QString::fromStdString(x.name()));
        else
            out.append(QStringLiteral("containers: ") +
                       QString::fromStdString(c.error().describe()));
        if (auto n = client_->networks(f).wait())
            for (const auto &x : n.value())
                out.append(QStringLiteral("network ") + QString::fromStdString(x.name));
        else
            out.append(QStringLiteral("networks: ") + QString::fromStdString(n.error().describe()));
        if (auto v = client_->volumes(f).wait())
            for (const auto &x : v.value())
                out.append(QStringLiteral("volume ") + QString::fromStdString(x.name));
        else
            out.append(QStringLiteral("volumes: ") + QString::fromStdString(v.error().describe()));
        out.sort();
        return out;
    }

    QStringList ofEnvironment(const EnvironmentIdentity &id) {
        return objects(ComposeLabels::kEnvironment, id.environmentId);
    }
};
