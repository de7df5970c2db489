// Compose files as people write them (tests/data/compose: build:, secrets, profiles, configs,
// legacy keys, long-form ports and volumes, anchors, merge keys, env files) and Slipway's
// built-in templates, side by side with Debian's docker-compose 1.29: each file is either
// accepted with the same service names `docker-compose config --services` lists, or refused
// naming the key and its line. The built-in templates are accepted, and what the writer makes
// of them docker-compose reads back to the same services. No engine is involved.
#include "core/environments/composereader.h"
#include "core/environments/composewriter.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>
#include <QtTest>

using namespace slipway::core::env;

namespace {

// The reader's result for a file on disk, with the env files it names read from its folder,
// as slipctl env validate reads them.
ComposeResult readFile(const QString &path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    ComposeInput in;
    in.fileName = QFileInfo(path).fileName();
    in.compose = file.readAll();
    in.projectName = QStringLiteral("reader-compat");
    in.baseDirectory = QFileInfo(path).absolutePath();
    ComposeResult r = ComposeReader::read(in);
    for (const QString &name : r.namedFiles) {
        QFile named(QDir(in.baseDirectory).filePath(name));
        if (named.open(QIODevice::ReadOnly))
            in.files.insert(name, named.readAll());
    }
    return r.namedFiles.isEmpty() ? r : ComposeReader::read(in);
}

} // namespace

class TestComposeCompat : public QObject {
    Q_OBJECT

    QString compose_;

    // The sorted service names docker-compose lists for `args`, fed `input` on stdin.
    QStringList services(const QStringList &args, const QByteArray &input = {}) {
        QProcess p;
        QProcessEnvironment env;
        env.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH"));
        env.insert(QStringLiteral("HOME"), QDir::tempPath());
        p.setProcessEnvironment(env);
        p.setWorkingDirectory(QDir::tempPath());
        p.start(compose_,
                args + QStringList{QStringLiteral("config"), QStringLiteral("--services")});
        if (!p.waitForStarted(10000))
            return {QStringLiteral("<did not start>")};
        p.write(input);
        p.closeWriteChannel();
        if (!p.waitForFinished(60000)) {
            p.kill();
            p.waitForFinished(5000);
            return {QStringLiteral("<timed out>")};
        }
        if (p.exitStatus() != QProcess::NormalExit || p.exitCode() != 0)
            return {
                QStringLiteral("<failed: %1>").arg(QString::fromUtf8(p.readAllStandardError()))};
        QStringList names =
            QString::fromUtf8(p.readAllStandardOutput()).split(u'\n', Qt::SkipEmptyParts);
        names.sort();
        return names;
    }

private slots:
    void initTestCase() {
        compose_ = QStandardPaths::findExecutable(QStringLiteral("docker-compose"));
        if (compose_.isEmpty())
            QFAIL("docker-compose is not installed (scripts/deps.sh installs it)");
    }

    void peoplesFiles_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("key"); // empty: accepted
        QTest::addColumn<int>("line");
        const auto row = [](const char *file, const char *key, int line) {
            QTest::newRow(file) << QString::fromLatin1(file) << QString::fromLatin1(key) << line;
        };
        row("anchors.yml", "", 0);
        row("envfiles.yml", "", 0);
        row("longform.yml", "", 0);
        row("networks.yml", "", 0);
        row("wordpress.yml", "", 0);
        row("build.yml", "services.app.build", 5);
        row("configs.yml", "services.proxy.configs", 6);
        row("legacy.yml", "services.web.container_name", 6);
        row("profiles.yml", "services.adminer.profiles", 7);
        row("secrets.yml", "services.db.secrets", 8);
    }

    void peoplesFiles() {
        QFETCH(QString, file);
        QFETCH(QString, key);
        QFETCH(int, line);
        const QString path = QStringLiteral(SLIPWAY_TEST_DATA "/compose/") + file;
        QVERIFY(QFileInfo::exists(path));
        // Every one of them is a file docker-compose accepts.
        const QStringList theirs = services({QStringLiteral("-f"), path});
        QVERIFY2(!theirs.isEmpty() && !theirs.first().startsWith(u'<'),
                 qPrintable(theirs.join(u' ')));
        const ComposeResult r = readFile(path);
        if (key.isEmpty()) {
            QVERIFY2(r.project,
                     qPrintable(r.errors.value(0).key + u' ' + r.errors.value(0).message));
            QStringList ours;
            for (const ServiceSpec &s : r.project->services)
                ours.append(s.name);
            QCOMPARE(ours, theirs);
            return;
        }
        QVERIFY(!r.project);
        const TemplateError &e = r.errors.first();
        QCOMPARE(e.key, key);
        QCOMPARE(e.pos.line, line);
        QCOMPARE(e.file, file);
        QVERIFY(e.message.contains(key.section(u'.', -1)));
    }

    void builtInTemplates_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("services");
        QTest::newRow("web-stack") << QStringLiteral("web-stack.yml") << 5;
        QTest::newRow("web-worker") << QStringLiteral("web-worker.yml") << 2;
    }

    void builtInTemplates() {
        QFETCH(QString, file);
        QFETCH(int, services);
        const QString path = QStringLiteral(SLIPWAY_SOURCE_DIR "/resources/templates/") + file;
        const ComposeResult r = readFile(path);
        QVERIFY2(r.project, qPrintable(r.errors.value(0).key + u' ' + r.errors.value(0).message));
        QCOMPARE(r.project->services.size(), services);
        QStringList ours;
        for (const ServiceSpec &s : r.project->services)
            ours.append(s.name);
        QCOMPARE(this->services({QStringLiteral("-f"), path}), ours);
        // The resolved file, as the provisioner hands it to docker-compose -p NAME.
        QCOMPARE(this->services({QStringLiteral("-f"), QStringLiteral("-"), QStringLiteral("-p"),
                                 QStringLiteral("reader-compat")},
                                ComposeWriter::yaml(*r.project)),
                 ours);
        // Health checks each second and dependencies three levels deep, as the issue asks of
        // the larger one.
        if (services == 5) {
            QCOMPARE(r.project->waves().size(), 3);
            for (const ServiceSpec &s : r.project->services)
                if (s.healthcheck)
                    QCOMPARE(s.healthcheck->intervalMs, 1000);
        }
    }
};

QTEST_GUILESS_MAIN(TestComposeCompat)
#include "tst_composecompat.moc"
