// Nothing of the Compose Specification is dropped silently: walking the specification's own
// JSON schema (the one docker-compose ships), every property of every mapping Slipway reads
// (the top level, services, networks, volumes, healthcheck, deploy, ports and volumes in long
// form, a service's networks and dependencies, external) is either honoured or refused with a
// reason, and x- keys are allowed exactly where the schema allows them. The walk follows every
// honoured key into the mappings below it, so a mapping Slipway reads but has no table for
// fails the test too.
#include "core/environments/composekeys.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace slipway::core::env;

namespace {

const char *const schemaPath = "/usr/lib/python3/dist-packages/compose/config/compose_spec.json";

struct Found {
    QString pointer;
    QJsonObject object;
};

class Walker {
public:
    explicit Walker(const QJsonObject &root) : root_(root) {}

    // The mappings (schemas with properties) a value of `schema` can be, through $ref, oneOf,
    // anyOf, allOf, items and patternProperties.
    QList<Found> mappings(const QJsonValue &schema, const QString &pointer, int depth = 0) const {
        QList<Found> out;
        if (!schema.isObject() || depth > 12)
            return out;
        const QJsonObject o = schema.toObject();
        if (o.contains(QLatin1String("$ref"))) {
            const QString ref = o.value(QLatin1String("$ref")).toString(); // "#/definitions/x"
            const QString name = ref.section(u'/', -1);
            return mappings(root_.value("definitions").toObject().value(name),
                            QStringLiteral("definitions/") + name, depth + 1);
        }
        if (o.contains(QLatin1String("properties"))) {
            out.append({pointer, o});
            return out;
        }
        for (const char *alt : {"oneOf", "anyOf", "allOf"}) {
            const QJsonArray a = o.value(QLatin1String(alt)).toArray();
            for (int i = 0; i < a.size(); ++i)
                out +=
                    mappings(a[i], QStringLiteral("%1/%2[%3]").arg(pointer, alt).arg(i), depth + 1);
        }
        if (o.contains(QLatin1String("items")))
            out += mappings(o.value(QLatin1String("items")), pointer + QStringLiteral("/items"),
                            depth + 1);
        const QJsonObject patterns = o.value(QLatin1String("patternProperties")).toObject();
        for (auto it = patterns.begin(); it != patterns.end(); ++it)
            if (it.key() != QLatin1String("^x-"))
                out +=
                    mappings(it.value(), pointer + QStringLiteral("/patternProperties"), depth + 1);
        return out;
    }

private:
    QJsonObject root_;
};

} // namespace

class TestComposeSchema : public QObject {
    Q_OBJECT

    QJsonObject schema_;

    // Where in the schema each of the reader's key tables applies.
    static std::optional<KeyContext> contextOf(const QString &pointer) {
        static const QList<QPair<QString, KeyContext>> map{
            {"", KeyContext::Top},
            {"definitions/service", KeyContext::Service},
            {"definitions/network", KeyContext::Network},
            {"definitions/volume", KeyContext::Volume},
            {"definitions/network/external", KeyContext::External},
            {"definitions/volume/external", KeyContext::External},
            {"definitions/healthcheck", KeyContext::Healthcheck},
            {"definitions/deployment", KeyContext::Deploy},
            {"definitions/service/ports/items/oneOf[2]", KeyContext::Port},
            {"definitions/service/volumes/items/oneOf[1]", KeyContext::Mount},
            {"definitions/service/networks/oneOf[1]/patternProperties/oneOf[0]",
             KeyContext::ServiceNetwork},
            {"definitions/service/depends_on/oneOf[1]/patternProperties", KeyContext::Dependency},
        };
        for (const auto &[p, c] : map)
            if (p == pointer)
                return c;
        return std::nullopt;
    }

private slots:
    void initTestCase() {
        QFile file(QString::fromLatin1(schemaPath));
        if (!file.open(QIODevice::ReadOnly))
            QFAIL(qPrintable(QStringLiteral("%1 is missing: install docker-compose "
                                            "(scripts/deps.sh)")
                                 .arg(QString::fromLatin1(schemaPath))));
        schema_ = QJsonDocument::fromJson(file.readAll()).object();
        QVERIFY(schema_.contains(QLatin1String("definitions")));
    }

    void everyPropertyHonouredOrRefused() {
        Walker walker(schema_);
        QList<Found> todo{{QString(), schema_}};
        QSet<QString> visited;
        QStringList missing;
        int contexts = 0;
        while (!todo.isEmpty()) {
            const Found f = todo.takeFirst();
            if (visited.contains(f.pointer))
                continue;
            visited.insert(f.pointer);
            const auto context = contextOf(f.pointer);
            if (!context) {
                missing.append(QStringLiteral("%1: a mapping Slipway reads without a key table")
                                   .arg(f.pointer));
                continue;
            }
            ++contexts;
            const QStringList honoured = ComposeKeys::honoured(*context);
            const QStringList refused = ComposeKeys::refused(*context);
            const bool schemaExtensions =
                f.object.value("patternProperties").toObject().contains(QLatin1String("^x-"));
            if (schemaExtensions != ComposeKeys::allowsExtensions(*context))
                missing.append(QStringLiteral("%1: x- keys allowed by the schema: %2")
                                   .arg(f.pointer)
                                   .arg(schemaExtensions));
            const QJsonObject props = f.object.value("properties").toObject();
            for (auto it = props.begin(); it != props.end(); ++it) {
                const QString key = it.key();
                const bool h = honoured.contains(key);
                const bool r = refused.contains(key);
                if (h == r) {
                    missing.append(QStringLiteral("%1: \"%2\" is %3")
                                       .arg(f.pointer, key,
                                            h ? QStringLiteral("both honoured and refused")
                                              : QStringLiteral("neither honoured nor refused")));
                    continue;
                }
                if (r && ComposeKeys::reason(*context, key).isEmpty())
                    missing.append(QStringLiteral("%1: \"%2\" is refused without a reason")
                                       .arg(f.pointer, key));
                // Follow what is read into the mappings below it.
                if (h) {
                    const QString base = (f.pointer.isEmpty() ? QString() : f.pointer + u'/') + key;
                    for (Found sub : walker.mappings(it.value(), base)) {
                        // A $ref names the definition itself.
                        todo.append(sub);
                    }
                }
            }
        }
        QVERIFY2(missing.isEmpty(), qPrintable(missing.join(u'\n')));
        // Every place in contextOf() was reached: the walk went where it should.
        QCOMPARE(contexts, 12);
    }

    // The tables never contradict themselves, and x-slipway is Slipway's own.
    void tablesAreConsistent() {
        for (KeyContext c :
             {KeyContext::Top, KeyContext::Service, KeyContext::Network, KeyContext::Volume,
              KeyContext::External, KeyContext::Healthcheck, KeyContext::Deploy, KeyContext::Port,
              KeyContext::Mount, KeyContext::ServiceNetwork, KeyContext::Dependency,
              KeyContext::Slipway}) {
            const QStringList honoured = ComposeKeys::honoured(c);
            for (const QString &key : ComposeKeys::refused(c)) {
                QVERIFY2(!honoured.contains(key), qPrintable(key));
                QVERIFY(!ComposeKeys::reason(c, key).isEmpty());
            }
            QVERIFY(ComposeKeys::reason(c, QStringLiteral("no-such-key")).isEmpty());
        }
        QCOMPARE(ComposeKeys::honoured(KeyContext::Slipway),
                 (QStringList{"description", "keep-volumes"}));
    }
};

QTEST_GUILESS_MAIN(TestComposeSchema)
#include "tst_composeschema.moc"
