#include "bench/fleetprocess.h"

#include "bench/syntheticfleet.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <unistd.h>

namespace slipway::bench {

FleetProcess::~FleetProcess() {
    stop();
}

bool FleetProcess::start(const QString &program, const QString &templateFile, int hosts,
                         int perHost, int burstEvents, int burstDelayMs) {
    // Its own session, hence its own autogroup for the scheduler: a daemon's place, not a
    // thread among the bench's.
    process_.setChildProcessModifier([] { ::setsid(); });
    process_.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process_.start(program, {QStringLiteral("--serve-synthetic"), templateFile,
                             QString::number(hosts), QString::number(perHost),
                             QString::number(burstEvents), QString::number(burstDelayMs)});
    if (!process_.waitForStarted(10000)) {
        error_ = process_.errorString();
        return false;
    }
    for (;;) {
        const QString line = readLine(60000);
        if (line.isNull()) {
            error_ = QStringLiteral("the fleet process did not come up");
            return false;
        }
        if (line.startsWith(u"url "))
            urls_.push_back(line.mid(4).toStdString());
        else if (line.startsWith(u"bytes "))
            listBytes_ = line.mid(6).toULongLong();
        else if (line == u"ready")
            break;
    }
    return int(urls_.size()) == hosts;
}

QString FleetProcess::readLine(int timeoutMs) {
    while (!process_.canReadLine()) {
        if (process_.state() != QProcess::Running || !process_.waitForReadyRead(timeoutMs))
            return {};
    }
    return QString::fromUtf8(process_.readLine()).trimmed();
}

int FleetProcess::listRequests() {
    process_.write("lists\n");
    const QString line = readLine(10000);
    bool ok = false;
    const int n = line.toInt(&ok);
    return ok ? n : -1;
}

void FleetProcess::stop() {
    if (process_.state() == QProcess::NotRunning)
        return;
    process_.closeWriteChannel(); // the child ends when its input does
    if (!process_.waitForFinished(10000)) {
        process_.kill();
        process_.waitForFinished(5000);
    }
}

int serveSynthetic(int argc, char **argv) {
    if (argc < 7) {
        std::fprintf(stderr,
                     "usage: %s --serve-synthetic <template.json> <hosts> <perHost> "
                     "<burstEvents> <burstDelayMs>\n",
                     argv[0]);
        return 2;
    }
    std::ifstream in(argv[2], std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (!in) {
        std::fprintf(stderr, "serve-synthetic: cannot read %s\n", argv[2]);
        return 2;
    }
    const int hosts = std::atoi(argv[3]), perHost = std::atoi(argv[4]);
    const int burst = std::atoi(argv[5]), delay = std::atoi(argv[6]);
    SyntheticFleet fleet(text.str(), hosts, perHost);
    if (burst > 0)
        fleet.scheduleBurst(burst, delay);
    for (int i = 0; i < hosts; ++i)
        std::cout << "url " << fleet.url(i) << "\n";
    std::cout << "bytes " << fleet.listBytes() << "\nready" << std::endl;
    std::string command;
    while (std::getline(std::cin, command)) {
        if (command == "lists")
            std::cout << fleet.listRequests() << std::endl;
    }
    return 0;
}

} // namespace slipway::bench
