#include "widgets/containers/removecontainersbox.h"

#include "core/fleet/containeractionqueue.h"

#include <QAbstractButton>
#include <QCheckBox>

namespace slipway::widgets {

using core::ContainerRef;

RemoveContainersBox::RemoveContainersBox(const core::ContainerList &targets,
                                         const std::function<QString(const QString &)> &hostName,
                                         QWidget *parent)
    : QMessageBox(
          QMessageBox::Warning, tr("Remove containers"),
          targets.size() == 1
              ? tr("Remove this container? This cannot be undone.")
              : tr("Remove these %1 containers? This cannot be undone.").arg(targets.size()),
          QMessageBox::Yes | QMessageBox::Cancel, parent) {
    const int running =
        int(std::count_if(targets.begin(), targets.end(), [](const ContainerRef &r) {
            return core::ContainerActionQueue::isUp(r->state);
        }));
    QStringList names;
    for (const ContainerRef &r : targets)
        names.append(tr("• %1 on %2 (%3)").arg(r->name, hostName(r->hostId), r->state));
    constexpr int kListed = 15;
    QString list = names.mid(0, kListed).join('\n');
    if (names.size() > kListed)
        list += QLatin1Char('\n') + tr("… and %1 more").arg(names.size() - kListed);

    setObjectName(QStringLiteral("confirmRemoveContainersBox"));
    setInformativeText(list);
    if (names.size() > kListed)
        setDetailedText(names.join('\n'));
    setDefaultButton(QMessageBox::Cancel);
    button(QMessageBox::Yes)->setText(tr("Remove"));
    button(QMessageBox::Yes)->setObjectName(QStringLiteral("confirmRemoveButton"));
    button(QMessageBox::Cancel)->setObjectName(QStringLiteral("cancelRemoveButton"));
    if (running > 0) {
        auto *force = new QCheckBox(
            running == 1 ? tr("Force: also stop and remove the running container")
                         : tr("Force: also stop and remove the %1 running containers").arg(running),
            this);
        force->setObjectName(QStringLiteral("forceRemoveCheck"));
        setCheckBox(force);
    }
    setAttribute(Qt::WA_DeleteOnClose);
    connect(this, &QMessageBox::finished, this, [this, targets](int) {
        if (clickedButton() != button(QMessageBox::Yes))
            return;
        const bool force = checkBox() && checkBox()->isChecked();
        core::ContainerList plain, forced;
        for (const ContainerRef &r : targets)
            (force && core::ContainerActionQueue::isUp(r->state) ? forced : plain).append(r);
        emit removeConfirmed(plain, forced);
    });
}

} // namespace slipway::widgets
