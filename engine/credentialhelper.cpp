#include "engine/credentialhelper.h"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

extern char **environ;

namespace slipway::engine {

namespace {

using Clock = std::chrono::steady_clock;

// A helper answers with one small JSON object; more than this is not a helper's answer.
constexpr std::size_t kMaxOutput = 1 << 20;
// What is written to the helper's stdin before it starts must fit in the pipe's buffer.
constexpr std::size_t kMaxServerAddress = 2048;
// The words every helper of docker-credential-helpers uses when it holds nothing.
constexpr const char *kNotFound = "credentials not found in native keychain";

// Closes what it holds when it goes out of scope.
struct Fd {
    int fd = -1;
    ~Fd() { reset(); }
    void reset() {
        if (fd >= 0)
            ::close(fd);
        fd = -1;
    }
};

struct Pipe {
    Fd read, write;
    bool open() {
        int fds[2];
        if (::pipe2(fds, O_CLOEXEC) != 0)
            return false;
        read.fd = fds[0];
        write.fd = fds[1];
        return true;
    }
};

std::string trimmed(std::string s) {
    const auto space = [](char c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    };
    while (!s.empty() && space(s.back()))
        s.pop_back();
    std::size_t start = 0;
    while (start < s.size() && space(s[start]))
        ++start;
    s.erase(0, start);
    // A helper's message is shown in one line of an error, not pages of it.
    if (s.size() > 400)
        s = s.substr(0, 400) + "…";
    return s;
}

bool validHelperName(const std::string &name) {
    if (name.empty() || name.size() > 100 || name.front() == '.' || name.front() == '-')
        return false;
    for (char c : name) {
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '.' || c == '_' || c == '-'))
            return false;
    }
    return true;
}

struct Outcome {
    std::string out, err;
    int status = 0;        // waitpid's
    bool timedOut = false; // killed at the deadline
};

// Runs `program get` with `input` already in its stdin and reads its stdout and stderr until
// it exits or `timeout` passes (then it is killed). An error when it cannot be started.
Result<Outcome> run(const std::string &program, const std::string &input,
                    std::chrono::milliseconds timeout, const std::string &shown) {
    Pipe in, out, err;
    if (!in.open() || !out.open() || !err.open())
        return makeError(ErrorKind::InvalidInput,
                         shown + ": cannot create a pipe: " + std::strerror(errno));
    // The input is small, so it waits in the pipe's buffer: nothing is written to a helper
    // that may already have exited (no SIGPIPE), and nothing blocks.
    if (::write(in.write.fd, input.data(), input.size()) != ssize_t(input.size()))
        return makeError(ErrorKind::InvalidInput,
                         shown + ": cannot write its input: " + std::strerror(errno));
    in.write.reset();

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in.read.fd, 0);
    posix_spawn_file_actions_adddup2(&actions, out.write.fd, 1);
    posix_spawn_file_actions_adddup2(&actions, err.write.fd, 2);
    posix_spawnattr_t attr;
    posix_spawnattr_init(&attr);
    // The helper starts with nothing blocked and SIGPIPE as usual, whatever this thread has
    // set up (handlers are reset by exec anyway; an ignored signal would stay ignored).
    sigset_t pipeSignal, none;
    sigemptyset(&pipeSignal);
    sigaddset(&pipeSignal, SIGPIPE);
    sigemptyset(&none);
    posix_spawnattr_setsigdefault(&attr, &pipeSignal);
    posix_spawnattr_setsigmask(&attr, &none);
    posix_spawnattr_setflags(&attr, POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK);
    std::string arg0 = program, arg1 = "get";
    char *argv[] = {arg0.data(), arg1.data(), nullptr};
    pid_t pid = 0;
    // posix_spawnp looks the program up on PATH; no shell is involved.
    const int spawned = ::posix_spawnp(&pid, program.c_str(), &actions, &attr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attr);
    if (spawned != 0) {
        if (spawned == ENOENT)
            return makeError(ErrorKind::InvalidInput, shown + " was not found on PATH");
        return makeError(ErrorKind::InvalidInput,
                         shown + " could not be started: " + std::strerror(spawned));
    }
    in.read.reset();
    out.write.reset();
    err.write.reset();

    Outcome outcome;
    const auto deadline = Clock::now() + timeout;
    const auto remainingMs = [&] {
        const auto left =
            std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
        return int(std::max<std::int64_t>(0, left.count()));
    };
    char buffer[4096];
    while (out.read.fd >= 0 || err.read.fd >= 0) {
        const int wait = remainingMs();
        if (wait == 0) {
            outcome.timedOut = true;
            break;
        }
        pollfd fds[2] = {{out.read.fd, POLLIN, 0}, {err.read.fd, POLLIN, 0}};
        const int ready = ::poll(fds, 2, wait);
        if (ready < 0 && errno == EINTR)
            continue;
        if (ready < 0)
            break;
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            Fd &fd = i == 0 ? out.read : err.read;
            std::string &text = i == 0 ? outcome.out : outcome.err;
            const ssize_t n = ::read(fd.fd, buffer, sizeof buffer);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                fd.reset();
                continue;
            }
            if (text.size() < kMaxOutput)
                text.append(buffer, std::size_t(n));
        }
    }
    // Both pipes closed: it is exiting. Its exit is waited for until the same deadline.
    while (!outcome.timedOut) {
        const pid_t done = ::waitpid(pid, &outcome.status, WNOHANG);
        if (done == pid)
            return outcome;
        if (done < 0 && errno != EINTR)
            return outcome;
        if (remainingMs() == 0) {
            outcome.timedOut = true;
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ::kill(pid, SIGKILL);
    while (::waitpid(pid, &outcome.status, 0) < 0 && errno == EINTR) {
    }
    return outcome;
}

} // namespace

Result<std::optional<RegistryCredentials>>
credentialsFromHelper(const std::string &helper, const std::string &serverAddress,
                      std::chrono::milliseconds timeout) {
    const std::string program = "docker-credential-" + helper;
    const std::string shown = "credential helper " + program;
    if (!validHelperName(helper))
        return makeError(ErrorKind::InvalidInput,
                         "credential helper \"" + helper +
                             "\": not a helper name (letters, digits, '.', '_', '-')");
    if (serverAddress.empty() || serverAddress.size() > kMaxServerAddress ||
        serverAddress.find_first_of("\r\n") != std::string::npos)
        return makeError(ErrorKind::InvalidInput,
                         shown + ": \"" + serverAddress + "\" is not a registry address");
    auto ran = run(program, serverAddress, timeout, shown);
    if (!ran)
        return ran.error();
    const Outcome &o = ran.value();
    if (o.timedOut)
        return makeError(ErrorKind::InvalidInput, shown + ": no answer for " + serverAddress +
                                                      " within " + std::to_string(timeout.count()) +
                                                      " ms; it was stopped");
    const std::string said = trimmed(o.out.empty() ? o.err : o.out);
    if (WIFSIGNALED(o.status))
        return makeError(ErrorKind::InvalidInput, shown + ": killed by signal " +
                                                      std::to_string(WTERMSIG(o.status)) +
                                                      (said.empty() ? "" : ": " + said));
    const int code = WIFEXITED(o.status) ? WEXITSTATUS(o.status) : -1;
    if (code != 0) {
        if (said == kNotFound)
            return std::optional<RegistryCredentials>();
        return makeError(ErrorKind::InvalidInput, shown + " failed for " + serverAddress +
                                                      " (exit code " + std::to_string(code) + ")" +
                                                      (said.empty() ? "" : ": " + said));
    }
    using nlohmann::json;
    const json doc = json::parse(
        o.out, [](int depth, json::parse_event_t, json &) { return depth <= 4; }, false);
    const auto field = [&doc](const char *name) {
        auto it = doc.find(name);
        return it != doc.end() && it->is_string() ? it->get<std::string>() : std::string();
    };
    if (!doc.is_object() || !doc.contains("Secret"))
        return makeError(ErrorKind::InvalidInput,
                         shown + ": its answer for " + serverAddress +
                             " is not {\"Username\", \"Secret\"}: " + trimmed(o.out));
    RegistryCredentials credentials;
    const std::string username = field("Username");
    const std::string secret = field("Secret");
    if (username == "<token>")
        credentials.identityToken = secret;
    else {
        credentials.username = username;
        credentials.password = secret;
    }
    if (credentials.empty())
        return std::optional<RegistryCredentials>();
    return std::optional<RegistryCredentials>(std::move(credentials));
}

} // namespace slipway::engine
