#pragma once
// This process's memory beyond the resident set now (platform/memory.hpp): its highest so far
// (VmHWM in /proc/self/status) and what malloc has in use, in bytes; and the thread's CPU time.
#include <cstdint>

namespace soak {

std::int64_t peak_resident_bytes();
/// What malloc has handed out and not been given back, in all its arenas (mallinfo2): what a
/// leak grows, where the resident set also counts memory freed but kept by the allocator.
std::int64_t allocated_bytes();
/// CPU time this thread has used, in milliseconds.
double thread_cpu_ms();

}  // namespace soak
