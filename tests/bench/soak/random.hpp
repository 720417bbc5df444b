#pragma once
// The soak's dice: a small seeded generator (SplitMix64) whose numbers are the same on every
// machine and standard library, so a seed names one walk through the kiosk.
#include <cstdint>
#include <string>
#include <vector>

namespace soak {

class Random {
public:
    explicit Random(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ull);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    /// A whole number from `lo` to `hi`, both included.
    int between(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }
    /// A number in [0, 1).
    double unit() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    float between(float lo, float hi) { return lo + static_cast<float>(unit()) * (hi - lo); }
    bool chance(double p) { return unit() < p; }
    template <class T>
    const T& pick(const std::vector<T>& from) {
        return from[static_cast<size_t>(next() % from.size())];
    }

private:
    std::uint64_t state_;
};

}  // namespace soak
