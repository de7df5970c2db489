// What integration and GUI tests need to find the private engine and registry that
// scripts/services.sh starts, and to report engine errors in QtTest messages.
#pragma once

#include "engine/dockerclient.h"

#include <QByteArray>
#include <QString>
#include <chrono>
#include <functional>
#include <memory>

namespace slipway::test {

// SLIPWAY_TEST_DOCKER_HOST; empty when unset.
QString dockerHost();
// SLIPWAY_TEST_REGISTRY, e.g. "127.0.0.1:5515"; empty when unset.
QString registry();
// The message for a test run without the services: how to start them.
QByteArray missingServicesMessage();

std::unique_ptr<engine::DockerClient> makeClient();

template <class T> QByteArray describe(const engine::Result<T> &r) {
    return r.ok() ? QByteArray("ok") : QByteArray::fromStdString(r.error().describe());
}

// Polls `condition` (processing Qt events) until it holds or `timeout` passes.
bool waitFor(const std::function<bool()> &condition,
             std::chrono::milliseconds timeout = std::chrono::seconds(10));

// A name unique to this test run, so tests never collide with each other or the demo.
std::string uniqueName(const std::string &prefix);

} // namespace slipway::test
