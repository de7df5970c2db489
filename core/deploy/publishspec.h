// PublishSpec: one "[IP:][HOST:]CONTAINER[/PROTO]" port publication of a deployment, checked
// before any call is made. Without an address it binds 127.0.0.1, never every interface.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <optional>

namespace slipway::core {

struct PublishSpec {
    Q_DECLARE_TR_FUNCTIONS(PublishSpec)

public:
    QString hostIp = QStringLiteral("127.0.0.1");
    int hostPort = 0; // 0: the engine picks a free one
    int containerPort = 0;
    QString protocol = QStringLiteral("tcp");

    bool fixed() const { return hostPort != 0; }
    QString containerKey() const; // "8080/tcp", as the engine keys ports

    static std::optional<PublishSpec> parse(const QString &text, QString *error = nullptr);
    // Every entry, or nullopt with `error` naming the first bad one.
    static std::optional<QList<PublishSpec>> parseAll(const QStringList &texts,
                                                      QString *error = nullptr);
};

} // namespace slipway::core
