#pragma once
// Which block of a translated guide body translates which block of the body to translate from.
// A translation written by import-po has the source's blocks in order, but the source may
// have gained, lost or reworded blocks since, and a hand-written one may differ in shape, so
// the blocks are paired by the record of what each was translated from (its fingerprint, the
// strongest evidence), then by kind in order: the pairing that keeps the most of both, as a
// diff would.
#include <optional>
#include <string>
#include <vector>

#include "content/text/body_blocks.hpp"

namespace content {

/// For each block of `source`, the index of the block of `translation` that translates it, or
/// none. `recorded[k]` is the fingerprint of the text translation block k was made from, when
/// recorded (shorter than `translation` means none for the rest). Pairs keep their order.
std::vector<std::optional<size_t>> align_body(const std::vector<BodyBlock>& source, const std::vector<BodyBlock>& translation,
                                              const std::vector<std::optional<std::string>>& recorded);

}  // namespace content
