#pragma once
// The content model shared by the source loader, the bundle writer and the reader.
// Plain data: no SQLite, no SDL, no ImGui.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "content/hours/civil_time.hpp"

namespace content {

/// `validate` and the kiosk's admin panel warn this many days before a bundle expires, time
/// enough to publish one with a later date: kiosks refuse an expired bundle.
inline constexpr int kExpiryWarningDays = 30;

struct Meta {
    std::string title;
    long long version = 0;
    long long based_on = 0;  // the published version this one was built on top of; 0: not said
    std::string channel;
    std::string created;  // YYYY-MM-DD
    std::string expires;  // YYYY-MM-DD
    std::string min_kiosk_version;
    std::vector<std::string> fallback;  // language codes tried after the visitor's own
    bool demo = false;
    std::string directions_url;  // a place's directions link, with {address} (directions.hpp); empty: the default
    std::vector<std::string> home_links;  // links the home screen offers as actions, e.g. the emergency number
    std::string source_language;  // the language texts are written in and translated from (bundle.ini; default: the first fallback)
};

enum class Direction { LeftToRight, RightToLeft };

struct Language {
    std::string code;
    std::string native_name;
    Direction direction = Direction::LeftToRight;
};

/// The days something is shown, both included, on the kiosk's own calendar in Torino: a guide,
/// place, link or notice with `from`/`until` dates. A missing end is open; neither: always.
struct ShownDays {
    std::optional<CivilDate> from, until;
    bool include(const CivilDate& day) const { return (!from || *from <= day) && (!until || day <= *until); }
    bool always() const { return !from && !until; }
    friend bool operator==(const ShownDays&, const ShownDays&) = default;
};

struct Category {
    std::string id;
    std::string icon;
};

struct Guide {
    std::string id;
    std::string category;
    std::vector<std::string> places;
    std::vector<std::string> links;
    ShownDays shown;
};

struct Place {
    std::string id;
    std::string kind;
    std::string name;
    std::string address;
    double lat = 0, lon = 0;
    bool approximate = false;
    std::string opening_hours;  // OpenStreetMap opening_hours syntax, empty when unknown
    std::string phone;
    std::vector<std::string> services;  // service ids, each labelled by a `service.<id>` string
    ShownDays shown;
};

/// Where a mobile unit stands on one day, and when: a wall-clock span in Europe/Rome time that
/// starts and ends on `date`.
struct Stop {
    std::string unit;  // id of a place of kind mobile_unit
    CivilDate date;
    int from_minute = 0, to_minute = 0;  // minutes after the day's midnight; from < to
    std::string name, address;
    double lat = 0, lon = 0;
    bool approximate = false;
    bool example = false;  // not a real stop: test and training data, shown as an example in every language
};

struct Link {
    std::string id;
    std::string kind;  // booking, web, tel, directions
    std::string target;
    bool approximate = false;  // a directions link to a position its source gives as approximate
    ShownDays shown;
};

/// A dated banner (notices.csv): "Closed for the holidays until 7 January", on the home screen,
/// a guide or a place, shown only on its days. Its text is the string `notice.<id>`.
struct Notice {
    std::string id;
    std::string on;  // home, guide:<id> or place:<id>
    ShownDays shown;
};

/// A text read aloud by a person (lang/<code>/recordings.csv): the kiosk plays it instead of its
/// synthetic voice wherever it speaks that text in that language, and a language with no voice
/// (Tigrinya, Somali) is heard through its recordings alone.
struct Recording {
    std::string lang;
    std::string item;  // string:<key>, guide:<id>:title, guide:<id>:summary or guide:<id>:<n>, the body's nth block
    std::vector<unsigned char> ogg;  // Ogg Vorbis
};

/// How a text is to be said when its letters do not say it (lang/<code>/spoken.txt): Arabic
/// written without its short vowels is read with them, as the voice cannot guess them.
struct SpokenVariant {
    std::string lang;
    std::string item;  // as a Recording's
    std::string text;  // what the voice reads instead
};

struct GuideText {
    std::string title;
    std::string summary;
    std::string body;  // markup, see markup.hpp
    int body_line = 0; // the body's first line in its file, for messages
};

/// Everything one language says: short strings by key, and guide texts by guide id.
struct LanguageText {
    std::map<std::string, std::string> strings;
    std::map<std::string, GuideText> guides;
    /// lang/<code>/translated-from.txt: item (`nav.home`, `guide:<id>:title`) -> the fingerprint
    /// of the text it was translated from; an item whose text to translate differs now is
    /// outdated (content/build/translation_items.hpp).
    std::map<std::string, std::string> translated_from;
};

/// An on-screen keyboard layout for typing a search (keyboards.txt): rows of one-character,
/// lower-case keys, offered in the languages it lists. Bundle data, so a content update can add one.
struct Keyboard {
    std::string id, label;
    std::vector<std::string> languages;
    std::vector<std::vector<std::string>> rows;
    /// Letters with forms too many for a key each (Ethiopic: a consonant with each vowel): a
    /// list's first character is a key of `rows`, and tapping it offers the list in its place.
    std::vector<std::vector<std::string>> forms;
};

/// A font the bundle carries, cut down to the characters the bundle uses. Fonts are in fallback
/// order; a family has a regular and optionally a bold file.
struct FontFile {
    std::string family;
    std::string style;  // regular, bold
    double scale = 1;   // drawn this much larger than the em size
    double line_height = 1;  // lines holding it are this many times the usual height
    std::vector<std::string> languages;  // only text in these is set in it; empty: any text
    std::vector<unsigned char> data;
};

enum class MapLayerKind { Polygon, Line };

/// How one layer of the offline basemap is drawn (map/layers.txt). Colours are 0xRRGGBB.
struct MapLayerStyle {
    std::string id;
    MapLayerKind kind = MapLayerKind::Polygon;
    std::uint32_t fill = 0;      // polygons only
    std::uint32_t stroke = 0;
    float stroke_width_px = 0;   // 0: no outline (polygons only; lines always have one)
};

/// A basemap layer as the source gives it: its style and its GeoJSON (WGS84 lon/lat).
struct MapLayerSource {
    MapLayerStyle style;
    std::string file;  // relative to the source folder, for messages
    std::string geojson;
};

/// The offline basemap's source: layers in drawing order (the first at the bottom). No layers:
/// the bundle has no map. Built into triangles and polylines by map_build.hpp.
struct MapSource {
    std::string attribution;  // shown on the map
    std::vector<MapLayerSource> layers;
};

/// A whole bundle's content, as loaded from a source folder or written into a bundle.
struct Content {
    Meta meta;
    std::vector<Language> languages;
    std::vector<Category> categories;
    std::vector<Guide> guides;
    std::vector<Place> places;
    std::vector<Stop> stops;                     // in file order; empty when the source has none
    std::vector<Link> links;
    std::vector<Notice> notices;                 // in file order; empty when the source has none
    std::vector<Recording> recordings;           // by language, in file order
    std::vector<SpokenVariant> spoken_variants;  // by language, in file order
    std::map<std::string, LanguageText> texts;  // by language code
    std::map<std::string, std::string> source_texts;  // lang/source-texts.txt: fingerprint -> a text translated from
    std::vector<Keyboard> keyboards;             // in file order; empty when the source has none
    std::vector<FontFile> fonts;                 // filled by the build from the font catalog
    MapSource map;                               // empty when the source has no map/ folder
    /// Where the loader read each short text and language name, for checks made after loading:
    /// (file, key) -> line, e.g. ("lang/fr/strings.txt", "nav.back") or ("languages.csv", "fr").
    std::map<std::pair<std::string, std::string>, int> source_lines;
};

inline constexpr const char* kPlaceKinds[] = {"call_center", "office", "food_hub", "help_desk", "mobile_unit"};
inline constexpr const char* kLinkKinds[] = {"booking", "web", "tel", "directions"};
/// The pictograms a category may name (categories.csv `icon`); the kiosk draws each.
inline constexpr const char* kCategoryIcons[] = {"phone", "document", "home", "basket", "heart", "info"};

}  // namespace content
