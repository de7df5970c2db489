// Every DockerClient endpoint against the real private engine of scripts/services.sh.
#include "engine/dockerclient.h"
#include "engine/parse.h"
#include "tests/support/testenv.h"

#include <QScopeGuard>
#include <QtTest>
#include <algorithm>
#include <atomic>
#include <mutex>
#include <thread>

using namespace slipway;
using namespace slipway::engine;

#define REQUIRE_OK(r) QVERIFY2((r).ok(), test::describe(r).constData())

class TestEngineApi : public QObject {
    Q_OBJECT

    std::unique_ptr<DockerClient> client;
    std::vector<std::string> containersToRemove;

    std::string webImage(const char *version = "1.0.0") {
        return std::string("slipway/web:") + version;
    }

    // Creates a labelled web container, port 8080 published on a free loopback port.
    std::string createWeb(const std::string &name, bool start) {
        ContainerCreate spec;
        spec.name = name;
        spec.image = webImage();
        spec.labels = {{"slipway.app", "itest"}, {"slipway.env", "integration"}};
        spec.portBindings["8080/tcp"] = {PortBinding{"127.0.0.1", ""}};
        auto id = client->createContainer(spec).wait();
        if (!id)
            return {};
        containersToRemove.push_back(id.value());
        if (start && !client->startContainer(id.value()).wait())
            return {};
        return id.value();
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        client = test::makeClient();
        QVERIFY2(client, "SLIPWAY_TEST_DOCKER_HOST is not a valid endpoint");
    }

    void cleanupTestCase() {
        for (const auto &id : containersToRemove)
            (void)client->removeContainer(id, true).wait();
    }

    void negotiatesApiVersion() {
        auto v = client->negotiate().wait();
        REQUIRE_OK(v);
        QVERIFY(parse::compareApiVersions(v.value(), kMinApiVersion) >= 0);
        QVERIFY(parse::compareApiVersions(v.value(), kMaxApiVersion) <= 0);
        QCOMPARE(client->apiVersion(), v.value());
    }

    void pingVersionInfo() {
        auto ping = client->ping().wait();
        REQUIRE_OK(ping);
        QVERIFY(!ping.value().apiVersion.empty());
        QCOMPARE(ping.value().osType, std::string("linux"));

        auto version = client->version().wait();
        REQUIRE_OK(version);
        QVERIFY(!version.value().version.empty());
        QCOMPARE(version.value().apiVersion, ping.value().apiVersion);

        auto info = client->info().wait();
        REQUIRE_OK(info);
        QVERIFY(info.value().cpus > 0);
        QVERIFY(info.value().memTotal > 0);
        QVERIFY(info.value().images > 0); // the test images
        QCOMPARE(info.value().containers, info.value().containersRunning +
                                              info.value().containersPaused +
                                              info.value().containersStopped);
    }

    void containerLifecycle() {
        const auto name = test::uniqueName("itest-life");
        const auto id = createWeb(name, false);
        QVERIFY(!id.empty());

        auto listed = client->containers(true, {{"label", {"slipway.app=itest"}}}).wait();
        REQUIRE_OK(listed);
        auto it = std::find_if(listed.value().begin(), listed.value().end(),
                               [&](const ContainerSummary &c) { return c.id == id; });
        QVERIFY(it != listed.value().end());
        QCOMPARE(it->name(), name);
        QCOMPARE(it->state, std::string("created"));
        QCOMPARE(it->labels.at("slipway.env"), std::string("integration"));

        REQUIRE_OK(client->startContainer(id).wait());
        REQUIRE_OK(client->startContainer(id).wait()); // 304: already started is fine

        auto inspected = client->inspectContainer(name).wait();
        REQUIRE_OK(inspected);
        QCOMPARE(inspected.value().id, id);
        QVERIFY(inspected.value().state.running);
        QVERIFY(inspected.value().healthcheck.has_value()); // from the image
        QVERIFY(!inspected.value().ports.at("8080/tcp").empty());
        QCOMPARE(inspected.value().ports.at("8080/tcp").front().hostIp, std::string("127.0.0.1"));

        // The image's health check turns the container healthy.
        QVERIFY(test::waitFor(
            [&] {
                auto c = client->inspectContainer(id).wait();
                return c && c.value().state.health && c.value().state.health->status == "healthy";
            },
            std::chrono::seconds(30)));

        const auto renamed = name + "-renamed";
        REQUIRE_OK(client->renameContainer(id, renamed).wait());
        QCOMPARE(client->inspectContainer(id).wait().value().name, renamed);

        REQUIRE_OK(client->restartContainer(id, 1).wait());
        QVERIFY(client->inspectContainer(id).wait().value().state.running);
        REQUIRE_OK(client->stopContainer(id, 1).wait());
        QVERIFY(!client->inspectContainer(id).wait().value().state.running);
        REQUIRE_OK(client->stopContainer(id, 1).wait()); // 304: already stopped is fine

        REQUIRE_OK(client->startContainer(id).wait());
        REQUIRE_OK(client->killContainer(id, "SIGKILL").wait());
        auto killed = client->inspectContainer(id).wait();
        REQUIRE_OK(killed);
        QVERIFY(!killed.value().state.running);
        QCOMPARE(killed.value().state.exitCode, 137);

        REQUIRE_OK(client->removeContainer(id).wait());
        auto gone = client->inspectContainer(id).wait();
        QVERIFY(!gone.ok());
        QCOMPARE(gone.error().kind, ErrorKind::Http);
        QCOMPARE(gone.error().httpStatus, 404);
        QVERIFY2(gone.error().message.find("No such container") != std::string::npos,
                 gone.error().message.c_str());
    }

    // A command run inside a container (detached), and a path looked up in one.
    void execAndStatPath() {
        const auto id = createWeb(test::uniqueName("itest-exec"), true);
        QVERIFY(!id.empty());
        const auto removeIt = qScopeGuard([&] { (void)client->removeContainer(id, true).wait(); });
        REQUIRE_OK(client->statPath(id, "/bin/sh").wait());
        auto missing = client->statPath(id, "/no/such/file").wait();
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().httpStatus, 404);

        const auto run = [&](const std::vector<std::string> &cmd) {
            auto exec = client->createExec(id, cmd).wait();
            if (!exec || !client->startExec(exec.value()).wait())
                return -2;
            int code = -1;
            test::waitFor([&] {
                auto s = client->inspectExec(exec.value()).wait();
                code = s && !s.value().running ? s.value().exitCode : -1;
                return s && !s.value().running;
            });
            return code;
        };
        QCOMPARE(run({"/bin/sh", "-c", "echo hi > /tmp/exec-test"}), 0);
        REQUIRE_OK(client->statPath(id, "/tmp/exec-test").wait());
        QCOMPARE(run({"/bin/sh", "-c", "exit 3"}), 3);
        QVERIFY(!client->createExec(id, {}).wait().ok()); // refused before any call
    }

    // The engine asks the registry about a manifest without pulling it.
    void distributionInspect() {
        if (test::registry().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        const auto registry = test::registry().toStdString();
        REQUIRE_OK(client->distributionInspect(registry + "/slipway/web:1.0.0").wait());
        auto missing = client->distributionInspect(registry + "/slipway/web:9.9.9").wait();
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().kind, ErrorKind::Http);
        auto bad = client->distributionInspect("UPPER/case:x").wait();
        QVERIFY(!bad.ok());
        QCOMPARE(bad.error().kind, ErrorKind::InvalidInput);
    }

    void refusesBadInputBeforeCalling() {
        ContainerCreate spec;
        spec.image = "Not A Valid/Image";
        auto r = client->createContainer(spec).wait();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::InvalidInput);
        QVERIFY(r.error().message.find("Not A Valid/Image") != std::string::npos);
    }

    void namesArePercentEncoded() {
        // A name with characters that would break the path if pasted raw.
        auto r = client->inspectContainer("no/such?container&x=1 #").wait();
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::Http);
        QCOMPARE(r.error().httpStatus, 404);
    }

    void logsAndStats() {
        ContainerCreate spec;
        spec.name = test::uniqueName("itest-logs");
        spec.image = "slipway/base:1";
        spec.cmd = {"sh", "-c", "echo to-stdout; echo to-stderr >&2; sleep 60"};
        auto id = client->createContainer(spec).wait();
        REQUIRE_OK(id);
        containersToRemove.push_back(id.value());
        REQUIRE_OK(client->startContainer(id.value()).wait());

        // Lines arrive on the transport thread, all before the call completes.
        auto fetchLogs = [&] {
            std::mutex m;
            std::vector<LogLine> got;
            LogOptions o;
            o.timestamps = true;
            auto r = client->logs(id.value(), o, false, [&](const LogLine &l) {
                std::lock_guard lock(m);
                got.push_back(l);
            });
            return r.wait().ok() ? got : std::vector<LogLine>{};
        };
        std::vector<LogLine> lines;
        QVERIFY(test::waitFor([&] {
            lines = fetchLogs();
            return lines.size() >= 2;
        }));
        auto out = std::find_if(lines.begin(), lines.end(), [](const LogLine &l) {
            return l.text.find("to-stdout") != std::string::npos;
        });
        auto err = std::find_if(lines.begin(), lines.end(), [](const LogLine &l) {
            return l.text.find("to-stderr") != std::string::npos;
        });
        QVERIFY(out != lines.end());
        QVERIFY(err != lines.end());
        QCOMPARE(out->stream, LogLine::Stream::Stdout);
        QCOMPARE(err->stream, LogLine::Stream::Stderr);
        QVERIFY(out->text.rfind("20", 0) == 0); // an RFC 3339 timestamp comes first

        auto stats = client->stats(id.value(), true).wait();
        REQUIRE_OK(stats);
        QVERIFY(stats.value().memoryUsage > 0);
        QVERIFY(stats.value().cpuTotal > 0);

        std::atomic<int> samples{0};
        auto stream = client->streamStats(id.value(), [&](const StatsSample &s) {
            if (s.cpuTotal > 0)
                ++samples;
        });
        QVERIFY(test::waitFor([&] { return samples.load() >= 2; }, std::chrono::seconds(15)));
        stream.cancel();
        auto end = stream.wait();
        QVERIFY(!end.ok());
        QCOMPARE(end.error().kind, ErrorKind::Cancelled);
    }

    void followLogsStreamsNewLines() {
        ContainerCreate spec;
        spec.name = test::uniqueName("itest-follow");
        spec.image = "slipway/base:1";
        spec.cmd = {"sh", "-c",
                    "i=0; while [ $i -lt 300 ]; do echo line-$i; i=$((i+1)); sleep 0.1; done"};
        auto id = client->createContainer(spec).wait();
        REQUIRE_OK(id);
        containersToRemove.push_back(id.value());
        REQUIRE_OK(client->startContainer(id.value()).wait());

        std::atomic<int> count{0};
        LogOptions o;
        o.follow = true;
        auto call = client->logs(id.value(), o, false, [&](const LogLine &) { ++count; });
        QVERIFY(test::waitFor([&] { return count.load() >= 10; }));
        call.cancel();
        QCOMPARE(call.wait().error().kind, ErrorKind::Cancelled);
    }

    void eventsStream() {
        std::mutex m;
        std::vector<Event> seen;
        auto stream = client->events(
            [&](const Event &e) {
                std::lock_guard lock(m);
                seen.push_back(e);
            },
            {{"type", {"container"}}, {"label", {"slipway.app=itest"}}});
        // The subscription must be in place before the container is made.
        QTest::qWait(300);
        const auto id = createWeb(test::uniqueName("itest-events"), true);
        QVERIFY(!id.empty());
        auto has = [&](const std::string &action) {
            std::lock_guard lock(m);
            return std::any_of(seen.begin(), seen.end(), [&](const Event &e) {
                return e.actorId == id && e.action == action;
            });
        };
        QVERIFY(test::waitFor([&] { return has("create") && has("start"); }));
        {
            std::lock_guard lock(m);
            auto e = std::find_if(seen.begin(), seen.end(),
                                  [&](const Event &e) { return e.actorId == id; });
            QCOMPARE(e->type, std::string("container"));
            QCOMPARE(e->attributes.at("slipway.app"), std::string("itest"));
            QVERIFY(e->timeNano > 0);
        }
        REQUIRE_OK(client->removeContainer(id, true).wait());
        QVERIFY(test::waitFor([&] { return has("destroy"); }));
        stream.cancel();
        QCOMPARE(stream.wait().error().kind, ErrorKind::Cancelled);
    }

    void images() {
        auto list = client->images().wait();
        REQUIRE_OK(list);
        auto web =
            std::find_if(list.value().begin(), list.value().end(), [](const ImageSummary &i) {
                return std::count(i.repoTags.begin(), i.repoTags.end(), "slipway/web:1.0.0") > 0;
            });
        QVERIFY(web != list.value().end());
        QVERIFY(web->size > 0);

        auto inspected = client->inspectImage("slipway/web:1.0.0").wait();
        REQUIRE_OK(inspected);
        QCOMPARE(inspected.value().id, web->id);
        QVERIFY(inspected.value().healthcheck.has_value());

        auto history = client->imageHistory("slipway/web:1.0.0").wait();
        REQUIRE_OK(history);
        QVERIFY(history.value().size() >= 2); // the imported base and the web layers

        const auto repo = test::uniqueName("itest/tagged");
        REQUIRE_OK(client->tagImage("slipway/web:1.0.0", repo, "v1").wait());
        auto tagged = client->inspectImage(repo + ":v1").wait();
        REQUIRE_OK(tagged);
        QCOMPARE(tagged.value().id, web->id);
        REQUIRE_OK(client->removeImage(repo + ":v1").wait());
        QCOMPARE(client->inspectImage(repo + ":v1").wait().error().httpStatus, 404);

        auto bad = client->tagImage("slipway/web:1.0.0", "UPPER", "x").wait();
        QCOMPARE(bad.error().kind, ErrorKind::InvalidInput);
    }

    void pullWithProgress() {
        if (test::registry().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        const auto ref = test::registry().toStdString() + "/slipway/web:1.1.0";
        (void)client->removeImage(ref).wait(); // pull it fresh if it was there
        std::mutex m;
        std::vector<ProgressMessage> progress;
        auto r = client
                     ->pullImage(ref,
                                 [&](const ProgressMessage &p) {
                                     std::lock_guard lock(m);
                                     progress.push_back(p);
                                 })
                     .wait();
        REQUIRE_OK(r);
        QVERIFY(!progress.empty());
        QVERIFY(std::any_of(progress.begin(), progress.end(), [](const ProgressMessage &p) {
            return p.status.find("Digest: sha256:") != std::string::npos ||
                   p.status.find("Downloaded newer image") != std::string::npos ||
                   p.status.find("Image is up to date") != std::string::npos;
        }));
        auto inspected = client->inspectImage(ref).wait();
        REQUIRE_OK(inspected);
        QVERIFY(!inspected.value().repoDigests.empty());

        // Pinned by digest, as deployments are.
        const auto byDigest = inspected.value().repoDigests.front();
        REQUIRE_OK(client->pullImage(byDigest).wait());

        auto missing =
            client->pullImage(test::registry().toStdString() + "/slipway/web:9.9.9").wait();
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error().kind, ErrorKind::Http);
        QVERIFY2(missing.error().message.find("9.9.9") != std::string::npos ||
                     missing.error().message.find("not found") != std::string::npos,
                 missing.error().message.c_str());
    }

    void networks() {
        const auto name = test::uniqueName("itest-net");
        auto id = client->createNetwork(name, {{"slipway.env", "integration"}}).wait();
        REQUIRE_OK(id);
        auto list = client->networks({{"label", {"slipway.env=integration"}}}).wait();
        REQUIRE_OK(list);
        QVERIFY(std::any_of(list.value().begin(), list.value().end(), [&](const NetworkSummary &n) {
            return n.id == id.value() && n.name == name;
        }));
        auto dup = client->createNetwork(name).wait();
        QVERIFY(!dup.ok());
        QCOMPARE(dup.error().kind, ErrorKind::Http);
        REQUIRE_OK(client->removeNetwork(id.value()).wait());
    }

    void concurrentRequests() {
        std::vector<Call<VersionInfo>> calls;
        for (int i = 0; i < 40; ++i)
            calls.push_back(client->version());
        for (auto &c : calls)
            REQUIRE_OK(c.wait());
    }

    void swarmServices() {
        auto info = client->info().wait();
        REQUIRE_OK(info);
        // scripts/services.sh makes the private engine a one-node swarm manager.
        QVERIFY2(info.value().swarm.localNodeState == "active",
                 "the test engine is not a swarm manager: start it with scripts/services.sh");
        QVERIFY(info.value().swarm.controlAvailable);
        auto nodes = client->nodes().wait();
        REQUIRE_OK(nodes);
        QCOMPARE(nodes.value().size(), std::size_t(1));
        QCOMPARE(nodes.value().front().role, std::string("manager"));
        auto node = client->inspectNode(nodes.value().front().id).wait();
        REQUIRE_OK(node);
        QVERIFY(node.value().leader);

        const auto name = test::uniqueName("itest-svc");
        // moc (Qt 6.4) loses track of the class on a raw string that spans lines.
        const std::string spec =
            "{\"Name\":\"" + name +
            "\",\"Labels\":{\"slipway.app\":\"itest\"},"
            "\"TaskTemplate\":{\"ContainerSpec\":{\"Image\":\"slipway/web:1.0.0\"}},"
            "\"Mode\":{\"Replicated\":{\"Replicas\":2}},"
            "\"UpdateConfig\":{\"Parallelism\":1,\"Order\":\"start-first\","
            "\"FailureAction\":\"rollback\"}}";
        auto id = client->createService(spec).wait();
        REQUIRE_OK(id);

        QVERIFY(test::waitFor(
            [&] {
                auto t = client->tasks({{"service", {id.value()}}, {"desired-state", {"running"}}})
                             .wait();
                return t && t.value().size() == 2 &&
                       std::all_of(t.value().begin(), t.value().end(),
                                   [](const SwarmTask &x) { return x.state == "running"; });
            },
            std::chrono::seconds(60)));

        auto services = client->services({{"name", {name}}}).wait();
        REQUIRE_OK(services);
        QCOMPARE(services.value().size(), std::size_t(1));
        QCOMPARE(*services.value().front().spec.replicas, std::uint64_t(2));

        auto svc = client->inspectService(id.value()).wait();
        REQUIRE_OK(svc);
        QVERIFY(svc.value().spec.image.rfind("slipway/web:1.0.0", 0) == 0);
        QVERIFY(!svc.value().previousSpec);

        // Update to 1.1.0 by sending the spec back with a new image.
        std::string updated = svc.value().rawSpec;
        auto pos = updated.find("slipway/web:1.0.0");
        QVERIFY(pos != std::string::npos);
        updated.replace(pos, std::string("slipway/web:1.0.0").size(), "slipway/web:1.1.0");
        // Any digest pinned by the engine goes with the old tag.
        if (auto at = updated.find('@', pos);
            at != std::string::npos && at < updated.find('"', pos))
            updated.erase(at, updated.find('"', pos) - at);
        REQUIRE_OK(client->updateService(id.value(), svc.value().version, updated).wait());
        svc = client->inspectService(id.value()).wait();
        REQUIRE_OK(svc);
        QVERIFY(svc.value().spec.image.rfind("slipway/web:1.1.0", 0) == 0);
        QVERIFY(svc.value().previousSpec.has_value());

        // A stale version is refused by the engine, with its own words.
        auto stale = client->updateService(id.value(), svc.value().version - 1, updated).wait();
        QVERIFY(!stale.ok());
        QCOMPARE(stale.error().kind, ErrorKind::Http);

        REQUIRE_OK(client->rollbackService(svc.value()).wait());
        svc = client->inspectService(id.value()).wait();
        REQUIRE_OK(svc);
        QVERIFY2(svc.value().spec.image.rfind("slipway/web:1.0.0", 0) == 0,
                 svc.value().spec.image.c_str());

        REQUIRE_OK(client->removeService(id.value()).wait());
    }
};

QTEST_GUILESS_MAIN(TestEngineApi)
#include "tst_engineapi.moc"
