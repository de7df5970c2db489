// The Compose template reader on templates that are right: every honoured key read into the
// ComposeProject as docker-compose reads it (short and long forms, interpolation, anchors and
// merge keys, env files from the given map, never from the disk or the process environment),
// the dependency waves, and the writer's output read back to the same project.
#include "core/environments/composereader.h"
#include "core/environments/composewriter.h"
#include "core/environments/interpolation.h"

#include <QtTest>

using namespace slipway::core::env;

namespace {

ComposeResult read(const QByteArray &yaml, const QMap<QString, QString> &vars = {},
                   const QMap<QString, QByteArray> &files = {}) {
    ComposeInput in;
    in.compose = yaml;
    in.variables = vars;
    in.files = files;
    in.projectName = QStringLiteral("reader-test");
    in.baseDirectory = QStringLiteral("/srv/tpl");
    return ComposeReader::read(in);
}

QString dump(const ComposeResult &r) {
    QString s;
    for (const TemplateError &e : r.errors)
        s += QStringLiteral("%1:%2:%3: %4: %5\n")
                 .arg(e.file)
                 .arg(e.pos.line)
                 .arg(e.pos.column)
                 .arg(e.key, e.message);
    return s;
}

ComposeProject ok(const QByteArray &yaml, const QMap<QString, QString> &vars = {},
                  const QMap<QString, QByteArray> &files = {}) {
    const ComposeResult r = read(yaml, vars, files);
    if (!r.project)
        qWarning().noquote() << dump(r);
    return r.project.value_or(ComposeProject{});
}

} // namespace

class TestComposeReader : public QObject {
    Q_OBJECT

private slots:
    void imageCommandEntrypoint() {
        const ComposeProject p = ok("version: '3.8'\n"
                                    "services:\n"
                                    "  a:\n"
                                    "    image: nginx:1.25\n"
                                    "    command: sh -c 'echo \"hi there\"' x\\ y\n"
                                    "    entrypoint: [/bin/init, --]\n"
                                    "  b:\n"
                                    "    image: r/x@sha256:" +
                                    QByteArray(64, 'a') + "\n");
        QCOMPARE(p.name, QStringLiteral("reader-test"));
        QCOMPARE(p.services.size(), 2);
        const ServiceSpec *a = p.service(QStringLiteral("a"));
        QVERIFY(a);
        QCOMPARE(a->image, QStringLiteral("nginx:1.25"));
        QCOMPARE(*a->command, (QStringList{"sh", "-c", "echo \"hi there\"", "x y"}));
        QCOMPARE(*a->entrypoint, (QStringList{"/bin/init", "--"}));
        QCOMPARE(p.service(QStringLiteral("b"))->image, "r/x@sha256:" + QString(64, u'a'));
        QVERIFY(!p.service(QStringLiteral("b"))->command);
        QCOMPARE(a->networks.size(), 1);
        QCOMPARE(a->networks[0].network, QStringLiteral("default"));
        QCOMPARE(p.networks.size(), 1);
        QCOMPARE(p.networks[0].name, QStringLiteral("reader-test_default"));
        QVERIFY(!p.service(QStringLiteral("c")));
    }

    void environmentAndEnvFiles() {
        const QByteArray yaml = "services:\n"
                                "  a:\n"
                                "    image: x\n"
                                "    env_file: [./common.env, a.env]\n"
                                "    environment:\n"
                                "      - OVER=environment\n"
                                "      - FROMVAR\n"
                                "      - UNSET\n"
                                "  b:\n"
                                "    image: x\n"
                                "    env_file: common.env\n"
                                "    environment:\n"
                                "      N: 3\n"
                                "      T: true\n"
                                "      E:\n"
                                "      ALSO: ${FROMVAR}\n";
        const QMap<QString, QByteArray> files{
            {QStringLiteral("common.env"),
             "# comment\nexport OVER=file\nPLAIN=a b # note\nQ='x # y'\n"
             "D=\"l1\\nl2\"\nUNSET=in-file\nREF=${FROMVAR}-${NOPE:-dflt}\n"},
            {QStringLiteral("a.env"), "A=1\n"}};
        const ComposeResult r =
            read(yaml, {{QStringLiteral("FROMVAR"), QStringLiteral("v")}}, files);
        QVERIFY2(r.project, qPrintable(dump(r)));
        QCOMPARE(r.namedFiles, (QStringList{"common.env", "a.env"}));
        const auto &a = r.project->service(QStringLiteral("a"))->environment;
        QCOMPARE(a.value("OVER"), QStringLiteral("environment"));
        QCOMPARE(a.value("PLAIN"), QStringLiteral("a b"));
        QCOMPARE(a.value("Q"), QStringLiteral("x # y"));
        QCOMPARE(a.value("D"), QStringLiteral("l1\nl2"));
        QCOMPARE(a.value("REF"), QStringLiteral("v-dflt"));
        QCOMPARE(a.value("A"), QStringLiteral("1"));
        QCOMPARE(a.value("FROMVAR"), QStringLiteral("v"));
        // A bare KEY with no such variable unsets it, even over an env file.
        QVERIFY(!a.contains("UNSET"));
        const auto &b = r.project->service(QStringLiteral("b"))->environment;
        QCOMPARE(b.value("N"), QStringLiteral("3"));
        QCOMPARE(b.value("T"), QStringLiteral("true"));
        QVERIFY(!b.contains("E"));
        QCOMPARE(b.value("ALSO"), QStringLiteral("v"));
        QCOMPARE(b.value("UNSET"), QStringLiteral("in-file"));
    }

    void ports() {
        const ComposeProject p = ok("services:\n"
                                    "  a:\n"
                                    "    image: x\n"
                                    "    ports:\n"
                                    "      - 80\n"
                                    "      - \"8080:80\"\n"
                                    "      - 127.0.0.1:9000-9001:9000-9001/udp\n"
                                    "      - 7000-7001:70\n"
                                    "      - \"[::1]:5353:53/udp\"\n"
                                    "      - target: 443\n"
                                    "        published: 8443\n"
                                    "        protocol: tcp\n"
                                    "        mode: host\n"
                                    "        x-note: ignored\n");
        const auto &ports = p.service(QStringLiteral("a"))->ports;
        QCOMPARE(ports.size(), 7);
        QCOMPARE(ports[0].target, 80);
        QVERIFY(ports[0].published.isEmpty());
        QCOMPARE(ports[1].published, QStringLiteral("8080"));
        QCOMPARE(ports[2].hostIp, QStringLiteral("127.0.0.1"));
        QCOMPARE(ports[2].published, QStringLiteral("9000"));
        QCOMPARE(ports[3].published, QStringLiteral("9001"));
        QCOMPARE(ports[3].target, 9001);
        QCOMPARE(ports[3].protocol, QStringLiteral("udp"));
        QCOMPARE(ports[4].published, QStringLiteral("7000-7001"));
        QCOMPARE(ports[4].target, 70);
        QCOMPARE(ports[5].hostIp, QStringLiteral("::1"));
        QCOMPARE(ports[5].target, 53);
        QCOMPARE(ports[6].published, QStringLiteral("8443"));
        QCOMPARE(ports[6].target, 443);
    }

    // Found by fuzz_compose_template: a long-form "02" was kept as text, so the written
    // template read back as a different project ("2").
    void portsWithLeadingZerosAreNumbers() {
        const ComposeProject p = ok("services:\n"
                                    "  a:\n"
                                    "    image: x\n"
                                    "    ports:\n"
                                    "      - \"0080-0081:80-81\"\n"
                                    "      - \"0090:90\"\n"
                                    "      - target: 1\n"
                                    "        published: \"02\"\n"
                                    "      - target: 3\n"
                                    "        published: \"007-08\"\n");
        const auto &ports = p.service(QStringLiteral("a"))->ports;
        QCOMPARE(ports.size(), 5);
        QCOMPARE(ports[0].published, QStringLiteral("80"));
        QCOMPARE(ports[1].published, QStringLiteral("81"));
        QCOMPARE(ports[2].published, QStringLiteral("90"));
        QCOMPARE(ports[3].published, QStringLiteral("2"));
        QCOMPARE(ports[4].published, QStringLiteral("7-8"));
    }

    void volumes() {
        const ComposeProject p = ok("services:\n"
                                    "  a:\n"
                                    "    image: x\n"
                                    "    volumes:\n"
                                    "      - data:/data\n"
                                    "      - ./html:/www:ro\n"
                                    "      - /var/log:/logs:rw\n"
                                    "      - /anon\n"
                                    "      - type: tmpfs\n"
                                    "        target: /tmp\n"
                                    "      - type: volume\n"
                                    "        source: data\n"
                                    "        target: /more\n"
                                    "        read_only: true\n"
                                    "      - type: bind\n"
                                    "        source: ../shared\n"
                                    "        target: /shared\n"
                                    "volumes:\n"
                                    "  data:\n"
                                    "    labels: [a=b]\n"
                                    "  ext:\n"
                                    "    external: true\n"
                                    "  named:\n"
                                    "    name: fixed\n"
                                    "    driver: local\n"
                                    "    driver_opts: {type: none}\n");
        const auto &v = p.service(QStringLiteral("a"))->volumes;
        QCOMPARE(v.size(), 7);
        QCOMPARE(v[0].type, MountSpec::Type::Volume);
        QCOMPARE(v[0].source, QStringLiteral("data"));
        QCOMPARE(v[0].pos.line, 5);
        QCOMPARE(v[1].type, MountSpec::Type::Bind);
        QCOMPARE(v[1].source, QStringLiteral("/srv/tpl/html"));
        QVERIFY(v[1].readOnly);
        QCOMPARE(v[2].source, QStringLiteral("/var/log"));
        QVERIFY(!v[2].readOnly);
        QCOMPARE(v[3].type, MountSpec::Type::Volume);
        QVERIFY(v[3].source.isEmpty());
        QCOMPARE(v[4].type, MountSpec::Type::Tmpfs);
        QVERIFY(v[5].readOnly);
        QCOMPARE(v[6].source, QStringLiteral("/srv/shared"));
        QCOMPARE(p.volumes.size(), 3);
        QCOMPARE(p.volumes[0].name, QStringLiteral("reader-test_data"));
        QCOMPARE(p.volumes[0].labels.value("a"), QStringLiteral("b"));
        QCOMPARE(p.volumes[1].name, QStringLiteral("ext"));
        QVERIFY(p.volumes[1].external);
        QCOMPARE(p.volumes[2].name, QStringLiteral("fixed"));
        QCOMPARE(p.volumes[2].driverOpts.value("type"), QStringLiteral("none"));
    }

    void networks() {
        const ComposeProject p = ok("services:\n"
                                    "  a:\n"
                                    "    image: x\n"
                                    "    networks:\n"
                                    "      front:\n"
                                    "        aliases: [www, web]\n"
                                    "      back:\n"
                                    "  b:\n"
                                    "    image: x\n"
                                    "    networks: [back]\n"
                                    "networks:\n"
                                    "  front:\n"
                                    "    driver: bridge\n"
                                    "    internal: true\n"
                                    "    attachable: yes\n"
                                    "  back:\n"
                                    "  old:\n"
                                    "    external:\n"
                                    "      name: shared-net\n");
        const ServiceSpec *a = p.service(QStringLiteral("a"));
        QCOMPARE(a->networks.size(), 2);
        QCOMPARE(a->networks[0].network, QStringLiteral("front"));
        QCOMPARE(a->networks[0].aliases, (QStringList{"www", "web"}));
        QCOMPARE(p.service(QStringLiteral("b"))->networks[0].network, QStringLiteral("back"));
        // Nothing uses the default network, so there is none.
        QCOMPARE(p.networks.size(), 3);
        QCOMPARE(p.networks[0].key, QStringLiteral("back"));
        QCOMPARE(p.networks[1].key, QStringLiteral("front"));
        QVERIFY(p.networks[1].internal);
        QVERIFY(p.networks[1].attachable);
        QCOMPARE(p.networks[1].name, QStringLiteral("reader-test_front"));
        QCOMPARE(p.networks[2].name, QStringLiteral("shared-net"));
        QVERIFY(p.networks[2].external);
    }

    void healthcheckLabelsDeployAndSimpleKeys() {
        const ComposeProject p = ok("services:\n"
                                    "  a:\n"
                                    "    image: x\n"
                                    "    healthcheck:\n"
                                    "      test: wget -q http://127.0.0.1/health\n"
                                    "      interval: 1m30s\n"
                                    "      timeout: 1.5s\n"
                                    "      start_period: 250ms\n"
                                    "      retries: 4\n"
                                    "    labels: [k=v, bare]\n"
                                    "    deploy: {replicas: 3}\n"
                                    "    working_dir: /w\n"
                                    "    user: '1000:1000'\n"
                                    "    hostname: h\n"
                                    "    restart: on-failure:3\n"
                                    "    stop_grace_period: 1m30s\n"
                                    "    stop_signal: SIGINT\n"
                                    "    tty: true\n"
                                    "    stdin_open: yes\n"
                                    "    extra_hosts: ['db:10.0.0.1']\n"
                                    "    mem_limit: 512m\n"
                                    "    cpus: 0.5\n"
                                    "  b:\n"
                                    "    image: x\n"
                                    "    scale: 2\n"
                                    "    labels: {x: 1}\n"
                                    "    healthcheck:\n"
                                    "      disable: true\n"
                                    "    extra_hosts: {cache: 10.0.0.2}\n"
                                    "  c:\n"
                                    "    image: x\n"
                                    "    healthcheck:\n"
                                    "      test: [CMD, true]\n");
        const ServiceSpec *a = p.service(QStringLiteral("a"));
        QVERIFY(a->healthcheck);
        QCOMPARE(a->healthcheck->test,
                 (QStringList{"CMD-SHELL", "wget -q http://127.0.0.1/health"}));
        QCOMPARE(a->healthcheck->intervalMs, 90000);
        QCOMPARE(a->healthcheck->timeoutMs, 1500);
        QCOMPARE(a->healthcheck->startPeriodMs, 250);
        QCOMPARE(a->healthcheck->retries, 4);
        QCOMPARE(a->labels.value("k"), QStringLiteral("v"));
        QVERIFY(a->labels.contains("bare"));
        QCOMPARE(a->replicas, 3);
        QCOMPARE(a->workingDir, QStringLiteral("/w"));
        QCOMPARE(a->user, QStringLiteral("1000:1000"));
        QCOMPARE(a->hostname, QStringLiteral("h"));
        QCOMPARE(a->restart, QStringLiteral("on-failure:3"));
        QCOMPARE(a->stopGraceSeconds.value_or(0), 90);
        QCOMPARE(a->stopSignal, QStringLiteral("SIGINT"));
        QVERIFY(a->tty);
        QVERIFY(a->stdinOpen);
        QCOMPARE(a->extraHosts, QStringList{"db:10.0.0.1"});
        QCOMPARE(a->memLimitBytes, 512LL * 1024 * 1024);
        QCOMPARE(a->cpus, 0.5);
        const ServiceSpec *b = p.service(QStringLiteral("b"));
        QCOMPARE(b->replicas, 2);
        QCOMPARE(b->labels.value("x"), QStringLiteral("1"));
        QCOMPARE(b->healthcheck->test, QStringList{"NONE"});
        QCOMPARE(b->extraHosts, QStringList{"cache:10.0.0.2"});
        QCOMPARE(p.service(QStringLiteral("c"))->healthcheck->test, (QStringList{"CMD", "true"}));
        QCOMPARE(b->stopGraceSeconds, std::nullopt);
    }

    void dependsOnAndWaves() {
        const ComposeProject p = ok("services:\n"
                                    "  web:\n"
                                    "    image: x\n"
                                    "    depends_on:\n"
                                    "      api: {condition: service_healthy}\n"
                                    "      init: {condition: service_completed_successfully}\n"
                                    "  api:\n"
                                    "    image: x\n"
                                    "    depends_on: [db, queue]\n"
                                    "  db: {image: x}\n"
                                    "  queue: {image: x}\n"
                                    "  init:\n"
                                    "    image: x\n"
                                    "    depends_on:\n"
                                    "      db:\n"
                                    "        condition: service_started\n");
        const ServiceSpec *web = p.service(QStringLiteral("web"));
        QCOMPARE(web->dependsOn.size(), 2);
        QCOMPARE(web->dependsOn[0].condition, Dependency::Condition::Healthy);
        QCOMPARE(web->dependsOn[1].condition, Dependency::Condition::CompletedSuccessfully);
        QCOMPARE(p.service(QStringLiteral("api"))->dependsOn[1].service, QStringLiteral("queue"));
        QCOMPARE(p.service(QStringLiteral("init"))->dependsOn[0].condition,
                 Dependency::Condition::Started);
        const QList<QStringList> waves = p.waves();
        QCOMPARE(waves, (QList<QStringList>{{"db", "queue"}, {"api", "init"}, {"web"}}));
        // Sorted by name.
        QCOMPARE(p.services.first().name, QStringLiteral("api"));
        ComposeProject cyclic = p;
        cyclic.services[2].dependsOn.append({QStringLiteral("web"), {}}); // db -> web
        QVERIFY(cyclic.waves().isEmpty());
    }

    void interpolation() {
        const QMap<QString, QString> vars{{"SET", "s"}, {"EMPTY", ""}};
        const auto apply = [&](const QString &t) {
            return Interpolation::apply(t, vars);
        };
        QCOMPARE(apply("a${SET}b$SET.c").value, QStringLiteral("asbs.c"));
        QCOMPARE(apply("$$SET and $${SET}").value, QStringLiteral("$SET and ${SET}"));
        QCOMPARE(apply("${UNSET}|$UNSET|").value, QStringLiteral("||"));
        QCOMPARE(apply("${EMPTY:-d}${EMPTY-d}${UNSET-d}${UNSET:-d w}").value,
                 QStringLiteral("ddd w"));
        QCOMPARE(apply("${SET:?no}${EMPTY?no}").value, QStringLiteral("s"));
        QVERIFY(apply("${EMPTY:?must be set}").error.contains(QStringLiteral("must be set")));
        QVERIFY(apply("${UNSET?}").error.contains(QStringLiteral("UNSET")));
        for (const QString bad : {"$", "a $ b", "${", "${}", "${1A}", "${A:x}", "$5", "${A B}"})
            QVERIFY2(!apply(bad).error.isEmpty(), qPrintable(bad));
        QCOMPARE(apply("x${EMPTY:?m}").at, 1);
        // In a file: values and nested values, not keys.
        const ComposeProject p = ok("services:\n"
                                    "  a:\n"
                                    "    image: ${REG:-docker.io}/x:${TAG}\n"
                                    "    environment:\n"
                                    "      $$KEY: '${SET}'\n"
                                    "    labels:\n"
                                    "      - l=${SET}\n",
                                    {{"TAG", "1"}, {"SET", "v"}});
        const ServiceSpec *a = p.service(QStringLiteral("a"));
        QCOMPARE(a->image, QStringLiteral("docker.io/x:1"));
        QCOMPARE(a->environment.value("$$KEY"), QStringLiteral("v"));
        QCOMPARE(a->labels.value("l"), QStringLiteral("v"));
    }

    void anchorsAndMergeKeys() {
        // "<<" quoted is a key like any other: unknown.
        const ComposeResult quoted = read("services:\n  c:\n    image: c\n    \"<<\": {}\n");
        QVERIFY(!quoted.project);
        QCOMPARE(quoted.errors.size(), 1);
        QCOMPARE(quoted.errors[0].pos.line, 4);

        const ComposeProject q = ok("x-base: &base\n"
                                    "  image: base:1\n"
                                    "  restart: always\n"
                                    "  labels: &labels {team: a}\n"
                                    "x-more: &more\n"
                                    "  restart: unless-stopped\n"
                                    "  user: nobody\n"
                                    "  hostname: from-more\n"
                                    "services:\n"
                                    "  a:\n"
                                    "    <<: *base\n"
                                    "    restart: \"no\"\n"
                                    "  b:\n"
                                    "    <<: [*more, *base]\n"
                                    "    hostname: own\n"
                                    "  c:\n"
                                    "    image: c\n"
                                    "    labels: *labels\n"
                                    "    healthcheck:\n"
                                    "      <<: {test: [CMD, x], interval: 1s}\n"
                                    "      interval: 2s\n");
        const ServiceSpec *a = q.service(QStringLiteral("a"));
        QVERIFY(a);
        QCOMPARE(a->image, QStringLiteral("base:1"));
        QCOMPARE(a->restart, QStringLiteral("no")); // written explicitly: wins
        QCOMPARE(a->labels.value("team"), QStringLiteral("a"));
        const ServiceSpec *b = q.service(QStringLiteral("b"));
        QCOMPARE(b->restart, QStringLiteral("unless-stopped")); // the first source wins
        QCOMPARE(b->user, QStringLiteral("nobody"));
        QCOMPARE(b->image, QStringLiteral("base:1"));
        QCOMPARE(b->hostname, QStringLiteral("own"));
        const ServiceSpec *c = q.service(QStringLiteral("c"));
        QCOMPARE(c->labels.value("team"), QStringLiteral("a"));
        QCOMPARE(c->healthcheck->test, (QStringList{"CMD", "x"}));
        QCOMPARE(c->healthcheck->intervalMs, 2000);
    }

    void topLevelNameExtensionsAndSlipway() {
        ComposeInput in;
        in.compose = "name: My_Project.1\n"
                     "x-anything: {whatever: [1, 2]}\n"
                     "x-slipway:\n"
                     "  description: Demo stack\n"
                     "  keep-volumes: [data]\n"
                     "services:\n"
                     "  a:\n"
                     "    image: x\n"
                     "    x-notes: free\n"
                     "    volumes: [data:/d, scratch:/s]\n"
                     "    healthcheck: {test: [NONE], x-why: off}\n"
                     "    deploy: {replicas: 0, x-k: 1}\n"
                     "volumes:\n"
                     "  data:\n"
                     "  scratch:\n"
                     "    x-note: 1\n"
                     "networks:\n"
                     "  default:\n"
                     "    x-note: 1\n";
        ComposeResult r = ComposeReader::read(in);
        QVERIFY2(r.project, qPrintable(dump(r)));
        QCOMPARE(r.project->name, QStringLiteral("my_project1"));
        QCOMPARE(r.project->slipway.description, QStringLiteral("Demo stack"));
        QCOMPARE(r.project->slipway.keepVolumes, QStringList{"data"});
        QVERIFY(r.project->volumes[0].keep);
        QVERIFY(!r.project->volumes[1].keep);
        QCOMPARE(r.project->services[0].replicas, 0);
        QCOMPARE(r.project->networks.size(), 1); // declared default, not added twice
        in.projectName = QStringLiteral("Given");
        QCOMPARE(ComposeReader::read(in).project->name, QStringLiteral("given"));
        in.compose.replace("name: My_Project.1\n", "");
        in.projectName.clear();
        in.defaultProjectName = QStringLiteral("folder");
        QCOMPARE(ComposeReader::read(in).project->name, QStringLiteral("folder"));
    }

    // What the writer prints reads back to the same project.
    void writerRoundTrip() {
        const QByteArray yaml = "services:\n"
                                "  a:\n"
                                "    image: x:1\n"
                                "    command: [echo, '3', 'yes', '', '$$HOME']\n"
                                "    environment: {N: '007', B: 'true', S: ' padded '}\n"
                                "    ports: ['127.0.0.1:8080:80', 90, '[::1]::53/udp']\n"
                                "    volumes: [d:/d, /abs:/abs:ro, {type: tmpfs, target: /t}]\n"
                                "    networks: {n: {aliases: [al]}}\n"
                                "    healthcheck: {test: [CMD, x], interval: 1500ms, retries: 2}\n"
                                "    depends_on: {b: {condition: service_healthy}}\n"
                                "    deploy: {replicas: 2}\n"
                                "    restart: 'no'\n"
                                "    stop_grace_period: 3s\n"
                                "    mem_limit: 1g\n"
                                "    cpus: 1.25\n"
                                "    tty: true\n"
                                "  b: {image: y, entrypoint: ''}\n"
                                "networks: {n: {driver: bridge}}\n"
                                "volumes: {d: {labels: {k: v}}}\n"
                                "x-slipway: {description: d, keep-volumes: [d]}\n";
        const ComposeProject p = ok(yaml);
        QVERIFY(!p.services.isEmpty());
        ComposeInput again;
        again.compose = ComposeWriter::yaml(p);
        again.projectName = p.name;
        const ComposeResult r = ComposeReader::read(again);
        QVERIFY2(r.project, qPrintable(dump(r) + again.compose));
        QCOMPARE(ComposeWriter::json(*r.project), ComposeWriter::json(p));
        const ServiceSpec *a = r.project->service(QStringLiteral("a"));
        QCOMPARE(*a->command, (QStringList{"echo", "3", "yes", "", "$HOME"}));
        QVERIFY(again.compose.contains("$$HOME"));
        QCOMPARE(a->environment.value("N"), QStringLiteral("007"));
        QCOMPARE(a->environment.value("S"), QStringLiteral(" padded "));
        QCOMPARE(a->ports[2].hostIp, QStringLiteral("::1"));
        QCOMPARE(r.project->service(QStringLiteral("b"))->entrypoint, QStringList{});
        const QJsonObject json = ComposeWriter::toJson(p);
        QCOMPARE(json.value("name").toString(), QStringLiteral("reader-test"));
        QCOMPARE(json.value("services").toObject().keys(), (QStringList{"a", "b"}));
        QVERIFY(!again.compose.contains("name: reader-test\n"));
    }
};

QTEST_GUILESS_MAIN(TestComposeReader)
#include "tst_composereader.moc"
