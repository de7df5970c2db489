// ImageDetails pane: the selected image at once from what the list said (full ID, tags,
// digests, size, who uses it), then its inspect and history (labels, command, layers with what
// created them and their size) once the engine has answered.
#pragma once

#include "core/fleet/imagerecord.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QTableWidget;

namespace slipway::widgets {

class ImageDetailsPane : public QWidget {
    Q_OBJECT

public:
    explicit ImageDetailsPane(QWidget *parent = nullptr);

    void clear();
    // Shows what the row knows and says the rest is loading.
    void showRecord(const core::ImageRecord &record);
    // The engine's answer for the image shown; ignored when it is about another image.
    void showDetails(const core::ImageDetails &details);
    // Several rows selected: a count instead of one image's details.
    void showSelectionCount(int count);

    QTableWidget *history() const { return history_; }
    QString shownImageId() const { return record_.id; }
    QString shownHostId() const { return record_.hostId; }

private:
    QLabel *field(const QString &key) const { return values_.value(key); }

    core::ImageRecord record_;
    QLabel *title_;
    QLabel *placeholder_;
    QLabel *status_;
    QWidget *body_;
    QTableWidget *history_;
    QHash<QString, QLabel *> values_;
};

} // namespace slipway::widgets
