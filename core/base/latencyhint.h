// LatencyHint: asks the kernel for short scheduling slices for the calling thread, so that a
// thread which mostly sleeps and must answer quickly (the GUI thread) gets a CPU soon after it
// wakes instead of queueing behind threads that parse for milliseconds.
#pragma once

namespace slipway::core {

// True when the kernel accepted the request. Linux 6.12 and later act on it (EEVDF's custom
// slices: a waking thread with a shorter slice preempts one with a longer slice); older kernels
// accept it and schedule as before; other systems are left alone (false). No privilege needed:
// it changes when the thread runs, not how much CPU it is entitled to.
bool preferShortSlices();

} // namespace slipway::core
