#include "imagescommand.h"

#include "clideadline.h"
#include "clihosts.h"
#include "clioptions.h"
#include "core/fleet/imagecatalog.h"
#include "core/fleet/imagerecord.h"
#include "engine/dockerclient.h"
#include "textable.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <algorithm>

namespace slipway::cli {

namespace {

// tr() in the "slipctl" context, which all of slipctl's messages share.
class ImagesCommand {
    Q_DECLARE_TR_FUNCTIONS(slipctl)

public:
    static int run(const QStringList &arguments);
};

QString q(const std::string &s) {
    return QString::fromStdString(s);
}

QJsonArray strings(const QStringList &list) {
    QJsonArray a;
    for (const QString &s : list)
        a.append(s);
    return a;
}

QJsonObject toJson(const CliHost &host, const core::ImageRecord &r) {
    QJsonObject labels;
    for (const auto &[k, v] : r.labels)
        labels[k] = v;
    return QJsonObject{
        {"host", host.config.name},
        {"hostUrl", host.config.url},
        {"repository", r.repository},
        {"tag", r.tag},
        {"reference", r.tag.isEmpty() ? QString() : r.reference()},
        {"id", r.id},
        {"digest", r.digest},
        {"repoTags", strings(r.repoTags)},
        {"repoDigests", strings(r.repoDigests)},
        {"size", double(r.size)},
        {"created", double(r.created)},
        {"createdAt", r.created > 0
                          ? QDateTime::fromSecsSinceEpoch(r.created, Qt::UTC).toString(Qt::ISODate)
                          : QString()},
        {"usedBy", r.usedBy},
        {"containers", strings(r.usedByNames)},
        {"dangling", r.dangling},
        {"labels", labels},
    };
}

} // namespace

int runImages(const QStringList &arguments) {
    return ImagesCommand::run(arguments);
}

int ImagesCommand::run(const QStringList &arguments) {
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Lists the images of every host, one line per tag: repository, tag, ID, digest, "
           "size, age and how many containers (in any state) use the image."));
    parser.addOption(
        {QStringLiteral("dangling"), tr("Show only dangling images (no tag points to them).")});
    addCommonOptions(parser);
    parser.process(arguments);

    QTextStream out(stdout);
    QTextStream err(stderr);
    QString error;
    if (!checkNumericOptions(parser, &error)) {
        err << "slipctl: " << error << '\n';
        return 2;
    }
    const Deadline deadline(parser);
    const QList<CliHost> hosts = resolveHosts(parser, &error);
    if (!error.isEmpty()) {
        err << "slipctl: " << error << '\n';
        return 2;
    }

    // Every host at once, images and containers (for "used by") together.
    using Images = engine::Call<std::vector<engine::ImageSummary>>;
    using Containers = engine::Call<std::vector<engine::ContainerSummary>>;
    std::vector<std::pair<Images, Containers>> calls;
    for (const auto &h : hosts)
        calls.emplace_back(h.client ? h.client->images(false, {}, kListTimeout) : Images(),
                           h.client ? h.client->containers(true, {}, kListTimeout) : Containers());

    const bool danglingOnly = parser.isSet(QStringLiteral("dangling"));
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    int failures = 0;
    QJsonArray array;
    TextTable table({tr("HOST"), tr("REPOSITORY"), tr("TAG"), tr("IMAGE ID"), tr("DIGEST"),
                     tr("SIZE"), tr("CREATED"), tr("USED BY")});
    for (std::size_t i = 0; i < calls.size(); ++i) {
        const CliHost &host = hosts[int(i)];
        QString problem = host.invalid;
        std::vector<engine::ImageSummary> images;
        std::vector<engine::ContainerSummary> containers;
        if (calls[i].first.valid()) {
            auto waitedImages = deadline.wait(calls[i].first);
            auto waitedContainers = waitedImages ? deadline.wait(calls[i].second) : std::nullopt;
            if (!waitedContainers) {
                err << "slipctl: " << deadline.message() << '\n';
                return 1;
            }
            auto ri = std::move(*waitedImages);
            auto rc = std::move(*waitedContainers);
            if (!ri)
                problem = q(ri.error().describe());
            else if (!rc)
                problem = q(rc.error().describe());
            else {
                images = std::move(ri).value();
                containers = std::move(rc).value();
            }
        }
        if (!problem.isEmpty()) {
            ++failures;
            err << "slipctl: " << tr("host %1: %2").arg(hostLabel(host.config), problem) << '\n';
            continue;
        }
        const auto used = core::ImageRecord::containersByImage(containers);
        core::ImageList rows;
        for (const auto &image : images)
            rows += core::ImageRecord::fromSummary(image, host.config.id, host.config.name, used);
        std::sort(rows.begin(), rows.end(), core::ImageCatalog::rowLess);
        for (const core::ImageRecord &r : rows) {
            if (danglingOnly && !r.dangling)
                continue;
            array.append(toJson(host, r));
            table.addRow({host.config.name, r.repository.isEmpty() ? "<none>" : r.repository,
                          r.tag.isEmpty() ? "<none>" : r.tag, r.shortId(),
                          r.shortDigest().isEmpty() ? "<none>" : r.shortDigest(),
                          core::ImageText::size(r.size), core::ImageText::age(r.created, now),
                          QString::number(r.usedBy)});
        }
    }
    err.flush();
    if (parser.isSet(QStringLiteral("json")))
        out << QJsonDocument(array).toJson(QJsonDocument::Indented);
    else
        table.print(out);
    out.flush();
    return failures == 0 ? 0 : 1;
}

} // namespace slipway::cli
