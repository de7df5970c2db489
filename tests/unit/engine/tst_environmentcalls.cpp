// The engine calls an environment's provisioning needs, against the scripted FakeEngine: what
// each sends (volumes, networks with options, a connect, a container with mounts, networks and
// the rest of its settings) and how answers are read.
#include "engine/dockerclient.h"
#include "engine/parse.h"
#include "tests/support/fakeengine.h"

#include <QtTest>
#include <nlohmann/json.hpp>

using namespace slipway;
using namespace slipway::engine;
using test::FakeEngine;
using json = nlohmann::json;

namespace {

FakeEngine::Reply pingReply() {
    auto r = FakeEngine::respond(200, "OK", "text/plain");
    r.headers.emplace_back("Api-Version", "1.41");
    return r;
}

template <class T> Result<T> finish(Call<T> call) {
    auto r = test::waitFor(std::move(call), std::chrono::seconds(10));
    if (!r)
        return makeError(ErrorKind::Timeout, "the test gave up waiting: the call hung");
    return *r;
}

// The body of the last request to `path`.
json lastBody(const FakeEngine &fake, const std::string &path) {
    const auto all = fake.received();
    for (auto it = all.rbegin(); it != all.rend(); ++it)
        if (it->target.rfind(path, 0) == 0)
            return json::parse(it->body, nullptr, false);
    return json();
}

std::string lastTarget(const FakeEngine &fake, const std::string &path) {
    const auto all = fake.received();
    for (auto it = all.rbegin(); it != all.rend(); ++it)
        if (it->target.rfind(path, 0) == 0)
            return it->target;
    return {};
}

} // namespace

class TestEnvironmentCalls : public QObject {
    Q_OBJECT

    std::unique_ptr<FakeEngine> fake_;
    std::unique_ptr<DockerClient> client_;

private slots:
    void init() {
        fake_ = std::make_unique<FakeEngine>();
        QVERIFY2(fake_->listening(), fake_->errorString().c_str());
        fake_->on("/_ping", pingReply());
        client_ = std::make_unique<DockerClient>(Endpoint::parse(fake_->url()).value());
    }

    void cleanup() {
        client_.reset();
        fake_.reset();
    }

    void volumesListed() {
        fake_->on("/v1.41/volumes",
                  FakeEngine::json(200, R"({"Volumes":[{"Name":"p_data","Driver":"local",
                      "Mountpoint":"/x","Scope":"local","Labels":{"a":"b"}},
                      {"Name":"anon","Driver":"local","Labels":null}],"Warnings":null})"));
        auto r = finish(client_->volumes({{"label", {"a=b"}}}));
        QVERIFY2(r, r.ok() ? "" : r.error().describe().c_str());
        QCOMPARE(r.value().size(), std::size_t(2));
        QCOMPARE(r.value()[0].name, std::string("p_data"));
        QCOMPARE(r.value()[0].labels.at("a"), std::string("b"));
        QVERIFY(r.value()[1].labels.empty());
        const auto target = lastTarget(*fake_, "/v1.41/volumes");
        QVERIFY2(target.find("filters=") != std::string::npos, target.c_str());
    }

    void volumeListRefusedWhenMalformed() {
        fake_->on("/v1.41/volumes", FakeEngine::json(200, R"({"Volumes":[{"Driver":"local"}]})"));
        auto r = finish(client_->volumes());
        QVERIFY(!r);
        QCOMPARE(r.error().kind, ErrorKind::Parse);
        QVERIFY(!parse::volumes(R"([1,2])"));
        QVERIFY(!parse::volumeName(R"({"Driver":"local"})"));
    }

    void volumeCreatedAndRemoved() {
        fake_->on("/v1.41/volumes/create", FakeEngine::json(201, R"({"Name":"p_data"})"));
        VolumeCreate spec;
        spec.name = "p_data";
        spec.driverOpts = {{"type", "tmpfs"}};
        spec.labels = {{"com.docker.compose.volume", "data"}};
        auto r = finish(client_->createVolume(spec));
        QVERIFY2(r, r.ok() ? "" : r.error().describe().c_str());
        QCOMPARE(r.value(), std::string("p_data"));
        const json body = lastBody(*fake_, "/v1.41/volumes/create");
        QCOMPARE(body["Name"], json("p_data"));
        QCOMPARE(body["Driver"], json("local"));
        QCOMPARE(body["DriverOpts"]["type"], json("tmpfs"));
        QCOMPARE(body["Labels"]["com.docker.compose.volume"], json("data"));

        fake_->on("/v1.41/volumes/p_data", FakeEngine::error(409, "volume is in use - [abc]"));
        auto removed = finish(client_->removeVolume("p_data", true));
        QVERIFY(!removed);
        QCOMPARE(removed.error().httpStatus, 409);
        QCOMPARE(removed.error().message, std::string("volume is in use - [abc]"));
        QCOMPARE(lastTarget(*fake_, "/v1.41/volumes/p_data"),
                 std::string("/v1.41/volumes/p_data?force=1"));
    }

    void networkCreatedWithOptions() {
        fake_->on("/v1.41/networks/create", FakeEngine::json(201, R"({"Id":"n1","Warning":""})"));
        NetworkCreate spec;
        spec.name = "p_back";
        spec.internal = true;
        spec.attachable = true;
        spec.options = {{"com.docker.network.bridge.enable_icc", "true"}};
        spec.labels = {{"com.docker.compose.network", "back"}};
        auto r = finish(client_->createNetwork(spec));
        QVERIFY2(r, r.ok() ? "" : r.error().describe().c_str());
        QCOMPARE(r.value(), std::string("n1"));
        json body = lastBody(*fake_, "/v1.41/networks/create");
        QCOMPARE(body["Driver"], json("bridge"));
        QCOMPARE(body["Internal"], json(true));
        QCOMPARE(body["Attachable"], json(true));
        QCOMPARE(body["Options"]["com.docker.network.bridge.enable_icc"], json("true"));
        QCOMPARE(body["Labels"]["com.docker.compose.network"], json("back"));

        // The older call still sends what it did.
        QVERIFY(finish(client_->createNetwork("plain", {{"a", "b"}})));
        body = lastBody(*fake_, "/v1.41/networks/create");
        QCOMPARE(body["Name"], json("plain"));
        QCOMPARE(body["Internal"], json(false));
        QVERIFY(!body.contains("Options"));
    }

    void networkConnectCarriesAliases() {
        fake_->on("/v1.41/networks/p%20x/connect", FakeEngine::respond(200, "", ""));
        auto r = finish(client_->connectNetwork("p x", "c1", EndpointConfig{{"db", "database"}}));
        QVERIFY2(r, r.ok() ? "" : r.error().describe().c_str());
        const json body = lastBody(*fake_, "/v1.41/networks/p%20x/connect");
        QCOMPARE(body["Container"], json("c1"));
        QCOMPARE(body["EndpointConfig"]["Aliases"], json({"db", "database"}));
    }

    void containerCreateCarriesEverySetting() {
        ContainerCreate spec;
        spec.name = "p_web_1";
        spec.image = "127.0.0.1:5515/slipway/web:1.0.0";
        spec.mounts = {{"bind", "/srv/conf", "/conf", true},
                       {"volume", "p_data", "/data", false},
                       {"volume", "", "/cache", false},
                       {"tmpfs", "", "/tmp", false}};
        spec.endpoints = {{"p_default", EndpointConfig{{"web"}}}};
        spec.networkMode = "p_default";
        spec.workingDir = "/srv";
        spec.user = "1000:1000";
        spec.hostname = "web";
        spec.restartPolicy = {"on-failure", 3};
        spec.stopTimeout = 4;
        spec.stopSignal = "SIGINT";
        spec.extraHosts = {"db.local:10.0.0.2"};
        spec.tty = true;
        spec.openStdin = true;
        spec.memoryLimit = 64 << 20;
        spec.nanoCpus = 500000000;
        const json body = json::parse(containerCreateBody(spec));
        const json &host = body["HostConfig"];
        QCOMPARE(host["Mounts"].size(), std::size_t(3));
        QCOMPARE(host["Mounts"][0]["Type"], json("bind"));
        QCOMPARE(host["Mounts"][0]["ReadOnly"], json(true));
        QCOMPARE(host["Mounts"][1]["Source"], json("p_data"));
        QCOMPARE(host["Mounts"][2]["Type"], json("tmpfs"));
        // The anonymous volume is one the container's removal takes with it.
        QVERIFY(body["Volumes"].contains("/cache"));
        QCOMPARE(body["NetworkingConfig"]["EndpointsConfig"]["p_default"]["Aliases"],
                 json({"web"}));
        QCOMPARE(host["NetworkMode"], json("p_default"));
        QCOMPARE(body["WorkingDir"], json("/srv"));
        QCOMPARE(body["User"], json("1000:1000"));
        QCOMPARE(body["Hostname"], json("web"));
        QCOMPARE(host["RestartPolicy"]["Name"], json("on-failure"));
        QCOMPARE(host["RestartPolicy"]["MaximumRetryCount"], json(3));
        QCOMPARE(body["StopTimeout"], json(4));
        QCOMPARE(body["StopSignal"], json("SIGINT"));
        QCOMPARE(host["ExtraHosts"], json({"db.local:10.0.0.2"}));
        QCOMPARE(body["Tty"], json(true));
        QCOMPARE(body["OpenStdin"], json(true));
        QCOMPARE(host["Memory"], json(64 << 20));
        QCOMPARE(host["NanoCpus"], json(500000000));

        // Unset settings are left to the engine and the image.
        const json bare = json::parse(containerCreateBody(ContainerCreate{}));
        for (const char *key : {"WorkingDir", "User", "Hostname", "StopTimeout", "StopSignal",
                                "NetworkingConfig", "Volumes", "OpenStdin"})
            QVERIFY2(!bare.contains(key), key);
        QVERIFY(!bare["HostConfig"].contains("Mounts"));
        QVERIFY(!bare["HostConfig"].contains("ExtraHosts"));
    }
};

QTEST_GUILESS_MAIN(TestEnvironmentCalls)
#include "tst_environmentcalls.moc"
