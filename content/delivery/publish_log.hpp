#pragma once
// The publish log a published folder keeps (DIR/publish-log.txt): who published which version,
// when, with which key, on top of which version, and what changed — for the team, and for
// publish to refuse a bundle built on a version someone else has since replaced.
//
//   version 8 on 7 · 2026-12-07T10:42+01:00 · Anna Rossi · key FD0BF94AF9D84524 · 2 changes
//     guide food-help, in en: body line 4 "- **food parcels**" → "- **food parcels** every week"
//     place hub-sud: hours "" → "Mo 10:00-12:00"
#include <filesystem>
#include <string>
#include <vector>

namespace content {

inline constexpr const char* kPublishLogName = "publish-log.txt";

struct PublishLogEntry {
    long long version = 0;
    long long based_on = 0;  // 0: the bundle did not say
    std::string time;        // on Torino's clock, 2026-12-07T10:42+01:00
    std::string publisher;   // a person's name; "(no name)" when none was given
    std::string key_id;      // minisign's hex form
    std::vector<std::string> changes;  // kiosk-bundle diff's lines against the version before, the first few
    std::size_t change_count = 0;
};

/// The entries of a log, oldest first; lines it cannot read are passed over (the log is for
/// people; what kiosks trust is the signature). No file: none.
std::vector<PublishLogEntry> read_publish_log(const std::filesystem::path& file);
/// One entry as the log writes it, ending with a newline.
std::string format_log_entry(const PublishLogEntry& entry);
/// "at 10:42 on 2026-12-07 by Anna Rossi": when and by whom, for messages.
std::string published_when_by(const PublishLogEntry& entry);

/// At most this many of a publish's changes are written under its entry; the count says all.
inline constexpr std::size_t kLoggedChanges = 20;

}  // namespace content
