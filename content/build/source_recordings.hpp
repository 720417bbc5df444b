#pragma once
// How texts are to be heard, in a content source: lang/<code>/recordings.txt lines `item = file`,
// the files Ogg Vorbis in lang/<code>/recordings/, and lang/<code>/spoken.txt lines `item = text`
// the voice reads instead (docs/content-format.md, "Recorded speech"). Both optional.
#include <filesystem>
#include <optional>
#include <string>

#include "content/model/model.hpp"
#include "content/text/diagnostics.hpp"

namespace content {

/// The largest recording a source may give: a paragraph read slowly is well under it.
inline constexpr std::uintmax_t kMaxRecordingBytes = 4 * 1024 * 1024;

/// Reads every language's recordings into content.recordings, and its spoken variants
/// (lang/<code>/spoken.txt, `item = text`) into content.spoken_variants; call once the texts are
/// loaded, as each is checked against the text it reads.
void load_recordings(const std::filesystem::path& source, Content& content, Diagnostics& diagnostics);

/// The words a recording reads, as the kiosk draws them (markup taken off); none when its item
/// names no text of its language.
std::optional<std::string> recording_text(const Content& content, const Recording& recording);

}  // namespace content
