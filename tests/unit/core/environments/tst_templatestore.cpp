// TemplateStore on a real SQLite file: versions only for changed content, line diffs between
// versions, imports from a folder and built-in seeding, each save audited.
#include "core/environments/templatestore.h"
#include "core/store/store.h"
#include "tests/support/teststore.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace slipway::core;
using namespace slipway::core::env;

namespace {

const QByteArray kCompose = "services:\n"
                            "  web:\n"
                            "    image: 127.0.0.1:5515/web:1\n"
                            "    env_file: app.env\n"
                            "  db:\n"
                            "    image: 127.0.0.1:5515/db:1\n";

TemplateContent content(const QByteArray &compose, const QByteArray &envFile = "A=1\n") {
    TemplateContent c;
    c.files.insert(c.composeFile, compose);
    c.files.insert(QStringLiteral("app.env"), envFile);
    return c;
}

int auditCount(Store &store, const QString &action) {
    int n = 0;
    for (const AuditEntry &e : store.audit(1000))
        n += e.action == action;
    return n;
}

bool writeFile(const QString &path, const QByteArray &bytes) {
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

} // namespace

class TestTemplateStore : public QObject {
    Q_OBJECT

private slots:
    void sameContentIsNoNewVersion() {
        QTemporaryDir dir;
        QString error;
        auto store = slipway::test::openTestStore(dir, &error, "s.sqlite");
        QVERIFY2(store, qPrintable(error));
        TemplateStore templates(store->database());

        auto first = templates.save("shop", content(kCompose), &error, "alice");
        QVERIFY2(first, qPrintable(error));
        QCOMPARE(first->version, 1);
        QVERIFY(first->created);
        auto again = templates.save("shop", content(kCompose), &error, "bob");
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->version, 1);
        QVERIFY(!again->created);
        // "./app.env" is the same file as "app.env": still the same content.
        TemplateContent dotted;
        dotted.files.insert(dotted.composeFile, kCompose);
        dotted.files.insert("./app.env", "A=1\n");
        QVERIFY(!templates.save("shop", dotted, &error)->created);

        auto changedEnv = templates.save("shop", content(kCompose, "A=2\n"), &error, "bob");
        QVERIFY2(changedEnv, qPrintable(error));
        QCOMPARE(changedEnv->version, 2);
        QVERIFY(changedEnv->created);
        // Back to the first content is a change too: a third version.
        QCOMPARE(templates.save("shop", content(kCompose), &error)->version, 3);

        const QList<TemplateVersion> history = templates.history("shop", &error);
        QCOMPARE(history.size(), 3);
        QCOMPARE(history.first().version, 3);
        QCOMPARE(history.last().version, 1);
        QCOMPARE(history.last().savedBy, slipway::test::testWho("alice"));
        QCOMPARE(history[1].savedBy, slipway::test::testWho("bob"));
        QVERIFY(history.last().savedAt.isValid());
        QCOMPARE(history.last().hash, content(kCompose).hash());

        const auto v2 = templates.version("shop", 2, &error);
        QVERIFY2(v2, qPrintable(error));
        QCOMPARE(v2->content.compose(), kCompose);
        QCOMPARE(v2->content.files.value("app.env"), QByteArray("A=2\n"));
        QCOMPARE(templates.version("shop", 0, &error)->version, 3);
        QVERIFY(!templates.version("shop", 9, &error));
        QVERIFY2(error.contains("no version 9"), qPrintable(error));

        const QList<TemplateSummary> all = templates.templates(&error);
        QCOMPARE(all.size(), 1);
        QCOMPARE(all.first().latest, 3);
        QCOMPARE(all.first().composeFile, QStringLiteral("compose.yaml"));
        // One audit row per new version, none for the saves that changed nothing.
        QCOMPARE(auditCount(*store, "template.save"), 3);
    }

    void badTemplatesAreRefused() {
        QTemporaryDir dir;
        QString error;
        auto store = slipway::test::openTestStore(dir, &error, "s.sqlite");
        QVERIFY2(store, qPrintable(error));
        TemplateStore templates(store->database());
        QVERIFY(!templates.save("bad name", content(kCompose), &error));
        QVERIFY2(error.contains("bad name"), qPrintable(error));
        QVERIFY(!templates.save("", content(kCompose), &error));

        TemplateContent escaping = content(kCompose);
        escaping.files.insert("../secrets.env", "X=1");
        QVERIFY(!templates.save("t", escaping, &error));
        QVERIFY2(error.contains("outside"), qPrintable(error));

        TemplateContent absolute = content(kCompose);
        absolute.files.insert("/etc/passwd", "x");
        QVERIFY(!templates.save("t", absolute, &error));
        QVERIFY2(error.contains("/etc/passwd"), qPrintable(error));

        TemplateContent noCompose;
        noCompose.composeFile = "docker-compose.yml";
        noCompose.files.insert("compose.yaml", kCompose);
        QVERIFY(!templates.save("t", noCompose, &error));
        QVERIFY2(error.contains("docker-compose.yml"), qPrintable(error));

        QVERIFY(!templates.save("t", content("  \n"), &error));
        QVERIFY2(error.contains("empty"), qPrintable(error));

        TemplateContent huge = content(kCompose);
        huge.files.insert("big.bin", QByteArray(TemplateRules::kMaxFileBytes + 1, 'x'));
        QVERIFY(!templates.save("t", huge, &error));
        QVERIFY2(error.contains("big.bin"), qPrintable(error));

        QVERIFY(templates.templates().isEmpty());
        QCOMPARE(auditCount(*store, "template.save"), 0);
    }

    void diffBetweenVersions() {
        QTemporaryDir dir;
        QString error;
        auto store = slipway::test::openTestStore(dir, &error, "s.sqlite");
        QVERIFY2(store, qPrintable(error));
        TemplateStore templates(store->database());
        QVERIFY(templates.save("shop", content(kCompose), &error));
        QByteArray changed = kCompose;
        changed.replace("web:1", "web:2");
        TemplateContent second = content(changed);
        second.files.remove("app.env");
        second.files.insert("nginx.conf", "listen 80;\n");
        QVERIFY(templates.save("shop", second, &error));

        const auto diff = templates.diff("shop", 1, 2, &error);
        QVERIFY2(diff, qPrintable(error));
        QCOMPARE(diff->files.size(), 3); // app.env removed, compose changed, nginx.conf added
        QCOMPARE(diff->files[0].file, QStringLiteral("app.env"));
        QCOMPARE(diff->files[0].change, FileDiff::Change::Removed);
        QCOMPARE(diff->files[1].file, QStringLiteral("compose.yaml"));
        QCOMPARE(diff->files[1].change, FileDiff::Change::Changed);
        QCOMPARE(diff->files[1].linesAdded, 1);
        QCOMPARE(diff->files[1].linesRemoved, 1);
        QCOMPARE(diff->files[1].text, QStringLiteral("--- a/compose.yaml (v1)\n"
                                                     "+++ b/compose.yaml (v2)\n"
                                                     "@@ -1,6 +1,6 @@\n"
                                                     " services:\n"
                                                     "   web:\n"
                                                     "-    image: 127.0.0.1:5515/web:1\n"
                                                     "+    image: 127.0.0.1:5515/web:2\n"
                                                     "     env_file: app.env\n"
                                                     "   db:\n"
                                                     "     image: 127.0.0.1:5515/db:1\n"));
        QCOMPARE(diff->files[2].change, FileDiff::Change::Added);
        QCOMPARE(diff->files[2].text, QStringLiteral("--- /dev/null\n"
                                                     "+++ b/nginx.conf (v2)\n"
                                                     "@@ -0,0 +1 @@\n"
                                                     "+listen 80;\n"));
        QVERIFY(diff->text().contains("-A=1\n"));
        QVERIFY(templates.diff("shop", 2, 2, &error)->isEmpty());
        QVERIFY(!templates.diff("shop", 1, 7, &error));
        QVERIFY(!templates.diff("nope", 1, 2, &error));
    }

    void unifiedDiffHunks() {
        QByteArray a;
        QByteArray b;
        for (int i = 1; i <= 20; ++i) {
            a += "line " + QByteArray::number(i) + "\n";
            b += (i == 3 ? QByteArray("third\n") : "line " + QByteArray::number(i) + "\n");
        }
        b += "tail";
        int added = 0;
        int removed = 0;
        const QString text = unifiedDiff("a", a, "b", b, 2, &added, &removed);
        // Two hunks: the changes are more than twice the context apart.
        QCOMPARE(text, QStringLiteral("--- a\n+++ b\n"
                                      "@@ -1,5 +1,5 @@\n"
                                      " line 1\n line 2\n-line 3\n+third\n line 4\n line 5\n"
                                      "@@ -19,2 +19,3 @@\n"
                                      " line 19\n line 20\n+tail\n"
                                      "\\ No newline at end of file\n"));
        QCOMPARE(added, 2);
        QCOMPARE(removed, 1);
        QVERIFY(unifiedDiff("a", a, "b", a).isEmpty());
        // A missing final newline is a difference of its own.
        QVERIFY(unifiedDiff("a", "x\n", "b", "x").contains("\\ No newline at end of file"));
        // Everything removed.
        QCOMPARE(unifiedDiff("a", "x\ny\n", "b", ""),
                 QStringLiteral("--- a\n+++ b\n@@ -1,2 +0,0 @@\n-x\n-y\n"));
    }

    void importFromFolder() {
        QTemporaryDir dir;
        QString error;
        auto store = slipway::test::openTestStore(dir, &error, "s.sqlite");
        QVERIFY2(store, qPrintable(error));
        TemplateStore templates(store->database());
        const QString folder = dir.filePath("shop");
        QVERIFY(writeFile(folder + "/docker-compose.yml", kCompose));
        QVERIFY(writeFile(folder + "/app.env", "A=1\n"));
        QVERIFY(writeFile(folder + "/conf/nginx.conf", "listen 80;\n"));
        QVERIFY(writeFile(folder + "/unrelated.txt", "not named"));
        QVERIFY(writeFile(dir.filePath("outside.env"), "SECRET=1\n"));

        const auto saved = templates.importFolder("shop", folder, "docker-compose.yml",
                                                  {"./app.env", "conf/nginx.conf"}, &error);
        QVERIFY2(saved, qPrintable(error));
        QCOMPARE(saved->version, 1);
        const auto v1 = templates.version("shop", 1, &error);
        QVERIFY2(v1, qPrintable(error));
        QCOMPARE(v1->content.composeFile, QStringLiteral("docker-compose.yml"));
        QCOMPARE(v1->content.files.keys(),
                 QStringList({"app.env", "conf/nginx.conf", "docker-compose.yml"}));
        QCOMPARE(v1->content.files.value("conf/nginx.conf"), QByteArray("listen 80;\n"));
        QCOMPARE(v1->source, TemplateVersion::Source::Import);
        QCOMPARE(v1->origin, folder);
        QCOMPARE(auditCount(*store, "template.import"), 1);
        // Unchanged on disk: no new version.
        QVERIFY(!templates
                     .importFolder("shop", folder, "docker-compose.yml",
                                   {"app.env", "conf/nginx.conf"}, &error)
                     ->created);

        QVERIFY(!templates.importFolder("shop", folder, "docker-compose.yml", {"../outside.env"},
                                        &error));
        QVERIFY2(error.contains("outside"), qPrintable(error));
        QVERIFY(QFile::link(dir.filePath("outside.env"), folder + "/link.env"));
        QVERIFY(
            !templates.importFolder("shop", folder, "docker-compose.yml", {"link.env"}, &error));
        QVERIFY2(error.contains("link.env") && error.contains("outside"), qPrintable(error));
        QVERIFY(
            !templates.importFolder("shop", folder, "docker-compose.yml", {"missing.env"}, &error));
        QVERIFY2(error.contains("missing.env"), qPrintable(error));
        QVERIFY(!templates.importFolder("shop", folder, "docker-compose.yml", {"conf"}, &error));
        QVERIFY2(error.contains("not a regular file"), qPrintable(error));
        QVERIFY(!templates.importFolder("shop", dir.filePath("nope"), "compose.yaml", {}, &error));
        QVERIFY2(error.contains("nope"), qPrintable(error));
        QCOMPARE(templates.history("shop").size(), 1);
    }

    void builtinsAreSeededOnce() {
        QTemporaryDir dir;
        QString error;
        auto store = slipway::test::openTestStore(dir, &error, "s.sqlite");
        QVERIFY2(store, qPrintable(error));
        TemplateStore templates(store->database());
        const QList<QPair<QString, QByteArray>> shipped = {{"web-api-db", kCompose},
                                                           {"single", "services: {a: {}}\n"}};
        auto seeded = templates.seedBuiltins(shipped, &error);
        QVERIFY2(seeded, qPrintable(error));
        QCOMPARE(*seeded, QStringList({"web-api-db", "single"}));
        seeded = templates.seedBuiltins(shipped, &error);
        QVERIFY2(seeded, qPrintable(error));
        QVERIFY(seeded->isEmpty());
        QCOMPARE(templates.history("web-api-db").size(), 1);
        QCOMPARE(templates.version("single")->source, TemplateVersion::Source::Builtin);

        // A user's edit survives the next start; a shipped change is a new version.
        QByteArray edited = kCompose + "  cache:\n    image: 127.0.0.1:5515/cache:1\n";
        QVERIFY(templates.save("web-api-db", content(edited), &error));
        QVERIFY(templates.seedBuiltins(shipped, &error)->isEmpty());
        QCOMPARE(templates.version("web-api-db")->version, 2);
        QCOMPARE(templates.version("web-api-db")->source, TemplateVersion::Source::Editor);
        QByteArray newer = kCompose;
        newer.replace("db:1", "db:2");
        seeded = templates.seedBuiltins({{"web-api-db", newer}}, &error);
        QVERIFY2(seeded, qPrintable(error));
        QCOMPARE(*seeded, QStringList({"web-api-db"}));
        QCOMPARE(templates.version("web-api-db")->version, 3);
        QCOMPARE(templates.version("web-api-db")->content.compose(), newer);

        // The user's own "mine" is not taken over by a built-in of that name.
        QVERIFY(templates.save("mine", content(kCompose), &error));
        seeded = templates.seedBuiltins({{"mine", newer}}, &error);
        QVERIFY2(seeded && seeded->isEmpty(), qPrintable(error));
        QCOMPARE(templates.version("mine")->content.compose(), kCompose);

        QVERIFY(!templates.seedBuiltins({{"bad name", kCompose}}, &error));
        QVERIFY2(error.contains("bad name"), qPrintable(error));
    }
};

QTEST_GUILESS_MAIN(TestTemplateStore)
#include "tst_templatestore.moc"
