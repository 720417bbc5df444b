#include "platform/memory.hpp"

#include <malloc.h>
#include <unistd.h>

#include <fstream>

namespace platform {

void return_free_memory() { malloc_trim(0); }

std::int64_t resident_bytes() {
    std::ifstream statm("/proc/self/statm");
    std::int64_t size = 0, resident = 0;
    statm >> size >> resident;
    return resident * sysconf(_SC_PAGESIZE);
}

}  // namespace platform
