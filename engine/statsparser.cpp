// Why SAX: the sampler reads one stats document per running container per interval (100 a
// second at 200 containers, 2 s); a DOM read allocates a node and a key string for each of the
// document's ~90 members only to look at 16 of them. Here the handler follows the key path and
// records just those 16 (with their JSON type), then the same checks a DOM read makes run over
// what was recorded, in the same order, so that results and error messages do not change.
// Repeated keys behave as in nlohmann's DOM: the last one wins, for objects too.
#include "engine/statsparser.h"

#include "engine/parse.h"
#include "engine/saxreading.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <exception>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace slipway::engine {

namespace {

using nlohmann::json;

using sax::fail;
using sax::field;
using sax::Kind;
using sax::typeName;

struct Value {
    Kind kind = Kind::Absent;
    std::uint64_t u = 0; // Unsigned; for Array, the element count
    std::int64_t i = 0;
    double f = 0;
    std::string text; // String (only kept for the few string members read)

    bool present() const { return kind != Kind::Absent && kind != Kind::Null; }
    void reset() {
        kind = Kind::Absent;
        u = 0;
    }
};

struct Interface {
    std::string name;
    Value self, rx, tx;
};

struct IoEntry {
    Value self, op, value;
};

// Every member the sample is made of.
struct Recorded {
    Value root;
    Value read, preread;
    Value cpu, cpuUsage, cpuTotal, percpu, systemCpu, onlineCpus;
    Value precpu, precpuUsage, precpuTotal, preSystemCpu;
    Value memory, memUsage, memLimit, memStats, totalInactive, inactive;
    Value networks;
    std::vector<Interface> interfaces;
    Value blkio, ioList;
    std::vector<IoEntry> io;
    Value pids, pidsCurrent;
};

// Where the handler is: the object or array it is inside.
enum class Node : std::uint8_t {
    Skip, // inside something no field is read from
    Root,
    Cpu,
    CpuUsage,
    Percpu,
    PreCpu,
    PreCpuUsage,
    Memory,
    MemStats,
    Networks,
    Interface,
    Blkio,
    IoList,
    IoEntry,
    Pids,
};

// The member a value belongs to.
enum class Field : std::uint8_t {
    None,
    Root,
    Read,
    Preread,
    Cpu,
    CpuUsage,
    CpuTotal,
    Percpu,
    PercpuItem,
    SystemCpu,
    OnlineCpus,
    PreCpu,
    PreCpuUsage,
    PreCpuTotal,
    PreSystemCpu,
    Memory,
    MemUsage,
    MemLimit,
    MemStats,
    TotalInactive,
    Inactive,
    Networks,
    Interface,
    Rx,
    Tx,
    Blkio,
    IoList,
    IoEntry,
    Op,
    IoValue,
    Pids,
    PidsCurrent,
};

class Handler : public nlohmann::json_sax<json> {
public:
    explicit Handler(Recorded &out) : r_(out) {}

    bool null() override { return scalar(Kind::Null); }
    bool boolean(bool) override { return scalar(Kind::Boolean); }
    bool number_integer(number_integer_t v) override {
        Value *slot = take();
        if (slot) {
            slot->kind = Kind::Integer;
            slot->i = v;
        }
        return true;
    }
    bool number_unsigned(number_unsigned_t v) override {
        Value *slot = take();
        if (slot) {
            slot->kind = Kind::Unsigned;
            slot->u = v;
        }
        return true;
    }
    bool number_float(number_float_t v, const string_t &) override {
        Value *slot = take();
        if (slot) {
            slot->kind = Kind::Float;
            slot->f = v;
        }
        return true;
    }
    bool string(string_t &v) override {
        const Field f = current();
        Value *slot = take();
        if (slot) {
            slot->kind = Kind::String;
            if (f == Field::Read || f == Field::Preread || f == Field::Op)
                slot->text = v;
        }
        return true;
    }
    bool binary(binary_t &) override { return scalar(Kind::Null); } // not produced by JSON text

    bool start_object(std::size_t) override {
        const Field f = current();
        Value *slot = take();
        if (slot)
            slot->kind = Kind::Object;
        return push(slot ? objectNode(f) : Node::Skip);
    }
    bool key(string_t &k) override {
        pending_ = keyField(top(), k);
        return true;
    }
    bool end_object() override {
        path_.pop();
        return true;
    }
    bool start_array(std::size_t) override {
        const Field f = current();
        Value *slot = take();
        if (slot)
            slot->kind = Kind::Array;
        Node n = Node::Skip;
        if (slot && f == Field::Percpu)
            n = Node::Percpu;
        else if (slot && f == Field::IoList)
            n = Node::IoList;
        return push(n);
    }
    bool end_array() override {
        path_.pop();
        return true;
    }
    bool parse_error(std::size_t, const std::string &,
                     const nlohmann::detail::exception &e) override {
        return stop.syntax(e);
    }

    sax::Stop stop; // why a callback stopped the parse

private:
    Node top() const { return path_.top(); }

    bool push(Node n) {
        pending_ = Field::None;
        return path_.push(n, stop);
    }

    // The member the next value belongs to.
    Field current() const {
        if (path_.empty())
            return Field::Root;
        switch (top()) {
        case Node::Percpu:
            return Field::PercpuItem;
        case Node::IoList:
            return Field::IoEntry;
        case Node::Skip:
            return Field::None;
        default:
            return pending_;
        }
    }

    bool scalar(Kind k) {
        if (Value *slot = take())
            slot->kind = k;
        return true;
    }

    // The slot of the value that starts now, emptied along with everything recorded under
    // it before (a repeated key replaces the earlier member entirely); null when not read.
    Value *take() {
        const Field f = current();
        pending_ = Field::None;
        switch (f) {
        case Field::None:
            return nullptr;
        case Field::Root:
            return &r_.root;
        case Field::Read:
            return &r_.read;
        case Field::Preread:
            return &r_.preread;
        case Field::Cpu:
            for (Value *v : {&r_.cpuUsage, &r_.cpuTotal, &r_.percpu, &r_.systemCpu, &r_.onlineCpus})
                v->reset();
            return &r_.cpu;
        case Field::CpuUsage:
            r_.cpuTotal.reset();
            r_.percpu.reset();
            return &r_.cpuUsage;
        case Field::CpuTotal:
            return &r_.cpuTotal;
        case Field::Percpu:
            r_.percpu.reset();
            return &r_.percpu;
        case Field::PercpuItem:
            ++r_.percpu.u;
            return nullptr;
        case Field::SystemCpu:
            return &r_.systemCpu;
        case Field::OnlineCpus:
            return &r_.onlineCpus;
        case Field::PreCpu:
            for (Value *v : {&r_.precpuUsage, &r_.precpuTotal, &r_.preSystemCpu})
                v->reset();
            return &r_.precpu;
        case Field::PreCpuUsage:
            r_.precpuTotal.reset();
            return &r_.precpuUsage;
        case Field::PreCpuTotal:
            return &r_.precpuTotal;
        case Field::PreSystemCpu:
            return &r_.preSystemCpu;
        case Field::Memory:
            for (Value *v :
                 {&r_.memUsage, &r_.memLimit, &r_.memStats, &r_.totalInactive, &r_.inactive})
                v->reset();
            return &r_.memory;
        case Field::MemUsage:
            return &r_.memUsage;
        case Field::MemLimit:
            return &r_.memLimit;
        case Field::MemStats:
            r_.totalInactive.reset();
            r_.inactive.reset();
            return &r_.memStats;
        case Field::TotalInactive:
            return &r_.totalInactive;
        case Field::Inactive:
            return &r_.inactive;
        case Field::Networks:
            r_.interfaces.clear();
            return &r_.networks;
        case Field::Interface: {
            auto it = std::find_if(r_.interfaces.begin(), r_.interfaces.end(),
                                   [&](const Interface &i) { return i.name == interfaceName_; });
            if (it == r_.interfaces.end()) {
                r_.interfaces.push_back(Interface{interfaceName_, {}, {}, {}});
                it = r_.interfaces.end() - 1;
            } else {
                it->self.reset();
                it->rx.reset();
                it->tx.reset();
            }
            interface_ = std::size_t(it - r_.interfaces.begin());
            return &it->self;
        }
        case Field::Rx:
            return &r_.interfaces[interface_].rx;
        case Field::Tx:
            return &r_.interfaces[interface_].tx;
        case Field::Blkio:
            r_.ioList.reset();
            r_.io.clear();
            return &r_.blkio;
        case Field::IoList:
            r_.io.clear();
            return &r_.ioList;
        case Field::IoEntry:
            ++r_.ioList.u;
            r_.io.emplace_back();
            return &r_.io.back().self;
        case Field::Op:
            return &r_.io.back().op;
        case Field::IoValue:
            return &r_.io.back().value;
        case Field::Pids:
            r_.pidsCurrent.reset();
            return &r_.pids;
        case Field::PidsCurrent:
            return &r_.pidsCurrent;
        }
        return nullptr;
    }

    static Node objectNode(Field f) {
        switch (f) {
        case Field::Root:
            return Node::Root;
        case Field::Cpu:
            return Node::Cpu;
        case Field::CpuUsage:
            return Node::CpuUsage;
        case Field::PreCpu:
            return Node::PreCpu;
        case Field::PreCpuUsage:
            return Node::PreCpuUsage;
        case Field::Memory:
            return Node::Memory;
        case Field::MemStats:
            return Node::MemStats;
        case Field::Networks:
            return Node::Networks;
        case Field::Interface:
            return Node::Interface;
        case Field::Blkio:
            return Node::Blkio;
        case Field::IoEntry:
            return Node::IoEntry;
        case Field::Pids:
            return Node::Pids;
        default:
            return Node::Skip;
        }
    }

    Field keyField(Node n, const std::string &k) {
        switch (n) {
        case Node::Root:
            if (k == "read")
                return Field::Read;
            if (k == "preread")
                return Field::Preread;
            if (k == "cpu_stats")
                return Field::Cpu;
            if (k == "precpu_stats")
                return Field::PreCpu;
            if (k == "memory_stats")
                return Field::Memory;
            if (k == "networks")
                return Field::Networks;
            if (k == "blkio_stats")
                return Field::Blkio;
            if (k == "pids_stats")
                return Field::Pids;
            return Field::None;
        case Node::Cpu:
            if (k == "cpu_usage")
                return Field::CpuUsage;
            if (k == "system_cpu_usage")
                return Field::SystemCpu;
            if (k == "online_cpus")
                return Field::OnlineCpus;
            return Field::None;
        case Node::CpuUsage:
            if (k == "total_usage")
                return Field::CpuTotal;
            if (k == "percpu_usage")
                return Field::Percpu;
            return Field::None;
        case Node::PreCpu:
            if (k == "cpu_usage")
                return Field::PreCpuUsage;
            if (k == "system_cpu_usage")
                return Field::PreSystemCpu;
            return Field::None;
        case Node::PreCpuUsage:
            return k == "total_usage" ? Field::PreCpuTotal : Field::None;
        case Node::Memory:
            if (k == "usage")
                return Field::MemUsage;
            if (k == "limit")
                return Field::MemLimit;
            if (k == "stats")
                return Field::MemStats;
            return Field::None;
        case Node::MemStats:
            if (k == "total_inactive_file")
                return Field::TotalInactive;
            if (k == "inactive_file")
                return Field::Inactive;
            return Field::None;
        case Node::Networks:
            interfaceName_ = k;
            return Field::Interface;
        case Node::Interface:
            if (k == "rx_bytes")
                return Field::Rx;
            if (k == "tx_bytes")
                return Field::Tx;
            return Field::None;
        case Node::Blkio:
            return k == "io_service_bytes_recursive" ? Field::IoList : Field::None;
        case Node::IoEntry:
            if (k == "op")
                return Field::Op;
            if (k == "value")
                return Field::IoValue;
            return Field::None;
        case Node::Pids:
            return k == "current" ? Field::PidsCurrent : Field::None;
        default:
            return Field::None;
        }
    }

    Recorded &r_;
    sax::Path<Node> path_;
    Field pending_ = Field::None;
    std::string interfaceName_;
    std::size_t interface_ = 0;
};

// The checks of engine/parse.cpp's Obj accessors, over recorded values.

bool object(const Value &v, const std::string &path) {
    if (!v.present())
        return false;
    if (v.kind != Kind::Object)
        fail(field(path) + " is not an object (" + typeName(v.kind) + ")");
    return true;
}

std::uint64_t u64(const Value &v, const std::string &path) {
    switch (v.kind) {
    case Kind::Absent:
    case Kind::Null:
        return 0;
    case Kind::Unsigned:
        return v.u;
    case Kind::Integer:
        fail(field(path) + " is negative");
    case Kind::Float: {
        std::uint64_t out = 0;
        if (std::string why = parse::uint64FromDouble(v.f, out); !why.empty())
            fail(field(path) + why);
        return out;
    }
    default:
        fail(field(path) + " is not a number (" + typeName(v.kind) + ")");
    }
}

std::int64_t i64(const Value &v, const std::string &path) {
    std::int64_t out = 0;
    if (std::string why = sax::toInt64(v.kind, v.u, v.i, v.f, out); !why.empty())
        fail(field(path) + why);
    return out;
}

int i32(const Value &v, const std::string &path) {
    const std::int64_t n = i64(v, path);
    if (n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max())
        fail(field(path) + " is out of range");
    return static_cast<int>(n);
}

std::string str(const Value &v, const std::string &path) {
    if (!v.present())
        return {};
    if (v.kind != Kind::String)
        fail(field(path) + " is not a string (" + typeName(v.kind) + ")");
    return v.text;
}

// In the order engine/parse.cpp's DOM stats parser read them, so the first complaint is the same.
StatsSample assemble(Recorded &r) {
    if (r.root.kind != Kind::Object)
        fail(std::string("expected an object, got ") + typeName(r.root.kind));
    StatsSample s;
    s.read = str(r.read, "read");
    s.preread = str(r.preread, "preread");
    object(r.cpu, "cpu_stats");
    object(r.precpu, "precpu_stats");
    object(r.cpuUsage, "cpu_stats.cpu_usage");
    s.cpuTotal = u64(r.cpuTotal, "cpu_stats.cpu_usage.total_usage");
    object(r.precpuUsage, "precpu_stats.cpu_usage");
    s.preCpuTotal = u64(r.precpuTotal, "precpu_stats.cpu_usage.total_usage");
    s.systemCpu = u64(r.systemCpu, "cpu_stats.system_cpu_usage");
    s.preSystemCpu = u64(r.preSystemCpu, "precpu_stats.system_cpu_usage");
    s.onlineCpus = i32(r.onlineCpus, "cpu_stats.online_cpus");
    if (s.onlineCpus == 0 && r.percpu.present()) {
        if (r.percpu.kind != Kind::Array)
            fail(field("cpu_stats.cpu_usage.percpu_usage") + " is not an array");
        s.onlineCpus = static_cast<int>(std::min<std::uint64_t>(
            r.percpu.u, static_cast<std::uint64_t>(std::numeric_limits<int>::max())));
    }

    object(r.memory, "memory_stats");
    s.memoryUsage = u64(r.memUsage, "memory_stats.usage");
    s.memoryLimit = u64(r.memLimit, "memory_stats.limit");
    object(r.memStats, "memory_stats.stats");
    std::uint64_t totalInactive = 0;
    if (r.totalInactive.present() &&
        (totalInactive = u64(r.totalInactive, "memory_stats.stats.total_inactive_file")) <
            s.memoryUsage)
        s.memoryCache = totalInactive;
    else if (std::uint64_t inactive = u64(r.inactive, "memory_stats.stats.inactive_file");
             inactive < s.memoryUsage)
        s.memoryCache = inactive;

    if (object(r.networks, "networks")) {
        // The DOM walks an object's members in key order.
        if (r.interfaces.size() > 1)
            std::sort(r.interfaces.begin(), r.interfaces.end(),
                      [](const Interface &a, const Interface &b) { return a.name < b.name; });
        for (const Interface &n : r.interfaces) {
            // engine/parse.cpp builds the path from the key's c_str().
            const std::string path = "networks." + std::string(n.name.c_str());
            object(n.self, path);
            s.netRx += u64(n.rx, path + ".rx_bytes");
            s.netTx += u64(n.tx, path + ".tx_bytes");
        }
    }

    if (object(r.blkio, "blkio_stats") && r.ioList.present()) {
        const std::string list = "blkio_stats.io_service_bytes_recursive";
        if (r.ioList.kind != Kind::Array)
            fail(field(list) + " is not an array (" + typeName(r.ioList.kind) + ")");
        for (std::size_t i = 0; i < r.io.size(); ++i) {
            const IoEntry &e = r.io[i];
            if (!e.self.present())
                continue;
            const std::string path = list + "[" + std::to_string(i) + "]";
            object(e.self, path);
            const std::string op = str(e.op, path + ".op");
            if (op.empty())
                continue;
            if (op[0] == 'r' || op[0] == 'R')
                s.blockRead += u64(e.value, path + ".value");
            else if (op[0] == 'w' || op[0] == 'W')
                s.blockWrite += u64(e.value, path + ".value");
        }
    }
    object(r.pids, "pids_stats");
    s.pids = u64(r.pidsCurrent, "pids_stats.current");
    return s;
}

} // namespace

Result<StatsSample> parseStatsSample(std::string_view text) {
    return sax::run<StatsSample>("stats", [&] {
        Recorded recorded;
        Handler handler(recorded);
        handler.stop.check(json::sax_parse(text.begin(), text.end(), &handler), text);
        return assemble(recorded);
    });
}

} // namespace slipway::engine
