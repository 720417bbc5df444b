#include "content/text/spoken_key.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace content {

std::string spoken_key(std::string_view text) {
    std::string key;
    const auto* bytes = reinterpret_cast<const uint8_t*>(text.data());
    const auto length = static_cast<int32_t>(text.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(bytes, i, length, c);
        if (c < 0) continue;  // not UTF-8: skipped
        const bool kept = (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK)) != 0;
        if (!kept) continue;
        c = u_tolower(c);
        char out[4];
        int32_t n = 0;
        UBool error = false;
        U8_APPEND(reinterpret_cast<uint8_t*>(out), n, 4, c, error);
        if (!error) key.append(out, static_cast<size_t>(n));
    }
    return key;
}

}  // namespace content
