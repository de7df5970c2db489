#include "core/fleet/exitintents.h"

#include <algorithm>

namespace slipway::core {

ExitIntents::ExitIntents(int capacity) : capacity_(std::max(1, capacity)) {}

ExitIntents::Entry &ExitIntents::touch(const QString &key) {
    auto it = entries_.find(key);
    if (it != entries_.end()) {
        order_.splice(order_.end(), order_, it->age);
        return *it;
    }
    if (int(entries_.size()) >= capacity_) {
        entries_.remove(order_.front());
        order_.pop_front();
    }
    order_.push_back(key);
    Entry e;
    e.age = std::prev(order_.end());
    return *entries_.insert(key, e);
}

bool ExitIntents::onEvent(const QString &key, QStringView action) {
    if (action == u"destroy") {
        forget(key);
        return false;
    }
    if (action == u"start") {
        // A new life: what ended the last one says nothing about how this one ends. (No news:
        // nothing is known about an exit yet. Nothing to keep for a container not heard of.)
        if (auto it = entries_.find(key); it != entries_.end()) {
            it->asked = false;
            it->lastExit = Verdict::Unknown;
            order_.splice(order_.end(), order_, it->age);
        }
        return false;
    }
    if (action == u"kill" || action == u"stop") {
        Entry &e = touch(key);
        e.asked = true;
        // The engine announces a stop after the "die" it caused; a stop that finds the
        // container gone already is announced by nobody. So a stop right after an unasked
        // die (no start between) was under way when it came: the kill before it was lost.
        if (action == u"stop" && e.lastExit == Verdict::Unasked) {
            e.lastExit = Verdict::Asked;
            return true;
        }
        return false;
    }
    if (action == u"die") {
        Entry &e = touch(key);
        const Verdict before = e.lastExit;
        e.lastExit = e.asked ? Verdict::Asked : Verdict::Unasked;
        return e.lastExit != before;
    }
    return false;
}

bool ExitIntents::guess(const QString &key, Verdict verdict) {
    if (verdict == Verdict::Unknown || this->verdict(key) != Verdict::Unknown)
        return false;
    touch(key).lastExit = verdict;
    return true;
}

ExitIntents::Verdict ExitIntents::verdict(const QString &key) const {
    const auto it = entries_.constFind(key);
    return it == entries_.constEnd() ? Verdict::Unknown : it->lastExit;
}

void ExitIntents::forget(const QString &key) {
    const auto it = entries_.find(key);
    if (it == entries_.end())
        return;
    order_.erase(it->age);
    entries_.erase(it);
}

} // namespace slipway::core
