#include "tests/support/guitestbase.h"

#include "core/store/store.h"
#include "core/store/storethread.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QTableView>
#include <QTranslator>
#include <QtTest>

namespace slipway::test {

namespace {

// Each is pointed into the test function's HOME, so nothing is read from the user's own; "data"
// as in cleanEnvironment(), so that a binary run with home() finds the same database.
constexpr std::pair<const char *, const char *> kHomeVariables[] = {{"HOME", ""},
                                                                    {"XDG_DATA_HOME", "data"},
                                                                    {"XDG_CONFIG_HOME", "config"},
                                                                    {"XDG_CACHE_HOME", "cache"},
                                                                    {"XDG_RUNTIME_DIR", "runtime"}};

} // namespace

void save(QWidget *widget, const QString &name) {
    QVERIFY2(widget, qPrintable("nothing to save as " + name));
    // What a test just changed is painted first: the grab shows the state it asserts.
    QCoreApplication::sendPostedEvents();
    QCoreApplication::processEvents();
    QDir().mkpath(QStringLiteral(SLIPWAY_SCREENSHOT_DIR));
    const QString path = QStringLiteral(SLIPWAY_SCREENSHOT_DIR "/") + name + ".png";
    QVERIFY2(widget->grab().save(path), qPrintable("cannot save " + path));
}

void click(QWidget *widget) {
    QVERIFY2(widget, "nothing to click");
    QVERIFY2(widget->isVisible() && widget->isEnabled(),
             qPrintable(widget->objectName() + " is hidden or disabled"));
    QTest::mouseClick(widget, Qt::LeftButton, {}, widget->rect().center());
}

void clickRow(QTableView *table, int row, Qt::KeyboardModifiers modifiers, int column) {
    QVERIFY2(table, "no table");
    QVERIFY2(row >= 0 && row < table->model()->rowCount(),
             qPrintable(QStringLiteral("no row %1 in %2").arg(row).arg(table->objectName())));
    const QModelIndex index = table->model()->index(row, column);
    table->scrollTo(index);
    QTest::mouseClick(table->viewport(), Qt::LeftButton, modifiers,
                      table->visualRect(index).center());
}

bool showExposed(QWidget *widget, QSize size) {
    widget->resize(size);
    widget->show();
    return QTest::qWaitForWindowExposed(widget);
}

GuiTestBase::~GuiTestBase() = default;

QString GuiTestBase::home() const {
    return home_ ? home_->path() : QString();
}

QString GuiTestBase::databasePath() const {
    return core::Store::defaultPath();
}

std::shared_ptr<core::StoreThread> GuiTestBase::store() {
    if (!store_ && home_)
        store_ = std::make_shared<core::StoreThread>(databasePath());
    return store_;
}

void GuiTestBase::init() {
    if (home_)
        cleanup(); // an init() before failed early
    home_ = std::make_unique<QTemporaryDir>();
    QVERIFY2(home_->isValid(), qPrintable(home_->errorString()));
    translators_.clear();
    for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>())
        translators_.append(t);
    saved_.clear();
    for (const auto &[name, sub] : kHomeVariables) {
        saved_.append({name, qEnvironmentVariableIsSet(name)
                                 ? std::optional<QByteArray>(qgetenv(name))
                                 : std::nullopt});
        const QString dir = *sub ? home_->filePath(QString::fromLatin1(sub)) : home_->path();
        QVERIFY(QDir().mkpath(dir));
        qputenv(name, QFile::encodeName(dir));
    }
    QFile::setPermissions(home_->filePath(QStringLiteral("runtime")),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QString database = databasePath();
    QVERIFY2(database.startsWith(home_->path()), qPrintable(database));
    QVERIFY(QDir().mkpath(QFileInfo(database).path()));
    // As private as the application makes it, so that it has nothing to warn about.
    QFile::setPermissions(QFileInfo(database).path(),
                          QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    initView();
    // QtTest calls no cleanup() after an init() that failed: what initView() made goes now.
    if (QTest::currentTestFailed())
        cleanup();
}

void GuiTestBase::cleanup() {
    cleanupView();
    store_.reset();
    for (QTranslator *t : QCoreApplication::instance()->findChildren<QTranslator *>()) {
        if (!translators_.contains(t)) {
            QCoreApplication::removeTranslator(t);
            delete t;
        }
    }
    for (const auto &[name, value] : std::as_const(saved_)) {
        if (value)
            qputenv(name.constData(), *value);
        else
            qunsetenv(name.constData());
    }
    saved_.clear();
    home_.reset();
}

} // namespace slipway::test
