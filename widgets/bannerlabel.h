// BannerLabel: the coloured, word-wrapped strip under a view's toolbar that says what failed,
// what worked, what is under way or what to mind; hidden until it has something to say.
#pragma once

#include <QLabel>

namespace slipway::widgets {

class BannerLabel : public QLabel {
    Q_OBJECT

public:
    enum class Tone { Ok, Work, Warning, Error };

    BannerLabel(const QString &objectName, QWidget *parent);

    void setTone(Tone tone);
    // Shows `text` in `tone`; hides the banner when `text` is empty.
    void say(const QString &text, Tone tone);
};

} // namespace slipway::widgets
