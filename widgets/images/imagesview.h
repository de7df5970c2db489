// ImagesView: the Images section: every image on every host in one table, narrowed by free
// text and whether dangling images show; Pull…, Remove (asks first, naming what goes) and
// Refresh; the selected image's details, loaded when it is selected. Errors are shown where
// the action was taken, in the engine's own words.
#pragma once

#include "widgets/common/sectiontable.h"

#include <QHash>
#include <QTimer>
#include <QWidget>

class QAction;
class QCheckBox;
class QLabel;
class QLineEdit;

namespace slipway::core {
class ImageCatalog;
}

namespace slipway::models {
class ImageFilterProxy;
class ImageTableModel;
} // namespace slipway::models

namespace slipway::widgets {

class BannerLabel;
class ImageDetailsPane;
class PullDialog;

class ImagesView : public QWidget {
    Q_OBJECT

public:
    explicit ImagesView(core::ImageCatalog *catalog, QWidget *parent = nullptr);

    QTableView *table() const { return table_; }
    models::ImageTableModel *model() const { return model_; }
    models::ImageFilterProxy *proxy() const { return proxy_; }
    ImageDetailsPane *details() const { return details_; }
    QLineEdit *filterEdit() const { return filter_; }

public slots:
    void pull();
    void removeSelected();
    void refresh();

private:
    struct Target {
        QString hostId;
        QString hostName;
        QString reference; // what remove takes
        QString label;     // for people: "repo:tag", or "<short id> (untagged)"
    };
    QList<Target> selectedTargets() const;
    void updateActions();
    void updateDetails();
    void updateSummary();
    void updateHostProblems();
    void showMessage(const QString &text, bool isError);

    core::ImageCatalog *catalog_;
    models::ImageTableModel *model_;
    models::ImageFilterProxy *proxy_;
    SectionTable *table_;
    ImageDetailsPane *details_;
    QLineEdit *filter_;
    QCheckBox *showDangling_;
    BannerLabel *message_;
    BannerLabel *hostProblems_;
    QLabel *summary_;
    QAction *pull_;
    QAction *remove_;
    QAction *refresh_;
    quint64 detailsRequest_ = 0;
    QHash<quint64, Target> removing_; // request -> what it removes
    QStringList removeErrors_;
    int removedOk_ = 0;
    QTimer summaryTimer_;
};

} // namespace slipway::widgets
