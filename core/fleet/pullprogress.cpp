#include "core/fleet/pullprogress.h"

#include "core/fleet/imagerecord.h"
#include "engine/types.h"

#include <algorithm>

namespace slipway::core {

namespace {

constexpr double kDownloadShare = 0.7; // of a layer's progress; extraction is the rest

bool startsWith(const std::string &s, const char *prefix) {
    return s.rfind(prefix, 0) == 0;
}

// Messages about the pull as a whole carry no layer ID, or the tag as their ID.
bool isLayerMessage(const engine::ProgressMessage &m) {
    return !m.id.empty() && !startsWith(m.status, "Pulling from") &&
           !startsWith(m.status, "Digest:") && !startsWith(m.status, "Status:");
}

} // namespace

PullProgressTracker::Layer &PullProgressTracker::layer(const QString &id) {
    for (Layer &l : layers_)
        if (l.id == id)
            return l;
    layers_.append(Layer{id});
    return layers_.last();
}

void PullProgressTracker::add(const engine::ProgressMessage &m) {
    if (!m.error.empty()) {
        p_.status = QString::fromStdString(m.error);
        return;
    }
    if (!isLayerMessage(m)) {
        if (!m.status.empty()) // "Pulling from slipway/web", "Digest: ...", "Status: ..."
            p_.status = QString::fromStdString(m.status);
        return;
    }
    Layer &l = layer(QString::fromStdString(m.id));
    const std::string &s = m.status;
    const double part =
        m.total > 0 ? std::clamp(double(m.current) / double(m.total), 0.0, 1.0) : 0.0;
    QString detail;
    if (s == "Already exists") {
        l.phase = Phase::Existing;
        l.done = 1.0;
    } else if (s == "Downloading") {
        l.phase = Phase::Downloading;
        if (m.total > 0)
            l.size = m.total;
        l.done = std::max(l.done, kDownloadShare * part);
    } else if (s == "Verifying Checksum" || s == "Download complete") {
        l.phase = Phase::Downloaded;
        l.done = std::max(l.done, kDownloadShare);
    } else if (s == "Extracting") {
        l.phase = Phase::Extracting;
        if (l.size <= 0 && m.total > 0)
            l.size = m.total;
        l.done = std::max(l.done, kDownloadShare + (1.0 - kDownloadShare) * part);
    } else if (s == "Pull complete") {
        l.phase = Phase::Done;
        l.done = 1.0;
    } // "Pulling fs layer", "Waiting", "Retrying in ...": as they are
    if (m.total > 0)
        detail = tr("%1 of %2").arg(ImageText::size(m.current), ImageText::size(m.total));
    p_.status = QString::fromStdString(m.id + ": " + s);
    if (!detail.isEmpty())
        p_.status += u' ' + detail;
    recompute();
}

void PullProgressTracker::recompute() {
    p_.layers = int(layers_.size());
    p_.layersDone = int(std::count_if(layers_.begin(), layers_.end(), [](const Layer &l) {
        return l.phase == Phase::Done || l.phase == Phase::Existing;
    }));
    double sized = 0, sizedDone = 0;
    int unsized = 0;
    int sizedCount = 0;
    double unsizedDone = 0;
    for (const Layer &l : layers_) {
        if (l.phase == Phase::Existing)
            continue; // nothing to fetch
        if (l.size > 0) {
            sized += double(l.size);
            sizedDone += double(l.size) * l.done;
            ++sizedCount;
        } else {
            ++unsized;
            unsizedDone += l.done;
        }
    }
    if (sizedCount == 0)
        return; // nothing has said how big it is yet: the bar stays busy
    const double average = sized / sizedCount;
    const double total = sized + average * unsized;
    const double fraction = (sizedDone + average * unsizedDone) / total;
    p_.fraction = std::max(p_.fraction, std::clamp(fraction, 0.0, 1.0));
}

void PullProgressTracker::finish() {
    p_.finished = true;
    p_.fraction = 1.0;
    for (Layer &l : layers_) {
        if (l.phase != Phase::Existing)
            l.phase = Phase::Done;
        l.done = 1.0;
    }
    p_.layersDone = p_.layers = int(layers_.size());
}

} // namespace slipway::core
