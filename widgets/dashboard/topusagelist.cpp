#include "widgets/dashboard/topusagelist.h"

#include "widgets/common/segmentedcontrol.h"
#include "widgets/dashboard/usagepalette.h"

#include <QHeaderView>
#include <QLabel>
#include <QPainter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

namespace slipway::widgets {

using models::TopUsageModel;

namespace {

// The figure over a bar of its share of the column's largest, in the measure's colour.
class BarDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override {
        const int column = index.column();
        if (column != TopUsageModel::CpuColumn && column != TopUsageModel::MemoryColumn) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString text = opt.text;
        opt.text.clear();
        opt.widget->style()->drawControl(QStyle::CE_ItemViewItem, &opt, painter, opt.widget);

        const double fraction = index.data(TopUsageModel::FractionRole).toDouble();
        const QRect area = option.rect.adjusted(6, 0, -6, 0);
        const QRect track(area.left(), area.bottom() - 6, area.width(), 4);
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        painter->setPen(Qt::NoPen);
        painter->setBrush(palette::track());
        painter->drawRoundedRect(track, 2, 2);
        if (fraction > 0) {
            QRectF fill = track;
            fill.setWidth(std::max(3.0, track.width() * fraction));
            painter->setBrush(column == TopUsageModel::CpuColumn ? palette::cpu()
                                                                 : palette::memory());
            painter->drawRoundedRect(fill, 2, 2);
        }
        painter->setPen(palette::text());
        painter->drawText(area.adjusted(0, 0, 0, -6), Qt::AlignRight | Qt::AlignVCenter, text);
        painter->restore();
    }
};

} // namespace

TopUsageList::TopUsageList(const QString &title, TopUsageModel::Kind kind, QWidget *parent)
    : DashboardCard(title, parent), model_(new TopUsageModel(kind, this)) {
    measureControl_ = new SegmentedControl(this);
    measureControl_->setObjectName(QStringLiteral("measureControl"));
    measureControl_->addSegment(tr("CPU"), QStringLiteral("byCpu"), tr("Rank by CPU"));
    measureControl_->addSegment(tr("Memory"), QStringLiteral("byMemory"), tr("Rank by memory"));
    header()->addWidget(measureControl_);

    table_ = new QTableView(this);
    table_->setObjectName(QStringLiteral("topUsageTable"));
    table_->setModel(model_);
    table_->setItemDelegate(new BarDelegate(table_));
    table_->setSelectionBehavior(QAbstractItemView::SelectRows);
    table_->setSelectionMode(QAbstractItemView::SingleSelection);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table_->setShowGrid(false);
    table_->setFocusPolicy(Qt::StrongFocus);
    table_->setMouseTracking(true);
    table_->setCursor(Qt::PointingHandCursor);
    table_->setFrameShape(QFrame::NoFrame);
    table_->setWordWrap(false);
    table_->verticalHeader()->hide();
    table_->verticalHeader()->setDefaultSectionSize(table_->fontMetrics().height() + 12);
    table_->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QHeaderView *h = table_->horizontalHeader();
    h->setHighlightSections(false);
    h->setSectionResizeMode(TopUsageModel::NameColumn, QHeaderView::Stretch);
    h->setSectionResizeMode(TopUsageModel::DetailColumn, QHeaderView::Interactive);
    h->setSectionResizeMode(TopUsageModel::CpuColumn, QHeaderView::Fixed);
    h->setSectionResizeMode(TopUsageModel::MemoryColumn, QHeaderView::Fixed);
    h->resizeSection(TopUsageModel::DetailColumn, kind == TopUsageModel::Kind::Apps ? 150 : 120);
    h->resizeSection(TopUsageModel::CpuColumn, 86);
    h->resizeSection(TopUsageModel::MemoryColumn, 92);
    h->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    body()->addWidget(table_, 1);

    empty_ = new QLabel(table_->viewport());
    empty_->setObjectName(QStringLiteral("topUsageEmpty"));
    empty_->setAlignment(Qt::AlignCenter);
    empty_->setWordWrap(true);
    empty_->setStyleSheet(QStringLiteral("QLabel { color: #5f6b78; }"));
    // Laid out on the viewport so it stays centred as the card resizes.
    auto *emptyLayout = new QVBoxLayout(table_->viewport());
    emptyLayout->addWidget(empty_);
    setEmptyText(tr("Waiting for the first samples…"));

    connect(measureControl_, &SegmentedControl::currentChanged, this,
            [this] { emit measureChanged(measure()); });
    connect(table_, &QTableView::clicked, this, [this](const QModelIndex &index) {
        if (index.isValid())
            emit rowActivated(model_->row(index.row()));
    });
    connect(table_, &QTableView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            emit rowActivated(model_->row(index.row()));
    });
    connect(model_, &QAbstractItemModel::rowsInserted, this, &TopUsageList::updateEmpty);
    connect(model_, &QAbstractItemModel::rowsRemoved, this, &TopUsageList::updateEmpty);
}

core::UsageMeasure TopUsageList::measure() const {
    return measureControl_->current() == 1 ? core::UsageMeasure::Memory : core::UsageMeasure::Cpu;
}

void TopUsageList::setMeasure(core::UsageMeasure measure) {
    measureControl_->setCurrent(measure == core::UsageMeasure::Memory ? 1 : 0);
}

void TopUsageList::setEmptyText(const QString &text) {
    empty_->setText(text);
    updateEmpty();
}

void TopUsageList::updateEmpty() {
    empty_->setVisible(model_->rowCount() == 0);
}

} // namespace slipway::widgets
