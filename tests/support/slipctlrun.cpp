#include "tests/support/slipctlrun.h"

namespace slipway::test {

SlipctlRun runSlipctl(const QStringList &args, const QString &home,
                      const QProcessEnvironment &extra, std::chrono::milliseconds limit) {
    // A hang fails at the limit instead of stalling the test.
    return runProcess(QStringLiteral(SLIPWAY_SLIPCTL), args, cleanEnvironment(home, extra), limit);
}

} // namespace slipway::test
