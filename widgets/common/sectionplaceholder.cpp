#include "widgets/common/sectionplaceholder.h"

#include <QLabel>
#include <QVBoxLayout>

namespace slipway::widgets {

SectionPlaceholder::SectionPlaceholder(const QString &title, const QString &description,
                                       QWidget *parent)
    : QWidget(parent) {
    auto *heading = new QLabel(title, this);
    heading->setObjectName(QStringLiteral("sectionTitle"));
    QFont font = heading->font();
    font.setPointSizeF(font.pointSizeF() * 1.6);
    font.setBold(true);
    heading->setFont(font);
    heading->setAlignment(Qt::AlignCenter);

    auto *text = new QLabel(description, this);
    text->setObjectName(QStringLiteral("sectionDescription"));
    text->setWordWrap(true);
    text->setAlignment(Qt::AlignCenter);
    // A fixed width lets the wrapped text ask for the height it really needs.
    text->setFixedWidth(520);
    text->setMinimumHeight(text->heightForWidth(520));

    auto *soon = new QLabel(tr("Coming in a later release."), this);
    soon->setAlignment(Qt::AlignCenter);
    soon->setEnabled(false);

    auto *layout = new QVBoxLayout(this);
    layout->addStretch(2);
    layout->addWidget(heading);
    layout->addSpacing(8);
    layout->addWidget(text, 0, Qt::AlignHCenter);
    layout->addSpacing(4);
    layout->addWidget(soon);
    layout->addStretch(3);
}

} // namespace slipway::widgets
