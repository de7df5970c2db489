// Bad Compose templates: each refused with its file, line, column, key and a reason that names
// the problem: unknown and refused keys, bad interpolation, cycles, port clashes, undeclared
// volumes and networks, missing env files, relative bind mounts for a remote host, files too
// large or too deep (refused before yaml-cpp parses them), alias bombs; and every error found,
// not just the first.
#include "core/environments/composereader.h"
#include "core/environments/yamltree.h"

#include <QtTest>

using namespace slipway::core::env;

namespace {

ComposeResult read(const QByteArray &yaml, bool remote = false,
                   const QMap<QString, QByteArray> &files = {}) {
    ComposeInput in;
    in.fileName = QStringLiteral("t.yml");
    in.compose = yaml;
    in.files = files;
    in.projectName = QStringLiteral("errs");
    in.baseDirectory = QStringLiteral("/srv/tpl");
    in.remoteHost = remote;
    return ComposeReader::read(in);
}

QString dump(const QList<TemplateError> &errors) {
    QString s;
    for (const TemplateError &e : errors)
        s += QStringLiteral("%1:%2:%3: %4: %5\n")
                 .arg(e.file)
                 .arg(e.pos.line)
                 .arg(e.pos.column)
                 .arg(e.key, e.message);
    return s;
}

} // namespace

class TestComposeErrors : public QObject {
    Q_OBJECT

private slots:
    void refused_data() {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, const QByteArray &yaml, int line, int column,
                            const QString &key, const QString &message) {
            QTest::newRow(name) << yaml << line << column << key << message;
        };
        const QByteArray svc = "services:\n  a:\n    image: x\n";
        row("unknown service key", svc + "    imgae: y\n", 4, 5, "services.a.imgae",
            "unknown key \"imgae\"");
        row("unknown top key", "servics: {}\n" + svc, 1, 1, "servics", "unknown key");
        row("build", svc + "    build: .\n", 4, 5, "services.a.build", "build the image first");
        row("secrets top", svc + "secrets:\n  s: {file: ./s}\n", 4, 1, "secrets",
            "\"secrets\" is not supported");
        row("secrets service", svc + "    secrets: [s]\n", 4, 5, "services.a.secrets", "variables");
        row("configs", svc + "    configs: [c]\n", 4, 5, "services.a.configs", "configs");
        row("profiles", svc + "    profiles: [debug]\n", 4, 5, "services.a.profiles",
            "every service of a template");
        row("container_name", svc + "    container_name: fixed\n", 4, 5,
            "services.a.container_name", "clash");
        row("extends", svc + "    extends: {service: b}\n", 4, 5, "services.a.extends",
            "merge keys");
        row("ipam", svc + "networks:\n  n:\n    ipam: {}\n", 6, 5, "networks.n.ipam",
            "address pool");
        row("deploy resources", svc + "    deploy: {resources: {}}\n", 4, 14,
            "services.a.deploy.resources", "mem_limit and cpus");
        row("x- not allowed in depends_on entry",
            svc + "    depends_on:\n      b: {x-a: 1}\n  b: {image: y}\n", 5, 11,
            "services.a.depends_on.b.x-a", "not allowed here");
        row("x-slipway unknown", "x-slipway: {owner: me}\n" + svc, 1, 13, "x-slipway.owner",
            "unknown key");
        row("bad interpolation", svc + "    hostname: ab$5\n", 4, 17, "services.a.hostname",
            "invalid interpolation");
        row("bad interpolation quoted", svc + "    user: \"x${A B}\"\n", 4, 13, "services.a.user",
            "$$");
        row("required variable", svc + "    environment:\n      A: ${PASS:?set PASS first}\n", 5,
            10, "services.a.environment.A", "set PASS first");
        row("cycle",
            "services:\n  a: {image: x, depends_on: [b]}\n  b: {image: x, depends_on: [c]}\n"
            "  c: {image: x, depends_on: [a]}\n",
            4, 30, "services.c.depends_on[0]", "a -> b -> c -> a");
        row("self dependency", "services:\n  a: {image: x, depends_on: [a]}\n", 2, 30,
            "services.a.depends_on[0]", "a -> a");
        row("unknown dependency", svc + "    depends_on: {nope: {condition: service_started}}\n", 4,
            18, "services.a.depends_on.nope", "\"nope\", which is not a service");
        row("bad condition", svc + "    depends_on: {b: {condition: healthy}}\n  b: {image: y}\n",
            4, 33, "services.a.depends_on.b.condition", "service_healthy");
        row("port clash",
            "services:\n  a:\n    image: x\n    ports: ['8080:80']\n  b:\n    image: x\n"
            "    ports:\n      - 127.0.0.1:8079-8081:90-92\n",
            8, 9, "services.b.ports[0]", "8080/tcp is already published by services.a.ports[0]");
        row("port clash long form",
            svc + "    ports: ['9000:1']\n  b:\n    image: x\n    ports:\n"
                  "      - {target: 2, published: 9000}\n",
            8, 9, "services.b.ports[0]", "9000/tcp");
        row("undeclared volume", svc + "    volumes: ['data:/data']\n", 4, 15,
            "services.a.volumes[0]", "volume \"data\" is not declared");
        row("undeclared volume long",
            svc + "    volumes:\n      - type: volume\n        source: data\n        target: /d\n",
            5, 9, "services.a.volumes[0]", "not declared");
        row("undeclared network", svc + "    networks: [front]\n", 4, 16, "services.a.networks[0]",
            "network \"front\" is not declared");
        row("bind on remote host", svc + "    volumes: ['./html:/www']\n", 4, 15,
            "services.a.volumes[0]", "REMOTE");
        row("home bind", svc + "    volumes: ['~/x:/x']\n", 4, 15, "services.a.volumes[0]",
            "absolute path");
        row("volume option", svc + "    volumes: ['/x:/x:z']\n", 4, 15, "services.a.volumes[0]",
            "\"z\"");
        row("missing env file", svc + "    env_file: [a.env, gone.env]\n", 4, 15,
            "services.a.env_file", "\"gone.env\" is not part of the template");
        row("env file outside", svc + "    env_file: ../x.env\n", 4, 15, "services.a.env_file",
            "inside the template's folder");
        row("no image", "services:\n  a: {command: x}\n", 2, 3, "services.a", "no image");
        row("bad duration", svc + "    healthcheck: {interval: 5 minutes}\n", 4, 29,
            "services.a.healthcheck.interval", "1m30s");
        row("bad bool", svc + "    tty: maybe\n", 4, 10, "services.a.tty", "true or false");
        row("bad port", svc + "    ports: ['80:70000']\n", 4, 13, "services.a.ports[0]",
            "container port");
        row("bad protocol", svc + "    ports: ['80/icmp']\n", 4, 13, "services.a.ports[0]",
            "tcp, udp or sctp");
        row("bad restart", svc + "    restart: sometimes\n", 4, 14, "services.a.restart",
            "on-failure");
        row("scale and replicas", svc + "    deploy: {replicas: 2}\n    scale: 3\n", 5, 12,
            "services.a.scale", "both");
        row("disabled healthcheck with test", svc + "    healthcheck: {disable: true, test: x}\n",
            4, 40, "services.a.healthcheck.test", "disabled");
        row("services not a mapping", "services: [a]\n", 1, 11, "services", "mapping");
        row("empty file", "", 0, 0, "", "empty");
        row("duplicate key", svc + "    image: y\n", 4, 5, "image", "duplicate key");
        row("merge of a scalar", "services:\n  a:\n    <<: 3\n    image: x\n", 3, 9, "<<",
            "merge key");
        row("non-string key", "services:\n  [a]: {image: x}\n", 2, 3, "", "a key must be a string");
        row("two documents", svc + "---\n" + svc, 4, 1, "", "one YAML document");
        row("syntax error", "services:\n  a: [image\n  b: x\n", 3, 4, "", "flow not found");
        row("external with driver", svc + "volumes:\n  v:\n    external: true\n    driver: x\n", 7,
            5, "volumes.v.driver", "external");
        row("unclosed quote in command", svc + "    command: echo 'hi\n", 4, 14,
            "services.a.command", "unclosed quote");
        row("port range too large", svc + "    ports: ['1000-9000:1000-9000']\n", 4, 13,
            "services.a.ports[0]", "at most 1000 ports");
        // yaml-cpp's LoadAll reports empty documents after this one for ever.
        row("garbage after a flow sequence", "[]e\n", 1, 3, "", "one YAML document");
        row("keep-volumes undeclared", "x-slipway: {keep-volumes: [v]}\n" + svc, 1, 27,
            "x-slipway.keep-volumes", "not declared");
    }

    void refused() {
        QFETCH(QByteArray, yaml);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, key);
        QFETCH(QString, message);
        const bool remote = message == QLatin1String("REMOTE");
        if (remote)
            message = QStringLiteral("host is remote");
        const ComposeResult r =
            read(yaml, remote, {{QStringLiteral("a.env"), QByteArray("A=1\n")}});
        QVERIFY(!r.project);
        QVERIFY(!r.errors.isEmpty());
        const TemplateError &e = r.errors.first();
        const QString all = dump(r.errors);
        QCOMPARE(e.file, QStringLiteral("t.yml"));
        QVERIFY2(e.pos.line == line && e.pos.column == column, qPrintable(all));
        QVERIFY2(e.key == key, qPrintable(all));
        QVERIFY2(e.message.contains(message), qPrintable(all));
        QVERIFY2(!e.message.isEmpty(), qPrintable(all));
    }

    // The bind mount that is refused for a remote host is fine for a local one.
    void relativeBindLocal() {
        const ComposeResult r = read("services:\n  a:\n    image: x\n    volumes: ['./h:/h']\n");
        QVERIFY(r.project);
        QCOMPARE(r.project->services[0].volumes[0].source, QStringLiteral("/srv/tpl/h"));
    }

    void portsThatDoNotClash() {
        const ComposeResult r = read("services:\n  a:\n    image: x\n"
                                     "    ports: ['8080:80', '8080:80/udp', '127.0.0.1:81:81']\n"
                                     "  b:\n    image: x\n    ports: ['127.0.0.2:81:81', 80]\n");
        QVERIFY2(r.project, qPrintable(dump(r.errors)));
    }

    void envFileErrorsNameTheirFile() {
        const ComposeResult r =
            read("services:\n  a:\n    image: x\n    env_file: a.env\n"
                 "  b:\n    image: x\n    env_file: [a.env]\n",
                 false, {{QStringLiteral("a.env"), QByteArray("OK=1\nnot a line\nQ='open\n")}});
        QCOMPARE(r.errors.size(), 2);
        QCOMPARE(r.errors[0].file, QStringLiteral("a.env"));
        QCOMPARE(r.errors[0].pos.line, 2);
        QCOMPARE(r.errors[1].pos.line, 3);
        QVERIFY(r.errors[1].message.contains(QStringLiteral("quote")));
    }

    void everyErrorIsReported() {
        const ComposeResult r = read("services:\n"
                                     "  a:\n"
                                     "    image: x\n"
                                     "    build: .\n"
                                     "    tty: nope\n"
                                     "    ports: ['1:1', '1:1']\n"
                                     "    links: [b]\n"
                                     "  b:\n"
                                     "    image: ${X:?}\n"
                                     "    depends_on: [c]\n");
        QStringList keys;
        for (const TemplateError &e : r.errors)
            keys.append(e.key);
        QCOMPARE(keys,
                 (QStringList{"services.a.build", "services.a.tty", "services.a.ports[1]",
                              "services.a.links", "services.b.image", "services.b.depends_on[0]"}));
        for (int i = 1; i < r.errors.size(); ++i)
            QVERIFY(r.errors[i - 1].pos.line <= r.errors[i].pos.line);
    }

    void oversizeRefusedBeforeParsing() {
        // Not even YAML: were it parsed, the error would be a syntax error.
        QByteArray big = "services: [\n" + QByteArray(YamlTree::maxBytes, '[');
        const ComposeResult r = read(big);
        QCOMPARE(r.errors.size(), 1);
        QCOMPARE(r.errors[0].pos.line, 0);
        QVERIFY(r.errors[0].message.contains(QString::number(YamlTree::maxBytes)));
    }

    void tooDeepRefusedBeforeParsing_data() {
        QTest::addColumn<QByteArray>("yaml");
        QTest::addColumn<int>("line");
        const int n = YamlTree::maxDepth + 5;
        QTest::newRow("flow") << "x-a: " + QByteArray(n, '[') + QByteArray(n, ']') + "\n" << 1;
        QByteArray block = "services:\n";
        for (int i = 0; i < n; ++i)
            block += QByteArray(2 * (i + 1), ' ') + "k" + QByteArray::number(i) + ":\n";
        QTest::newRow("block mappings") << block << YamlTree::maxDepth;
        QByteArray seq = "x-a:\n  ";
        for (int i = 0; i < n; ++i)
            seq += "- ";
        QTest::newRow("compact sequences") << seq + "x\n" << 2;
        // Unbalanced, so that yaml-cpp would fail on it differently if it were parsed.
        QTest::newRow("flow over lines") << "x-a: {a: [\n" + QByteArray(n, '{') + "\n" << 2;
    }

    void tooDeepRefusedBeforeParsing() {
        QFETCH(QByteArray, yaml);
        QFETCH(int, line);
        QVERIFY(YamlTree::nestingDepth(yaml) > YamlTree::maxDepth);
        const ComposeResult r = read(yaml);
        QCOMPARE(r.errors.size(), 1);
        QVERIFY2(r.errors[0].message.contains(QStringLiteral("nested deeper than 64")),
                 qPrintable(dump(r.errors)));
        QVERIFY(r.errors[0].pos.line >= line);
    }

    // What the scan must not count: brackets inside quotes, plain scalars and comments, and
    // the lines of a block scalar.
    void nestingScanIsNotFooled() {
        const QByteArray n(100, '[');
        const QByteArray yaml = "services:\n"
                                "  a:\n"
                                "    image: x\n"
                                "    command: echo " +
                                n +
                                "\n"
                                "    user: \"" +
                                n +
                                "\"\n"
                                "    hostname: '" +
                                n + "'  # " + n +
                                "\n"
                                "    entrypoint: |\n" +
                                [] {
                                    QByteArray lines;
                                    for (int i = 0; i < 100; ++i)
                                        lines += QByteArray(6 + i, ' ') + "{[ x\n";
                                    return lines;
                                }() +
                                "    working_dir: /w\n";
        QVERIFY(YamlTree::nestingDepth(yaml) < 8);
        const ComposeResult r = read(yaml);
        QVERIFY2(r.project, qPrintable(dump(r.errors)));
        QCOMPARE(r.project->services[0].workingDir, QStringLiteral("/w"));
    }

    void aliasBombRefused() {
        QByteArray yaml = "x-0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
        for (int i = 1; i < 9; ++i)
            yaml += QStringLiteral("x-%1: &a%1 [*a%2, *a%2, *a%2, *a%2, *a%2, *a%2, *a%2, *a%2, "
                                   "*a%2, *a%2]\n")
                        .arg(i)
                        .arg(i - 1)
                        .toUtf8();
        yaml += "services:\n  a:\n    image: x\n    command: *a8\n";
        const ComposeResult r = read(yaml);
        QVERIFY(!r.project);
        QVERIFY2(dump(r.errors).contains(QStringLiteral("more than 200000 nodes")),
                 qPrintable(dump(r.errors)));
    }
};

QTEST_GUILESS_MAIN(TestComposeErrors)
#include "tst_composeerrors.moc"
