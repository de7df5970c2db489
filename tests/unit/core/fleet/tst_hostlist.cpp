// mergeHosts / discoverHosts: the user's list first, duplicates by URL dropped, local fallback.
#include "core/fleet/hostdiscovery.h"
#include "core/fleet/hostlist.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace slipway::core;

namespace {

HostConfig host(const QString &id, const QString &url, HostConfig::Source source) {
    HostConfig h;
    h.id = id;
    h.name = id;
    h.url = url;
    h.source = source;
    return h;
}

QStringList ids(const QList<HostConfig> &hosts) {
    QStringList list;
    for (const HostConfig &h : hosts)
        list << h.id;
    return list;
}

const auto User = HostConfig::Source::User;
const auto Env = HostConfig::Source::Environment;
const auto Context = HostConfig::Source::DockerContext;
const auto Local = HostConfig::Source::LocalSocket;

} // namespace

class TestHostList : public QObject {
    Q_OBJECT

private slots:
    void userHostsComeFirstAndWin() {
        const QList<HostConfig> user = {host("u1", "tcp://build-01:2375", User),
                                        host("u2", "unix:///run/lab.sock", User)};
        const auto env = host("env", "tcp://build-01:2375/", Env); // same engine as u1
        const QList<HostConfig> contexts = {host("context:lab", "unix:///run/lab.sock", Context),
                                            host("context:prod", "tcp://prod:2376", Context)};
        const auto local = host("local", "unix:///var/run/docker.sock", Local);
        const QList<HostConfig> merged = mergeHosts(user, env, contexts, local);
        QCOMPARE(ids(merged), (QStringList{"u1", "u2", "context:prod"}));
    }

    void environmentBeforeContexts() {
        const auto env = host("env", "tcp://prod:2376", Env);
        const QList<HostConfig> contexts = {host("context:prod", "tcp://prod:2376", Context),
                                            host("context:qa", "tcp://qa:2376", Context)};
        QCOMPARE(ids(mergeHosts({}, env, contexts, std::nullopt)),
                 (QStringList{"env", "context:qa"}));
    }

    void localSocketOnlyWhenNothingElse() {
        const auto local = host("local", "unix:///var/run/docker.sock", Local);
        QCOMPARE(ids(mergeHosts({}, std::nullopt, {}, local)), QStringList{"local"});
        QCOMPARE(ids(mergeHosts({host("u", "tcp://x:1", User)}, std::nullopt, {}, local)),
                 QStringList{"u"});
        QVERIFY(mergeHosts({}, std::nullopt, {}, std::nullopt).isEmpty());
    }

    void canonicalUrls() {
        QCOMPARE(canonicalUrl(" unix:///run/docker.sock "), canonicalUrl("/run/docker.sock"));
        QCOMPARE(canonicalUrl("not a url"), QStringLiteral("not a url"));
    }

    void discoverFromTheMachine() {
        QTemporaryDir home;
        const QString sock = home.filePath("docker.sock");
        QFile f(sock);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        QProcessEnvironment env;
        env.insert("HOME", home.path());
        // Nothing configured: the local socket.
        QCOMPARE(ids(discoverHosts({}, env, sock)), QStringList{"local"});
        // DOCKER_HOST and a context.
        env.insert("DOCKER_HOST", "tcp://ci-runner:2375");
        const QString meta =
            home.path() + "/.docker/contexts/meta/" + HostDiscovery::contextDirName("qa");
        QVERIFY(QDir().mkpath(meta));
        QFile m(meta + "/meta.json");
        QVERIFY(m.open(QIODevice::WriteOnly));
        m.write("{\"Name\":\"qa\",\"Endpoints\":{\"docker\":{\"Host\":\"tcp://qa:2375\"}}}");
        m.close();
        const QList<HostConfig> saved = {host("u", "tcp://mine:2375", User)};
        QCOMPARE(ids(discoverHosts(saved, env, sock)), (QStringList{"u", "env", "context:qa"}));
    }
};

QTEST_GUILESS_MAIN(TestHostList)
#include "tst_hostlist.moc"
