// Kinds and per-kind template variables on a real SQLite file: the built-in kinds, user kinds,
// resolution order (defaults < kind < overrides), and secrets kept as keys only and masked.
#include "core/deploy/secretenv.h"
#include "core/environments/kindstore.h"
#include "core/environments/templatestore.h"
#include "core/store/store.h"
#include "tests/support/teststore.h"

#include <QFile>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

using namespace slipway::core;
using namespace slipway::core::env;

namespace {

KindVariable var(const QString &key, const QString &value, bool secret = false) {
    KindVariable v;
    v.key = key;
    v.value = value;
    v.secret = secret;
    return v;
}

std::unique_ptr<Store> storeWithTemplate(const QTemporaryDir &dir) {
    QString error;
    auto store = slipway::test::openTestStore(dir, &error, "s.sqlite");
    if (!store)
        return nullptr;
    TemplateContent c;
    c.files.insert(c.composeFile, "services:\n  web:\n    image: web:${TAG}\n");
    if (!TemplateStore(store->database()).save("shop", c, &error))
        return nullptr;
    return store;
}

QString lastAuditDetail(Store &store) {
    const QList<AuditEntry> entries = store.audit(1);
    return entries.isEmpty() ? QString() : entries.first().detail;
}

} // namespace

class TestKindVariables : public QObject {
    Q_OBJECT

private slots:
    void builtinAndUserKinds() {
        QTemporaryDir dir;
        auto store = storeWithTemplate(dir);
        QVERIFY(store);
        KindStore kinds(store->database());
        QString error;
        QStringList names;
        for (const Kind &k : kinds.kinds(&error))
            names.append(k.name);
        QCOMPARE(names, QStringList({"test", "integration", "production"}));

        QVERIFY2(kinds.addKind("perf", "load tests", &error), qPrintable(error));
        QVERIFY(!kinds.addKind("perf", "", &error));
        QVERIFY2(error.contains("already"), qPrintable(error));
        QVERIFY(!kinds.addKind("Bad Kind", "", &error));
        QVERIFY2(error.contains("Bad Kind"), qPrintable(error));
        QCOMPARE(kinds.kinds().size(), 4);
        QCOMPARE(kinds.kinds().last().name, QStringLiteral("perf"));
        QVERIFY(!kinds.kinds().last().builtin);

        QVERIFY(!kinds.removeKind("production", &error));
        QVERIFY2(error.contains("built in"), qPrintable(error));
        QVERIFY2(kinds.setVariable("shop", "perf", var("USERS", "500"), &error), qPrintable(error));
        QVERIFY2(kinds.removeKind("perf", &error), qPrintable(error));
        QVERIFY(!kinds.hasKind("perf"));
        // Its variables went with it, in the same transaction.
        QSqlQuery q(store->database());
        QVERIFY(q.exec("SELECT COUNT(*) FROM env_variables WHERE kind = 'perf'") && q.next());
        QCOMPARE(q.value(0).toInt(), 0);
        QVERIFY(!kinds.removeKind("perf", &error));

        int audited = 0;
        for (const AuditEntry &e : store->audit(100))
            audited += e.action == "kind.add" || e.action == "kind.remove";
        QCOMPARE(audited, 2);
    }

    void variablesPerKindAndResolutionOrder() {
        QTemporaryDir dir;
        auto store = storeWithTemplate(dir);
        QVERIFY(store);
        KindStore kinds(store->database());
        QString error;
        QVERIFY(kinds.setVariable("shop", "", var("TAG", "1"), &error));
        QVERIFY(kinds.setVariable("shop", "", var("REPLICAS", "1"), &error));
        QVERIFY(kinds.setVariable("shop", "", var("LOG", "debug"), &error));
        QVERIFY(kinds.setVariable("shop", "production", var("REPLICAS", "3"), &error));
        QVERIFY(kinds.setVariable("shop", "production", var("LOG", "warn"), &error));
        QVERIFY(kinds.setVariable("shop", "test", var("LOG", "trace"), &error));
        QVERIFY(!kinds.setVariable("shop", "nokind", var("A", "1"), &error));
        QVERIFY2(error.contains("nokind"), qPrintable(error));
        QVERIFY(!kinds.setVariable("nosuch", "test", var("A", "1"), &error));
        QVERIFY2(error.contains("nosuch"), qPrintable(error));
        QVERIFY(!kinds.setVariable("shop", "test", var("1BAD", "1"), &error));
        QVERIFY2(error.contains("1BAD"), qPrintable(error));

        SecretSources none;
        none.environment = QProcessEnvironment();
        none.file = dir.filePath("no-secrets.env");
        auto production = kinds.resolve("shop", "production", {{"LOG", "info"}}, none, &error);
        QVERIFY2(production, qPrintable(error));
        QCOMPARE(production->values,
                 (QMap<QString, QString>{{"TAG", "1"}, {"REPLICAS", "3"}, {"LOG", "info"}}));
        auto test = kinds.resolve("shop", "test", {}, none, &error);
        QVERIFY2(test, qPrintable(error));
        QCOMPARE(test->values,
                 (QMap<QString, QString>{{"TAG", "1"}, {"REPLICAS", "1"}, {"LOG", "trace"}}));
        QVERIFY(!kinds.resolve("shop", "staging", {}, none, &error));
        QVERIFY2(error.contains("staging"), qPrintable(error));
        QVERIFY(!kinds.resolve("shop", "test", {{"bad key", "x"}}, none, &error));

        // The editor's Save: the whole set at once, one audit row naming what changed.
        const int before = store->audit(1000).size();
        QVERIFY2(kinds.replaceVariables("shop", "production",
                                        {var("REPLICAS", "5"), var("REGION", "eu")}, &error),
                 qPrintable(error));
        QCOMPARE(store->audit(1000).size(), before + 1);
        QVERIFY2(lastAuditDetail(*store).contains("set REPLICAS=5") &&
                     lastAuditDetail(*store).contains("removed LOG"),
                 qPrintable(lastAuditDetail(*store)));
        QCOMPARE(kinds.variables("shop", "production").size(), 2);
        // The same set again writes nothing.
        QVERIFY(kinds.replaceVariables("shop", "production",
                                       {var("REPLICAS", "5"), var("REGION", "eu")}, &error));
        QCOMPARE(store->audit(1000).size(), before + 1);
        QVERIFY(
            !kinds.replaceVariables("shop", "production", {var("A", "1"), var("A", "2")}, &error));
        QVERIFY2(error.contains("twice"), qPrintable(error));
        QCOMPARE(kinds.variables("shop", "production").size(), 2);

        QVERIFY(kinds.removeVariable("shop", "", "LOG", &error));
        QVERIFY(!kinds.removeVariable("shop", "", "LOG", &error));
        QCOMPARE(kinds.variables("shop", "").size(), 2);
    }

    void secretsAreKeysOnlyAndMasked() {
        QTemporaryDir dir;
        auto store = storeWithTemplate(dir);
        QVERIFY(store);
        KindStore kinds(store->database());
        QString error;
        // A secret's value is refused, never silently dropped.
        QVERIFY(!kinds.setVariable("shop", "test", var("DB_PASSWORD", "hunter22"), &error));
        QVERIFY2(error.contains("never stores"), qPrintable(error));
        QVERIFY(!kinds.setVariable("shop", "test", var("PLAIN", "hunter22", true), &error));
        QVERIFY2(kinds.setVariable("shop", "test", var("DB_PASSWORD", ""), &error),
                 qPrintable(error));
        QVERIFY2(kinds.setVariable("shop", "test", var("LICENSE", "", true), &error),
                 qPrintable(error));
        QVERIFY(kinds.setVariable("shop", "", var("LICENSE", "demo"), &error));
        const QList<KindVariable> listed = kinds.variables("shop", "test");
        QCOMPARE(listed.size(), 2);
        for (const KindVariable &v : listed) {
            QVERIFY(v.value.isEmpty());
            QCOMPARE(v.displayValue(), SecretEnv::mask());
        }
        QVERIFY(kinds.setVariable("shop", "production", var("API_TOKEN", ""), &error));
        QVERIFY2(lastAuditDetail(*store).contains("API_TOKEN=" + SecretEnv::mask()),
                 qPrintable(lastAuditDetail(*store)));

        // Found again at provision time: the environment, then the secrets file's section.
        const QString file = dir.filePath("secrets.env");
        {
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("LICENSE=everyone\n[shop/test]\nLICENSE=from-file\n[shop/production]\n"
                    "LICENSE=other\n");
        }
        QVERIFY(QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner));
        SecretSources sources;
        sources.environment = QProcessEnvironment();
        sources.environment.insert("DB_PASSWORD", "from-env");
        sources.file = file;
        auto resolved = kinds.resolve("shop", "test", {}, sources, &error);
        QVERIFY2(resolved, qPrintable(error));
        QCOMPARE(resolved->values.value("DB_PASSWORD"), QStringLiteral("from-env"));
        // A secret at the kind's level hides the template default's plain value.
        QCOMPARE(resolved->values.value("LICENSE"), QStringLiteral("from-file"));
        QCOMPARE(resolved->secretKeys, QStringList({"DB_PASSWORD", "LICENSE"}));
        QCOMPARE(resolved->displayed().value("LICENSE"), SecretEnv::mask());
        QCOMPARE(resolved->displayed().value("DB_PASSWORD"), SecretEnv::mask());
        // An override wins over every source.
        resolved = kinds.resolve("shop", "test", {{"LICENSE", "given"}}, sources, &error);
        QVERIFY2(resolved, qPrintable(error));
        QCOMPARE(resolved->values.value("LICENSE"), QStringLiteral("given"));
        QCOMPARE(resolved->displayed().value("LICENSE"), SecretEnv::mask());

        // Nothing has it: refused, naming the key and where to put it.
        sources.environment = QProcessEnvironment();
        QVERIFY(!kinds.resolve("shop", "test", {}, sources, &error));
        QVERIFY2(error.contains("DB_PASSWORD") && error.contains("[shop/test]"), qPrintable(error));
        // A secrets file others may read is not used.
        QVERIFY(
            QFile::setPermissions(file, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther));
        QVERIFY(!kinds.resolve("shop", "test", {{"DB_PASSWORD", "x"}}, sources, &error));
        QVERIFY2(error.contains("chmod 600"), qPrintable(error));

        // No secret value ever reached the database file.
        QSqlQuery q(store->database());
        QVERIFY(q.exec("SELECT COUNT(*) FROM env_variables WHERE value <> ''") && q.next());
        QCOMPARE(q.value(0).toInt(), 1); // the plain default LICENSE=demo only
    }
};

QTEST_GUILESS_MAIN(TestKindVariables)
#include "tst_kindvariables.moc"
