#include "platform/log.hpp"

#include <ctime>
#include <deque>
#include <iostream>
#include <mutex>

namespace platform::log {

namespace {
std::mutex mutex;
std::deque<std::string> problems;
long problems_logged = 0;
constexpr size_t kKept = 10;
}  // namespace

void line(const std::string& text) { std::cerr << ("kiosk: " + text + "\n") << std::flush; }

void problem(const std::string& text) {
    line(text);
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char when[32];
    std::strftime(when, sizeof when, "%Y-%m-%d %H:%M", &local);
    std::lock_guard lock(mutex);
    problems.push_front(std::string(when) + "  " + text);
    ++problems_logged;
    if (problems.size() > kKept) problems.pop_back();
}

std::vector<std::string> recent_problems() {
    std::lock_guard lock(mutex);
    return {problems.begin(), problems.end()};
}

long problem_count() {
    std::lock_guard lock(mutex);
    return problems_logged;
}

}  // namespace platform::log
