#include "engine/containercreate.h"

#include <nlohmann/json.hpp>

namespace slipway::engine {

using json = nlohmann::json;

namespace {

json healthJson(const HealthConfig &h) {
    return {{"Test", h.test},
            {"Interval", h.intervalNs},
            {"Timeout", h.timeoutNs},
            {"StartPeriod", h.startPeriodNs},
            {"Retries", h.retries}};
}

void addMounts(const ContainerCreate &spec, json &body, json &host) {
    json mounts = json::array();
    for (const Mount &m : spec.mounts) {
        if (m.type == "volume" && m.source.empty()) {
            if (!body.contains("Volumes"))
                body["Volumes"] = json::object();
            body["Volumes"][m.target] = json::object();
            continue;
        }
        mounts.push_back({{"Type", m.type},
                          {"Source", m.source},
                          {"Target", m.target},
                          {"ReadOnly", m.readOnly}});
    }
    if (!mounts.empty())
        host["Mounts"] = mounts;
}

void addPorts(const ContainerCreate &spec, json &body, json &host) {
    if (!spec.exposedPorts.empty()) {
        json exposed = json::object();
        for (const auto &p : spec.exposedPorts)
            exposed[p] = json::object();
        body["ExposedPorts"] = exposed;
    }
    if (spec.portBindings.empty())
        return;
    json bindings = json::object();
    for (const auto &[port, list] : spec.portBindings) {
        json arr = json::array();
        for (const auto &b : list)
            arr.push_back({{"HostIp", b.hostIp}, {"HostPort", b.hostPort}});
        bindings[port] = arr;
        // A published port is exposed whether or not the caller said so.
        if (!body.contains("ExposedPorts"))
            body["ExposedPorts"] = json::object();
        body["ExposedPorts"][port] = json::object();
    }
    host["PortBindings"] = bindings;
}

} // namespace

std::string containerCreateBody(const ContainerCreate &spec) {
    json body = {{"Image", spec.image}, {"Labels", spec.labels}, {"Tty", spec.tty}};
    if (!spec.cmd.empty())
        body["Cmd"] = spec.cmd;
    if (!spec.entrypoint.empty())
        body["Entrypoint"] = spec.entrypoint;
    if (!spec.env.empty())
        body["Env"] = spec.env;
    if (spec.healthcheck)
        body["Healthcheck"] = healthJson(*spec.healthcheck);
    if (spec.openStdin) {
        body["OpenStdin"] = true;
        body["AttachStdin"] = false;
    }
    if (!spec.workingDir.empty())
        body["WorkingDir"] = spec.workingDir;
    if (!spec.user.empty())
        body["User"] = spec.user;
    if (!spec.hostname.empty())
        body["Hostname"] = spec.hostname;
    if (spec.stopTimeout)
        body["StopTimeout"] = *spec.stopTimeout;
    if (!spec.stopSignal.empty())
        body["StopSignal"] = spec.stopSignal;

    json host = json::object();
    addPorts(spec, body, host);
    addMounts(spec, body, host);
    if (!spec.restartPolicy.name.empty())
        host["RestartPolicy"] = {{"Name", spec.restartPolicy.name},
                                 {"MaximumRetryCount", spec.restartPolicy.maximumRetryCount}};
    if (!spec.networkMode.empty())
        host["NetworkMode"] = spec.networkMode;
    if (spec.memoryLimit > 0)
        host["Memory"] = spec.memoryLimit;
    if (spec.nanoCpus > 0)
        host["NanoCpus"] = spec.nanoCpus;
    if (!spec.extraHosts.empty())
        host["ExtraHosts"] = spec.extraHosts;
    body["HostConfig"] = host;

    if (!spec.endpoints.empty()) {
        json endpoints = json::object();
        for (const auto &[network, e] : spec.endpoints)
            endpoints[network] = {{"Aliases", e.aliases}};
        body["NetworkingConfig"] = {{"EndpointsConfig", endpoints}};
    }
    return body.dump();
}

} // namespace slipway::engine
