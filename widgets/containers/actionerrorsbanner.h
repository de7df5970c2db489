// ActionErrorsBanner: the failures of the last batch of container actions, in the daemon's
// own words, newest last, until dismissed or a new batch starts.
#pragma once

#include "widgets/containers/bannerbox.h"

#include <QStringList>

namespace slipway::widgets {

class ActionErrorsBanner : public BannerBox {
    Q_OBJECT

public:
    explicit ActionErrorsBanner(QWidget *parent);

    void addError(const QString &line);
    void clearErrors();

private:
    QStringList errors_;
};

} // namespace slipway::widgets
