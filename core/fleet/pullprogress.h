// PullProgress: how far a pull is, folded from the engine's per-layer progress messages into
// one fraction for a progress bar and one line for people. The tracker runs on the engine's
// thread (it sees every message); snapshots go to the GUI thread.
#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMetaType>
#include <QString>

namespace slipway::engine {
struct ProgressMessage;
}

namespace slipway::core {

struct PullProgress {
    // 0..1: the bytes of the layers that report a size, downloaded (the first 70 % of each
    // layer) and extracted (the last 30 %); layers still waiting count with the average size.
    // -1 while no layer has reported a size (the bar is busy, not empty). Never goes back.
    double fraction = -1;
    QString status;     // the latest line: "2e9ceedcf82c: Downloading 512.0 KiB of 2.0 MiB"
    int layers = 0;     // layers seen, including those already on the host
    int layersDone = 0; // pulled or already there
    bool finished = false;

    friend bool operator==(const PullProgress &, const PullProgress &) = default;
};

class PullProgressTracker {
    Q_DECLARE_TR_FUNCTIONS(PullProgressTracker)

public:
    void add(const engine::ProgressMessage &message);
    void finish(); // the pull succeeded: 100 %
    PullProgress snapshot() const { return p_; }

private:
    enum class Phase { Waiting, Downloading, Downloaded, Extracting, Done, Existing };
    struct Layer {
        QString id;
        Phase phase = Phase::Waiting;
        qint64 size = 0;   // the download size, once known
        double done = 0.0; // 0..1 of this layer
    };
    Layer &layer(const QString &id);
    void recompute();

    QList<Layer> layers_;
    PullProgress p_;
};

} // namespace slipway::core

Q_DECLARE_METATYPE(slipway::core::PullProgress)
