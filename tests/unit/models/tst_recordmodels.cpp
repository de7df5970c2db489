// The models fed with plain records (the audit log, a deployment history, a version list, the
// top-usage lists, Swarm services) under QAbstractItemModelTester, driven through inserts,
// removes, moves and changes: every update is row by row, never a reset, and the rows end as
// the last list said, in its order.
#include "core/deploy/deploymentrecord.h"
#include "core/deploy/registryversions.h"
#include "core/fleet/servicerecord.h"
#include "core/store/auditentry.h"
#include "models/audittablemodel.h"
#include "models/deploymenthistorymodel.h"
#include "models/servicetablemodel.h"
#include "models/topusagemodel.h"
#include "models/versionlistmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

using namespace slipway;
using models::AuditTableModel;
using models::DeploymentHistoryModel;
using models::ServiceTableModel;
using models::TopUsageModel;
using models::VersionListModel;

namespace {

// Counts what a model announces; a reset is never expected.
struct Changes {
    explicit Changes(QAbstractItemModel *model)
        : inserted(model, &QAbstractItemModel::rowsInserted),
          removed(model, &QAbstractItemModel::rowsRemoved),
          moved(model, &QAbstractItemModel::rowsMoved),
          changed(model, &QAbstractItemModel::dataChanged),
          resets(model, &QAbstractItemModel::modelReset) {}
    void clear() {
        inserted.clear();
        removed.clear();
        moved.clear();
        changed.clear();
        resets.clear();
    }
    QSignalSpy inserted, removed, moved, changed, resets;
};

core::AuditEntry audit(qint64 id, const QString &action) {
    core::AuditEntry e;
    e.id = id;
    e.at = QDateTime::fromSecsSinceEpoch(1700000000 + id, Qt::UTC);
    e.osUser = QStringLiteral("ops");
    e.action = action;
    e.target = QStringLiteral("web-%1").arg(id);
    e.result = id % 2 ? QStringLiteral("ok") : QStringLiteral("failed");
    return e;
}

core::DeploymentRecord deployment(qint64 id, const QString &version,
                                  core::DeploymentRecord::Result result) {
    core::DeploymentRecord r;
    r.id = id;
    r.app = QStringLiteral("shop");
    r.env = QStringLiteral("prod");
    r.version = version;
    r.replicas = 2;
    r.hosts = {QStringLiteral("h1")};
    r.config.image = QStringLiteral("registry.local/shop:") + version;
    r.startedAt = QDateTime::fromSecsSinceEpoch(1700000000 + id, Qt::UTC);
    r.result = result;
    return r;
}

core::ImageVersion imageVersion(const QString &tag, const QString &digestHex) {
    core::ImageVersion v;
    v.repository = QStringLiteral("registry.local/shop");
    v.tag = tag;
    v.digest = QStringLiteral("sha256:") + QString(64, digestHex.at(0));
    v.inRegistry = true;
    return v;
}

TopUsageModel::Row usageRow(const QString &key, double cpu) {
    TopUsageModel::Row r;
    r.key = key;
    r.name = key;
    r.hostId = QStringLiteral("h1");
    r.containerId = key;
    r.detail = QStringLiteral("host one");
    r.latest.cpuPercent = cpu;
    r.latest.memoryBytes = cpu * 1024 * 1024;
    return r;
}

core::ServiceRecord service(const QString &id, const QString &image, int running) {
    core::ServiceRecord r;
    r.hostId = QStringLiteral("h1");
    r.hostName = QStringLiteral("host one");
    r.id = id;
    r.name = QStringLiteral("svc-") + id;
    r.image = image;
    r.desired = 2;
    r.running = running;
    r.upToDate = running;
    return r;
}

QStringList column(QAbstractItemModel *model, int column, int role = Qt::DisplayRole) {
    QStringList out;
    for (int row = 0; row < model->rowCount(); ++row)
        out.append(model->index(row, column).data(role).toString());
    return out;
}

} // namespace

class TestRecordModels : public QObject {
    Q_OBJECT

private slots:
    void auditLogGrowsAtTheTop() {
        AuditTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Changes changes(&model);
        model.merge({audit(2, "host.add"), audit(1, "host.edit")});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(changes.inserted.size(), 1);
        // A reload with one newer entry: only that one goes in, at the top.
        changes.clear();
        model.merge({audit(3, "host.remove"), audit(2, "host.add"), audit(1, "host.edit")});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(changes.inserted.size(), 1);
        QCOMPARE(changes.inserted.first().at(1).toInt(), 0);
        QCOMPARE(changes.inserted.first().at(2).toInt(), 0);
        QCOMPARE(column(&model, AuditTableModel::ActionColumn),
                 (QStringList{"host.remove", "host.add", "host.edit"}));
        // The same list again changes nothing.
        changes.clear();
        model.merge({audit(3, "host.remove"), audit(2, "host.add")});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(changes.inserted.size(), 0);
        QCOMPARE(changes.resets.size(), 0);
    }

    void deploymentHistoryInsertsMovesChangesAndRemoves() {
        using Result = core::DeploymentRecord::Result;
        DeploymentHistoryModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Changes changes(&model);
        model.setHistory(
            {deployment(2, "1.1.0", Result::Running), deployment(1, "1.0.0", Result::Ok)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(changes.inserted.size(), 2);

        // #2 finished, #3 came: one change, one insert at the top.
        changes.clear();
        model.setHistory({deployment(3, "1.2.0", Result::Failed),
                          deployment(2, "1.1.0", Result::Ok), deployment(1, "1.0.0", Result::Ok)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(changes.inserted.size(), 1);
        QCOMPARE(changes.removed.size(), 0);
        QCOMPARE(changes.changed.size(), 1);
        QCOMPARE(model.record(0).id, 3);
        QCOMPARE(model.record(1).result, Result::Ok);
        QCOMPARE(model.rowOfId(1), 2);

        // Retention drops the oldest; an order the store gives is kept.
        changes.clear();
        model.setHistory(
            {deployment(2, "1.1.0", Result::Ok), deployment(3, "1.2.0", Result::Failed)});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(changes.removed.size(), 1);
        QCOMPARE(changes.moved.size(), 1);
        QCOMPARE(model.record(0).id, 2);
        QCOMPARE(model.record(1).id, 3);
        QCOMPARE(model.rowOfId(1), -1);
        QCOMPARE(model.record(5).id, 0); // outside the rows: empty

        changes.clear();
        model.setHistory({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(changes.removed.size(), 2);
        QCOMPARE(changes.resets.size(), 0);
    }

    void versionListFollowsTheRegistry() {
        VersionListModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Changes changes(&model);
        core::VersionList list;
        list.repository = QStringLiteral("registry.local/shop");
        list.versions = {imageVersion("1.1.0", "b"), imageVersion("1.0.0", "a")};
        model.setVersions(list);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.rowOfTag(QStringLiteral("1.0.0")), 1);

        // The running one is marked: every row may change its look, none is replaced.
        changes.clear();
        model.setCurrentDigest(list.versions[1].digest);
        QCOMPARE(changes.changed.size(), 1);
        QVERIFY(model.index(1, 0).data(VersionListModel::CurrentRole).toBool());
        QVERIFY(!model.index(0, 0).data(VersionListModel::CurrentRole).toBool());

        // A new tag, one gone from the registry (still on a host).
        changes.clear();
        core::ImageVersion onHost = imageVersion("1.0.0", "a");
        onHost.inRegistry = false;
        onHost.hostIds = {QStringLiteral("h1")};
        list.versions = {imageVersion("1.2.0", "c"), imageVersion("1.1.0", "b"), onHost};
        model.setVersions(list);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(changes.inserted.size(), 1);
        QCOMPARE(changes.changed.size(), 1);
        QCOMPARE(model.version(2).inRegistry, false);

        // Another application's list: none of the old rows stay.
        changes.clear();
        core::VersionList other;
        other.repository = QStringLiteral("registry.local/other");
        other.versions = {imageVersion("9.0.0", "d")};
        other.versions[0].repository = other.repository;
        model.setVersions(other);
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(model.repository(), other.repository);
        QCOMPARE(changes.removed.size(), 3);
        QCOMPARE(changes.resets.size(), 0);
    }

    void topUsageReorders() {
        TopUsageModel model(TopUsageModel::Kind::Containers);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Changes changes(&model);
        model.setRows({usageRow("a", 90), usageRow("b", 50), usageRow("c", 10)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOf(QStringLiteral("c")), 2);

        // c overtakes a; b leaves the list; d comes in.
        changes.clear();
        model.setRows({usageRow("c", 95), usageRow("a", 80), usageRow("d", 5)});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(column(&model, TopUsageModel::NameColumn), (QStringList{"c", "a", "d"}));
        QCOMPARE(changes.removed.size(), 1);
        QCOMPARE(changes.inserted.size(), 1);
        QVERIFY(changes.moved.size() >= 1);
        QVERIFY(!changes.changed.isEmpty());
        QCOMPARE(model.index(0, TopUsageModel::CpuColumn).data(TopUsageModel::ValueRole).toDouble(),
                 95.0);
        // The bar of the largest is full.
        QCOMPARE(
            model.index(0, TopUsageModel::CpuColumn).data(TopUsageModel::FractionRole).toDouble(),
            1.0);

        changes.clear();
        model.setRows({});
        QCOMPARE(model.rowCount(), 0);
        QCOMPARE(changes.removed.size(), 3);
        QCOMPARE(changes.resets.size(), 0);
    }

    void servicesInsertChangeRemove() {
        ServiceTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        Changes changes(&model);
        const QString web1 = QStringLiteral("registry.local/web:1");
        model.insertRecords({service("s1", web1, 2), service("s2", web1, 1)});
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!changes.inserted.isEmpty());
        const QStringList names = column(&model, ServiceTableModel::NameColumn);
        QVERIFY2(names.contains("svc-s1") && names.contains("svc-s2"), qPrintable(names.join(',')));

        changes.clear();
        model.changeRecords({service("s2", QStringLiteral("registry.local/web:2"), 2)});
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(!changes.changed.isEmpty());
        QCOMPARE(changes.inserted.size(), 0);
        const QStringList images = column(&model, ServiceTableModel::ImageColumn);
        QVERIFY2(images.contains("registry.local/web:2"), qPrintable(images.join(',')));
        QCOMPARE(column(&model, ServiceTableModel::ReplicasColumn),
                 (QStringList{"2 / 2", "2 / 2"}));

        changes.clear();
        model.removeRecords({service("s1", web1, 2)});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(changes.removed.size(), 1);
        QCOMPARE(column(&model, ServiceTableModel::NameColumn), QStringList{"svc-s2"});
        // Removing one that is not there is nothing.
        changes.clear();
        model.removeRecords({service("s9", web1, 2)});
        QCOMPARE(model.rowCount(), 1);
        QCOMPARE(changes.removed.size(), 0);
        QCOMPARE(changes.resets.size(), 0);
    }
};

QTEST_GUILESS_MAIN(TestRecordModels)
#include "tst_recordmodels.moc"
