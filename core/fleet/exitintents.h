// ExitIntents: whether a container's last exit was asked for, from the engine's /events. Every
// stop goes through the engine, which announces it: the API's stop (Slipway's, the docker
// CLI's, a deployment retiring a replica) is "kill" (the stop signal), "die", "stop"; a kill is
// "kill", "die"; an exit by itself is a lone "die". The "Container exited non-zero" alert is for
// exits nobody asked for. One small entry per container that stopped or died while watched;
// at most `capacity` of them (the fleet's 8,000 containers), the one heard of longest ago
// forgotten first; a removed container is forgotten. GUI thread.
#pragma once

#include <QHash>
#include <QString>
#include <QStringView>
#include <list>

namespace slipway::core {

class ExitIntents {
public:
    enum class Verdict {
        Unknown, // no exit heard since its last start: it exited before we watched, or its
                 // events are still on their way
        Asked,   // a stop or kill came before the "die" (or the stop right after it)
        Unasked, // it died by itself: crashed, exited, killed from inside or by the kernel
    };

    explicit ExitIntents(int capacity = 8000);

    // One container event in the stream's order; `key` is Alert::containerKey. True when it
    // brought a verdict on the container's last exit (Asked or Unasked) that it did not have:
    // news for the exit alert.
    bool onEvent(const QString &key, QStringView action);
    // What the engine said otherwise (the restart count of an exit that came before we
    // watched): taken only while nothing better is known (Unknown). True when taken.
    bool guess(const QString &key, Verdict verdict);
    Verdict verdict(const QString &key) const;
    void forget(const QString &key); // the container was removed

    int size() const { return int(entries_.size()); }
    int capacity() const { return capacity_; }

private:
    struct Entry {
        bool asked = false; // a stop or kill since the last start
        Verdict lastExit = Verdict::Unknown;
        std::list<QString>::iterator age; // its place in order_
    };
    Entry &touch(const QString &key);

    int capacity_;
    QHash<QString, Entry> entries_;
    std::list<QString> order_; // least recently heard of first
};

} // namespace slipway::core
