// LogView: a container's live log as a LogFollower delivers it: stderr lines tinted, optional
// timestamps, search with every match highlighted and next / previous, pause and resume,
// clear. Follows the end while the user is at the end; stays put when they scrolled up.
#pragma once

#include "core/fleet/logfollower.h"

#include <QList>
#include <QTextCursor>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace slipway::widgets {

class LogView : public QWidget {
    Q_OBJECT

public:
    explicit LogView(core::LogFollower *follower, QWidget *parent = nullptr);

    core::LogFollower *follower() const { return follower_; }
    QPlainTextEdit *textView() const { return text_; }
    QLineEdit *searchEdit() const { return search_; }
    QToolButton *pauseButton() const { return pause_; }
    QCheckBox *timestampsCheck() const { return timestamps_; }
    QLabel *stateLabel() const { return state_; }
    QLabel *matchLabel() const { return matches_; }

    int matchCount() const { return int(matchCursors_.size()); }
    int currentMatch() const { return current_; } // -1 when none
    QString currentMatchText() const;
    // The line the current match is on, as shown.
    QString currentMatchLine() const;

public slots:
    void findNext();
    void findPrevious();
    void setShowTimestamps(bool show);
    void clear();

private:
    void append(const QList<core::LogEntry> &lines, quint64 skipped);
    void appendOne(QTextCursor &cursor, const core::LogEntry &line);
    void appendMarker(QTextCursor &cursor, const QString &text);
    void rebuild();
    void highlight();
    void select(int match);
    void updateState();
    bool atEnd() const;

    core::LogFollower *follower_;
    QPlainTextEdit *text_;
    QLineEdit *search_;
    QToolButton *prev_;
    QToolButton *next_;
    QLabel *matches_;
    QToolButton *pause_;
    QCheckBox *timestamps_;
    QToolButton *clear_;
    QLabel *state_;
    QTimer searchTimer_;
    QList<QTextCursor> matchCursors_;
    int current_ = -1;
    bool showTimestamps_ = true;
};

} // namespace slipway::widgets
