// Secrets through slipctl against the private engine (issue 11): `deploy --secret-env
// DB_PASSWORD` takes the value from slipctl's environment and the container really gets it, a
// pattern --env-var (API_TOKEN=…) too; `history --json` masks both; no byte of the database
// holds either; a later `scale` takes them from the running replicas; a rollback to a
// deployment whose replicas are gone is refused naming the key while no source has it, refused
// while the secrets file is readable by others, and works once that file is private. The
// database folder is 0700 and its file 0600.
#include "core/store/store.h"
#include "tests/support/testenv.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>
#include <sys/stat.h>

using namespace slipway;

namespace {

struct Run {
    int exitCode = -1;
    bool finished = false;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

const QByteArray kPassword = "pw-4e1b9c-never-stored";
const QByteArray kToken = "tok-77d0aa-never-stored";

mode_t modeOf(const QString &path) {
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? (st.st_mode & 07777) : 0;
}

} // namespace

class TestSlipctlSecrets : public QObject {
    Q_OBJECT

    QTemporaryDir home_;
    std::unique_ptr<engine::DockerClient> client_;
    QString app_;

    QString data() const { return home_.filePath(QStringLiteral("data")); }
    QString secretsFile() const {
        return home_.filePath(QStringLiteral("config/slipway/secrets.env"));
    }

    // slipctl with `extra` in its environment and nothing else secret: no DB_PASSWORD or
    // API_TOKEN unless given, its own XDG_CONFIG_HOME.
    Run slipctl(const QStringList &args, const QList<QPair<QString, QByteArray>> &extra = {}) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        for (const char *name : {"DOCKER_HOST", "DOCKER_TLS_VERIFY", "DOCKER_CERT_PATH",
                                 "DOCKER_CONFIG", "DOCKER_CONTEXT", "DB_PASSWORD", "API_TOKEN"})
            env.remove(QString::fromLatin1(name));
        env.insert(QStringLiteral("HOME"), home_.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), home_.filePath(QStringLiteral("config")));
        for (const auto &[name, value] : extra)
            env.insert(name, QString::fromUtf8(value));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(SLIPWAY_SLIPCTL),
                args + QStringList{QStringLiteral("--host"), test::dockerHost(),
                                   QStringLiteral("--data-dir"), data()});
        Run r;
        r.finished = p.waitForFinished(180000); // bounded: a hang fails the test
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

    // The environment each running replica was created with.
    QList<QStringList> replicaEnvs() {
        QList<QStringList> envs;
        for (const auto &c : containers(false)) {
            auto inspected = client_->inspectContainer(c.id).wait();
            if (!inspected)
                continue;
            QStringList env;
            for (const auto &e : inspected.value().env)
                env.append(QString::fromStdString(e));
            envs.append(env);
        }
        return envs;
    }

    QByteArray databaseBytes() const {
        QByteArray all;
        for (const QString &suffix :
             {QString(), QStringLiteral("-journal"), QStringLiteral("-wal")}) {
            QFile f(data() + QStringLiteral("/slipway.sqlite") + suffix);
            if (f.open(QIODevice::ReadOnly))
                all += f.readAll();
        }
        return all;
    }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty() || test::registry().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        QVERIFY(home_.isValid());
        client_ = test::makeClient();
        app_ = QString::fromStdString(test::uniqueName("slipctl-sec"));
    }

    void cleanupTestCase() {
        if (!client_)
            return;
        for (const auto &c : containers())
            (void)client_->removeContainer(c.id, true).wait();
    }

    void unsetSecretEnvIsRefused() {
        const Run r = slipctl({"deploy", app_, "--env", "ci", "--image", image("1.0.0"),
                               "--secret-env", "DB_PASSWORD"});
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains("DB_PASSWORD") && r.err.contains("not set"), r.err.constData());
        QVERIFY(containers().empty());
    }

    void secretsLiveNowhereButInReplicas() {
        // 1. Deploy: the value from slipctl's environment, and a pattern --env-var.
        Run r = slipctl({"deploy", app_, "--env", "ci", "--image", image("1.0.0"), "--publish",
                         "0:8080", "--secret-env", "DB_PASSWORD", "--env-var", "GREETING=hi",
                         "--env-var", "API_TOKEN=" + QString::fromLatin1(kToken), "--json"},
                        {{QStringLiteral("DB_PASSWORD"), kPassword}});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.err.contains("API_TOKEN is taken as a secret"), r.err.constData());
        QVERIFY(!r.out.contains(kPassword) && !r.out.contains(kToken));
        QJsonObject deployed = r.json();
        const QJsonArray envVars = deployed["envVars"].toArray();
        QVERIFY2(envVars.contains(QStringLiteral("DB_PASSWORD=******")), r.out.constData());
        QVERIFY2(envVars.contains(QStringLiteral("API_TOKEN=******")), r.out.constData());
        QVERIFY(envVars.contains(QStringLiteral("GREETING=hi")));
        QVERIFY(deployed["secret"].toArray().contains(QStringLiteral("DB_PASSWORD")));
        QVERIFY(deployed["secret"].toArray().contains(QStringLiteral("API_TOKEN")));
        QList<QStringList> envs = replicaEnvs();
        QCOMPARE(envs.size(), 1);
        QVERIFY2(envs.first().contains(QStringLiteral("DB_PASSWORD=") + kPassword),
                 qPrintable(envs.first().join(u' ')));
        QVERIFY(envs.first().contains(QStringLiteral("API_TOKEN=") + kToken));
        QVERIFY(envs.first().contains(QStringLiteral("GREETING=hi")));

        // The database is private, and holds neither value.
        QCOMPARE(modeOf(data()), mode_t(0700));
        QCOMPARE(modeOf(data() + QStringLiteral("/slipway.sqlite")), mode_t(0600));
        QByteArray db = databaseBytes();
        QVERIFY(!db.isEmpty());
        QCOMPARE(db.count(kPassword), 0);
        QCOMPARE(db.count(kToken), 0);

        // 2. History masks them, as JSON and as text.
        r = slipctl({"history", app_, "--env", "ci", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(!r.out.contains(kPassword) && !r.out.contains(kToken));
        const QJsonObject first = QJsonDocument::fromJson(r.out).array().first().toObject();
        QVERIFY2(first["envVars"].toArray().contains(QStringLiteral("DB_PASSWORD=******")),
                 r.out.constData());
        QVERIFY(first["secret"].toArray().contains(QStringLiteral("DB_PASSWORD")));
        r = slipctl({"history", app_, "--env", "ci"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY2(r.out.contains("DB_PASSWORD=******"), r.out.constData());
        QVERIFY(!r.out.contains(kPassword));

        // 3. Scale out with neither in the environment: the running replica's values.
        r = slipctl({"scale", app_, "--env", "ci", "--replicas", "2", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        envs = replicaEnvs();
        QCOMPARE(envs.size(), 2);
        for (const QStringList &env : std::as_const(envs)) {
            QVERIFY2(env.contains(QStringLiteral("DB_PASSWORD=") + kPassword),
                     qPrintable(env.join(u' ')));
            QVERIFY(env.contains(QStringLiteral("API_TOKEN=") + kToken));
        }

        // 4. A version without secrets replaces it; the old replicas go after a short window.
        r = slipctl({"deploy", app_, "--env", "ci", "--image", image("1.1.0"), "--replicas", "1",
                     "--publish", "0:8080", "--env-var", "GREETING=bye", "--undo-window", "1",
                     "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QCOMPARE(int(containers().size()), 1);
        const std::string serving = containers().front().id;

        // 5. Rolling back to 1.0.0: its replicas are gone and nothing else has the values.
        r = slipctl({"rollback", app_, "--env", "ci", "--to", "1.0.0", "--undo-window", "1"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("DB_PASSWORD") && r.err.contains("API_TOKEN"), r.err.constData());
        QVERIFY2(r.err.contains("--secret-env") && r.err.contains(secretsFile().toUtf8()),
                 r.err.constData());
        QCOMPARE(int(containers().size()), 1);
        QCOMPARE(containers().front().id, serving); // nothing created, nothing stopped

        // 6. A secrets file others can read is refused, like ssh refuses such a key.
        QVERIFY(QDir().mkpath(QFileInfo(secretsFile()).absolutePath()));
        {
            QFile f(secretsFile());
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("# for every application\nAPI_TOKEN=" + kToken + "\n[" + app_.toUtf8() +
                    "/ci]\nDB_PASSWORD=" + kPassword + "\n");
        }
        QVERIFY(QFile::setPermissions(secretsFile(), QFile::ReadOwner | QFile::WriteOwner |
                                                         QFile::ReadGroup | QFile::ReadOther));
        r = slipctl({"rollback", app_, "--env", "ci", "--to", "1.0.0", "--undo-window", "1"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains("chmod 600"), r.err.constData());
        QCOMPARE(containers().front().id, serving);

        // 7. Private, it is used.
        QVERIFY(QFile::setPermissions(secretsFile(), QFile::ReadOwner | QFile::WriteOwner));
        r = slipctl(
            {"rollback", app_, "--env", "ci", "--to", "1.0.0", "--undo-window", "1", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.constData());
        QVERIFY(!r.out.contains(kPassword) && !r.out.contains(kToken));
        envs = replicaEnvs();
        QCOMPARE(envs.size(), 1); // as many as ran before
        QVERIFY2(envs.first().contains(QStringLiteral("DB_PASSWORD=") + kPassword),
                 qPrintable(envs.first().join(u' ')));
        QVERIFY(envs.first().contains(QStringLiteral("API_TOKEN=") + kToken));

        // Nothing of either reached the database or the audit log on the way.
        db = databaseBytes();
        QCOMPARE(db.count(kPassword), 0);
        QCOMPARE(db.count(kToken), 0);
        auto store = core::Store::open(data() + QStringLiteral("/slipway.sqlite"));
        QVERIFY(store);
        int audited = 0;
        for (const auto &e : store->audit()) {
            if (!e.target.startsWith(app_))
                continue;
            ++audited;
            QVERIFY(!e.detail.contains(QString::fromLatin1(kPassword)));
            QVERIFY(!e.detail.contains(QString::fromLatin1(kToken)));
        }
        QVERIFY(audited >= 4);
    }
};

QTEST_GUILESS_MAIN(TestSlipctlSecrets)
#include "tst_slipctl_secrets.moc"
