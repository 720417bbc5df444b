#pragma once
// The process's memory and the C library's allocator: malloc keeps what the program frees for
// its own reuse, so after a busy moment the resident set stays where that moment took it.
#include <cstdint>

namespace platform {

/// Hands the memory malloc holds free back to the system (glibc's malloc_trim): the resident
/// set falls to what is in use. A few milliseconds; for a quiet moment, such as between visitors.
void return_free_memory();

/// The resident set now, in bytes (/proc/self/statm).
std::int64_t resident_bytes();

/// Of it, the anonymous memory: what the program made, not files, libraries or a display's
/// shared memory mapped in (RssAnon of /proc/self/status), in bytes.
std::int64_t anonymous_bytes();

}  // namespace platform
