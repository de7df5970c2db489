#include "widgets/dashboard/dashboardcard.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace slipway::widgets {

DashboardCard::DashboardCard(const QString &title, QWidget *parent) : QFrame(parent) {
    setObjectName(QStringLiteral("dashboardCard"));
    title_ = new QLabel(title, this);
    title_->setObjectName(QStringLiteral("cardTitle"));
    header_ = new QHBoxLayout;
    header_->setContentsMargins(0, 0, 0, 0);
    header_->setSpacing(8);
    header_->addWidget(title_);
    header_->addStretch(1);
    body_ = new QVBoxLayout;
    body_->setContentsMargins(0, 0, 0, 0);
    body_->setSpacing(6);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 10, 12, 10);
    layout->setSpacing(8);
    layout->addLayout(header_);
    layout->addLayout(body_, 1);
}

QString DashboardCard::styleSheet() {
    return QStringLiteral(
        "QWidget#dashboardPage, QWidget#usageDetailPage { background: #f3f5f8; }"
        "QFrame#dashboardCard, QFrame#usageTile { background: #ffffff;"
        "  border: 1px solid #dde2e8; border-radius: 6px; }"
        "QFrame#dashboardCard QLabel, QFrame#usageTile QLabel { border: none;"
        "  background: transparent; }"
        "QLabel#cardTitle { color: #1f2933; font-weight: bold; font-size: 10.5pt; }"
        "QLabel#cardNote { color: #5f6b78; }"
        "QLabel#pageTitle { color: #1f2933; font-weight: bold; font-size: 15pt; }"
        "QLabel#pageSubtitle { color: #5f6b78; }"
        "QLabel#tileTitle { color: #5f6b78; font-size: 8.5pt; font-weight: bold; }"
        "QLabel#tileValue { color: #1f2933; font-size: 19pt; font-weight: bold; }"
        "QLabel#tileCaption { color: #5f6b78; font-size: 8.5pt; }"
        "QToolButton[segment=\"true\"] { background: #ffffff; color: #3d4a5a;"
        "  border: 1px solid #c9d1da; padding: 3px 10px; margin: 0px; }"
        "QToolButton[segment=\"true\"]:hover { background: #eef3f8; }"
        "QToolButton[segment=\"true\"]:checked { background: #2f7ed8; color: #ffffff;"
        "  border-color: #2f7ed8; }"
        "QToolButton#backButton { border: none; color: #2f7ed8; padding: 4px 6px; }"
        "QToolButton#backButton:hover { background: #e4edf7; border-radius: 4px; }"
        "QTableView#topUsageTable { border: none; background: #ffffff;"
        "  selection-background-color: #e4edf7; selection-color: #1f2933; }"
        "QTableView#topUsageTable QHeaderView::section { background: #ffffff; color: #5f6b78;"
        "  border: none; border-bottom: 1px solid #dde2e8; padding: 3px 6px;"
        "  font-weight: bold; }");
}

} // namespace slipway::widgets
