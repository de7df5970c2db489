// ImageReference: what is accepted, how it splits, and the messages for what is not.
#include "engine/imagereference.h"

#include <QtTest>

using slipway::engine::ErrorKind;
using slipway::engine::ImageReference;

class TestImageReference : public QObject {
    Q_OBJECT

private slots:
    void accepts_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("repository");
        QTest::addColumn<QString>("tag");
        QTest::addColumn<QString>("registry");
        QTest::newRow("plain") << "busybox"
                               << "busybox"
                               << "latest"
                               << "";
        QTest::newRow("tag") << "slipway/web:1.0.0"
                             << "slipway/web"
                             << "1.0.0"
                             << "";
        QTest::newRow("registry with port") << "127.0.0.1:5515/slipway/web:1.1.0"
                                            << "127.0.0.1:5515/slipway/web"
                                            << "1.1.0"
                                            << "127.0.0.1:5515";
        QTest::newRow("localhost") << "localhost/web"
                                   << "localhost/web"
                                   << "latest"
                                   << "localhost";
        QTest::newRow("separators") << "a_b/c__d/e-f.g:v1.2-rc_3"
                                    << "a_b/c__d/e-f.g"
                                    << "v1.2-rc_3"
                                    << "";
    }
    void accepts() {
        QFETCH(QString, text);
        auto r = ImageReference::parse(text.toStdString());
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QFETCH(QString, repository);
        QFETCH(QString, tag);
        QFETCH(QString, registry);
        QCOMPARE(QString::fromStdString(r.value().repository), repository);
        QCOMPARE(QString::fromStdString(r.value().tag), tag);
        QCOMPARE(QString::fromStdString(r.value().registryHost()), registry);
    }

    void digest() {
        const std::string d = "sha256:" + std::string(64, 'a');
        auto r = ImageReference::parse("127.0.0.1:5515/web@" + d);
        QVERIFY(r.ok());
        QCOMPARE(r.value().digest, d);
        QVERIFY(r.value().tag.empty());
        QCOMPARE(r.value().str(), "127.0.0.1:5515/web@" + d);
    }

    void refuses_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("empty") << ""
                               << "empty";
        QTest::newRow("upper case") << "Shop/web"
                                    << "\"Shop\"";
        QTest::newRow("space") << "web app"
                               << "white space";
        QTest::newRow("bad tag") << "web:-x"
                                 << "tag \"-x\"";
        QTest::newRow("bad digest") << "web@sha256:123"
                                    << "digest";
        QTest::newRow("empty component") << "a//b"
                                         << "\"\"";
        QTest::newRow("no repository") << ":tag"
                                       << "no repository";
        QTest::newRow("trailing separator") << "web-:1"
                                            << "\"web-\"";
    }
    void refuses() {
        QFETCH(QString, text);
        QFETCH(QString, mentions);
        auto r = ImageReference::parse(text.toStdString());
        QVERIFY(!r.ok());
        QCOMPARE(r.error().kind, ErrorKind::InvalidInput);
        QVERIFY2(r.error().message.find(mentions.toStdString()) != std::string::npos,
                 r.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestImageReference)
#include "tst_imagereference.moc"
