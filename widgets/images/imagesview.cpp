#include "widgets/images/imagesview.h"

#include "core/fleet/hostmonitor.h"
#include "core/fleet/imagecatalog.h"
#include "models/imagefilterproxy.h"
#include "models/imagetablemodel.h"
#include "widgets/common/bannerlabel.h"
#include "widgets/common/viewtoolbar.h"
#include "widgets/images/imagedetails.h"
#include "widgets/images/pulldialog.h"

#include <QAbstractButton>
#include <QAction>
#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QScrollArea>
#include <QSet>
#include <QSplitter>
#include <QStyle>
#include <QVBoxLayout>

namespace slipway::widgets {

using models::ImageTableModel;

ImagesView::ImagesView(core::ImageCatalog *catalog, QWidget *parent)
    : QWidget(parent), catalog_(catalog), model_(new ImageTableModel(catalog, this)),
      proxy_(new models::ImageFilterProxy(this)) {
    proxy_->setSourceModel(model_);

    auto *toolbar = new ViewToolbar(QStringLiteral("imagesToolbar"), this);
    pull_ = toolbar->addNamedAction(QStringLiteral("pullImageAction"), QStyle::SP_ArrowDown,
                                    tr("Pull…"), tr("Pull an image from its registry onto a host"));
    remove_ = toolbar->addNamedAction(QStringLiteral("removeImageAction"), QStyle::SP_TrashIcon,
                                      tr("Remove"), tr("Remove the selected images (asks first)"));
    toolbar->bindToView(remove_, QKeySequence::Delete);
    toolbar->addSeparator();
    refresh_ =
        toolbar->addNamedAction(QStringLiteral("refreshImagesAction"), QStyle::SP_BrowserReload,
                                tr("Refresh"), tr("List the images of every host again now"));
    toolbar->bindToView(refresh_, QKeySequence::Refresh);
    connect(pull_, &QAction::triggered, this, &ImagesView::pull);
    connect(remove_, &QAction::triggered, this, &ImagesView::removeSelected);
    connect(refresh_, &QAction::triggered, this, &ImagesView::refresh);

    auto *spacer = new QWidget(toolbar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    toolbar->addWidget(spacer);
    filter_ = new QLineEdit(toolbar);
    filter_->setObjectName(QStringLiteral("imageFilter"));
    filter_->setPlaceholderText(tr("Filter: repository, tag, ID, host, container…"));
    filter_->setClearButtonEnabled(true);
    filter_->setMinimumWidth(280);
    toolbar->addWidget(filter_);
    showDangling_ = new QCheckBox(tr("Show dangling"), toolbar);
    showDangling_->setObjectName(QStringLiteral("showDanglingCheck"));
    showDangling_->setToolTip(tr("Images no tag points to any more"));
    showDangling_->setChecked(proxy_->showDangling());
    auto *checkBox = new QWidget(toolbar); // keeps the box off the filter field's edge
    auto *checkLayout = new QHBoxLayout(checkBox);
    checkLayout->setContentsMargins(10, 0, 4, 0);
    checkLayout->addWidget(showDangling_);
    toolbar->addWidget(checkBox);
    connect(filter_, &QLineEdit::textChanged, proxy_, &models::ImageFilterProxy::setFilterText);
    connect(showDangling_, &QCheckBox::toggled, proxy_, &models::ImageFilterProxy::setShowDangling);

    message_ = new BannerLabel(QStringLiteral("imagesMessage"), this);
    message_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    hostProblems_ = new BannerLabel(QStringLiteral("imagesHostProblems"), this);
    hostProblems_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    hostProblems_->setTone(BannerLabel::Tone::Warning);

    table_ =
        new SectionTable(QStringLiteral("imagesTable"), proxy_, ImageTableModel::RepositoryColumn,
                         QAbstractItemView::ExtendedSelection, this);
    table_->sortFirstBy(ImageTableModel::RepositoryColumn);
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 10);

    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("imagesSummary"));
    summary_->setEnabled(false);

    auto *tableBox = new QWidget(this);
    auto *tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->setSpacing(2);
    tableLayout->addWidget(table_, 1);
    tableLayout->addWidget(summary_);

    details_ = new ImageDetailsPane(this);
    details_->setObjectName(QStringLiteral("imageDetails"));
    auto *detailsScroll = new QScrollArea(this);
    detailsScroll->setWidget(details_);
    detailsScroll->setWidgetResizable(true);
    detailsScroll->setFrameShape(QFrame::NoFrame);

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(tableBox);
    splitter->addWidget(detailsScroll);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    splitter->setSizes({420, 340});
    splitter->setChildrenCollapsible(false);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(toolbar);
    layout->addWidget(message_);
    layout->addWidget(hostProblems_);
    layout->addWidget(splitter, 1);

    connect(table_->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        updateDetails();
    });
    connect(table_->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &ImagesView::updateDetails);
    // A refresh changes rows one by one; the summary and the details follow once per batch.
    summaryTimer_.setSingleShot(true);
    summaryTimer_.setInterval(0);
    connect(&summaryTimer_, &QTimer::timeout, this, [this] {
        updateSummary();
        updateActions();
        updateDetails();
    });
    const auto later = [this] {
        summaryTimer_.start();
    };
    connect(model_, &QAbstractItemModel::dataChanged, this, later);
    connect(proxy_, &QAbstractItemModel::rowsInserted, this, later);
    connect(proxy_, &QAbstractItemModel::rowsRemoved, this, later);
    connect(proxy_, &QAbstractItemModel::layoutChanged, this, later);
    connect(proxy_, &QAbstractItemModel::modelReset, this, later);
    connect(catalog_, &core::ImageCatalog::detailsLoaded, this,
            [this](quint64 request, const core::ImageDetails &d) {
                if (request == detailsRequest_)
                    details_->showDetails(d);
            });
    connect(catalog_, &core::ImageCatalog::hostRefreshed, this, [this, later] {
        updateHostProblems();
        later();
    });
    connect(catalog_->monitor(), &core::HostMonitor::hostRemoved, this,
            &ImagesView::updateHostProblems);
    connect(catalog_, &core::ImageCatalog::removeFinished, this,
            [this](quint64 request, bool ok, const QString &error) {
                auto it = removing_.find(request);
                if (it == removing_.end())
                    return;
                const Target t = *it;
                removing_.erase(it);
                if (ok)
                    ++removedOk_;
                else
                    removeErrors_
                        << tr("Could not remove %1 from “%2”: %3").arg(t.label, t.hostName, error);
                if (!removing_.isEmpty())
                    return;
                if (!removeErrors_.isEmpty())
                    showMessage(removeErrors_.join(u'\n'), true);
                else if (removedOk_ == 1)
                    showMessage(tr("Removed %1 from “%2”.").arg(t.label, t.hostName), false);
                else
                    showMessage(tr("Removed %1 images.").arg(removedOk_), false);
                removeErrors_.clear();
                removedOk_ = 0;
                updateActions();
            });
    updateActions();
    updateSummary();
    updateHostProblems();
}

void ImagesView::showMessage(const QString &text, bool isError) {
    message_->say(text, isError ? BannerLabel::Tone::Error : BannerLabel::Tone::Ok);
}

QList<ImagesView::Target> ImagesView::selectedTargets() const {
    QList<Target> targets;
    QSet<QString> seen;
    QModelIndexList rows = table_->selectionModel()->selectedRows();
    std::sort(rows.begin(), rows.end(),
              [](const QModelIndex &a, const QModelIndex &b) { return a.row() < b.row(); });
    for (const QModelIndex &index : rows) {
        const core::ImageRecord r = model_->record(proxy_->mapToSource(index).row());
        Target t{r.hostId, r.hostName, r.reference(),
                 r.tag.isEmpty() ? tr("%1 (untagged)").arg(r.shortId()) : r.reference()};
        if (seen.contains(t.hostId + u'\n' + t.reference))
            continue;
        seen.insert(t.hostId + u'\n' + t.reference);
        targets.append(t);
    }
    return targets;
}

void ImagesView::updateActions() {
    const bool selected = table_->selectionModel()->hasSelection();
    remove_->setEnabled(selected && removing_.isEmpty());
}

void ImagesView::updateDetails() {
    const QModelIndexList rows = table_->selectionModel()->selectedRows();
    if (rows.size() > 1) {
        details_->showSelectionCount(int(rows.size()));
        return;
    }
    QModelIndex current = rows.isEmpty() ? QModelIndex() : rows.first();
    if (!current.isValid()) {
        details_->clear();
        return;
    }
    const core::ImageRecord r = model_->record(proxy_->mapToSource(current).row());
    const bool another = details_->shownImageId() != r.id || details_->shownHostId() != r.hostId;
    details_->showRecord(r);
    if (another)
        detailsRequest_ = catalog_->loadDetails(r.hostId, r.id);
}

void ImagesView::updateSummary() {
    const int shown = proxy_->rowCount();
    const int total = model_->rowCount();
    int dangling = 0;
    QSet<QString> images;
    qint64 bytes = 0;
    for (int i = 0; i < total; ++i) {
        const core::ImageRecord r = model_->record(i);
        if (r.dangling)
            ++dangling;
        const QString key = r.hostId + u'\n' + r.id;
        if (!images.contains(key)) {
            images.insert(key);
            bytes += r.size;
        }
    }
    QString text = shown == total ? tr("%1 tags of %2 images").arg(total).arg(images.size())
                                  : tr("%1 of %2 tags shown").arg(shown).arg(total);
    text += tr(" · %1 dangling · %2 in all").arg(dangling).arg(core::ImageText::size(bytes));
    summary_->setText(text);
}

void ImagesView::updateHostProblems() {
    QStringList lines;
    core::HostMonitor *monitor = catalog_->monitor();
    for (const QString &id : catalog_->hostIds()) {
        const QString error = catalog_->hostError(id);
        if (error.isEmpty())
            continue;
        const int index = monitor->indexOf(id);
        const QString name = index >= 0 ? monitor->host(index).name : id;
        lines << tr("%1: %2").arg(name, error);
    }
    if (lines.isEmpty()) {
        hostProblems_->hide();
        return;
    }
    hostProblems_->setText(tr("Cannot list the images of every host; those shown greyed are the "
                              "last known.\n%1")
                               .arg(lines.join(u'\n')));
    hostProblems_->show();
}

void ImagesView::refresh() {
    showMessage({}, false);
    catalog_->refresh();
}

void ImagesView::pull() {
    QString hostId;
    const QModelIndex current = table_->selectionModel()->currentIndex();
    if (current.isValid())
        hostId = model_->record(proxy_->mapToSource(current).row()).hostId;
    auto *dialog = new PullDialog(catalog_, hostId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void ImagesView::removeSelected() {
    const QList<Target> targets = selectedTargets();
    if (targets.isEmpty() || !removing_.isEmpty())
        return;
    QStringList hostNames;
    for (const Target &t : targets)
        if (!hostNames.contains(t.hostName))
            hostNames << t.hostName;
    const QString text =
        hostNames.size() == 1
            ? (targets.size() == 1 ? tr("Remove this image from “%1”?").arg(hostNames.first())
                                   : tr("Remove these %1 images from “%2”?")
                                         .arg(targets.size())
                                         .arg(hostNames.first()))
            : tr("Remove these %1 images from %2 hosts?").arg(targets.size()).arg(hostNames.size());
    QStringList lines;
    for (const Target &t : targets)
        lines << (hostNames.size() == 1 ? QStringLiteral("• %1").arg(t.label)
                                        : tr("• %1 on “%2”").arg(t.label, t.hostName));
    const int shownLines = 12;
    if (lines.size() > shownLines) {
        const int more = int(lines.size()) - shownLines;
        lines = lines.mid(0, shownLines);
        lines << tr("… and %1 more").arg(more);
    }
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove images"), text,
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("confirmRemoveImagesBox"));
    box->setInformativeText(lines.join(u'\n') + QStringLiteral("\n\n") +
                            tr("A tag of an image that has other tags is only untagged. The "
                               "engine refuses to remove an image a container uses."));
    // Wide enough that a long reference stays on one line.
    box->setStyleSheet(QStringLiteral("QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel "
                                      "{ min-width: 460px; }"));
    box->setDefaultButton(QMessageBox::No);
    box->button(QMessageBox::Yes)->setText(tr("Remove"));
    box->button(QMessageBox::No)->setText(tr("Keep"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::finished, this, [this, box, targets](int) {
        if (box->clickedButton() != box->button(QMessageBox::Yes))
            return;
        showMessage({}, false);
        removeErrors_.clear();
        removedOk_ = 0;
        for (const Target &t : targets) {
            QString refused;
            const quint64 request = catalog_->remove(t.hostId, t.reference, false, &refused);
            if (request)
                removing_.insert(request, t);
            else
                removeErrors_
                    << tr("Could not remove %1 from “%2”: %3").arg(t.label, t.hostName, refused);
        }
        if (removing_.isEmpty() && !removeErrors_.isEmpty()) {
            showMessage(removeErrors_.join(u'\n'), true);
            removeErrors_.clear();
        }
        updateActions();
    });
    box->open();
}

} // namespace slipway::widgets
