#include "content/build/body_alignment.hpp"

#include <algorithm>

#include "content/text/translation_record.hpp"

namespace content {

std::vector<std::optional<size_t>> align_body(const std::vector<BodyBlock>& source, const std::vector<BodyBlock>& translation,
                                              const std::vector<std::optional<std::string>>& recorded) {
    const size_t n = source.size(), m = translation.size();
    std::vector<std::string> fingerprints;
    for (const auto& b : source) fingerprints.push_back(text_fingerprint(b.text));
    // A pair of the same kind scores 1, and 2n+1 more when translated from that very text, so
    // that no number of kind-only pairs outweighs one recorded pair.
    const auto score = [&](size_t i, size_t k) -> size_t {
        if (source[i].kind != translation[k].kind) return 0;
        const bool same = k < recorded.size() && recorded[k] && *recorded[k] == fingerprints[i];
        return same ? 2 * n + 2 : 1;
    };
    // best[i][k]: the highest total over source[i..] and translation[k..] (longest common
    // subsequence, weighted); bodies have tens of blocks, so the table is small.
    std::vector<std::vector<size_t>> best(n + 1, std::vector<size_t>(m + 1, 0));
    for (size_t i = n; i-- > 0;)
        for (size_t k = m; k-- > 0;) {
            const size_t s = score(i, k);
            best[i][k] = std::max({best[i + 1][k], best[i][k + 1], s > 0 ? s + best[i + 1][k + 1] : size_t{0}});
        }
    std::vector<std::optional<size_t>> pairs(n);
    for (size_t i = 0, k = 0; i < n && k < m;) {
        const size_t s = score(i, k);
        if (s > 0 && best[i][k] == s + best[i + 1][k + 1]) pairs[i++] = k++;
        else if (best[i][k] == best[i + 1][k]) ++i;
        else ++k;
    }
    return pairs;
}

}  // namespace content
