// ImageTableModel and ImageFilterProxy: rows from the engine's own image list (recorded and
// handmade replies), checked with QAbstractItemModelTester; every change arrives as row
// inserts, dataChanged and row removals, never a reset or a layout change.
#include "core/fleet/imagerecord.h"
#include "engine/parse.h"
#include "models/imagefilterproxy.h"
#include "models/imagetablemodel.h"
#include "tests/support/testdata.h"

#include <QAbstractItemModelTester>
#include <QGuiApplication>
#include <QSignalSpy>
#include <QtTest>

using namespace slipway;
using core::ImageList;
using core::ImageRecord;
using models::ImageTableModel;

namespace {

// The rows of an engine image list, as the catalog makes them.
ImageList rowsOf(const QString &file, const QString &hostId,
                 const QHash<QString, QStringList> &used = {}) {
    auto images = engine::parse::images(test::requireData(file).toStdString());
    if (!images)
        qFatal("cannot parse %s", qPrintable(file));
    ImageList rows;
    for (const auto &image : images.value())
        rows += ImageRecord::fromSummary(image, hostId, hostId + QStringLiteral(" engine"), used);
    return rows;
}

ImageRecord record(const QString &host, const QString &idDigit, const QString &repo,
                   const QString &tag, qint64 size = 1000) {
    ImageRecord r;
    r.hostId = host;
    r.hostName = host;
    r.id = QStringLiteral("sha256:") + QString(64, idDigit.at(0));
    r.repository = repo;
    r.tag = tag;
    if (!tag.isEmpty())
        r.repoTags = {repo + u':' + tag};
    r.dangling = tag.isEmpty();
    r.size = size;
    r.created = 1714000000;
    return r;
}

QString cell(const QAbstractItemModel &m, int row, int column, int role = Qt::DisplayRole) {
    return m.index(row, column).data(role).toString();
}

// Counts every signal that would lose the view's selection, sort or scroll position.
struct ResetWatch {
    explicit ResetWatch(QAbstractItemModel *m)
        : reset(m, &QAbstractItemModel::modelReset),
          aboutToReset(m, &QAbstractItemModel::modelAboutToBeReset),
          layout(m, &QAbstractItemModel::layoutChanged) {}
    int count() const { return int(reset.size() + aboutToReset.size() + layout.size()); }
    QSignalSpy reset, aboutToReset, layout;
};

} // namespace

class TestImageTableModel : public QObject {
    Q_OBJECT

private slots:
    void rowsFromTheRecordedList() {
        const ImageList rows = rowsOf(QStringLiteral("recorded/images_list.json"), "h1");
        // Six images with two tags each.
        QCOMPARE(rows.size(), 12);
        ImageTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ResetWatch watch(&model);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.insertRecords(rows);
        QCOMPARE(model.rowCount(), 12);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(watch.count(), 0);

        int web = -1;
        for (int i = 0; i < model.rowCount(); ++i)
            if (cell(model, i, ImageTableModel::RepositoryColumn) == "127.0.0.1:5515/slipway/web" &&
                cell(model, i, ImageTableModel::TagColumn) == "1.0.0")
                web = i;
        QVERIFY(web >= 0);
        QCOMPARE(cell(model, web, ImageTableModel::HostColumn), QStringLiteral("h1 engine"));
        QCOMPARE(cell(model, web, ImageTableModel::IdColumn).size(), 12);
        QVERIFY(cell(model, web, ImageTableModel::DigestColumn).startsWith("sha256:"));
        QCOMPARE(cell(model, web, ImageTableModel::DigestColumn).size(), 7 + 12);
        QCOMPARE(cell(model, web, ImageTableModel::SizeColumn), QStringLiteral("1.9 MiB"));
        QCOMPARE(model.index(web, ImageTableModel::SizeColumn).data(ImageTableModel::SortRole),
                 QVariant(qint64(1986696)));
        QCOMPARE(cell(model, web, ImageTableModel::UsedByColumn), QStringLiteral("0"));
        QCOMPARE(cell(model, web, ImageTableModel::DanglingColumn), QString());
        QCOMPARE(cell(model, web, 0, ImageTableModel::ReferenceRole),
                 QStringLiteral("127.0.0.1:5515/slipway/web:1.0.0"));
        // The local tag of the same image has no digest of its own repository.
        for (int i = 0; i < model.rowCount(); ++i)
            if (cell(model, i, ImageTableModel::RepositoryColumn) == "slipway/web")
                QCOMPARE(cell(model, i, ImageTableModel::DigestColumn), QString());
    }

    void usedByAndDanglingFromTheHandmadeList() {
        QHash<QString, QStringList> used;
        used[QStringLiteral("sha256:") + QString(64, u'2')] = {"a", "b", "c"};
        const ImageList rows = rowsOf(QStringLiteral("handmade/images_nulls.json"), "h1", used);
        // null tags (one row), two tags (two rows), "<none>:<none>" (one row).
        QCOMPARE(rows.size(), 4);
        ImageTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.insertRecords(rows);
        model.setNow(1714000000 + 3 * 86400);
        int dangling = 0;
        for (int i = 0; i < model.rowCount(); ++i) {
            const ImageRecord r = model.record(i);
            if (r.dangling) {
                ++dangling;
                QCOMPARE(cell(model, i, ImageTableModel::DanglingColumn),
                         QStringLiteral("dangling"));
                QCOMPARE(cell(model, i, ImageTableModel::TagColumn), QStringLiteral("<none>"));
                QVERIFY(model.index(i, ImageTableModel::DanglingColumn)
                            .data(Qt::ForegroundRole)
                            .isValid()); // greyed
                QCOMPARE(model.index(i, 0).data(ImageTableModel::ReferenceRole).toString(), r.id);
            }
            if (r.id.endsWith(u'2')) {
                // The engine's own count (2) is not trusted; the containers list says 3.
                QCOMPARE(cell(model, i, ImageTableModel::UsedByColumn), QStringLiteral("3"));
                QVERIFY(cell(model, i, ImageTableModel::UsedByColumn, Qt::ToolTipRole)
                            .contains("a, b, c"));
                QCOMPARE(model.index(i, ImageTableModel::CreatedColumn)
                             .data(ImageTableModel::SortRole)
                             .toLongLong(),
                         1714000001);
            }
        }
        QCOMPARE(dangling, 2);
        QCOMPARE(cell(model, 0, ImageTableModel::CreatedColumn), QStringLiteral("3 days ago"));
        QCOMPARE(cell(model, 3, ImageTableModel::SizeColumn), QStringLiteral("0 B"));
    }

    void changesAreRowLevel() {
        ImageTableModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        ImageList first{record("h1", "a", "web", "1"), record("h1", "a", "web", "2"),
                        record("h1", "b", "api", "1"), record("h2", "c", "db", "9"),
                        record("h2", "d", "", "")};
        model.insertRecords(first);
        QCOMPARE(model.rowCount(), 5);
        ResetWatch watch(&model);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

        // A change: one dataChanged for exactly that row.
        ImageRecord api = first[2];
        api.usedBy = 4;
        api.usedByNames = {"w", "x", "y", "z"};
        model.changeRecords({api});
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed[0][0].toModelIndex().row(), 2);
        QCOMPARE(changed[0][1].toModelIndex().row(), 2);
        QCOMPARE(cell(model, 2, ImageTableModel::UsedByColumn), QStringLiteral("4"));
        // The same record again changes nothing.
        model.changeRecords({api});
        QCOMPARE(changed.size(), 1);

        // Removing rows 1 and 3 (not adjacent): two removals, the rest keep their keys.
        model.removeRecords({first[3], first[1]});
        QCOMPARE(removed.size(), 2);
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.rowOf(first[0].key()), 0);
        QCOMPARE(model.rowOf(first[2].key()), 1);
        QCOMPARE(model.rowOf(first[4].key()), 2);
        QCOMPARE(model.rowOf(first[1].key()), -1);
        QCOMPARE(model.record(1).usedBy, 4);

        // Adjacent rows go in one removal.
        removed.clear();
        model.insertRecords({first[1], first[3]});
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(model.rowCount(), 5);
        model.removeRecords({first[1], first[3]});
        QCOMPARE(removed.size(), 1);
        QCOMPARE(model.rowCount(), 3);

        // Inserting a key that is there already is a change, not a second row.
        ImageRecord web = first[0];
        web.size = 5000;
        model.insertRecords({web});
        QCOMPARE(model.rowCount(), 3);
        QCOMPARE(model.record(0).size, 5000);

        // Stale rows (host unreachable) are greyed, not removed.
        ImageRecord stale = model.record(2);
        stale.stale = true;
        model.changeRecords({stale});
        QVERIFY(
            model.index(2, ImageTableModel::RepositoryColumn).data(Qt::ForegroundRole).isValid());
        QVERIFY(model.index(2, 0).data(ImageTableModel::StaleRole).toBool());
        QCOMPARE(watch.count(), 0);
    }

    void proxyFiltersAndSortsByRawValues() {
        ImageTableModel model;
        models::ImageFilterProxy proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.insertRecords({record("h1", "a", "shop/web", "1.0", 900),
                             record("h1", "b", "shop/api", "2.0", 5 * 1024 * 1024),
                             record("h2", "c", "shop/web", "1.1", 20000),
                             record("h2", "d", "", "", 100)});
        QCOMPARE(proxy.rowCount(), 4);
        proxy.setShowDangling(false);
        QCOMPARE(proxy.rowCount(), 3);
        proxy.setShowDangling(true);
        proxy.setFilterText(QStringLiteral("  WEB "));
        QCOMPARE(proxy.rowCount(), 2);
        proxy.setFilterText(QStringLiteral("web h2"));
        QCOMPARE(proxy.rowCount(), 1);
        QCOMPARE(proxy.index(0, ImageTableModel::TagColumn).data().toString(),
                 QStringLiteral("1.1"));
        proxy.setFilterText(QStringLiteral("shop/web:1.0"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setFilterText(QStringLiteral("dangling"));
        QCOMPARE(proxy.rowCount(), 1);
        proxy.setFilterText({});

        // By size: bytes, not the text ("900 B" > "5.0 MiB" as strings).
        proxy.sort(ImageTableModel::SizeColumn, Qt::DescendingOrder);
        QCOMPARE(proxy.index(0, ImageTableModel::RepositoryColumn).data().toString(),
                 QStringLiteral("shop/api"));
        QCOMPARE(proxy.index(3, ImageTableModel::SizeColumn).data().toString(),
                 core::ImageText::size(100));
        // A change re-sorts through the proxy without resetting the source.
        ResetWatch watch(&model);
        ImageRecord grown = model.record(0);
        grown.size = 50 * 1024 * 1024;
        model.changeRecords({grown});
        QCOMPARE(proxy.index(0, ImageTableModel::TagColumn).data().toString(),
                 QStringLiteral("1.0"));
        QCOMPARE(watch.count(), 0);
    }

    void ages() {
        const qint64 now = 1714000000;
        QCOMPARE(core::ImageText::age(now - 30, now), QStringLiteral("just now"));
        QCOMPARE(core::ImageText::age(now - 60, now), QStringLiteral("1 minute ago"));
        QCOMPARE(core::ImageText::age(now - 7200, now), QStringLiteral("2 hours ago"));
        QCOMPARE(core::ImageText::age(now - 86400 * 20, now), QStringLiteral("2 weeks ago"));
        QCOMPARE(core::ImageText::age(now + 500, now), QStringLiteral("just now"));
        QCOMPARE(core::ImageText::age(0, now), QString());
    }
};

int main(int argc, char **argv) {
    // Greyed rows take their colour from the palette, which needs a QGuiApplication; ctest
    // has no display.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    TestImageTableModel test;
    return QTest::qExec(&test, argc, argv);
}
#include "tst_imagetablemodel.moc"
