// BannerLabel: the coloured, word-wrapped strip under a view's toolbar that says what failed,
// what worked, what is under way or what to mind; hidden until it has something to say.
#pragma once

#include <QLabel>

namespace slipway::widgets {

class BannerLabel : public QLabel {
    Q_OBJECT

public:
    enum class Tone { Ok, Work, Warning, Error };

    // The style sheet of a QLabel in `tone`, for a label that is a banner only at times.
    static QString styleSheet(Tone tone);
    // The tone's colours and rounded border as style sheet declarations, for the few banners
    // that are not labels like this one (a box with buttons in it, a note with less padding).
    static QString toneColors(Tone tone);

    BannerLabel(const QString &objectName, QWidget *parent);
    BannerLabel(const QString &objectName, Tone tone, QWidget *parent);

    void setTone(Tone tone);
    // Shows `text` in `tone`; hides the banner when `text` is empty.
    void say(const QString &text, Tone tone);
};

} // namespace slipway::widgets
