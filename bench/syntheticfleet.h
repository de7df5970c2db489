// SyntheticFleet: scripted engines that replay a real list reply scaled up (fresh IDs and
// names, 600 applications over 3 environments), for fleets larger than the private engine.
#pragma once

#include "tests/support/fakeengine.h"

#include <memory>
#include <string>
#include <vector>

namespace slipway::bench {

class SyntheticFleet {
public:
    // `realList` is a /containers/json reply of the private engine, used as the templates.
    SyntheticFleet(const std::string &realList, int hosts, int containersPerHost);

    int hostCount() const { return int(engines_.size()); }
    std::string url(int host) const { return engines_[std::size_t(host)]->url(); }
    int listRequests() const;
    // Every host's stream sends `eventsPerHost` events about its own containers once, after
    // `delay` (the stream is open from the start).
    void scheduleBurst(int eventsPerHost, int delayMs);
    std::size_t listBytes() const { return lists_.empty() ? 0 : lists_.front().size(); }

private:
    std::vector<std::unique_ptr<test::FakeEngine>> engines_;
    std::vector<std::string> lists_;
    std::vector<std::vector<std::string>> ids_;
};

} // namespace slipway::bench
