#include "bench/syntheticfleet.h"

#include <cstdio>
#include <nlohmann/json.hpp>

namespace slipway::bench {

namespace {

std::string hexId(int host, int n) {
    char buf[65];
    std::snprintf(buf, sizeof buf, "%08x%056x", host + 1, n + 1);
    return buf;
}

test::FakeEngine::Reply openStream(std::vector<std::string> chunks, int delayMs) {
    auto r = test::FakeEngine::stream(std::move(chunks), std::chrono::milliseconds(delayMs));
    r.ending = test::FakeEngine::Reply::Ending::Stall;
    return r;
}

} // namespace

SyntheticFleet::SyntheticFleet(const std::string &realList, int hosts, int perHost) {
    const auto templates = nlohmann::json::parse(realList);
    static const char *envs[] = {"production", "staging", "test"};
    for (int h = 0; h < hosts; ++h) {
        nlohmann::json list = nlohmann::json::array();
        std::vector<std::string> ids;
        for (int i = 0; i < perHost; ++i) {
            nlohmann::json c = templates.at(std::size_t(i) % templates.size());
            const int serial = h * perHost + i;
            const std::string app = "app-" + std::to_string(serial % 600);
            const std::string env = envs[serial / 600 % 3];
            c["Id"] = hexId(h, i);
            c["Names"] = {"/" + app + "-" + env + "-" + std::to_string(serial)};
            c["Labels"]["slipway.app"] = app;
            c["Labels"]["slipway.env"] = env;
            c["Labels"]["com.docker.compose.project"] = app + "-" + env;
            c["Labels"]["com.docker.compose.container-number"] = std::to_string(i % 5 + 1);
            ids.push_back(c["Id"]);
            list.push_back(std::move(c));
        }
        auto engine = std::make_unique<test::FakeEngine>();
        auto ping = test::FakeEngine::respond(200, "OK", "text/plain");
        ping.headers.emplace_back("Api-Version", "1.41");
        engine->on("/_ping", ping);
        lists_.push_back(list.dump());
        engine->on("/v1.41/containers/json", test::FakeEngine::json(200, lists_.back()));
        engine->on("/v1.41/events", openStream({}, 0));
        engines_.push_back(std::move(engine));
        ids_.push_back(std::move(ids));
    }
}

int SyntheticFleet::listRequests() const {
    int n = 0;
    for (const auto &e : engines_)
        n += e->hits("/v1.41/containers/json");
    return n;
}

void SyntheticFleet::scheduleBurst(int eventsPerHost, int delayMs) {
    for (std::size_t h = 0; h < engines_.size(); ++h) {
        std::string burst;
        for (int i = 0; i < eventsPerHost; ++i) {
            const std::string &id = ids_[h][std::size_t(i) % ids_[h].size()];
            const char *action = i % 3 == 0 ? "kill" : i % 3 == 1 ? "die" : "stop";
            burst += nlohmann::json{{"Type", "container"},
                                    {"Action", action},
                                    {"Actor", {{"ID", id}, {"Attributes", {{"name", "x"}}}}},
                                    {"scope", "local"},
                                    {"timeNano", 1700000000000000000LL}}
                         .dump() +
                     "\n";
        }
        // An empty first piece only waits: the burst comes `delayMs` after the second wait.
        engines_[h]->on("/v1.41/events", openStream({"", burst}, delayMs / 2));
    }
}

} // namespace slipway::bench
