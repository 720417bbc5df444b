#include "platform/memory.hpp"

#include <malloc.h>
#include <unistd.h>

#include <fstream>
#include <string>

namespace platform {

void return_free_memory() { malloc_trim(0); }

std::int64_t resident_bytes() {
    std::ifstream statm("/proc/self/statm");
    std::int64_t size = 0, resident = 0;
    statm >> size >> resident;
    return resident * sysconf(_SC_PAGESIZE);
}

std::int64_t anonymous_bytes() {
    std::ifstream status("/proc/self/status");
    for (std::string line; std::getline(status, line);)
        if (line.starts_with("RssAnon:")) return std::stoll(line.substr(8)) * 1024;  // "RssAnon:  1234 kB"
    return 0;
}

}  // namespace platform
