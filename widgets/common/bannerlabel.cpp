#include "widgets/common/bannerlabel.h"

namespace slipway::widgets {

QString BannerLabel::toneColors(Tone tone) {
    switch (tone) {
    case Tone::Ok:
        return QStringLiteral("background: #e8f5ea; color: #1f6a2e; border: 1px solid #9fd1a9; "
                              "border-radius: 4px;");
    case Tone::Work:
        return QStringLiteral("background: #e8f0fb; color: #1f3f6a; border: 1px solid #a5bfe3; "
                              "border-radius: 4px;");
    case Tone::Warning:
        return QStringLiteral("background: #fff4dc; color: #7a5200; border: 1px solid #e8c77a; "
                              "border-radius: 4px;");
    case Tone::Error:
        break;
    }
    return QStringLiteral("background: #fbe9e9; color: #8a1f1f; border: 1px solid #e3a5a5; "
                          "border-radius: 4px;");
}

QString BannerLabel::styleSheet(Tone tone) {
    return QStringLiteral("QLabel { %1 padding: 6px; }").arg(toneColors(tone));
}

BannerLabel::BannerLabel(const QString &objectName, QWidget *parent) : QLabel(parent) {
    setObjectName(objectName);
    setWordWrap(true);
    hide();
}

BannerLabel::BannerLabel(const QString &objectName, Tone tone, QWidget *parent)
    : BannerLabel(objectName, parent) {
    setTone(tone);
}

void BannerLabel::setTone(Tone tone) {
    setStyleSheet(styleSheet(tone));
}

void BannerLabel::say(const QString &text, Tone tone) {
    setText(text);
    setTone(tone);
    setVisible(!text.isEmpty());
}

} // namespace slipway::widgets
