// `slipctl env validate` run as a user runs it: the resolved template on stdout (YAML or
// --json), env files read from the template's folder, variables only from --var (never from
// slipctl's own environment), every error on stderr as FILE:LINE:COLUMN: KEY: MESSAGE with exit
// code 1, and bad usage refused with exit code 2. No engine is involved.
#include "tests/support/slipctlrun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

using namespace slipway;

class TestEnvValidate : public QObject {
    Q_OBJECT

    QTemporaryDir home_;
    QTemporaryDir work_;

    void write(const QString &name, const QByteArray &bytes) {
        QDir().mkpath(QFileInfo(work_.filePath(name)).absolutePath());
        QFile f(work_.filePath(name));
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(bytes);
    }

    test::SlipctlRun run(const QStringList &args, const QProcessEnvironment &extra = {}) {
        return test::runSlipctl(QStringList{QStringLiteral("env")} + args, home_.path(), extra);
    }

private slots:
    void initTestCase() {
        QVERIFY(home_.isValid());
        QVERIFY(work_.isValid());
        write("tpl/compose.yml", "services:\n"
                                 "  web:\n"
                                 "    image: web:${TAG:-1}\n"
                                 "    env_file: conf/web.env\n"
                                 "    environment:\n"
                                 "      FROM_ENV: ${SLIPWAY_ENV_PROBE:-not-read}\n"
                                 "    volumes: [./html:/www]\n");
        write("tpl/conf/web.env", "GREETING=hello\n");
        write("bad/compose.yml", "services:\n"
                                 "  web:\n"
                                 "    image: x\n"
                                 "    build: .\n"
                                 "    env_file: web.env\n"
                                 "    depends_on: [ghost]\n");
        write("bad/web.env", "OK=1\nthis is wrong\n");
    }

    void resolvedYaml() {
        QProcessEnvironment env;
        env.insert(QStringLiteral("SLIPWAY_ENV_PROBE"), QStringLiteral("leaked"));
        env.insert(QStringLiteral("TAG"), QStringLiteral("leaked"));
        const auto r =
            run({"validate", work_.filePath("tpl/compose.yml"), "--var", "TAG=2.0"}, env);
        QVERIFY(r.finished);
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.err.isEmpty(), r.err.constData());
        const QString out = QString::fromUtf8(r.out);
        QVERIFY2(out.contains(QStringLiteral("image: web:2.0")), qPrintable(out));
        QVERIFY(out.contains(QStringLiteral("GREETING: hello")));
        QVERIFY(out.contains(QStringLiteral("FROM_ENV: not-read")));
        QVERIFY(!out.contains(QStringLiteral("leaked")));
        // The default project name is the folder's, and a relative bind is resolved against it.
        QVERIFY(out.contains(QStringLiteral("name: tpl_default")));
        QVERIFY(out.contains(QStringLiteral("source: ") +
                             QDir(work_.filePath("tpl/html")).absolutePath()));
    }

    void resolvedJson() {
        const auto r = run({"validate", work_.filePath("tpl/compose.yml"), "--json",
                            "--project-name", "Reader_Env"});
        QCOMPARE(r.exitCode, 0);
        const QJsonObject o = QJsonDocument::fromJson(r.out).object();
        QCOMPARE(o.value("name").toString(), QStringLiteral("reader_env"));
        QCOMPARE(o.value("services").toObject().keys(), QStringList{"web"});
        QCOMPARE(
            o.value("networks").toObject().value("default").toObject().value("name").toString(),
            QStringLiteral("reader_env_default"));
    }

    void everyErrorWithItsLine() {
        const QString file = work_.filePath("bad/compose.yml");
        const auto r = run({"validate", file});
        QCOMPARE(r.exitCode, 1);
        QVERIFY(r.out.isEmpty());
        const QStringList lines = QString::fromUtf8(r.err).split(u'\n', Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 3);
        QVERIFY2(lines[0].startsWith(file + QStringLiteral(":4:5: services.web.build: ")),
                 qPrintable(lines[0]));
        QVERIFY(lines[0].contains(QStringLiteral("build the image first")));
        QVERIFY2(lines[1].startsWith(file + QStringLiteral(":6:18: services.web.depends_on[0]: ")),
                 qPrintable(lines[1]));
        // An env file's error names that file and its own line.
        QVERIFY2(lines[2].startsWith(QDir(work_.filePath("bad")).absolutePath() +
                                     QStringLiteral("/web.env:2:1: ")),
                 qPrintable(lines[2]));

        const auto json = run({"validate", file, "--json"});
        QCOMPARE(json.exitCode, 1);
        const QJsonObject o = QJsonDocument::fromJson(json.out).object();
        QCOMPARE(o.value("ok").toBool(true), false);
        const QJsonArray errors = o.value("errors").toArray();
        QCOMPARE(errors.size(), 3);
        QCOMPARE(errors[0].toObject().value("line").toInt(), 4);
        QCOMPARE(errors[0].toObject().value("key").toString(),
                 QStringLiteral("services.web.build"));
    }

    // Read no further than the bound, and refused without being parsed.
    void oversizeFile() {
        write("big/compose.yml", "services: [" + QByteArray(2 * 1024 * 1024, '['));
        const auto r = run({"validate", work_.filePath("big/compose.yml")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(": a template may have at most 1048576 bytes"), r.err.constData());
    }

    void builtInTemplate() {
        const auto r = run(
            {"validate", QStringLiteral(SLIPWAY_SOURCE_DIR "/resources/templates/web-stack.yml")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("condition: service_healthy"));
    }

    void badUsage_data() {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("message");
        QTest::newRow("no subcommand") << QStringList{} << 2 << "Usage: slipctl env";
        QTest::newRow("unknown subcommand") << QStringList{"nope"} << 2 << "unknown subcommand";
        QTest::newRow("no file") << QStringList{"validate"} << 2 << "expected one FILE";
        QTest::newRow("two files") << QStringList{"validate", "a", "b"} << 2 << "expected one FILE";
        QTest::newRow("bad var") << QStringList{"validate", "f.yml", "--var", "NOEQUALS"} << 2
                                 << "--var \"NOEQUALS\"";
        QTest::newRow("unknown option")
            << QStringList{"validate", "f.yml", "--kind"} << 2 << "kind";
        QTest::newRow("bad project name")
            << QStringList{"validate", "f.yml", "--project-name", "!!"} << 2 << "--project-name";
        QTest::newRow("missing file") << QStringList{"validate", "/nonexistent/reader.yml"} << 1
                                      << "cannot read /nonexistent/reader.yml";
    }

    void badUsage() {
        QFETCH(QStringList, args);
        QFETCH(int, code);
        QFETCH(QString, message);
        const auto r = run(args);
        QCOMPARE(r.exitCode, code);
        QVERIFY2(QString::fromUtf8(r.err).contains(message), r.err.constData());
    }

    void help() {
        const auto r = run({"validate", "--help"});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.contains("--project-name"));
    }
};

QTEST_GUILESS_MAIN(TestEnvValidate)
#include "tst_envvalidate.moc"
