// `slipctl deploy`, `history`, `rollback` and `scale` as a user runs them: the real binary
// against the private engine and registry, with a temporary database (--data-dir). Bad input
// is refused with exit code 2 before any call; every action lands in the audit log with the
// OS user.
#include "core/store/store.h"
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
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

} // namespace

class TestSlipctlDeploy : public QObject {
    Q_OBJECT

    QTemporaryDir home_;
    std::unique_ptr<engine::DockerClient> client_;
    QString app_;

    Run slipctl(const QStringList &args, const QString &locale = {}) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        if (!locale.isEmpty())
            env.insert(QStringLiteral("LC_ALL"), locale);
        for (const char *name : {"DOCKER_HOST", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH",
                                 "DOCKER_CONFIG", "DOCKER_CONTEXT"})
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("HOME"), home_.path());
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(SLIPWAY_SLIPCTL),
                args + QStringList{QStringLiteral("--host"), test::dockerHost(),
                                   QStringLiteral("--data-dir"), home_.filePath("data")});
        Run r;
        r.finished = p.waitForFinished(120000); // bounded: a hang fails the test
        if (!r.finished)
            p.kill();
        r.exitCode = p.exitCode();
        r.out = p.readAllStandardOutput();
        r.err = p.readAllStandardError();
        return r;
    }

    QString image(const char *tag) const {
        return test::registry() + QStringLiteral("/slipway/web:") + QLatin1String(tag);
    }

    std::vector<engine::ContainerSummary> containers(bool all = true) {
        engine::Filters f;
        f["label"] = {"slipway.app=" + app_.toStdString()};
        auto r = client_->containers(all, f).wait();
        return r ? r.value() : std::vector<engine::ContainerSummary>{};
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty() || test::registry().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        QVERIFY(home_.isValid());
        client_ = test::makeClient();
        app_ = QString::fromStdString(test::uniqueName("slipctl-dep"));
    }

    void cleanupTestCase() {
        if (!client_)
            return; // initTestCase failed (no engine): it has said why
        for (const auto &c : containers())
            (void)client_->removeContainer(c.id, true).wait();
    }

    void refusesBadInput() {
        const QList<QPair<QStringList, QString>> cases = {
            {{"deploy", app_, "--image", image("1.0.0")}, "--env"},
            {{"deploy", app_, "--env", "e"}, "--image"},
            {{"deploy", "bad name", "--env", "e", "--image", image("1.0.0")}, "bad name"},
            {{"deploy", app_, "--env", "e", "--image", "Bad::Ref"}, "Bad::Ref"},
            {{"deploy", app_, "--env", "e", "--image", image("1.0.0"), "--publish", "x:80"},
             "x:80"},
            {{"deploy", app_, "--env", "e", "--image", image("1.0.0"), "--env-var", "NOEQ"},
             "NOEQ"},
            {{"deploy", app_, "--env", "e", "--image", image("1.0.0"), "--replicas", "0"},
             "--replicas"},
            {{"scale", app_, "--env", "e"}, "--replicas"},
            {{"rollback", app_}, "--env"},
        };
        for (const auto &[args, word] : cases) {
            const Run r = slipctl(args);
            QVERIFY(r.finished);
            QCOMPARE(r.exitCode, 2);
            QVERIFY2(r.err.contains(word.toUtf8()), r.err.constData());
        }
        QVERIFY(containers().empty());
    }

    // The application commands speak zh_CN like the rest of slipctl: their own texts and the
    // shared CliDeployer's.
    void speaksChinese() {
        const QString zh = QStringLiteral("zh_CN.UTF-8");
        Run r = slipctl({"scale", "--help"}, zh);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(QString::fromUtf8(r.out).contains(QStringLiteral("扩缩到 N 个副本")),
                 r.out.constData());
        r = slipctl({"undo", app_}, zh);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(QString::fromUtf8(r.err).contains(QStringLiteral("必须指定 --env")),
                 r.err.constData());
    }

    void deployRollbackScale() {
        Run r = slipctl({"deploy", app_, "--env", "ci", "--image", image("1.0.0"), "--replicas",
                         "2", "--publish", "0:8080", "--env-var", "GREETING=hi", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        const QJsonObject first = r.json();
        QCOMPARE(first["ok"].toBool(), true);
        QCOMPARE(first["version"].toString(), QStringLiteral("1.0.0"));
        const QString digest = first["digest"].toString();
        QVERIFY(digest.startsWith(QStringLiteral("sha256:")));
        QCOMPARE(int(containers(false).size()), 2);

        r = slipctl({"deploy", app_, "--env", "ci", "--image", image("1.1.0"), "--replicas", "2",
                     "--publish", "0:8080", "--undo-window", "1", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.json()["digest"].toString() != digest);
        QCOMPARE(int(containers().size()), 2); // the short undo window was waited out

        r = slipctl({"history", app_, "--env", "ci", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QJsonArray history = QJsonDocument::fromJson(r.out).array();
        QCOMPARE(history.size(), 2);
        QCOMPARE(history[0].toObject()["version"].toString(), QStringLiteral("1.1.0"));
        QCOMPARE(history[1].toObject()["restorable"].toBool(), true);

        r = slipctl({"rollback", app_, "--env", "ci", "--to", "1.0.0", "--dry-run", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.json()["plan"].toObject()["to"].toObject()["digest"].toString(), digest);
        QCOMPARE(int(containers().size()), 2); // a dry run changes nothing

        r = slipctl(
            {"rollback", app_, "--env", "ci", "--to", "1.0.0", "--undo-window", "1", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.json()["record"].toObject()["digest"].toString(), digest);
        QCOMPARE(r.json()["record"].toObject()["kind"].toString(), QStringLiteral("rollback"));
        const auto now = containers();
        QCOMPARE(int(now.size()), 2);
        for (const auto &c : now) {
            QVERIFY(QString::fromStdString(c.image).endsWith(digest));
            QCOMPARE(QString::fromStdString(c.labels.at("slipway.version")),
                     QStringLiteral("1.0.0"));
        }

        r = slipctl({"scale", app_, "--env", "ci", "--replicas", "3"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(int(containers(false).size()), 3);
        r = slipctl({"scale", app_, "--env", "ci", "--replicas", "1", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.json()["replicas"].toInt(), 1);
        QCOMPARE(int(containers().size()), 1);

        // Undo inside the window brings the replaced replica back: the same container.
        const std::string before = containers().front().id;
        r = slipctl({"deploy", app_, "--env", "ci", "--image", image("1.1.0"), "--replicas", "1",
                     "--publish", "0:8080", "--undo-window", "600"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        r = slipctl({"undo", app_, "--env", "ci", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.json()["kind"].toString(), QStringLiteral("undo"));
        QCOMPARE(r.json()["version"].toString(), QStringLiteral("1.0.0"));
        const auto serving = containers(false);
        QCOMPARE(int(serving.size()), 1);
        QCOMPARE(serving.front().id, before);
        // A second undo is a redo; what it retires goes once its own short window has passed.
        r = slipctl({"undo", app_, "--env", "ci", "--undo-window", "1", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(r.json()["version"].toString(), QStringLiteral("1.1.0"));
        QCOMPARE(int(containers().size()), 1); // the 1.0.0 replica is gone, not kept stopped
        QVERIFY(containers().front().id != before);

        // A version that was never deployed is refused, naming it.
        r = slipctl({"rollback", app_, "--env", "ci", "--to", "9.9.9"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("9.9.9"), r.err.constData());

        r = slipctl({"history", app_, "--env", "ci"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(r.out.contains("rollback"));
        QVERIFY(r.out.contains("scale"));

        auto store = core::Store::open(home_.filePath("data/slipway.sqlite"));
        QVERIFY(store);
        QStringList actions;
        for (const auto &e : store->audit()) {
            if (!e.target.startsWith(app_))
                continue;
            actions.append(e.action);
            QCOMPARE(e.osUser, core::Store::currentOsUser());
            QCOMPARE(e.result, QStringLiteral("ok"));
        }
        QCOMPARE(actions.count(QStringLiteral("app.deploy")), 3);
        QCOMPARE(actions.count(QStringLiteral("app.undo")), 2);
        QCOMPARE(actions.count(QStringLiteral("app.rollback")), 1);
        QCOMPARE(actions.count(QStringLiteral("app.scale")), 2);
    }
};

QTEST_GUILESS_MAIN(TestSlipctlDeploy)
#include "tst_slipctl_deploy.moc"
