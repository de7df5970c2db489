// GuiTestBase: what every GUI test shares, so that each test function starts from nothing.
#pragma once

#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <QTemporaryDir>
#include <QWidget>
#include <memory>
#include <optional>

class QTableView;

namespace slipway::core {
class StoreThread;
}

namespace slipway::test {

// A PNG of `widget`, painted with what is pending, as SLIPWAY_SCREENSHOT_DIR/<name>.png; fails
// the running test when it cannot be written.
void save(QWidget *widget, const QString &name);
// A left click in the middle of `widget`, which must be there, visible and enabled.
void click(QWidget *widget);
// A click on a cell of `table` through its viewport, as a user selects a row.
void clickRow(QTableView *table, int row, Qt::KeyboardModifiers modifiers = {}, int column = 0);
// Shows `widget` at `size` and waits until it is exposed; false when it never is.
bool showExposed(QWidget *widget, QSize size);

// A base for a GUI test class: before each test function it makes a fresh HOME (XDG data,
// config, cache and runtime dirs inside it, for this process and the binaries it runs), where
// store() opens a fresh database, then calls initView(); after it, cleanupView() and everything
// goes (translators a test installed too), and the variables are put back for
// initTestCase()/cleanupTestCase(). No test function sees what another left behind, so any one runs
// alone
// (`gui_tst_x functionName`) and in any order. A subclass makes its window or view in
// initView() and destroys it in cleanupView(), before the database closes.
class GuiTestBase : public QObject {
    Q_OBJECT

public:
    ~GuiTestBase() override;

protected:
    // The running test function's HOME.
    QString home() const;
    // The database file the application itself would use under that HOME.
    QString databasePath() const;
    // The running test function's database at databasePath(), opened by the first call (a
    // test may write the file before) and closed at cleanup().
    std::shared_ptr<core::StoreThread> store();

    virtual void initView() {}
    virtual void cleanupView() {}

protected slots:
    // QtTest calls these around every test function; a subclass does not declare its own.
    // cleanup() is idempotent: init() calls it itself when it fails.
    void init();
    void cleanup();

private:
    std::unique_ptr<QTemporaryDir> home_;
    QList<QPair<QByteArray, std::optional<QByteArray>>> saved_; // the variables init() replaced
    QList<QObject *> translators_; // installed before init(): the ones a test adds go after it
    std::shared_ptr<core::StoreThread> store_;
};

} // namespace slipway::test
