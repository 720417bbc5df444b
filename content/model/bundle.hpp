#pragma once
// Read-only access to a bundle file: what the kiosk shows, in the visitor's language, falling
// back along a chain (the visitor's language, then the bundle's fallback languages) one item at
// a time. Knows nothing of screens.
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "content/hours/time_zone.hpp"
#include "content/model/map_data.hpp"
#include "content/model/model.hpp"
#include "content/model/sqlite.hpp"
#include "content/text/markup.hpp"

namespace content {

struct BundleError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

/// A text and the language it is actually in.
struct Localized {
    std::string text;
    std::string lang;          // empty when no language of the chain has it
    bool is_fallback = false;  // true when lang is not the one asked for
    bool found() const { return !lang.empty(); }
};

struct CategoryView {
    std::string id, icon;
    Localized title, summary;
};

struct GuideSummary {
    std::string id, category_id;
    Localized title, summary;
};

struct LinkView {
    std::string id, kind, target;
    bool approximate = false;  // directions to a position the source gives as approximate
    Localized label;
};

/// A service a place offers, with its label (`service.<id>`) in the visitor's language.
struct ServiceView {
    std::string id;
    Localized label;
};

struct PlaceView {
    Place place;
    Localized note;
    Localized access;                   // how to get in: steps, floor; not found when unknown
    std::vector<ServiceView> services;  // in the source's order, as place.services
};

struct GuideView {
    std::string id, category_id;
    std::string lang;  // title, summary and body all come from this one language
    bool is_fallback = false;
    bool is_outdated = false;  // translated from a source text that has changed since
    std::string title, summary;
    Markup body;  // link targets are link:<id> of this bundle; any other is cleared (plain words)
    std::vector<PlaceView> places;
    std::vector<LinkView> links;
};

/// A search result: a guide or a place.
struct SearchHit {
    std::string kind;  // guide, place
    std::string id;
};

/// The day a list is for, on the kiosk's own calendar in Torino: guides, places, links and
/// notices with dates (ShownDays) are left out on other days. None: everything, whatever its
/// dates (tools, and lookups by id).
using ShownOn = std::optional<CivilDate>;

/// What a kiosk's configuration changes in every bundle it shows.
struct LanguageChoice {
    std::vector<std::string> offered;   // the languages visitors may choose; empty: all the bundle's
    std::vector<std::string> fallback;  // replaces the bundle's own fallback chain; empty: the bundle's
};

class Bundle {
public:
    /// Opens read-only and checks the schema; throws BundleError naming the file and the fix.
    explicit Bundle(const std::filesystem::path& path);

    const std::filesystem::path& path() const { return path_; }
    const Meta& meta() const { return meta_; }
    const std::vector<Language>& languages() const { return languages_; }
    const Language* language(std::string_view code) const;

    /// Replaces the bundle's own fallback languages (kiosk configuration may do this).
    void set_fallback(std::vector<std::string> chain) { fallback_ = std::move(chain); }
    /// Applies a kiosk's language settings: only the offered languages stay in languages(), in
    /// the bundle's order. Offered codes the bundle lacks are returned; when none of the offered
    /// is left, every language stays, so the chooser is never empty. Texts still fall back
    /// along the chain to languages not offered.
    std::vector<std::string> choose_languages(const LanguageChoice& choice);
    /// The languages tried for `lang`, in order, without repeats.
    std::vector<std::string> chain_for(std::string_view lang) const;

    Localized ui(std::string_view key, std::string_view lang) const;
    std::vector<CategoryView> categories(std::string_view lang) const;
    std::optional<CategoryView> category(std::string_view id, std::string_view lang) const;
    std::vector<GuideSummary> guides_in(std::string_view category_id, std::string_view lang, ShownOn on = {}) const;
    /// A guide by id, whatever its dates; its places and links only those shown `on`.
    std::optional<GuideView> guide(std::string_view id, std::string_view lang, ShownOn on = {}) const;
    /// A guide's title and summary, without its body (for lists such as search results).
    std::optional<GuideSummary> guide_summary(std::string_view id, std::string_view lang) const;
    std::optional<PlaceView> place(std::string_view id, std::string_view lang) const;
    /// Every place, in the source's order.
    std::vector<PlaceView> places(std::string_view lang, ShownOn on = {}) const;
    bool has_places() const;
    /// A mobile unit's stops, by date and time; empty for a place without any.
    std::vector<Stop> stops(std::string_view unit_id) const;
    /// The unit's stops not yet over at `now` on Europe/Rome's clock (one ending at `now` is
    /// over; one under way is not), soonest first; at most `limit`.
    std::vector<Stop> upcoming_stops(std::string_view unit_id, Instant now, int limit) const;
    std::optional<LinkView> link(std::string_view id, std::string_view lang) const;
    /// Every link's id, in the source's order.
    std::vector<std::string> link_ids() const;
    std::vector<std::string> guide_ids() const;
    bool has_category(std::string_view id) const;
    bool has_guide(std::string_view id) const;
    /// Every text a visitor may see, concatenated.
    std::string all_text() const;
    /// The fonts the bundle carries, in fallback order.
    std::vector<FontFile> fonts() const;
    /// Guides and places whose text in `lang` (or its fallback, as shown) matches every word of
    /// `query` as a prefix, best first (bm25, titles weigh more); at most `limit`. A query with
    /// no letters or digits finds nothing. The index was built along the bundle's own fallback
    /// chain: set_fallback() does not change what is found.
    std::vector<SearchHit> search(std::string_view query, std::string_view lang, int limit, ShownOn on = {}) const;
    /// Whether the guide, place or link (`kind`) `id` is shown on `day`: it exists and its dates include the day.
    bool shown(std::string_view kind, std::string_view id, const CivilDate& day) const;
    /// The texts of the notices on `target` (home, guide:<id>, place:<id>) shown on `day`, in
    /// the source's order, each in the visitor's language or its fallback.
    std::vector<Localized> notices(std::string_view target, std::string_view lang, const CivilDate& day) const;
    /// The recording (Ogg Vorbis) of `text` read aloud in `lang`; empty when there is none.
    std::vector<unsigned char> recording(std::string_view lang, std::string_view text) const;
    /// What the voice reads instead of `text` in `lang` (Arabic with its vowels); empty for `text` itself.
    std::string spoken_variant(std::string_view lang, std::string_view text) const;
    /// Whether any text of `lang` is recorded.
    bool has_recordings(std::string_view lang) const;
    /// The on-screen keyboard layouts, in the source's order; empty when the bundle has none.
    std::vector<Keyboard> keyboards() const;

    /// The offline basemap's projection (to place markers and the kiosk itself), layers with their
    /// styles, attribution and bounds, in metres; nullopt when the bundle has no map.
    const std::optional<MapInfo>& map() const { return map_; }
    /// The basemap's chunks whose boxes intersect the given box (map metres), in drawing order:
    /// layer by layer, bottom first. Empty when the bundle has no map.
    std::vector<MapChunk> chunks_in(double min_x, double min_y, double max_x, double max_y) const;
    /// The same chunks' ids only, for a kiosk that keeps chunks it has read before.
    std::vector<std::int64_t> chunk_ids_in(double min_x, double min_y, double max_x, double max_y) const;

private:
    // Picks, from (lang, text) rows, the first language of the chain that has one.
    Localized pick(sql::Statement& rows, std::string_view lang) const;
    Localized pick_one(std::string_view sql, std::string_view id, std::string_view lang) const;

    std::filesystem::path path_;
    sql::Database db_;
    Meta meta_;
    std::vector<Language> languages_;
    std::vector<std::string> fallback_;
    std::optional<MapInfo> map_;
};

}  // namespace content
