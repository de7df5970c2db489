#include "core/base/latencyhint.h"

#if defined(__linux__)
#include <cerrno>
#include <cstdint>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace slipway::core {

#if defined(__linux__) && defined(SYS_sched_setattr)
namespace {

// The kernel's struct sched_attr (SCHED_ATTR_SIZE_VER1, a stable ABI); its own header clashes
// with glibc's <sched.h>, and glibc before 2.41 has no wrapper.
struct SchedAttr {
    std::uint32_t size = sizeof(SchedAttr);
    std::uint32_t policy = 0; // SCHED_OTHER
    std::uint64_t flags = 0;
    std::int32_t nice = 0;
    std::uint32_t priority = 0;
    std::uint64_t runtime = 0; // for SCHED_OTHER: the slice, in ns
    std::uint64_t deadline = 0;
    std::uint64_t period = 0;
    std::uint32_t utilMin = 0;
    std::uint32_t utilMax = 0;
};
static_assert(sizeof(SchedAttr) == 56);

// Threads this thread starts later (engine clients, the Qt pool) get the kernel's default
// slice again: they are the ones the short slice must win against.
constexpr std::uint64_t kResetOnFork = 0x01;

} // namespace
#endif

bool preferShortSlices() {
#if defined(__linux__) && defined(SYS_sched_setattr)
    // Measured on a 2-core machine (docs/performance.md, "Fourth round"): with ten engine-client
    // threads parsing 1 MB lists, the GUI thread queued up to 10 ms behind them, one 1-4 ms
    // run each, round robin. Half a millisecond is below the default slice (0.7 ms times
    // 1 + log2 of the CPUs) and above what one pass of the event loop usually needs.
    SchedAttr attr;
    attr.flags = kResetOnFork;
    attr.runtime = 500000;
    // The call sets the nice value along with the slice: keep the thread's own.
    errno = 0;
    const int nice = getpriority(PRIO_PROCESS, 0);
    if (errno == 0)
        attr.nice = nice;
    return syscall(SYS_sched_setattr, 0, &attr, 0) == 0;
#else
    return false;
#endif
}

} // namespace slipway::core
