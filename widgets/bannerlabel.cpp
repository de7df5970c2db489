#include "widgets/bannerlabel.h"

namespace slipway::widgets {

namespace {

QString toneStyle(BannerLabel::Tone tone) {
    switch (tone) {
    case BannerLabel::Tone::Ok:
        return QStringLiteral("QLabel { background: #e8f5ea; color: #1f6a2e; border: 1px solid "
                              "#9fd1a9; border-radius: 4px; padding: 6px; }");
    case BannerLabel::Tone::Work:
        return QStringLiteral("QLabel { background: #e8f0fb; color: #1f3f6a; border: 1px solid "
                              "#a5bfe3; border-radius: 4px; padding: 6px; }");
    case BannerLabel::Tone::Warning:
        return QStringLiteral("QLabel { background: #fff4dc; color: #7a5200; border: 1px solid "
                              "#e8c77a; border-radius: 4px; padding: 6px; }");
    case BannerLabel::Tone::Error:
        break;
    }
    return QStringLiteral("QLabel { background: #fbe9e9; color: #8a1f1f; border: 1px solid "
                          "#e3a5a5; border-radius: 4px; padding: 6px; }");
}

} // namespace

BannerLabel::BannerLabel(const QString &objectName, QWidget *parent) : QLabel(parent) {
    setObjectName(objectName);
    setWordWrap(true);
    hide();
}

void BannerLabel::setTone(Tone tone) {
    setStyleSheet(toneStyle(tone));
}

void BannerLabel::say(const QString &text, Tone tone) {
    setText(text);
    setTone(tone);
    setVisible(!text.isEmpty());
}

} // namespace slipway::widgets
