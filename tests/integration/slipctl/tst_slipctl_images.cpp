// `slipctl images` as a user runs it: the real binary against the private engine, as JSON
// and as a table, with --dangling, with a container using an image, and with a dead host next
// to the real one. Asserts exit codes and content against the engine's own answers.
#include "tests/support/testenv.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

using namespace slipway;

namespace {

struct Run {
    int exitCode = -1;
    bool finished = false;
    QByteArray out;
    QByteArray err;
};

QJsonObject findImage(const QJsonArray &images, const QString &repository, const QString &tag) {
    for (const auto &v : images) {
        const QJsonObject o = v.toObject();
        if (o["repository"].toString() == repository && o["tag"].toString() == tag)
            return o;
    }
    return {};
}

} // namespace

class TestSlipctlImages : public QObject {
    Q_OBJECT

    QTemporaryDir home_;
    std::unique_ptr<engine::DockerClient> direct_;
    std::vector<std::string> containers_;

    // slipctl with a clean HOME and data directory, so neither the user's docker contexts nor
    // saved hosts leak into the test.
    Run slipctl(const QStringList &args) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DOCKER_HOST", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH",
                                 "DOCKER_CONFIG", "DOCKER_CONTEXT"})
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("HOME"), home_.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), home_.filePath(QStringLiteral("data")));
        env.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        env.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(SLIPWAY_SLIPCTL), args);
        Run r;
        r.finished = p.waitForFinished(60000); // a bound: a hang fails instead of stalling
        if (!r.finished)
            p.kill();
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty() || test::registry().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        QVERIFY(home_.isValid());
        direct_ = test::makeClient();
        QVERIFY(direct_);
    }

    void cleanupTestCase() {
        for (const auto &id : containers_)
            (void)direct_->removeContainer(id, true).wait();
    }

    void jsonMatchesTheEngine() {
        Run r = slipctl({"images", "--json", "--host", test::dockerHost()});
        QVERIFY(r.finished);
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(r.out, &parseError);
        QVERIFY2(doc.isArray(), qPrintable(parseError.errorString()));
        const QJsonArray images = doc.array();
        QVERIFY(images.size() >= 6);

        auto inspected = direct_->inspectImage("slipway/web:1.0.0").wait();
        QVERIFY2(inspected.ok(), test::describe(inspected).constData());
        const QJsonObject web = findImage(images, "slipway/web", "1.0.0");
        QVERIFY2(!web.isEmpty(), r.out.left(2000).constData());
        QCOMPARE(web["id"].toString(), QString::fromStdString(inspected.value().id));
        QCOMPARE(qint64(web["size"].toDouble()), inspected.value().size);
        QCOMPARE(web["host"].toString(), test::dockerHost());
        QCOMPARE(web["hostUrl"].toString(), test::dockerHost());
        QCOMPARE(web["reference"].toString(), QStringLiteral("slipway/web:1.0.0"));
        QCOMPARE(web["dangling"].toBool(), false);
        QVERIFY(web["created"].toDouble() > 0);
        QVERIFY(web["createdAt"].toString().endsWith("Z"));
        QVERIFY(web["usedBy"].isDouble());
        QCOMPARE(web["usedBy"].toInt(), web["containers"].toArray().size());
        QVERIFY(web["repoTags"].toArray().contains(QJsonValue("slipway/web:1.0.0")));

        // The registry's tag of the same image, with its digest.
        const QJsonObject pushed = findImage(images, test::registry() + "/slipway/web", "1.0.0");
        QVERIFY(!pushed.isEmpty());
        QCOMPARE(pushed["id"].toString(), web["id"].toString());
        QVERIFY(pushed["digest"].toString().startsWith("sha256:"));
        QVERIFY(!inspected.value().repoDigests.empty());
        QCOMPARE(pushed["digest"].toString(),
                 QString::fromStdString(inspected.value().repoDigests.front()).section('@', 1));
        for (const auto &v : images)
            QCOMPARE(v.toObject()["id"].toString().left(7), QStringLiteral("sha256:"));
    }

    void usedByCountsAContainer() {
        engine::ContainerCreate spec;
        spec.name = test::uniqueName("slipctl-images-it");
        spec.image = "slipway/web:1.1.0";
        spec.labels = {{"slipway.app", "slipctl-images-itest"}};
        auto id = direct_->createContainer(spec).wait();
        QVERIFY2(id.ok(), test::describe(id).constData());
        containers_.push_back(id.value());

        Run r = slipctl({"images", "--json", "--host", test::dockerHost()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject web =
            findImage(QJsonDocument::fromJson(r.out).array(), "slipway/web", "1.1.0");
        QVERIFY(!web.isEmpty());
        QVERIFY2(
            web["containers"].toArray().contains(QJsonValue(QString::fromStdString(spec.name))),
            QJsonDocument(web).toJson().constData());
        QVERIFY(web["usedBy"].toInt() >= 1);
    }

    void tableHasTheColumns() {
        Run r = slipctl({"images", "--host", test::dockerHost()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QList<QByteArray> lines = r.out.split('\n');
        QVERIFY(lines.size() > 2);
        const QByteArray header = lines.first();
        for (const char *column :
             {"HOST", "REPOSITORY", "TAG", "IMAGE ID", "DIGEST", "SIZE", "CREATED", "USED BY"})
            QVERIFY2(header.contains(column), header.constData());
        bool web = false;
        for (const QByteArray &line : lines)
            web |= line.contains("slipway/web") && line.contains("1.0.0");
        QVERIFY2(web, r.out.constData());
    }

    void danglingOnlyShowsDangling() {
        Run r = slipctl({"images", "--dangling", "--json", "--host", test::dockerHost()});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonDocument doc = QJsonDocument::fromJson(r.out);
        QVERIFY(doc.isArray());
        for (const auto &v : doc.array()) {
            QCOMPARE(v.toObject()["dangling"].toBool(), true);
            QCOMPARE(v.toObject()["tag"].toString(), QString());
        }
    }

    void aDeadHostFailsButTheOthersAreListed() {
        const QString dead = QStringLiteral("unix:///nonexistent/slipway-dead/docker.sock");
        Run r = slipctl(
            {"images", "--json", "--host", dead, "--host", test::dockerHost(), "--timeout", "5"});
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(dead.toUtf8()), r.err.constData());
        const QJsonArray images = QJsonDocument::fromJson(r.out).array();
        QVERIFY(!findImage(images, "slipway/web", "1.0.0").isEmpty());
        for (const auto &v : images)
            QCOMPARE(v.toObject()["hostUrl"].toString(), test::dockerHost());
    }

    void helpAndUsage() {
        Run r = slipctl({"images", "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("--dangling"));
        QVERIFY(r.out.contains("--json"));
        QVERIFY(r.out.contains("--host"));
        Run usage = slipctl({"--help"});
        QVERIFY(usage.out.contains("images"));
    }
};

QTEST_GUILESS_MAIN(TestSlipctlImages)
#include "tst_slipctl_images.moc"
