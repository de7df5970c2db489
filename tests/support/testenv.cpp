#include "tests/support/testenv.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QThread>
#include <atomic>

namespace slipway::test {

QString dockerHost() {
    return qEnvironmentVariable("SLIPWAY_TEST_DOCKER_HOST");
}
QString registry() {
    return qEnvironmentVariable("SLIPWAY_TEST_REGISTRY");
}

QByteArray missingServicesMessage() {
    return "SLIPWAY_TEST_DOCKER_HOST / SLIPWAY_TEST_REGISTRY are not set: run the suite with "
           "scripts/test.sh, or `bash scripts/services.sh start && eval \"$(bash "
           "scripts/services.sh env)\"` first";
}

std::unique_ptr<engine::DockerClient> makeClient() {
    auto endpoint = engine::Endpoint::parse(dockerHost().toStdString());
    if (!endpoint)
        return nullptr;
    auto client = std::make_unique<engine::DockerClient>(endpoint.value());
    client->setTimeout(std::chrono::seconds(60));
    return client;
}

bool waitFor(const std::function<bool()> &condition, std::chrono::milliseconds timeout) {
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeout.count())
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QThread::msleep(10);
    }
    return true;
}

std::string uniqueName(const std::string &prefix) {
    static std::atomic<int> counter{0};
    return prefix + "-" + std::to_string(QCoreApplication::applicationPid()) + "-" +
           std::to_string(QDateTime::currentMSecsSinceEpoch() % 100000) + "-" +
           std::to_string(counter++);
}

} // namespace slipway::test
