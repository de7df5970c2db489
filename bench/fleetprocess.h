// FleetProcess: the synthetic fleet's scripted engines in a child process of their own (this
// bench run again with --serve-synthetic, in its own session like a daemon), so that their
// threads no longer share the bench's process and scheduling group: closer to engines that
// run on other machines. serveSynthetic() is the child's side.
#pragma once

#include <QProcess>
#include <QString>
#include <string>
#include <vector>

namespace slipway::bench {

class FleetProcess {
public:
    FleetProcess() = default;
    ~FleetProcess();

    // Starts `program --serve-synthetic ...` with the list reply in `templateFile`; false (with
    // error()) if it did not come up. A burst of `burstEvents` per host follows `burstDelayMs`
    // after each host's stream opens (0: no burst).
    bool start(const QString &program, const QString &templateFile, int hosts, int perHost,
               int burstEvents, int burstDelayMs);
    QString error() const { return error_; }
    const std::vector<std::string> &urls() const { return urls_; }
    qint64 pid() const { return process_.processId(); }
    int listRequests(); // asks the child; -1 if it does not answer
    std::size_t listBytes() const { return listBytes_; }
    void stop();

private:
    QString readLine(int timeoutMs);

    QProcess process_;
    std::vector<std::string> urls_;
    std::size_t listBytes_ = 0;
    QString error_;
};

// The child: serves the fleet until its standard input closes. Returns the exit code.
// argv: --serve-synthetic <templateFile> <hosts> <perHost> <burstEvents> <burstDelayMs>
int serveSynthetic(int argc, char **argv);

} // namespace slipway::bench
