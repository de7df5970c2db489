// Why SAX: a host's list reply runs to megabytes on a big host and is read in full after
// bursts of events on every host at once; a DOM read allocates a node (and a key string) for
// each of the ~45 values of an item, nearly half of them never read (endpoint details), then
// copies the dozen fields out. Here each value goes straight into the ContainerSummary being
// built, and everything else is dropped as soon as it is lexed (docs/performance.md has the
// measurements).
//
// Complaints about bad input are the same as those of a DOM read with engine/parse.cpp's Obj
// accessors, which check an item's fields in a fixed order once the whole document is parsed:
// the first complaint is the first in that order, not in the text. So every member keeps the
// complaint about its own value (a repeated key replaces the value and its complaint: the last
// one wins, as in nlohmann's DOM), and an item's complaints are ranked when the item ends.
// Objects read as sets of keys (Labels, Networks) are walked in key order, as a std::map is.
#include "engine/containerlistparser.h"

#include "engine/parse.h"
#include "engine/saxreading.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <exception>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <string>
#include <utility>

namespace slipway::engine {

namespace {

using nlohmann::json;

using sax::fail;
using sax::field;
using sax::isNot;
using sax::Kind;
using sax::typeName;

// A value as it starts: a scalar, or the opening of an object or array.
struct Value {
    Kind kind = Kind::Null;
    bool b = false;
    std::int64_t i = 0;
    std::uint64_t u = 0;
    double f = 0;
    const std::string *text = nullptr;
};

// Where the handler is: the object or array it is inside.
enum class Node : std::uint8_t {
    Skip, // inside something no field is read from
    List, // the top-level array
    Item,
    Names,
    Ports,
    Port,
    Labels,
    NetworkSettings,
    Networks,
    Mounts,
    Mount,
};

// The member a value belongs to. Item members first, in the order the DOM read checked them.
enum class Field : std::uint8_t {
    Id,
    Names,
    Image,
    ImageID,
    Command,
    Created,
    State,
    Status,
    Ports,
    Labels,
    NetworkSettings,
    Mounts,
    Networks, // in NetworkSettings
    IP,       // in a port
    PrivatePort,
    PublicPort,
    Type,
    MountType, // in a mount
    MountName,
    Source,
    Destination,
    Mode,
    RW,
    None,
};

constexpr std::size_t kItemFields = std::size_t(Field::Mounts) + 1;
constexpr std::size_t kPortFields = 4;
constexpr std::size_t kMountFields = 6;

// The path of a member of an item, and the last part of one of a port or mount.
const char *fieldName(Field f) {
    switch (f) {
    case Field::Id:
        return "Id";
    case Field::Names:
        return "Names";
    case Field::Image:
        return "Image";
    case Field::ImageID:
        return "ImageID";
    case Field::Command:
        return "Command";
    case Field::Created:
        return "Created";
    case Field::State:
        return "State";
    case Field::Status:
        return "Status";
    case Field::Ports:
        return "Ports";
    case Field::Labels:
        return "Labels";
    case Field::NetworkSettings:
        return "NetworkSettings";
    case Field::Mounts:
        return "Mounts";
    case Field::Networks:
        return "NetworkSettings.Networks";
    case Field::IP:
        return "IP";
    case Field::PrivatePort:
        return "PrivatePort";
    case Field::PublicPort:
        return "PublicPort";
    case Field::Type:
        return "Type";
    case Field::MountType:
        return "Type";
    case Field::MountName:
        return "Name";
    case Field::Source:
        return "Source";
    case Field::Destination:
        return "Destination";
    case Field::Mode:
        return "Mode";
    case Field::RW:
        return "RW";
    case Field::None:
        return "";
    }
    return "";
}

// The first complaint of a member list, in check order; empty when none.
template <std::size_t N> const std::string *firstComplaint(const std::array<std::string, N> &a) {
    for (const std::string &s : a)
        if (!s.empty())
            return &s;
    return nullptr;
}

template <std::size_t N> void clearAll(std::array<std::string, N> &a) {
    for (std::string &s : a)
        s.clear();
}

class Handler final : public nlohmann::json_sax<json> {
public:
    explicit Handler(std::vector<ContainerSummary> &out) : out_(out) {}

    sax::Stop stop;        // why a callback stopped the parse (syntax, depth)
    std::string complaint; // the first item (or top level) that is not what the API documents

    bool null() override {
        value(Value{});
        return true;
    }
    bool boolean(bool b) override {
        Value v;
        v.kind = Kind::Boolean;
        v.b = b;
        value(v);
        return true;
    }
    bool number_integer(number_integer_t n) override {
        Value v;
        v.kind = Kind::Integer;
        v.i = n;
        value(v);
        return true;
    }
    bool number_unsigned(number_unsigned_t n) override {
        Value v;
        v.kind = Kind::Unsigned;
        v.u = n;
        value(v);
        return true;
    }
    bool number_float(number_float_t d, const string_t &) override {
        Value v;
        v.kind = Kind::Float;
        v.f = d;
        value(v);
        return true;
    }
    bool string(string_t &s) override {
        Value v;
        v.kind = Kind::String;
        v.text = &s;
        value(v);
        return true;
    }
    bool binary(binary_t &) override { // not produced by JSON text
        value(Value{});
        return true;
    }

    bool start_object(std::size_t) override {
        Value v;
        v.kind = Kind::Object;
        return push(value(v));
    }
    bool key(string_t &k) override {
        switch (top()) {
        case Node::Item:
            pending_ = itemField(k);
            break;
        case Node::Port:
            pending_ = portField(k);
            break;
        case Node::Mount:
            pending_ = mountField(k);
            break;
        case Node::NetworkSettings:
            pending_ = k == "Networks" ? Field::Networks : Field::None;
            break;
        case Node::Labels:
        case Node::Networks:
            key_ = k;
            break;
        default:
            break;
        }
        return true;
    }
    bool end_object() override {
        switch (pop()) {
        case Node::Item:
            finishItem();
            break;
        case Node::Port:
            finishPort();
            break;
        case Node::Mount:
            finishMount();
            break;
        case Node::Labels:
            finishLabels();
            break;
        case Node::Networks:
            finishNetworks();
            break;
        default:
            break;
        }
        return true;
    }
    bool start_array(std::size_t) override {
        Value v;
        v.kind = Kind::Array;
        return push(value(v));
    }
    bool end_array() override {
        pop();
        return true;
    }
    bool parse_error(std::size_t, const std::string &,
                     const nlohmann::detail::exception &e) override {
        return stop.syntax(e);
    }

private:
    Node top() const { return path_.top(); }

    bool push(Node n) {
        pending_ = Field::None;
        return path_.push(n, stop);
    }

    Node pop() { return path_.pop(); }

    // Where a value goes; for an object or array, the node to read its inside as.
    Node value(const Value &v) {
        const Field f = pending_;
        pending_ = Field::None;
        if (path_.empty())
            return root(v);
        switch (top()) {
        case Node::Skip:
            return Node::Skip;
        case Node::List:
            return item(v);
        case Node::Item:
            return itemMember(f, v);
        case Node::Names:
            name(v);
            return Node::Skip;
        case Node::Ports:
        case Node::Mounts:
            return element(v);
        case Node::Port:
            portMember(f, v);
            return Node::Skip;
        case Node::Mount:
            mountMember(f, v);
            return Node::Skip;
        case Node::Labels:
            label(v);
            return Node::Skip;
        case Node::NetworkSettings:
            return f == Field::Networks ? networks(v) : Node::Skip;
        case Node::Networks:
            network(v);
            return Node::Skip;
        }
        return Node::Skip;
    }

    void complain(std::string message) {
        if (complaint.empty())
            complaint = std::move(message);
        done_ = true;
    }

    Node root(const Value &v) {
        if (v.kind == Kind::Array)
            return Node::List;
        // null: the engine's way of writing "no items" in places.
        if (v.kind != Kind::Null)
            complain(std::string("expected an array, got ") + typeName(v.kind));
        return Node::Skip;
    }

    Node item(const Value &v) {
        // After the first bad item nothing more is read, only checked for being JSON.
        if (done_)
            return Node::Skip;
        index_ = items_++;
        if (v.kind != Kind::Object) {
            complain("item " + std::to_string(index_) + ": not an object (" + typeName(v.kind) +
                     ")");
            return Node::Skip;
        }
        item_ = ContainerSummary{};
        clearAll(itemComplaints_);
        return Node::Item;
    }

    std::string &complaintOf(Field f) { return itemComplaints_[std::size_t(f)]; }

    // The path the DOM read named a member of an item, port or mount by.
    std::string path(Field f) const {
        if (f >= Field::IP && f <= Field::Type)
            return "Ports[" + std::to_string(element_) + "]." + fieldName(f);
        if (f >= Field::MountType && f <= Field::RW)
            return "Mounts[" + std::to_string(element_) + "]." + fieldName(f);
        return fieldName(f);
    }

    // Obj::str: absent and null read as empty.
    void readString(Field f, const Value &v, std::string &out, std::string &complaint) {
        complaint.clear();
        if (v.kind == Kind::String)
            out.assign(*v.text);
        else if (v.kind == Kind::Null)
            out.clear();
        else
            complaint = field(path(f)) + isNot("a string", v.kind);
    }

    void readInt64(Field f, const Value &v, std::int64_t &out, std::string &complaint) {
        complaint = sax::toInt64(v.kind, v.u, v.i, v.f, out);
        if (!complaint.empty())
            complaint.insert(0, field(path(f)));
    }

    void readInt32(Field f, const Value &v, int &out, std::string &complaint) {
        std::int64_t n = 0;
        readInt64(f, v, n, complaint);
        if (!complaint.empty())
            return;
        if (n < std::numeric_limits<int>::min() || n > std::numeric_limits<int>::max())
            complaint = field(path(f)) + " is out of range";
        else
            out = static_cast<int>(n);
    }

    // An array or object member: the earlier value (and its complaint) goes, whatever comes.
    Node container(Field f, const Value &v, Kind expected, Node inside) {
        std::string &complaint = complaintOf(f);
        complaint.clear();
        if (v.kind == expected) {
            count_ = 0;
            return inside;
        }
        if (v.kind != Kind::Null)
            complaint = field(fieldName(f)) +
                        isNot(expected == Kind::Array ? "an array" : "an object", v.kind);
        return Node::Skip;
    }

    Node itemMember(Field f, const Value &v) {
        switch (f) {
        case Field::Id:
            readString(f, v, item_.id, complaintOf(f));
            break;
        case Field::Names:
            item_.names.clear();
            return container(f, v, Kind::Array, Node::Names);
        case Field::Image:
            readString(f, v, item_.image, complaintOf(f));
            break;
        case Field::ImageID:
            readString(f, v, item_.imageId, complaintOf(f));
            break;
        case Field::Command:
            readString(f, v, item_.command, complaintOf(f));
            break;
        case Field::Created:
            readInt64(f, v, item_.created, complaintOf(f));
            break;
        case Field::State:
            readString(f, v, item_.state, complaintOf(f));
            break;
        case Field::Status:
            readString(f, v, item_.status, complaintOf(f));
            break;
        case Field::Ports:
            item_.ports.clear();
            return container(f, v, Kind::Array, Node::Ports);
        case Field::Labels:
            item_.labels.clear();
            badLabels_.clear();
            return container(f, v, Kind::Object, Node::Labels);
        case Field::NetworkSettings:
            item_.networks.clear();
            networkKinds_.clear();
            return container(f, v, Kind::Object, Node::NetworkSettings);
        case Field::Mounts:
            item_.mounts.clear();
            return container(f, v, Kind::Array, Node::Mounts);
        default:
            break;
        }
        return Node::Skip;
    }

    void name(const Value &v) {
        const std::size_t i = count_++;
        if (v.kind == Kind::String) {
            item_.names.push_back(*v.text);
            return;
        }
        std::string &complaint = complaintOf(Field::Names);
        if (complaint.empty())
            complaint = field("Names[" + std::to_string(i) + "]") + isNot("a string", v.kind);
    }

    // An element of Ports or Mounts: null ones are skipped, but counted.
    Node element(const Value &v) {
        const bool ports = top() == Node::Ports;
        const std::size_t i = count_++;
        if (v.kind == Kind::Null)
            return Node::Skip;
        if (v.kind == Kind::Object) {
            element_ = i;
            if (ports) {
                port_ = Port{};
                clearAll(portComplaints_);
                return Node::Port;
            }
            mount_ = MountPoint{};
            clearAll(mountComplaints_);
            return Node::Mount;
        }
        std::string &complaint = complaintOf(ports ? Field::Ports : Field::Mounts);
        if (complaint.empty())
            complaint = field((ports ? "Ports[" : "Mounts[") + std::to_string(i) + "]") +
                        isNot("an object", v.kind);
        return Node::Skip;
    }

    void portMember(Field f, const Value &v) {
        switch (f) {
        case Field::IP:
            readString(f, v, port_.ip, portComplaints_[0]);
            break;
        case Field::PrivatePort:
            readInt32(f, v, port_.privatePort, portComplaints_[1]);
            break;
        case Field::PublicPort:
            readInt32(f, v, port_.publicPort, portComplaints_[2]);
            break;
        case Field::Type:
            readString(f, v, port_.type, portComplaints_[3]);
            break;
        default:
            break;
        }
    }

    void mountMember(Field f, const Value &v) {
        switch (f) {
        case Field::MountType:
            readString(f, v, mount_.type, mountComplaints_[0]);
            break;
        case Field::MountName:
            readString(f, v, mount_.name, mountComplaints_[1]);
            break;
        case Field::Source:
            readString(f, v, mount_.source, mountComplaints_[2]);
            break;
        case Field::Destination:
            readString(f, v, mount_.destination, mountComplaints_[3]);
            break;
        case Field::Mode:
            readString(f, v, mount_.mode, mountComplaints_[4]);
            break;
        case Field::RW: {
            // readMount: RW defaults to true when absent or null.
            std::string &complaint = mountComplaints_[5];
            complaint.clear();
            if (v.kind == Kind::Boolean)
                mount_.rw = v.b;
            else if (v.kind == Kind::Null)
                mount_.rw = true;
            else
                complaint = field(path(f)) + isNot("a boolean", v.kind);
            break;
        }
        default:
            break;
        }
    }

    void finishPort() {
        std::string &complaint = complaintOf(Field::Ports);
        if (const std::string *c = firstComplaint(portComplaints_)) {
            if (complaint.empty())
                complaint = *c;
        } else {
            item_.ports.push_back(std::move(port_));
        }
    }

    void finishMount() {
        std::string &complaint = complaintOf(Field::Mounts);
        if (const std::string *c = firstComplaint(mountComplaints_)) {
            if (complaint.empty())
                complaint = *c;
        } else {
            item_.mounts.push_back(std::move(mount_));
        }
    }

    void label(const Value &v) {
        if (!badLabels_.empty())
            badLabels_.erase(key_);
        // Go writes map keys sorted, so the end is the right place almost always.
        if (v.kind == Kind::String)
            item_.labels.insert_or_assign(item_.labels.end(), key_, *v.text);
        else if (v.kind == Kind::Null)
            item_.labels.insert_or_assign(item_.labels.end(), key_, std::string());
        else
            badLabels_.insert_or_assign(key_, v.kind);
    }

    void finishLabels() {
        if (badLabels_.empty())
            return;
        const auto &[key, kind] = *badLabels_.begin();
        // The DOM built the path from the key's c_str().
        complaintOf(Field::Labels) =
            field("Labels." + std::string(key.c_str())) + isNot("a string", kind);
    }

    Node networks(const Value &v) {
        std::string &complaint = complaintOf(Field::NetworkSettings);
        complaint.clear();
        item_.networks.clear();
        networkKinds_.clear();
        if (v.kind == Kind::Object)
            return Node::Networks;
        if (v.kind != Kind::Null)
            complaint = field(fieldName(Field::Networks)) + isNot("an object", v.kind);
        return Node::Skip;
    }

    void network(const Value &v) {
        item_.networks.push_back(key_);
        networkKinds_.push_back(v.kind);
    }

    void finishNetworks() {
        std::vector<std::string> &names = item_.networks;
        // The DOM's object is a std::map: names in key order, a repeated one once, with its last
        // value. Go writes them sorted and unique already.
        const auto notAscending = [](const std::string &a, const std::string &b) {
            return !(a < b);
        };
        if (std::adjacent_find(names.begin(), names.end(), notAscending) != names.end()) {
            std::vector<std::size_t> order(names.size());
            std::iota(order.begin(), order.end(), std::size_t(0));
            std::stable_sort(order.begin(), order.end(),
                             [&](std::size_t a, std::size_t b) { return names[a] < names[b]; });
            std::vector<std::string> sortedNames;
            std::vector<Kind> sortedKinds;
            for (std::size_t k = 0; k < order.size(); ++k) {
                if (k + 1 < order.size() && names[order[k]] == names[order[k + 1]])
                    continue; // a later one of the same name follows
                sortedNames.push_back(std::move(names[order[k]]));
                sortedKinds.push_back(networkKinds_[order[k]]);
            }
            names = std::move(sortedNames);
            networkKinds_ = std::move(sortedKinds);
        }
        for (std::size_t k = 0; k < names.size(); ++k) {
            const Kind kind = networkKinds_[k];
            if (kind != Kind::Object && kind != Kind::Null) {
                complaintOf(Field::NetworkSettings) =
                    field(std::string(fieldName(Field::Networks)) + "." + names[k].c_str()) +
                    isNot("an object", kind);
                return;
            }
        }
    }

    void finishItem() {
        const std::string *first = &complaintOf(Field::Id);
        std::string missing;
        if (first->empty() && item_.id.empty()) {
            missing = "\"Id\" is missing";
            first = &missing;
        }
        if (first->empty())
            first = firstComplaint(itemComplaints_);
        if (first) {
            complain("item " + std::to_string(index_) + ": " + *first);
            return;
        }
        out_.push_back(std::move(item_));
    }

    static Field itemField(const std::string &k) {
        switch (k.size()) {
        case 2:
            return k == "Id" ? Field::Id : Field::None;
        case 5:
            if (k == "Names")
                return Field::Names;
            if (k == "Image")
                return Field::Image;
            if (k == "State")
                return Field::State;
            if (k == "Ports")
                return Field::Ports;
            return Field::None;
        case 6:
            if (k == "Status")
                return Field::Status;
            if (k == "Labels")
                return Field::Labels;
            if (k == "Mounts")
                return Field::Mounts;
            return Field::None;
        case 7:
            if (k == "ImageID")
                return Field::ImageID;
            if (k == "Command")
                return Field::Command;
            if (k == "Created")
                return Field::Created;
            return Field::None;
        case 15:
            return k == "NetworkSettings" ? Field::NetworkSettings : Field::None;
        default:
            return Field::None;
        }
    }

    static Field portField(const std::string &k) {
        if (k == "IP")
            return Field::IP;
        if (k == "PrivatePort")
            return Field::PrivatePort;
        if (k == "PublicPort")
            return Field::PublicPort;
        if (k == "Type")
            return Field::Type;
        return Field::None;
    }

    static Field mountField(const std::string &k) {
        if (k == "Type")
            return Field::MountType;
        if (k == "Name")
            return Field::MountName;
        if (k == "Source")
            return Field::Source;
        if (k == "Destination")
            return Field::Destination;
        if (k == "Mode")
            return Field::Mode;
        if (k == "RW")
            return Field::RW;
        return Field::None;
    }

    std::vector<ContainerSummary> &out_;
    sax::Path<Node> path_;
    Field pending_ = Field::None;
    bool done_ = false;     // the answer is decided: nothing more is read
    std::size_t items_ = 0; // items seen in the list
    std::size_t index_ = 0; // the item being read
    std::string key_;       // the member name of a label or network
    ContainerSummary item_;
    std::array<std::string, kItemFields> itemComplaints_;
    std::size_t count_ = 0;   // elements seen of Names, Ports or Mounts
    std::size_t element_ = 0; // index of the port or mount being read
    Port port_;
    std::array<std::string, kPortFields> portComplaints_;
    MountPoint mount_;
    std::array<std::string, kMountFields> mountComplaints_;
    std::map<std::string, Kind> badLabels_; // labels that are not strings, by key
    std::vector<Kind> networkKinds_;        // what each of item_.networks was
};

} // namespace

Result<std::vector<ContainerSummary>> parseContainerList(std::string_view text) {
    return sax::run<std::vector<ContainerSummary>>("containers", [&] {
        std::vector<ContainerSummary> out;
        Handler handler(out);
        // The DOM read looked at the depth first, then whether it was JSON, then at the items.
        handler.stop.check(json::sax_parse(text.begin(), text.end(), &handler), text);
        if (!handler.complaint.empty())
            fail(handler.complaint);
        return out;
    });
}

} // namespace slipway::engine
