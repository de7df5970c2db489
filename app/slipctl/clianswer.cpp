#include "clianswer.h"

#include <QJsonDocument>

namespace slipway::cli {

int refuse(QTextStream &err, const QString &why) {
    err << "slipctl: " << why << '\n';
    return 2;
}

int printAnswer(const CliDeployer::Answer &answer, bool json, QTextStream &out, QTextStream &err,
                const std::function<QString()> &summary, const QString &failure) {
    if (json) {
        QJsonObject o = recordJson(answer.record);
        o[QStringLiteral("ok")] = answer.ok;
        o[QStringLiteral("error")] = answer.error;
        out << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else if (answer.ok) {
        out << summary() << '\n';
    }
    if (!answer.ok)
        err << "slipctl: " << failure << '\n';
    return answer.ok ? 0 : 1;
}

} // namespace slipway::cli
