#include "widgets/containers/actionerrorsbanner.h"

#include <QLabel>
#include <QStyle>
#include <QToolButton>

namespace slipway::widgets {

ActionErrorsBanner::ActionErrorsBanner(QWidget *parent)
    : BannerBox(QStringLiteral("actionErrors"), BannerLabel::Tone::Error, parent) {
    auto *dismiss = new QToolButton(this);
    dismiss->setObjectName(QStringLiteral("dismissErrors"));
    // The view's style, as the icons of its toolbar.
    dismiss->setIcon(parent->style()->standardIcon(QStyle::SP_DialogCloseButton));
    dismiss->setToolTip(tr("Dismiss"));
    dismiss->setAutoRaise(true);
    addButton(dismiss, Qt::AlignTop);
    connect(dismiss, &QToolButton::clicked, this, &ActionErrorsBanner::clearErrors);
}

void ActionErrorsBanner::addError(const QString &line) {
    errors_.append(line);
    // The newest last; a long run of failures keeps its last dozen in view.
    constexpr int kShown = 12;
    QStringList shown = errors_.size() > kShown ? errors_.mid(errors_.size() - kShown) : errors_;
    if (errors_.size() > kShown)
        shown.prepend(errors_.size() - kShown == 1
                          ? tr("… and 1 earlier failure")
                          : tr("… and %1 earlier failures").arg(errors_.size() - kShown));
    text()->setText(shown.join('\n'));
    show();
}

void ActionErrorsBanner::clearErrors() {
    errors_.clear();
    text()->clear();
    hide();
}

} // namespace slipway::widgets
