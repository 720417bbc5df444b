#pragma once
// The soak's figures and its verdict: printed at the end of a run, in the form the README's
// table takes them from.
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace kiosk {
class App;
class Runner;
}  // namespace kiosk

namespace soak {

class Coverage;
class Visitor;

struct Figures {
    unsigned long long seed = 0;
    long frames = 0, drawn = 0, warm_up = 0;
    int width = 0, height = 0;
    double seconds = 0, kiosk_minutes = 0;
    long published = 0, installed = 0;
    /// The resident set on the attract screen between two visitors, just after the idle timer
    /// forgot the last one, with what malloc had handed out then: the same state each time, so a
    /// leak shows as growth from one to the next, not as whichever screen happened to be open.
    struct Checkpoint {
        long frame;
        std::int64_t resident, allocated;
    };
    std::vector<Checkpoint> checkpoints;
    /// Sampled every few frames whatever was on screen.
    std::int64_t lowest_after_warm_up = 0, highest_after_warm_up = 0, highest = 0, at_end = 0;
    std::vector<std::string> troubles;  // what the soak saw go wrong, besides the log's problems
};

/// Prints the report; true when the kiosk passed: resident set grown by less than 1 MB from
/// the first checkpoint after warm-up to the last, no problem logged, no trouble, every screen
/// and state reached, every update installed.
bool report(const Figures& figures, const Coverage& coverage, const Visitor& visitor, const kiosk::App& app, const kiosk::Runner& runner);

}  // namespace soak
