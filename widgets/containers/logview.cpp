#include "widgets/containers/logview.h"

#include <QCheckBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QScrollBar>
#include <QStyle>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

namespace slipway::widgets {

using core::LogEntry;
using core::LogFollower;

namespace {

constexpr int kMaxHighlights = 5000; // matches painted at once; counting stops there too

const QColor kStderrBackground(0xfd, 0xec, 0xea);
const QColor kStderrText(0xa3, 0x1f, 0x1f);
const QColor kTimestamp(0x7a, 0x86, 0x94);
const QColor kMatch(0xff, 0xe5, 0x7f);
const QColor kCurrentMatch(0xff, 0x9f, 0x43);

// Shift+Enter in the search field goes back.
class SearchEdit : public QLineEdit {
public:
    using QLineEdit::QLineEdit;
    std::function<void(bool backwards)> onEnter;

protected:
    void keyPressEvent(QKeyEvent *e) override {
        if ((e->key() == Qt::Key_Return || e->key() == Qt::Key_Enter) && onEnter) {
            onEnter(e->modifiers() & Qt::ShiftModifier);
            return;
        }
        QLineEdit::keyPressEvent(e);
    }
};

QToolButton *button(const QString &objectName, const QString &text, const QString &tip,
                    QWidget *parent) {
    auto *b = new QToolButton(parent);
    b->setObjectName(objectName);
    b->setText(text);
    b->setToolTip(tip);
    b->setToolButtonStyle(Qt::ToolButtonTextOnly);
    return b;
}

} // namespace

LogView::LogView(LogFollower *follower, QWidget *parent) : QWidget(parent), follower_(follower) {
    auto *search = new SearchEdit(this);
    search_ = search;
    search_->setObjectName(QStringLiteral("logSearch"));
    search_->setPlaceholderText(tr("Search the log"));
    search_->setClearButtonEnabled(true);
    search_->setMinimumWidth(200);
    search->onEnter = [this](bool backwards) {
        backwards ? findPrevious() : findNext();
    };
    prev_ = button(QStringLiteral("logPrevious"), tr("Previous"),
                   tr("The previous match (Shift+Enter)"), this);
    prev_->setIcon(style()->standardIcon(QStyle::SP_ArrowUp));
    prev_->setToolButtonStyle(Qt::ToolButtonIconOnly);
    next_ = button(QStringLiteral("logNext"), tr("Next"), tr("The next match (Enter)"), this);
    next_->setIcon(style()->standardIcon(QStyle::SP_ArrowDown));
    next_->setToolButtonStyle(Qt::ToolButtonIconOnly);
    matches_ = new QLabel(this);
    matches_->setObjectName(QStringLiteral("logMatches"));
    matches_->setMinimumWidth(80);

    pause_ = button(QStringLiteral("logPause"), tr("Pause"),
                    tr("Stop scrolling new lines in; they are kept and shown on resume"), this);
    pause_->setCheckable(true);
    timestamps_ = new QCheckBox(tr("Timestamps"), this);
    timestamps_->setObjectName(QStringLiteral("logTimestamps"));
    timestamps_->setChecked(true);
    clear_ = button(QStringLiteral("logClear"), tr("Clear"),
                    tr("Empty the view; new lines keep coming"), this);
    state_ = new QLabel(this);
    state_->setObjectName(QStringLiteral("logState"));
    state_->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *bar = new QHBoxLayout;
    bar->setSpacing(6);
    bar->addWidget(search_, 2);
    bar->addWidget(prev_);
    bar->addWidget(next_);
    bar->addWidget(matches_);
    bar->addSpacing(12);
    bar->addWidget(pause_);
    bar->addWidget(timestamps_);
    bar->addWidget(clear_);
    bar->addSpacing(12);
    bar->addWidget(state_, 3);

    text_ = new QPlainTextEdit(this);
    text_->setObjectName(QStringLiteral("logText"));
    text_->setReadOnly(true);
    text_->setUndoRedoEnabled(false);
    text_->setLineWrapMode(QPlainTextEdit::NoWrap);
    text_->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    text_->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    // Room for the follower's whole buffer and a few "lines not shown" markers.
    text_->setMaximumBlockCount(follower_->options().maxLines + 16);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(text_, 1);

    searchTimer_.setSingleShot(true);
    searchTimer_.setInterval(200);
    connect(&searchTimer_, &QTimer::timeout, this, &LogView::highlight);
    connect(search_, &QLineEdit::textChanged, this, [this] {
        current_ = -1;
        searchTimer_.start();
    });
    connect(prev_, &QToolButton::clicked, this, &LogView::findPrevious);
    connect(next_, &QToolButton::clicked, this, &LogView::findNext);
    connect(pause_, &QToolButton::toggled, follower_, &LogFollower::setPaused);
    connect(timestamps_, &QCheckBox::toggled, this, &LogView::setShowTimestamps);
    connect(clear_, &QToolButton::clicked, this, &LogView::clear);

    connect(follower_, &LogFollower::appended, this, &LogView::append);
    connect(follower_, &LogFollower::cleared, this, [this] {
        text_->clear();
        matchCursors_.clear();
        current_ = -1;
        text_->setExtraSelections({});
        updateState();
    });
    connect(follower_, &LogFollower::stateChanged, this, &LogView::updateState);
    connect(follower_, &LogFollower::pausedChanged, this, [this](bool paused) {
        const QSignalBlocker block(pause_);
        pause_->setChecked(paused);
        updateState();
    });
    // While paused, say how much is waiting.
    auto *pendingTimer = new QTimer(this);
    pendingTimer->setInterval(500);
    connect(pendingTimer, &QTimer::timeout, this, [this] {
        if (follower_->isPaused())
            updateState();
    });
    pendingTimer->start();
    updateState();
}

bool LogView::atEnd() const {
    const QScrollBar *bar = text_->verticalScrollBar();
    return bar->value() >= bar->maximum();
}

void LogView::appendMarker(QTextCursor &cursor, const QString &text) {
    QTextCharFormat f;
    f.setForeground(kTimestamp);
    f.setFontItalic(true);
    if (!text_->document()->isEmpty())
        cursor.insertBlock(QTextBlockFormat(), f);
    else
        cursor.setBlockFormat(QTextBlockFormat());
    cursor.insertText(text, f);
}

void LogView::appendOne(QTextCursor &cursor, const LogEntry &line) {
    QTextBlockFormat block;
    QTextCharFormat body;
    if (line.isStderr()) {
        block.setBackground(kStderrBackground);
        body.setForeground(kStderrText);
    }
    if (!text_->document()->isEmpty())
        cursor.insertBlock(block, body);
    else
        cursor.setBlockFormat(block);
    if (showTimestamps_ && line.timeNs != 0) {
        QTextCharFormat stamp;
        stamp.setForeground(kTimestamp);
        cursor.insertText(line.timeText() + QStringLiteral("  "), stamp);
    }
    cursor.insertText(line.text, body);
}

void LogView::append(const QList<LogEntry> &lines, quint64 skipped) {
    const bool follow = atEnd();
    QTextCursor cursor(text_->document());
    cursor.movePosition(QTextCursor::End);
    cursor.beginEditBlock();
    if (skipped > 0)
        appendMarker(cursor,
                     skipped == 1
                         ? tr("… 1 line not shown: lines came faster than they could be kept")
                         : tr("… %1 lines not shown: lines came faster than they could be "
                              "kept")
                               .arg(QLocale().toString(skipped)));
    for (const LogEntry &line : lines)
        appendOne(cursor, line);
    cursor.endEditBlock();
    if (follow)
        text_->verticalScrollBar()->setValue(text_->verticalScrollBar()->maximum());
    // Matches only change when new lines have the term, or old ones left the top.
    const QString term = search_->text();
    if (!term.isEmpty() && !searchTimer_.isActive()) {
        const bool full = text_->document()->blockCount() >= text_->maximumBlockCount();
        const bool found = std::any_of(lines.begin(), lines.end(), [&](const LogEntry &l) {
            return l.text.contains(term, Qt::CaseInsensitive) ||
                   (showTimestamps_ && l.timeText().contains(term, Qt::CaseInsensitive));
        });
        if (found || (full && !matchCursors_.isEmpty()))
            searchTimer_.start();
    }
}

void LogView::rebuild() {
    const bool follow = atEnd();
    text_->clear();
    QTextCursor cursor(text_->document());
    cursor.beginEditBlock();
    const auto &lines = follower_->lines();
    const auto shown = lines.size() - std::size_t(follower_->pendingCount());
    for (std::size_t i = 0; i < shown; ++i)
        appendOne(cursor, lines[i]);
    cursor.endEditBlock();
    if (follow)
        text_->verticalScrollBar()->setValue(text_->verticalScrollBar()->maximum());
    highlight();
}

void LogView::setShowTimestamps(bool show) {
    if (show == showTimestamps_)
        return;
    showTimestamps_ = show;
    {
        const QSignalBlocker block(timestamps_);
        timestamps_->setChecked(show);
    }
    rebuild();
}

void LogView::clear() {
    follower_->clear(); // answers with cleared(), which empties the view
}

void LogView::highlight() {
    searchTimer_.stop();
    const QString term = search_->text();
    // Keep the current match where it was, if it still matches.
    int keepPosition = -1;
    if (current_ >= 0 && current_ < matchCursors_.size())
        keepPosition = matchCursors_[current_].selectionStart();
    matchCursors_.clear();
    current_ = -1;
    if (!term.isEmpty()) {
        QTextDocument *doc = text_->document();
        QTextCursor c(doc);
        while (matchCursors_.size() < kMaxHighlights) {
            c = doc->find(term, c);
            if (c.isNull())
                break;
            if (c.selectionStart() == keepPosition)
                current_ = int(matchCursors_.size());
            matchCursors_.append(c);
        }
    }
    QList<QTextEdit::ExtraSelection> selections;
    selections.reserve(matchCursors_.size());
    for (int i = 0; i < matchCursors_.size(); ++i) {
        QTextEdit::ExtraSelection s;
        s.cursor = matchCursors_[i];
        s.format.setBackground(i == current_ ? kCurrentMatch : kMatch);
        selections.append(s);
    }
    text_->setExtraSelections(selections);
    if (term.isEmpty())
        matches_->clear();
    else if (matchCursors_.isEmpty())
        matches_->setText(tr("No matches"));
    else if (current_ >= 0)
        matches_->setText(tr("%1 of %2").arg(current_ + 1).arg(matchCursors_.size()));
    else
        matches_->setText(matchCursors_.size() >= kMaxHighlights
                              ? tr("%1+ matches").arg(kMaxHighlights)
                          : matchCursors_.size() == 1 ? tr("1 match")
                                                      : tr("%1 matches").arg(matchCursors_.size()));
    search_->setStyleSheet(!term.isEmpty() && matchCursors_.isEmpty()
                               ? QStringLiteral("QLineEdit { background: #fbe9e9; }")
                               : QString());
}

void LogView::select(int match) {
    if (match < 0 || match >= matchCursors_.size())
        return;
    current_ = match;
    // Moving through matches means reading: the view stays there instead of following.
    text_->setTextCursor(matchCursors_[match]);
    text_->ensureCursorVisible();
    QList<QTextEdit::ExtraSelection> selections = text_->extraSelections();
    for (int i = 0; i < selections.size(); ++i)
        selections[i].format.setBackground(i == current_ ? kCurrentMatch : kMatch);
    text_->setExtraSelections(selections);
    matches_->setText(tr("%1 of %2").arg(current_ + 1).arg(matchCursors_.size()));
}

void LogView::findNext() {
    if (searchTimer_.isActive() || matchCursors_.isEmpty())
        highlight();
    if (matchCursors_.isEmpty())
        return;
    if (current_ < 0) {
        // The first match after the cursor.
        const int from = text_->textCursor().selectionEnd();
        int next = 0;
        for (int i = 0; i < matchCursors_.size(); ++i) {
            if (matchCursors_[i].selectionStart() >= from) {
                next = i;
                break;
            }
        }
        select(next);
        return;
    }
    select((current_ + 1) % int(matchCursors_.size()));
}

void LogView::findPrevious() {
    if (searchTimer_.isActive() || matchCursors_.isEmpty())
        highlight();
    if (matchCursors_.isEmpty())
        return;
    const int n = int(matchCursors_.size());
    select(current_ < 0 ? n - 1 : (current_ + n - 1) % n);
}

QString LogView::currentMatchText() const {
    if (current_ < 0 || current_ >= matchCursors_.size())
        return {};
    return matchCursors_[current_].selectedText();
}

QString LogView::currentMatchLine() const {
    if (current_ < 0 || current_ >= matchCursors_.size())
        return {};
    return matchCursors_[current_].block().text();
}

void LogView::updateState() {
    QString text;
    bool problem = false;
    switch (follower_->state()) {
    case LogFollower::State::Idle:
        text = follower_->containerId().isEmpty() ? tr("Select a container to follow its log.")
                                                  : tr("Not following.");
        break;
    case LogFollower::State::Starting:
        text = tr("Connecting…");
        break;
    case LogFollower::State::Following:
        text = tr("Following live.");
        break;
    case LogFollower::State::Ended:
        text = tr("The container is not running; the log ends here.");
        break;
    case LogFollower::State::Failed:
        text = tr("Could not follow the log: %1").arg(follower_->error());
        problem = true;
        break;
    }
    if (follower_->isPaused()) {
        const int held = follower_->pendingCount();
        text = held == 0   ? tr("Paused.")
               : held == 1 ? tr("Paused: 1 new line held back.")
                           : tr("Paused: %1 new lines held back.").arg(QLocale().toString(held));
    }
    state_->setText(text);
    state_->setStyleSheet(problem ? QStringLiteral("QLabel { color: #a31f1f; }") : QString());
    pause_->setText(follower_->isPaused() ? tr("Resume") : tr("Pause"));
}

} // namespace slipway::widgets
