#include "core/environments/composekeys.h"

#include <utility>
#include <vector>

namespace slipway::core::env {

namespace {

const char *const build = QT_TRANSLATE_NOOP(
    "ComposeKeys", "Slipway provisions from images; build the image first and name it in image:");
const char *const secrets =
    QT_TRANSLATE_NOOP("ComposeKeys", "Slipway does not provision Compose secrets; give the "
                                     "values as the kind's variables (secret ones are masked)");
const char *const configs =
    QT_TRANSLATE_NOOP("ComposeKeys", "Slipway does not provision Compose configs; put the file "
                                     "into the image or into a named volume");
const char *const profiles =
    QT_TRANSLATE_NOOP("ComposeKeys", "every service of a template is provisioned; make one "
                                     "template for each set of services");
const char *const extends = QT_TRANSLATE_NOOP(
    "ComposeKeys", "a template is one file: write the service in full (anchors and << merge keys "
                   "share settings)");
const char *const include =
    QT_TRANSLATE_NOOP("ComposeKeys", "a template is one Compose file and the env files it names");
const char *const links = QT_TRANSLATE_NOOP(
    "ComposeKeys", "legacy links: services reach each other by name on the project's networks");
const char *const fixedName = QT_TRANSLATE_NOOP(
    "ComposeKeys", "a fixed name or address would clash between two environments of one "
                   "template");
const char *const shared = QT_TRANSLATE_NOOP(
    "ComposeKeys", "shares namespaces or resources with the host or other containers, so "
                   "environments would not be isolated");
const char *const privilege = QT_TRANSLATE_NOOP(
    "ComposeKeys", "widens what a container may do on its host; not allowed in templates");
const char *const swarm = QT_TRANSLATE_NOOP(
    "ComposeKeys", "applies to Swarm services; an environment's services are standalone "
                   "containers");
const char *const resources =
    QT_TRANSLATE_NOOP("ComposeKeys", "write the service's limits as mem_limit and cpus");
const char *const expose = QT_TRANSLATE_NOOP(
    "ComposeKeys", "only documents ports: services reach each other on every port of the "
                   "project's networks; remove it");
const char *const ipam = QT_TRANSLATE_NOOP(
    "ComposeKeys", "environments take their subnets from the engine's address pool, so that many "
                   "run side by side");
const char *const notYet =
    QT_TRANSLATE_NOOP("ComposeKeys", "Slipway's provisioner does not apply this setting");

using Refusals = std::vector<std::pair<const char *, const char *>>;

struct Table {
    QStringList honoured;
    Refusals refused;
    bool extensions;
};

const Table &table(KeyContext context) {
    static const Table top{{"version", "name", "services", "networks", "volumes"},
                           {{"secrets", secrets}, {"configs", configs}, {"include", include}},
                           true};
    static const Table service{
        {"image",      "command",     "entrypoint",        "environment", "env_file",
         "ports",      "volumes",     "networks",          "healthcheck", "labels",
         "deploy",     "scale",       "depends_on",        "working_dir", "user",
         "hostname",   "restart",     "stop_grace_period", "stop_signal", "tty",
         "stdin_open", "extra_hosts", "mem_limit",         "cpus"},
        {{"build", build},
         {"secrets", secrets},
         {"configs", configs},
         {"profiles", profiles},
         {"extends", extends},
         {"links", links},
         {"external_links", links},
         {"container_name", fixedName},
         {"mac_address", fixedName},
         {"network_mode", shared},
         {"pid", shared},
         {"ipc", shared},
         {"userns_mode", shared},
         {"volumes_from", shared},
         {"cgroup_parent", shared},
         {"uts", shared},
         {"cgroup", shared},
         {"privileged", privilege},
         {"cap_add", privilege},
         {"cap_drop", privilege},
         {"security_opt", privilege},
         {"devices", privilege},
         {"device_cgroup_rules", privilege},
         {"sysctls", privilege},
         {"credential_spec", privilege},
         {"isolation", privilege},
         {"runtime", privilege},
         {"group_add", privilege},
         {"gpus", privilege},
         {"expose", expose},
         {"blkio_config", notYet},
         {"cpu_count", notYet},
         {"cpu_percent", notYet},
         {"cpu_shares", notYet},
         {"cpu_quota", notYet},
         {"cpu_period", notYet},
         {"cpu_rt_period", notYet},
         {"cpu_rt_runtime", notYet},
         {"cpuset", notYet},
         {"dns", notYet},
         {"dns_opt", notYet},
         {"dns_search", notYet},
         {"domainname", notYet},
         {"init", notYet},
         {"logging", notYet},
         {"mem_reservation", notYet},
         {"mem_swappiness", notYet},
         {"memswap_limit", notYet},
         {"oom_kill_disable", notYet},
         {"oom_score_adj", notYet},
         {"pids_limit", notYet},
         {"platform", notYet},
         {"pull_policy", notYet},
         {"read_only", notYet},
         {"shm_size", notYet},
         {"storage_opt", notYet},
         {"tmpfs", notYet},
         {"ulimits", notYet},
         {"develop", notYet},
         {"attach", notYet},
         {"annotations", notYet},
         {"label_file", notYet},
         {"post_start", notYet},
         {"pre_stop", notYet}},
        true};
    static const Table network{
        {"name", "driver", "driver_opts", "external", "internal", "attachable", "labels"},
        {{"ipam", ipam}, {"enable_ipv6", notYet}},
        true};
    static const Table volume{{"name", "driver", "driver_opts", "external", "labels"}, {}, true};
    static const Table external{{"name"}, {}, true};
    static const Table healthcheck{
        {"test", "interval", "timeout", "start_period", "retries", "disable"},
        {{"start_interval", notYet}},
        true};
    static const Table deploy{{"replicas"},
                              {{"mode", swarm},
                               {"endpoint_mode", swarm},
                               {"labels", swarm},
                               {"rollback_config", swarm},
                               {"update_config", swarm},
                               {"restart_policy", swarm},
                               {"placement", swarm},
                               {"resources", resources}},
                              true};
    static const Table port{{"target", "published", "protocol", "mode", "host_ip"}, {}, true};
    static const Table mount{
        {"type", "source", "target", "read_only"},
        {{"consistency", notYet}, {"bind", notYet}, {"volume", notYet}, {"tmpfs", notYet}},
        true};
    static const Table serviceNetwork{{"aliases"},
                                      {{"ipv4_address", fixedName},
                                       {"ipv6_address", fixedName},
                                       {"link_local_ips", fixedName},
                                       {"priority", notYet}},
                                      true};
    static const Table dependency{
        {"condition"}, {{"restart", notYet}, {"required", notYet}}, false};
    static const Table slipway{{"description", "keep-volumes"}, {}, false};
    switch (context) {
    case KeyContext::Top:
        return top;
    case KeyContext::Service:
        return service;
    case KeyContext::Network:
        return network;
    case KeyContext::Volume:
        return volume;
    case KeyContext::External:
        return external;
    case KeyContext::Healthcheck:
        return healthcheck;
    case KeyContext::Deploy:
        return deploy;
    case KeyContext::Port:
        return port;
    case KeyContext::Mount:
        return mount;
    case KeyContext::ServiceNetwork:
        return serviceNetwork;
    case KeyContext::Dependency:
        return dependency;
    case KeyContext::Slipway:
        return slipway;
    }
    return top;
}

} // namespace

QStringList ComposeKeys::honoured(KeyContext context) {
    return table(context).honoured;
}

QStringList ComposeKeys::refused(KeyContext context) {
    QStringList keys;
    for (const auto &[key, why] : table(context).refused)
        keys.append(QLatin1String(key));
    return keys;
}

QString ComposeKeys::reason(KeyContext context, const QString &key) {
    for (const auto &[name, why] : table(context).refused)
        if (key == QLatin1String(name))
            return tr(why);
    return {};
}

bool ComposeKeys::allowsExtensions(KeyContext context) {
    return table(context).extensions;
}

void ComposeKeys::check(const YamlNode &map, KeyContext context, const QString &path,
                        const QString &file, QList<TemplateError> *errors) {
    const Table &t = table(context);
    for (const YamlEntry &e : map.entries) {
        if (t.honoured.contains(e.key))
            continue;
        const QString key = path.isEmpty() ? e.key : path + QLatin1Char('.') + e.key;
        if (e.key.startsWith(QLatin1String("x-"))) {
            if (t.extensions)
                continue;
            errors->append({file, e.keyPos, key, tr("extension keys (x-) are not allowed here")});
            continue;
        }
        const QString why = reason(context, e.key);
        if (!why.isEmpty())
            errors->append(
                {file, e.keyPos, key, tr("\"%1\" is not supported: %2").arg(e.key, why)});
        else
            errors->append({file, e.keyPos, key, tr("unknown key \"%1\"").arg(e.key)});
    }
}

} // namespace slipway::core::env
