// RegistryClient and RegistryVersions against the private registry and engine: the tags of
// slipway/web (1.0.0, 1.1.0, 1.2.0, 2.0.0) with digests that match what the engine records
// after pulling each tag, manifests that exist and do not, the registry's own error for an
// unknown repository; the versions newest first with the hosts that hold each, and history
// records marked restorable or not (the registry asked only for what no host holds).
#include "core/deploy/registryversions.h"
#include "core/fleet/hostmonitor.h"
#include "core/fleet/imagecatalog.h"
#include "core/store/storethread.h"
#include "engine/registryclient.h"
#include "tests/support/fakeengine.h"
#include "tests/support/testenv.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>

using namespace slipway;
using core::DeploymentHistory;
using core::DeploymentRecord;
using core::RegistryVersions;
using core::VersionList;

namespace {

const QString kHost = QStringLiteral("cli:engine");
const std::vector<std::string> kTags = {"1.0.0", "1.1.0", "1.2.0", "2.0.0"};
const std::string kZeroDigest = "sha256:" + std::string(64, '0');

DeploymentRecord record(qint64 id, const QString &image, const QString &digest,
                        bool restorable = true) {
    DeploymentRecord r;
    r.id = id;
    r.app = QStringLiteral("web");
    r.env = QStringLiteral("it");
    r.config.image = image;
    r.config.digest = digest;
    r.restorable = restorable;
    return r;
}

} // namespace

class TestRegistryVersions : public QObject {
    Q_OBJECT

    QTemporaryDir dir_;
    std::unique_ptr<engine::DockerClient> direct_;
    std::shared_ptr<core::StoreThread> store_;
    std::unique_ptr<core::HostMonitor> monitor_;
    std::unique_ptr<core::ImageCatalog> catalog_;
    std::string registry_;
    std::map<std::string, std::string> digests_; // tag -> digest, as the engine recorded it

    std::string repository() const { return registry_ + "/slipway/web"; }

private slots:
    void initTestCase() {
        if (test::dockerHost().isEmpty() || test::registry().isEmpty())
            QFAIL(test::missingServicesMessage().constData());
        registry_ = test::registry().toStdString();
        direct_ = test::makeClient();
        QVERIFY(direct_);
        QVERIFY(dir_.isValid());
        // What the engine says each tag is, after pulling it from the registry.
        for (const std::string &tag : kTags) {
            auto pulled = direct_->pullImage(repository() + ":" + tag).wait();
            QVERIFY2(pulled.ok(), test::describe(pulled).constData());
            auto image = direct_->inspectImage(repository() + ":" + tag).wait();
            QVERIFY2(image.ok(), test::describe(image).constData());
            for (const std::string &d : image.value().repoDigests)
                if (d.rfind(repository() + "@", 0) == 0)
                    digests_[tag] = d.substr(repository().size() + 1);
            QVERIFY2(!digests_[tag].empty(), tag.c_str());
        }
    }

    void cleanupTestCase() {
        catalog_.reset();
        monitor_.reset();
        store_.reset();
    }

    void clientTagsAndDigestsMatchTheEngine() {
        auto endpoint = engine::RegistryEndpoint::forHost(registry_);
        QVERIFY(endpoint.ok());
        QCOMPARE(endpoint.value().endpoint.baseUrl(), "http://" + registry_);
        engine::RegistryClient client(endpoint.value());

        auto tags = test::waitFor(client.tags("slipway/web"));
        QVERIFY(tags);
        QVERIFY2(tags->ok(), test::describe(*tags).constData());
        for (const std::string &tag : kTags)
            QVERIFY2(std::find(tags->value().begin(), tags->value().end(), tag) !=
                         tags->value().end(),
                     tag.c_str());

        auto all = test::waitFor(client.tagDigests("slipway/web"));
        QVERIFY(all && all->ok());
        int matched = 0;
        for (const auto &t : all->value()) {
            QVERIFY2(t.error.empty(), t.error.c_str());
            if (digests_.count(t.tag)) {
                QCOMPARE(t.digest, digests_[t.tag]);
                ++matched;
            }
        }
        QCOMPARE(matched, int(kTags.size()));

        auto one = test::waitFor(client.digest("slipway/web", "1.1.0"));
        QVERIFY(one && one->ok());
        QCOMPARE(one->value(), digests_["1.1.0"]);
        // A digest resolves to itself.
        auto self = test::waitFor(client.digest("slipway/web", digests_["1.1.0"]));
        QVERIFY(self && self->ok());
        QCOMPARE(self->value(), digests_["1.1.0"]);

        auto has = test::waitFor(client.hasManifest("slipway/web", digests_["2.0.0"]));
        QVERIFY(has && has->ok());
        QVERIFY(has->value());
        auto gone = test::waitFor(client.hasManifest("slipway/web", kZeroDigest));
        QVERIFY(gone && gone->ok());
        QVERIFY(!gone->value());

        auto unknown = test::waitFor(client.tags("slipway/no-such-repo"));
        QVERIFY(unknown && !unknown->ok());
        QCOMPARE(unknown->error().kind, engine::ErrorKind::Http);
        QCOMPARE(unknown->error().httpStatus, 404);
        QVERIFY2(unknown->error().message.find("NAME_UNKNOWN") != std::string::npos,
                 unknown->error().message.c_str());
        auto missingTag = test::waitFor(client.digest("slipway/web", "9.9.9"));
        QVERIFY(missingTag && !missingTag->ok());
        QCOMPARE(missingTag->error().httpStatus, 404);
    }

    void versionsWithHosts() {
        store_ = std::make_shared<core::StoreThread>(dir_.filePath("slipway.sqlite"));
        core::HostMonitor::Options options;
        core::HostConfig host;
        host.id = kHost;
        host.name = QStringLiteral("private engine");
        host.url = test::dockerHost();
        host.source = core::HostConfig::Source::CommandLine;
        options.overrideHosts = QList<core::HostConfig>{host};
        options.probeTimeout = std::chrono::seconds(30);
        monitor_ = std::make_unique<core::HostMonitor>(store_, options);
        catalog_ = std::make_unique<core::ImageCatalog>(monitor_.get());
        monitor_->start();
        QVERIFY2(test::waitFor([&] { return catalog_->isListed(kHost); }, std::chrono::seconds(30)),
                 qPrintable(catalog_->hostError(kHost)));

        // A credentials store named in config.json but not installed does not matter to a
        // registry that asks for none: its failure is said only on a 401.
        const QString config = dir_.filePath("config.json");
        std::ofstream(config.toStdString()) << "{\"credsStore\": \"desktop\"}";
        RegistryVersions::Options vo;
        vo.dockerConfigPath = config;
        RegistryVersions versions(catalog_.get(), vo);
        QSignalSpy loaded(&versions, &RegistryVersions::loaded);
        const quint64 request =
            versions.load(QString::fromStdString(repository()) + QStringLiteral(":1.0.0"));
        QVERIFY(test::waitFor([&] { return !loaded.isEmpty(); }, std::chrono::seconds(30)));
        QCOMPARE(loaded.first()[0].toULongLong(), request);
        const auto list = loaded.first()[1].value<VersionList>();
        QVERIFY2(list.registryError.isEmpty(), qPrintable(list.registryError));
        QVERIFY(list.registryListed);
        QCOMPARE(list.repository, QString::fromStdString(repository()));
        QStringList order;
        for (const auto &v : list.versions)
            if (v.inRegistry)
                order.append(v.tag);
        QCOMPARE(order.mid(0, 4), (QStringList{"2.0.0", "1.2.0", "1.1.0", "1.0.0"}));
        for (const auto &v : list.versions) {
            if (!v.inRegistry)
                continue;
            QCOMPARE(v.digest.toStdString(), digests_[v.tag.toStdString()]);
            QVERIFY2(v.hostIds.contains(kHost), qPrintable(v.tag));
            QCOMPARE(v.hostNames, QStringList{QStringLiteral("private engine")});
            QCOMPARE(v.reference(), QString::fromStdString(repository()) + u':' + v.tag);
        }
        QCOMPARE(versions.hostsHolding(QString::fromStdString(repository()),
                                       QString::fromStdString(digests_["1.2.0"])),
                 QStringList{kHost});
        QVERIFY(versions
                    .hostsHolding(QString::fromStdString(repository()),
                                  QString::fromStdString(kZeroDigest))
                    .isEmpty());
        // current() is the same list, kept for the model.
        QCOMPARE(versions.current(QString::fromStdString(repository())).versions.size(),
                 list.versions.size());

        // An invalid reference answers at once, with the reason and no call.
        QSignalSpy again(&versions, &RegistryVersions::loaded);
        versions.load(QStringLiteral("Not A/Repo"));
        QVERIFY(test::waitFor([&] { return !again.isEmpty(); }));
        QVERIFY(!again.first()[1].value<VersionList>().registryError.isEmpty());
        QVERIFY(!RegistryVersions::checkRepository(QStringLiteral("Not A/Repo")).isEmpty());
    }

    void restorableMarks() {
        // Without a catalog no host holds anything: the registry decides.
        RegistryVersions versions(nullptr);
        const QString repo = QString::fromStdString(repository());
        DeploymentHistory history{
            record(4, repo + ":1.2.0", QString::fromStdString(digests_["1.2.0"]), false),
            record(3, repo + ":0.9.0", QString::fromStdString(kZeroDigest), true),
            record(2, QStringLiteral("127.0.0.1:1/nobody/here:1"),
                   QString::fromStdString(kZeroDigest), true),
            record(1, repo + ":1.0.0", QString(), false),
        };
        QSignalSpy marked(&versions, &RegistryVersions::restorableMarked);
        const quint64 request = versions.markRestorable(history);
        QVERIFY(test::waitFor([&] { return !marked.isEmpty(); }, std::chrono::seconds(30)));
        QCOMPARE(marked.first()[0].toULongLong(), request);
        const auto out = marked.first()[1].value<DeploymentHistory>();
        QCOMPARE(out.size(), history.size());
        QVERIFY(out[0].restorable);  // the registry has it
        QVERIFY(!out[1].restorable); // it does not
        QVERIFY(out[2].restorable);  // unreachable registry: left as given
        QVERIFY(!out[3].restorable); // no digest: left as given

        // With the catalog, a digest a host holds is restorable without asking.
        if (catalog_) {
            RegistryVersions withHosts(catalog_.get());
            QSignalSpy spy(&withHosts, &RegistryVersions::restorableMarked);
            withHosts.markRestorable(
                DeploymentHistory{record(9, QStringLiteral("127.0.0.1:1/slipway/web:1.1.0"),
                                         QString::fromStdString(digests_["1.1.0"]), false)});
            QVERIFY(test::waitFor([&] { return !spy.isEmpty(); }, std::chrono::seconds(30)));
            // Another registry name: the host's copy is of 127.0.0.1:5515, so it is asked,
            // cannot answer, and the mark stays.
            QVERIFY(!spy.first()[1].value<DeploymentHistory>()[0].restorable);
            QSignalSpy spy2(&withHosts, &RegistryVersions::restorableMarked);
            withHosts.markRestorable(DeploymentHistory{
                record(10, repo + ":1.1.0", QString::fromStdString(digests_["1.1.0"]), false)});
            QVERIFY(test::waitFor([&] { return !spy2.isEmpty(); }, std::chrono::seconds(30)));
            QVERIFY(spy2.first()[1].value<DeploymentHistory>()[0].restorable);
        }
    }

    void versionOrder() {
        QVERIFY(RegistryVersions::versionLess("1.9.0", "1.10.0"));
        QVERIFY(!RegistryVersions::versionLess("1.10.0", "1.9.0"));
        QVERIFY(RegistryVersions::versionLess("1.0.0", "2.0.0"));
        QVERIFY(RegistryVersions::versionLess("1.0", "1.0.1"));
        QVERIFY(!RegistryVersions::versionLess("1.0.0", "1.0.0"));
    }
};

QTEST_GUILESS_MAIN(TestRegistryVersions)
#include "tst_registryversions.moc"
