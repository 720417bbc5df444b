#include "content/build/source.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>
#include <tuple>

#include "content/build/facts.hpp"
#include "content/build/source_dates.hpp"
#include "content/build/source_keyboards.hpp"
#include "content/build/source_recordings.hpp"
#include "content/build/source_outdated.hpp"
#include "content/hours/opening_hours.hpp"
#include "content/map/map_source.hpp"
#include "content/model/directions.hpp"
#include "content/model/unit_stops.hpp"
#include "content/text/locale_format.hpp"
#include "content/text/markup.hpp"
#include "content/text/phone_number.hpp"
#include "content/text/diagnostics.hpp"
#include "content/text/file_damage.hpp"
#include "content/text/regular_file.hpp"
#include "content/text/source_file.hpp"
#include "content/text/text_files.hpp"
#include "content/text/translation_record.hpp"

namespace content {

namespace fs = std::filesystem;

namespace {

template <typename Seq>
bool contains(const Seq& seq, std::string_view value) {
    return std::find(std::begin(seq), std::end(seq), value) != std::end(seq);
}

std::string join(const std::vector<std::string>& items, std::string_view sep) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : std::string(sep)) + i;
    return out;
}

// The area places and stops must lie in (bundle.ini `area`), in degrees.
struct Area {
    double south, west, north, east;
    bool contains(double lat, double lon) const { return lat >= south && lat <= north && lon >= west && lon <= east; }
};

class Loader {
public:
    Loader(fs::path root, Diagnostics& d, SourceChecks checks) : root_(std::move(root)), d_(d), checks_(checks) {}

    Content load() {
        std::error_code ec;
        if (!fs::is_directory(root_, ec)) {
            const auto problem = path_problem(ec);
            if (ec && !problem.missing) d_.error(root_.string(), 0, "", "the content source folder cannot be opened: " + problem.problem, problem.fix);
            else d_.error(root_.string(), 0, "", "the content source folder does not exist", "give the folder that holds bundle.ini, e.g. content/torino");
            return {};
        }
        load_meta();
        load_languages();
        load_categories();
        load_places();
        load_stops();
        load_links();
        check_home_links();
        load_guides();
        load_notices();
        load_keyboards(root_, c_, d_);
        load_map(root_, c_, d_);
        check_meta_languages();
        load_language_folders();
        load_recordings(root_, c_, d_);
        check_keyboard_scripts(c_, d_);
        check_completeness();
        check_facts(c_, [this](const std::string& table, const std::string& id) { return reported_already(table, id); }, d_);
        check_service_labels();
        if (!d_.has_errors()) check_outdated_translations(c_, root_.string(), d_);
        return std::move(c_);
    }

private:
    // Reads a file relative to the root, checking that it exists and is UTF-8.
    std::optional<std::string> read_text(const std::string& rel, const std::string& what_it_is) {
        auto text = read_source_file(root_ / rel, rel, d_,
                                     {"", "missing file (" + what_it_is + ")", "create " + rel + " as described in docs/content-format.md"});
        if (!text) unreadable_.insert(rel);
        return text;
    }

    // Whether a missing `id` of `table` was already reported: the table could not be read, or
    // the id's row was refused for its own mistake. One mistake is one error, not one more for
    // every use of what it hid (a place on a refused row was "missing" in 34 places).
    bool reported_already(const std::string& table, const std::string& id) const {
        return unreadable_.contains(table) || refused_.contains({table, id});
    }
    template <typename List>
    bool known(const std::string& table, const List& list, std::string_view id) const {
        return has_id(list, id) || reported_already(table, std::string(id));
    }

    // A CSV file whose header must be exactly `columns`, then any first ones of `optional` (columns
    // added later, so older sources still load); returns the data rows, each with a field for
    // every column (an absent optional column's fields are empty).
    std::vector<CsvRow> read_table(const std::string& rel, const std::vector<std::string>& columns,
                                   const std::vector<std::string>& optional = {}) {
        std::vector<std::string> all = columns;
        all.insert(all.end(), optional.begin(), optional.end());
        auto text = read_text(rel, "a table with columns " + join(all, ","));
        if (!text) return {};
        const auto separators = separator_damage(std::string_view(*text).substr(0, text->find('\n')), columns);
        if (separators) {
            d_.error(rel, 1, "", separators->problem, separators->fix);
            unreadable_.insert(rel);
            return {};
        }
        auto csv = parse_csv(*text);
        if (!csv.error.empty()) {
            d_.error(rel, csv.error_line, "", csv.error, "put fields with commas or quotes inside \"double quotes\"");
            unreadable_.insert(rel);
            return {};
        }
        const auto header_fits = [&](const std::vector<std::string>& header) {
            return header.size() >= columns.size() && header.size() <= all.size() && std::equal(header.begin(), header.end(), all.begin());
        };
        if (csv.rows.empty() || !header_fits(csv.rows[0].fields)) {
            d_.error(rel, 1, "", "the first row must name the columns " + join(all, ","),
                     "make the first row exactly: " + join(all, ","));
            unreadable_.insert(rel);
            return {};
        }
        const auto& header = csv.rows[0].fields;
        std::vector<CsvRow> rows;
        for (size_t i = 1; i < csv.rows.size(); ++i) {
            auto& row = csv.rows[i];
            const auto unquoted = row.fields.size() > header.size() ? unquoted_comma_text(row.fields) : std::nullopt;
            for (auto& f : row.fields) f = trim(f);
            if (row.fields.size() != header.size()) {
                d_.error(rel, row.line, row.fields.empty() ? "" : "row " + in_quotes(row.fields[0]),
                         "has " + std::to_string(row.fields.size()) + " fields, expected " + std::to_string(header.size()) +
                             " (" + join(header, ",") + ")",
                         unquoted ? "a text with a comma in it needs double quotes around it: write \"" + *unquoted + "\""
                                  : "check for a missing or extra comma; quote fields that contain commas");
                if (!row.fields.empty()) refused_.insert({rel, row.fields[0]});
                continue;
            }
            row.fields.resize(all.size());
            rows.push_back(std::move(row));
        }
        return rows;
    }

    // Checks an id column: format and uniqueness. Returns false when the row must be skipped.
    bool check_id(const std::string& rel, const CsvRow& row, const std::string& kind, std::set<std::string>& seen) {
        const std::string& id = row.fields[0];
        if (!valid_id(id)) {
            d_.error(rel, row.line, kind + " " + in_quotes(id), "the id may only use a-z, 0-9 and -",
                     "rename it, e.g. " + in_quotes("food-hub-nord"));
            refused_.insert({rel, id});
            return false;
        }
        if (!seen.insert(id).second) {
            d_.error(rel, row.line, kind + " " + in_quotes(id), "duplicate id: it is already used on an earlier row",
                     "give each " + kind + " its own id, or delete the repeated row");
            return false;
        }
        return true;
    }

    void load_meta() {
        const std::string rel = "bundle.ini";
        auto text = read_text(rel, "the bundle's title, version and dates");
        if (!text) return;
        auto kv = parse_key_values(*text);
        for (int line : kv.malformed_lines)
            d_.error(rel, line, "", "this line is not `key = value`", "write it as key = value, or start it with # to make it a comment");
        std::set<std::string> seen;
        auto& m = c_.meta;
        for (const auto& e : kv.entries) {
            if (!seen.insert(e.key).second) {
                d_.error(rel, e.line, "key " + in_quotes(e.key), "given twice", "keep one line for it");
                continue;
            }
            if (e.key == "title") m.title = e.value;
            else if (e.key == "version") {
                auto [p, ec] = std::from_chars(e.value.data(), e.value.data() + e.value.size(), m.version);
                if (ec != std::errc() || p != e.value.data() + e.value.size() || m.version <= 0)
                    d_.error(rel, e.line, "version", in_quotes(e.value) + " is not a whole number above 0",
                             "write a whole number, higher than the last published bundle's, e.g. version = 7");
            } else if (e.key == "based_on") {
                auto [p, ec] = std::from_chars(e.value.data(), e.value.data() + e.value.size(), m.based_on);
                if (ec != std::errc() || p != e.value.data() + e.value.size() || m.based_on <= 0)
                    d_.error(rel, e.line, "based_on", in_quotes(e.value) + " is not a whole number above 0",
                             "write the version published when you began this edit, e.g. based_on = 7 (kiosk-bundle publish names it)");
                based_on_line_ = e.line;
            } else if (e.key == "channel") {
                m.channel = e.value;
                if (!valid_channel(e.value))
                    d_.error(rel, e.line, "channel", in_quotes(e.value) + " is not one word of letters, digits, -, _ and .: a signature's trusted "
                             "comment would carry another channel, and every kiosk would refuse the bundle",
                             "write the channel the kiosks follow as one word, e.g. channel = stable");
            }
            else if (e.key == "created" || e.key == "expires") {
                if (!parse_date(e.value))
                    d_.error(rel, e.line, e.key, in_quotes(e.value) + " is not a date", "write the date as YYYY-MM-DD, e.g. 2026-12-31");
                (e.key == "created" ? m.created : m.expires) = e.value;
            } else if (e.key == "min_kiosk_version") m.min_kiosk_version = e.value;
            else if (e.key == "fallback") {
                std::string list = e.value;
                std::replace(list.begin(), list.end(), ',', ' ');
                m.fallback = split_words(list);
                fallback_line_ = e.line;
            } else if (e.key == "source_language") {
                m.source_language = e.value;
                source_language_line_ = e.line;
            } else if (e.key == "demo") {
                if (e.value != "yes" && e.value != "no")
                    d_.error(rel, e.line, "demo", in_quotes(e.value) + " is neither yes nor no", "write demo = yes or demo = no");
                m.demo = e.value == "yes";
            } else if (e.key == "area") {
                read_area(rel, e.line, e.value);
            } else if (e.key == "directions_url") {
                if (const auto problem = directions_template_problem(e.value))
                    d_.error(rel, e.line, "directions_url", in_quotes(e.value) + " " + *problem,
                             "write the address of a directions page with {address} where a place's address goes ({lat} and "
                             "{lon} serve exact positions only), e.g. directions_url = https://www.openstreetmap.org/search?query={address}, "
                             "or delete the line for the default (Google Maps walking directions)");
                m.directions_url = e.value;
            } else if (e.key == "home_links") {
                std::string list = e.value;
                std::replace(list.begin(), list.end(), ',', ' ');
                m.home_links = split_words(list);
                home_links_line_ = e.line;
            } else
                d_.error(rel, e.line, "key " + in_quotes(e.key), "unknown key",
                         "use title, version, based_on, channel, created, expires, min_kiosk_version, fallback, source_language, demo, area, "
                         "directions_url or home_links");
        }
        for (const char* key : {"title", "version", "channel", "created", "expires", "min_kiosk_version", "fallback"})
            if (!seen.contains(key))
                d_.error(rel, 0, "key " + in_quotes(key), "missing", std::string("add a line: ") + key + " = ...");
        if (m.based_on > 0 && m.version > 0 && m.based_on >= m.version)
            d_.error(rel, based_on_line_, "based_on", "version " + std::to_string(m.version) + " cannot be built on version " +
                         std::to_string(m.based_on) + ", which is not older",
                     "set version above based_on, e.g. version = " + std::to_string(m.based_on + 1));
        if (!m.created.empty() && !m.expires.empty() && m.expires <= m.created)
            d_.error(rel, 0, "expires", "the bundle expires (" + m.expires + ") before it is created (" + m.created + ")",
                     "set expires to a later date than created");
        // Kiosks refuse an expired bundle, so publishing one would change nothing on any screen.
        const auto expires = parse_date(m.expires);
        if (checks_.today && expires && *expires < *checks_.today)
            d_.error(rel, line_of_key(kv, "expires"), "expires",
                     "the bundle expired on " + m.expires + ", before today (" + format_date(*checks_.today) + "): kiosks refuse it",
                     "set expires to a date after the next planned update, e.g. a year from today");
        else if (checks_.today && expires && (expires->days() - checks_.today->days()).count() < kExpiryWarningDays) {
            const auto days = (expires->days() - checks_.today->days()).count();
            d_.warning(rel, line_of_key(kv, "expires"), "expires",
                       "the bundle expires on " + m.expires + ", in " + std::to_string(days) + (days == 1 ? " day" : " days") +
                           ": from then on kiosks refuse it",
                       "set expires to a date after the next planned update, e.g. a year from today, and publish before " + m.expires);
        }
    }

    static int line_of_key(const KeyValueResult& kv, std::string_view key) {
        for (const auto& e : kv.entries)
            if (e.key == key) return e.line;
        return 0;
    }

    // `area = south, west, north, east` in decimal degrees: where the kiosks' places are. A place
    // outside it is nearly always a typo or swapped lat and lon, which would put it in another
    // town or the sea.
    void read_area(const std::string& rel, int line, std::string text) {
        std::replace(text.begin(), text.end(), ',', ' ');
        const auto words = split_words(text);
        double v[4] = {};
        bool ok = words.size() == 4;
        for (size_t i = 0; ok && i < 4; ++i) {
            auto [p, ec] = std::from_chars(words[i].data(), words[i].data() + words[i].size(), v[i]);
            ok = ec == std::errc() && p == words[i].data() + words[i].size();
        }
        ok = ok && v[0] >= -90 && v[0] < v[2] && v[2] <= 90 && v[1] >= -180 && v[1] < v[3] && v[3] <= 180;
        if (!ok) {
            d_.error(rel, line, "area", in_quotes(text) + " is not four numbers: south, west, north, east",
                     "write the corners in decimal degrees with dots, south and west first, e.g. area = 44.95, 7.55, 45.20, 7.80");
            return;
        }
        area_ = Area{v[0], v[1], v[2], v[3]};
        area_text_ = words[0] + ", " + words[1] + ", " + words[2] + ", " + words[3];
    }

    void load_languages() {
        const std::string rel = "languages.csv";
        std::set<std::string> seen;
        for (auto& row : read_table(rel, {"code", "native_name", "direction"})) {
            if (!check_id(rel, row, "language", seen)) continue;
            const auto& f = row.fields;
            if (f[0].size() < 2 || f[0].size() > 3 || f[0].find('-') != std::string::npos)
                d_.error(rel, row.line, "language " + in_quotes(f[0]), "not an ISO 639 language code", "use the two-letter code, e.g. ar for Arabic");
            if (f[1].empty())
                d_.error(rel, row.line, "language " + in_quotes(f[0]), "native_name is empty", "write the language's name in itself, e.g. العربية");
            if (f[2] != "ltr" && f[2] != "rtl")
                d_.error(rel, row.line, "language " + in_quotes(f[0]), "direction " + in_quotes(f[2]) + " is neither ltr nor rtl",
                         "write rtl for Arabic, Persian and Urdu, ltr for the others");
            c_.languages.push_back({f[0], f[1], f[2] == "rtl" ? Direction::RightToLeft : Direction::LeftToRight});
            c_.source_lines[{rel, f[0]}] = row.line;
        }
        if (c_.languages.empty() && anything_at(root_ / rel))
            d_.error(rel, 0, "", "no languages", "add one row per language the kiosk offers");
    }

    void load_categories() {
        const std::string rel = "categories.csv";
        std::set<std::string> seen;
        for (auto& row : read_table(rel, {"id", "icon"})) {
            if (!check_id(rel, row, "category", seen)) continue;
            if (!row.fields[1].empty() && !contains(kCategoryIcons, row.fields[1]))
                d_.error(rel, row.line, "category " + in_quotes(row.fields[0]), "icon " + in_quotes(row.fields[1]) + " is not a pictogram the kiosk draws",
                         "use one of phone, document, home, basket, heart, info, or leave it empty");
            c_.categories.push_back({row.fields[0], row.fields[1]});
        }
    }

    // The home screen's actions must be links the bundle has.
    void check_home_links() {
        for (const auto& id : c_.meta.home_links)
            if (!known("links.csv", c_.links, id))
                d_.error("bundle.ini", home_links_line_, "home_links", "link " + in_quotes(id) + " is not in links.csv",
                         "use ids from links.csv, e.g. home_links = emergency-112");
    }

    void load_places() {
        const std::string rel = "places.csv";
        std::set<std::string> seen;
        for (auto& row : read_table(rel, {"id", "kind", "name", "address", "lat", "lon", "approximate", "opening_hours", "phone",
                                          "services"}, {"from", "until"})) {
            if (!check_id(rel, row, "place", seen)) continue;
            const auto& f = row.fields;
            const std::string item = "place " + in_quotes(f[0]);
            Place p{f[0], f[1], f[2], f[3], 0, 0, f[6] == "yes", f[7], f[8], split_words(f[9]),
                    read_shown_days(d_, rel, row.line, item, f[10], f[11], checks_.today)};
            if (!contains(kPlaceKinds, p.kind))
                d_.error(rel, row.line, item, "kind " + in_quotes(p.kind) + " is unknown",
                         "use one of call_center, office, food_hub, help_desk, mobile_unit");
            if (p.name.empty()) d_.error(rel, row.line, item, "name is empty", "write the place's name");
            if (!p.phone.empty())
                if (const auto problem = phone_problem(p.phone))
                    d_.error(rel, row.line, item, "phone " + in_quotes(p.phone) + " " + problem->problem, problem->fix);
            read_position(rel, row.line, item, f[4], f[5], p.lat, p.lon);
            check_approximate(rel, row.line, item, f[6]);
            if (const auto bad = check_opening_hours(p.opening_hours))
                d_.error(rel, row.line, item, "opening hours " + in_quotes(p.opening_hours) + " " + bad->explain(), bad->fix);
            std::set<std::string> listed;
            for (const auto& service : p.services) {
                if (!valid_id(service))
                    d_.error(rel, row.line, item, "service " + in_quotes(service) + " is not an id: it may only use a-z, 0-9 and -",
                             "separate services with spaces, e.g. information legal-advice");
                else if (!listed.insert(service).second)
                    d_.error(rel, row.line, item, "service " + in_quotes(service) + " is listed twice", "list each service once");
                else
                    services_used_.push_back({row.line, p.id, service});
            }
            c_.places.push_back(std::move(p));
        }
    }

    // Decimal degrees with a dot, within the range of the earth.
    void read_position(const std::string& rel, int line, const std::string& item, const std::string& lat_text,
                       const std::string& lon_text, double& lat, double& lon) {
        auto coordinate = [&](const std::string& text, double lo, double hi, const char* name, double& out) {
            auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
            if (ec != std::errc() || ptr != text.data() + text.size() || out < lo || out > hi)
                d_.error(rel, line, item, std::string(name) + " " + in_quotes(text) + " is not a number between " +
                                              std::to_string(int(lo)) + " and " + std::to_string(int(hi)),
                         "write decimal degrees with a dot, e.g. 45.0703 and 7.6869 for Torino");
        };
        const size_t errors = d_.all().size();
        coordinate(lat_text, -90, 90, "lat", lat);
        coordinate(lon_text, -180, 180, "lon", lon);
        if (area_ && d_.all().size() == errors && !area_->contains(lat, lon))
            d_.error(rel, line, item, "position " + lat_text + ", " + lon_text + " is outside the area in bundle.ini (" + area_text_ + ")",
                     area_->contains(lon, lat) ? "lat and lon are swapped: write the latitude (about 45 in Torino) first"
                                               : "check the numbers against a map, or widen area in bundle.ini if the place is really there");
    }

    void check_approximate(const std::string& rel, int line, const std::string& item, const std::string& approximate) {
        if (approximate != "yes" && approximate != "no")
            d_.error(rel, line, item, "approximate " + in_quotes(approximate) + " is neither yes nor no",
                     "write yes when the position is not exact, otherwise no");
    }

    // stops.csv is optional: a bundle without mobile units has no stops.
    void load_stops() {
        const std::string rel = "stops.csv";
        if (!anything_at(root_ / rel)) return;
        for (auto& row : read_table(rel, {"unit", "date", "time", "name", "address", "lat", "lon", "approximate"}, {"example"})) {
            const auto& f = row.fields;
            const std::string item = "stop of " + in_quotes(f[0]) + " on " + f[1];
            Stop stop{f[0], {}, 0, 0, f[3], f[4], 0, 0, f[7] == "yes", f[8] == "yes"};
            if (f[8] != "" && f[8] != "yes" && f[8] != "no")
                d_.error(rel, row.line, item, "example " + in_quotes(f[8]) + " is neither yes nor no",
                         "write yes for a stop made up for testing or training (every language then says it is an example), "
                         "no or nothing for a real one");
            const auto unit = std::find_if(c_.places.begin(), c_.places.end(), [&](const Place& p) { return p.id == stop.unit; });
            if (unit == c_.places.end() && !reported_already("places.csv", stop.unit))
                d_.error(rel, row.line, item, "place " + in_quotes(stop.unit) + " does not exist",
                         "use the id of a mobile_unit from places.csv, or add the unit there");
            else if (unit != c_.places.end() && unit->kind != "mobile_unit")
                d_.error(rel, row.line, item, "place " + in_quotes(stop.unit) + " is a " + unit->kind + ", not a mobile_unit",
                         "list stops only for places of kind mobile_unit");
            const auto date = parse_date(f[1]);
            if (!date) d_.error(rel, row.line, item, "date " + in_quotes(f[1]) + " is not a date", "write the date as YYYY-MM-DD, e.g. 2026-12-01");
            const auto span = parse_time_span(f[2]);
            if (!span)
                d_.error(rel, row.line, item, "time " + in_quotes(f[2]) + " is not a time span within one day",
                         "write the start and end as HH:MM-HH:MM with the end later the same day, e.g. 10:00-13:00");
            if (stop.name.empty()) d_.error(rel, row.line, item, "name is empty", "write where the unit stands, e.g. a square or a street");
            read_position(rel, row.line, item, f[5], f[6], stop.lat, stop.lon);
            check_approximate(rel, row.line, item, f[7]);
            if (!date || !span) continue;
            if (checks_.today && *date < *checks_.today)
                d_.warning(rel, row.line, item, "this stop was before today (" + format_date(*checks_.today) + "): the kiosk no longer shows it",
                           "delete the row when you next edit the timetable");
            stop.date = *date;
            std::tie(stop.from_minute, stop.to_minute) = *span;
            // One unit cannot stand in two places at once.
            for (const auto& other : c_.stops)
                if (other.unit == stop.unit && other.date == stop.date && other.from_minute < stop.to_minute &&
                    stop.from_minute < other.to_minute)
                    d_.error(rel, row.line, item, "its time " + f[2] + " overlaps the stop at " + in_quotes(other.name) + " (" +
                                                      format_clock(other.from_minute) + "-" + format_clock(other.to_minute) + ")",
                             "correct one of the two times, or delete the repeated row");
            c_.stops.push_back(std::move(stop));
        }
    }

    void load_links() {
        const std::string rel = "links.csv";
        std::set<std::string> seen;
        for (auto& row : read_table(rel, {"id", "kind", "target"}, {"approximate", "from", "until"})) {
            if (!check_id(rel, row, "link", seen)) continue;
            const auto& f = row.fields;
            const std::string item = "link " + in_quotes(f[0]);
            if (!contains(kLinkKinds, f[1]))
                d_.error(rel, row.line, item, "kind " + in_quotes(f[1]) + " is unknown", "use booking, web, tel or directions");
            if (f[2].starts_with("geo:"))
                d_.error(rel, row.line, item, "target " + in_quotes(f[2]) + " is a geo: address, which the iPhone's camera does not open",
                         "lead to the address instead, e.g. https://www.google.com/maps/dir/?api=1&destination=Corso%20Regina%20Margherita"
                         "%20137%2C%20Torino&travelmode=walking");
            else if (!(f[2].starts_with("https://") || f[2].starts_with("tel:")))
                d_.error(rel, row.line, item, "target " + in_quotes(f[2]) + " is not an https: or tel: address",
                         "write web pages and directions as https://..., phone numbers as tel:+39...");
            if (f[3] != "" && f[3] != "yes" && f[3] != "no")
                d_.error(rel, row.line, item, "approximate " + in_quotes(f[3]) + " is neither yes nor no",
                         "write yes when the link leads to a position that is not exact, no when it is exact");
            if (f[1] == "tel" || f[2].starts_with("tel:"))
                if (const auto problem = tel_problem(f[2]); problem || f[1] != "tel")
                    d_.error(rel, row.line, item, "target " + in_quotes(f[2]) + " " + (problem ? *problem : "is a phone number in a " + f[1] + " link"),
                             "write the kind tel and the number with its country code and its groups, e.g. tel:+39-011-0112-5500 "
                             "(short numbers such as tel:112 as they are)");
            Link link{f[0], f[1], f[2], f[3] == "yes", read_shown_days(d_, rel, row.line, item, f[4], f[5], checks_.today)};
            if (link.kind == "directions") check_directions_position(rel, row.line, item, link, f[3]);
            c_.links.push_back(std::move(link));
        }
    }

    // A directions link to coordinates must say whether they are exact, and may not pass off a
    // place's approximate map position as exact: a visitor would walk to the wrong door.
    void check_directions_position(const std::string& rel, int line, const std::string& item, const Link& link,
                                   const std::string& approximate) {
        const auto at = coordinates_in(link.target);
        if (!at) return;
        const std::string position = position_text(at->first, at->second);
        if (approximate.empty()) {
            d_.error(rel, line, item, "leads to the position " + position + " and does not say whether it is exact",
                     "better, lead to the address (destination=street, number, city); else write yes in the approximate column "
                     "(the kiosk then says so on the QR screen and the ticket), or no if the source gives the position as exact");
            return;
        }
        if (link.approximate) return;
        for (const auto& p : c_.places)
            if (p.approximate && std::abs(p.lat - at->first) < 0.001 && std::abs(p.lon - at->second) < 0.0015)
                d_.error(rel, line, item, "leads to " + position + ", the approximate map position of place " + in_quotes(p.id) +
                                              ", and says it is exact",
                         "lead to the place's address, or write yes in the approximate column if no exact position is known");
    }

    void load_guides() {
        const std::string rel = "guides.csv";
        std::set<std::string> seen;
        for (auto& row : read_table(rel, {"id", "category", "places", "links"}, {"from", "until"})) {
            if (!check_id(rel, row, "guide", seen)) continue;
            const auto& f = row.fields;
            const std::string item = "guide " + in_quotes(f[0]);
            Guide g{f[0], f[1], split_words(f[2]), split_words(f[3]), read_shown_days(d_, rel, row.line, item, f[4], f[5], checks_.today)};
            if (!known("categories.csv", c_.categories, g.category))
                d_.error(rel, row.line, item, "category " + in_quotes(g.category) + " does not exist",
                         "use an id from categories.csv, or add the category there");
            for (const auto& p : g.places)
                if (!known("places.csv", c_.places, p))
                    d_.error(rel, row.line, item, "place " + in_quotes(p) + " does not exist", "use an id from places.csv, or add the place there");
            for (const auto& l : g.links)
                if (!known("links.csv", c_.links, l))
                    d_.error(rel, row.line, item, "link " + in_quotes(l) + " does not exist", "use an id from links.csv, or add the link there");
            c_.guides.push_back(std::move(g));
        }
    }

    // notices.csv (optional): dated banners on the home screen, a guide or a place; each one's
    // text is the string notice.<id>, checked with the other strings (check_completeness).
    void load_notices() {
        const std::string rel = "notices.csv";
        if (!anything_at(root_ / rel)) return;
        std::set<std::string> seen;
        for (auto& row : read_table(rel, {"id", "on", "from", "until"})) {
            if (!check_id(rel, row, "notice", seen)) continue;
            const auto& f = row.fields;
            const std::string item = "notice " + in_quotes(f[0]);
            Notice notice{f[0], f[1], read_shown_days(d_, rel, row.line, item, f[2], f[3], checks_.today)};
            const auto colon = notice.on.find(':');
            const std::string kind = notice.on.substr(0, colon), id = colon == std::string::npos ? "" : notice.on.substr(colon + 1);
            if (notice.on != "home" && !((kind == "guide" || kind == "place") && !id.empty()))
                d_.error(rel, row.line, item, "on " + in_quotes(notice.on) + " is not home, guide:<id> or place:<id>",
                         "write where the notice shows, e.g. home, guide:food-help or place:hub-nord");
            else if (kind == "guide" && !known("guides.csv", c_.guides, id))
                d_.error(rel, row.line, item, "guide " + in_quotes(id) + " does not exist", "use an id from guides.csv after guide:");
            else if (kind == "place" && !known("places.csv", c_.places, id))
                d_.error(rel, row.line, item, "place " + in_quotes(id) + " does not exist", "use an id from places.csv after place:");
            c_.notices.push_back(std::move(notice));
        }
    }

    // fallback and source_language name languages of languages.csv; source_language defaults to
    // the first fallback.
    void check_meta_languages() {
        for (const auto& code : c_.meta.fallback)
            if (!has_code(code))
                d_.error("bundle.ini", fallback_line_, "fallback", "language " + in_quotes(code) + " is not in languages.csv",
                         "list only languages from languages.csv, e.g. fallback = en, it");
        auto& source = c_.meta.source_language;
        if (source.empty() && !c_.meta.fallback.empty()) source = c_.meta.fallback.front();
        else if (!source.empty() && !has_code(source))
            d_.error("bundle.ini", source_language_line_, "source_language", "language " + in_quotes(source) + " is not in languages.csv",
                     "write the code of the language the texts are written in, from languages.csv, e.g. source_language = it");
    }

    // The entries of a folder of the source, or none with an error naming it when it cannot be
    // listed (permission, a loop of links); none without one when there is no folder there.
    std::vector<fs::directory_entry> folder_entries(const std::string& rel) {
        std::vector<fs::directory_entry> entries;
        std::error_code ec;
        if (!fs::is_directory(root_ / rel, ec)) {
            if (ec && !path_problem(ec).missing) folder_problem(rel, ec);
            return entries;
        }
        for (fs::directory_iterator it(root_ / rel, ec), end; !ec && it != end; it.increment(ec)) entries.push_back(*it);
        if (ec) folder_problem(rel, ec);
        return entries;
    }

    void folder_problem(const std::string& rel, const std::error_code& ec) {
        const auto problem = path_problem(ec);
        d_.error(rel, 0, "", "the folder cannot be read: " + problem.problem, problem.fix);
    }

    void load_language_folders() {
        for (const auto& entry : folder_entries("lang")) {
            const std::string code = entry.path().filename().string();
            std::error_code ec;
            if (entry.is_directory(ec) && !has_code(code))
                d_.error("lang/" + code, 0, "language " + in_quotes(code), "unknown language: it is not in languages.csv",
                         "add it to languages.csv, or rename the folder to a listed code");
        }
        for (const auto& lang : c_.languages) load_language(lang.code);
        load_source_texts();
    }

    void load_language(const std::string& code) {
        auto& texts = c_.texts[code];
        const std::string strings_rel = "lang/" + code + "/strings.txt";
        if (auto text = read_text(strings_rel, "the short texts in " + code)) {
            auto kv = parse_key_values(*text);
            for (int line : kv.malformed_lines)
                d_.error(strings_rel, line, "", "this line is not `key = value`", "write it as key = text, or start it with # to make it a comment");
            for (const auto& e : kv.entries) {
                const std::string item = "key " + in_quotes(e.key);
                c_.source_lines.emplace(std::pair(strings_rel, e.key), e.line);
                if (const auto problem = unknown_key_problem(e.key)) {
                    d_.error(strings_rel, e.line, item, *problem, "check the spelling against docs/content-format.md and the CSV ids");
                } else if (!texts.strings.emplace(e.key, e.value).second) {
                    d_.error(strings_rel, e.line, item, "duplicate key: it is already given above", "keep one line per key");
                } else if (e.value.empty()) {
                    d_.error(strings_rel, e.line, item, "the text is empty", "write the text, or delete the line to use the fallback language");
                } else if (const auto bad = string_problem(e.key, e.value, code)) {
                    d_.error(strings_rel, e.line, item, bad->problem, bad->fix);
                }
            }
        }
        load_translation_record(code, texts);
        std::vector<fs::path> files;
        for (const auto& entry : folder_entries("lang/" + code + "/guides")) files.push_back(entry.path());
        std::sort(files.begin(), files.end());
        for (const auto& path : files) {
            const std::string rel = "lang/" + code + "/guides/" + path.filename().string();
            const std::string id = path.stem().string();
            if (path.extension() != ".md") {
                d_.error(rel, 0, "", "not a guide file", "guide files end in .md and are named after the guide's id");
                continue;
            }
            if (!known("guides.csv", c_.guides, id)) {
                d_.error(rel, 0, "guide " + in_quotes(id), "no guide with this id in guides.csv",
                         "add a row for it to guides.csv, or rename the file to an existing guide's id");
                continue;
            }
            if (auto text = read_text(rel, "a guide"); text) load_guide_file(rel, id, *text, texts);
        }
    }

    // Optional, as lang/source-texts.txt is: a language nobody imported or marked has none, and
    // then nothing of it is outdated.
    void load_translation_record(const std::string& code, LanguageText& texts) {
        if (auto record = read_record("lang/" + code + "/" + kTranslationRecordName, parse_translation_record,
                                      "kiosk-bundle mark-translated " + root_.string() + " " + code))
            texts.translated_from = std::move(*record);
    }

    void load_source_texts() {
        if (auto texts = read_record(std::string("lang/") + kSourceTextsName, parse_source_texts,
                                     "kiosk-bundle mark-translated " + root_.string() + " with each language"))
            c_.source_texts = std::move(*texts);
    }

    std::optional<std::map<std::string, std::string>> read_record(const std::string& rel, KeyedLines (*parse)(std::string_view),
                                                                  const std::string& remake) {
        std::error_code ec;
        if (!fs::exists(fs::symlink_status(root_ / rel, ec))) return std::nullopt;
        const auto text = read_text(rel, "the record of what translations were made from");
        if (!text) return std::nullopt;
        auto lines = parse(*text);
        for (int line : lines.malformed_lines)
            d_.error(rel, line, "", "this line is not `key = value`: the tools write this file, and it was edited",
                     "restore the file from the last published source, or delete it and run " + remake + " once the translations are checked");
        return std::move(lines.values);
    }

    void load_guide_file(const std::string& rel, const std::string& id, const std::string& text, LanguageText& texts) {
        const std::string item = "guide " + in_quotes(id);
        const size_t sep = text.find("\n---");
        if (sep == std::string::npos) {
            d_.error(rel, 1, item, "no header: the file needs title: and summary: lines, then a line with ---",
                     "start the file with\ntitle: ...\nsummary: ...\n---");
            return;
        }
        GuideText g;
        for_each_line(std::string_view(text).substr(0, sep), [&](int line, const std::string& l) {
            if (l.empty()) return;
            const auto colon = l.find(':');  // header lines are `key: value`
            const std::string key = colon == std::string::npos ? "" : trim(l.substr(0, colon));
            const std::string value = colon == std::string::npos ? "" : trim(l.substr(colon + 1));
            if (key == "title") g.title = value;
            else if (key == "summary") g.summary = value;
            else d_.error(rel, line, item, "header line is not title: or summary:", "the header has only title: ... and summary: ... lines");
        });
        if (g.title.empty()) d_.error(rel, 1, item, "the title is missing or empty", "add a line title: ... before ---");
        const size_t body_start = text.find('\n', sep + 1);
        g.body = body_start == std::string::npos ? "" : text.substr(body_start + 1);
        const int body_first_line = line_of_offset(text, body_start == std::string::npos ? text.size() : body_start + 1);
        g.body_line = body_first_line;
        const auto markup = parse_markup(g.body);
        for (const auto& e : markup.errors) d_.error(rel, body_first_line + e.line - 1, item, e.problem, e.fix);
        for (const auto& ref : link_references(markup))
            if (ref.target.starts_with("link:") && !known("links.csv", c_.links, ref.target.substr(5)))
                d_.error(rel, body_first_line + ref.line - 1, item, "link " + in_quotes(ref.target.substr(5)) + " does not exist",
                         "use an id from links.csv after link:, or add the link there");
        if (markup.blocks.empty()) d_.error(rel, 0, item, "the guide has no text after ---", "write the guide's text below the --- line");
        texts.guides.emplace(id, std::move(g));
    }

    // Every item must be readable in at least one fallback language; each language that lacks
    // one gets a warning (the kiosk shows the fallback, marked).
    void check_completeness() {
        std::vector<std::string> keys = required_string_keys();
        for (const auto& cat : c_.categories)
            for (const char* field : {".title", ".summary"}) keys.push_back("category." + cat.id + field);
        for (const auto& link : c_.links) keys.push_back("link." + link.id + ".label");
        for (const auto& notice : c_.notices) keys.push_back("notice." + notice.id);
        for (const auto& key : keys) {
            if (!in_fallback(key, [](const LanguageText& t, const std::string& k) { return t.strings.contains(k); }) &&
                !fallback_unreadable(""))
                d_.error(fallback_file(key, true), 0, "key " + in_quotes(key), "missing in every fallback language (" + join(c_.meta.fallback, ", ") + ")",
                         "add `" + key + " = ...` to lang/" + first_fallback() + "/strings.txt");
            for (const auto& lang : c_.languages)
                if (c_.texts.contains(lang.code) && !c_.texts[lang.code].strings.contains(key) && !unreadable_.contains(strings_file(lang.code)))
                    d_.warning("lang/" + lang.code + "/strings.txt", 0, "key " + in_quotes(key), "not translated; the kiosk shows the fallback",
                               "add `" + key + " = ...` in " + lang.native_name);
        }
        for (const auto& guide : c_.guides) {
            if (!in_fallback(guide.id, [](const LanguageText& t, const std::string& k) { return t.guides.contains(k); }) &&
                !fallback_unreadable(guide.id))
                d_.error(fallback_file(guide.id, false), 0, "guide " + in_quotes(guide.id),
                         "has no text in any fallback language (" + join(c_.meta.fallback, ", ") + ")",
                         "write lang/" + first_fallback() + "/guides/" + guide.id + ".md");
            for (const auto& lang : c_.languages)
                if (c_.texts.contains(lang.code) && !c_.texts[lang.code].guides.contains(guide.id) &&
                    !unreadable_.contains(guide_file(lang.code, guide.id)))
                    d_.warning("lang/" + lang.code + "/guides/" + guide.id + ".md", 0, "guide " + in_quotes(guide.id),
                               "not translated; the kiosk shows the fallback", "translate it into " + lang.native_name);
        }
    }

    // A service is known by its label: `service.<id>` in a fallback language. The places that
    // list one without a label are named, line by line, since that is where the typo usually is.
    void check_service_labels() {
        std::set<std::string> warned;
        for (const auto& use : services_used_) {
            const std::string key = "service." + use.service;
            if (!in_fallback(key, [](const LanguageText& t, const std::string& k) { return t.strings.contains(k); })) {
                if (!fallback_unreadable(""))
                    d_.error("places.csv", use.line, "place " + in_quotes(use.place),
                             "service " + in_quotes(use.service) + " is unknown: no fallback language (" + join(c_.meta.fallback, ", ") +
                                 ") has a label for it",
                             "correct the id, or add `" + key + " = ...` to lang/" + first_fallback() + "/strings.txt");
            } else if (warned.insert(key).second)
                for (const auto& lang : c_.languages)
                    if (c_.texts.contains(lang.code) && !c_.texts[lang.code].strings.contains(key) &&
                        !unreadable_.contains(strings_file(lang.code)))
                        d_.warning("lang/" + lang.code + "/strings.txt", 0, "key " + in_quotes(key), "not translated; the kiosk shows the fallback",
                                   "add `" + key + " = ...` in " + lang.native_name);
        }
    }

    template <typename Has>
    bool in_fallback(const std::string& key, Has has) {
        for (const auto& code : c_.meta.fallback)
            if (c_.texts.contains(code) && has(c_.texts[code], key)) return true;
        return false;
    }

    static std::string strings_file(const std::string& code) { return "lang/" + code + "/strings.txt"; }
    static std::string guide_file(const std::string& code, const std::string& id) { return "lang/" + code + "/guides/" + id + ".md"; }
    // Whether a fallback language's strings.txt (`guide` empty) or that guide's file could not be
    // read: what it lacks was reported with that file.
    bool fallback_unreadable(const std::string& guide) const {
        return std::any_of(c_.meta.fallback.begin(), c_.meta.fallback.end(), [&](const std::string& code) {
            return unreadable_.contains(guide.empty() ? strings_file(code) : guide_file(code, guide));
        });
    }

    std::string first_fallback() const { return c_.meta.fallback.empty() ? "en" : c_.meta.fallback.front(); }
    std::string fallback_file(const std::string& item, bool is_string) const {
        return "lang/" + first_fallback() + (is_string ? "/strings.txt" : "/guides/" + item + ".md");
    }

    std::optional<std::string> unknown_key_problem(const std::string& key) const {
        if (contains(required_string_keys(), key)) return std::nullopt;
        auto dotted = [&](const std::string& prefix, const std::vector<std::string>& suffixes, auto& list, const char* what,
                          const char* table) -> std::optional<std::optional<std::string>> {
            if (!key.starts_with(prefix)) return std::nullopt;
            for (const auto& suffix : suffixes) {
                if (key.size() > prefix.size() + suffix.size() && key.ends_with(suffix)) {
                    const std::string id = key.substr(prefix.size(), key.size() - prefix.size() - suffix.size());
                    if (known(table, list, id)) return std::optional<std::string>{};
                    return std::optional<std::string>{std::string(what) + " " + in_quotes(id) + " does not exist"};
                }
            }
            return std::optional<std::string>{"unknown key"};
        };
        if (auto r = dotted("category.", {".title", ".summary"}, c_.categories, "category", "categories.csv")) return *r;
        if (auto r = dotted("place.", {".note", ".access"}, c_.places, "place", "places.csv")) return *r;
        // Services are defined by their labels, so any well-formed id is one.
        if (key.starts_with("service.") && valid_id(std::string_view(key).substr(8))) return std::nullopt;
        if (auto r = dotted("link.", {".label"}, c_.links, "link", "links.csv")) return *r;
        if (auto r = dotted("notice.", {""}, c_.notices, "notice", "notices.csv")) return *r;
        return "unknown key";
    }

    template <typename List>
    static bool has_id(const List& list, std::string_view id) {
        return std::any_of(list.begin(), list.end(), [&](const auto& item) { return item.id == id; });
    }
    bool has_code(std::string_view code) const {
        return std::any_of(c_.languages.begin(), c_.languages.end(), [&](const Language& l) { return l.code == code; });
    }

    fs::path root_;
    Diagnostics& d_;
    SourceChecks checks_;
    Content c_;
    std::optional<Area> area_;
    std::string area_text_;
    int fallback_line_ = 0, home_links_line_ = 0, source_language_line_ = 0, based_on_line_ = 0;
    std::set<std::string> unreadable_;                        // files that could not be read as a whole
    std::set<std::pair<std::string, std::string>> refused_;  // (table, id) of rows refused for their own mistake
    struct ServiceUse {
        int line;
        std::string place, service;
    };
    std::vector<ServiceUse> services_used_;  // checked against the labels once languages are read
};

}  // namespace

const std::vector<std::string>& required_string_keys() {
    static const std::vector<std::string> keys = {
        "language.prompt", "nav.home", "nav.back", "home.heading", "guide.places", "guide.links", "guide.staff",
        "place.address", "place.hours", "place.phone", "place.approximate", "place.hours_unknown", "place.directions_qr", "place.directions_next_stop", "place.print",
        "place.no_directions", "directions.approximate", "stops.example", "hours.holiday_today", "hours.holidays_unknown",
        "fallback.notice", "outdated.notice", "demo.label", "expired.notice", "idle.question", "idle.continue", "idle.restart_in",
        "search.title", "search.prompt", "search.none", "hours.open_until", "hours.open", "hours.opens_today",
        "hours.opens_tomorrow", "hours.opens_day", "hours.closed", "hours.closed_all_day", "places.title", "places.all", "places.open_now", "places.none",
        "kind.call_center", "kind.office", "kind.food_hub", "kind.help_desk", "kind.mobile_unit",
        "place.services", "place.access", "place.distance", "place.distance_from_here", "stops.next", "places.map", "map.title", "map.here", "place.on_map",
        "qr.opens.booking", "qr.opens.web", "qr.opens.tel", "qr.opens.directions", "qr.scan",
        "ticket.printing", "ticket.printed", "ticket.unavailable",
        // speech: what controls are, the keys' help, and the names of controls drawn as symbols
        "speech.role.button", "speech.role.link", "speech.role.language", "speech.help", "speech.listen", "speech.stop", "speech.no_voice", "speech.range", "speech.continue", "a11y.contrast", "a11y.text",
        "key.space", "key.backspace", "search.clear", "map.zoom_in", "map.zoom_out", "map.recenter",
        // the way to a place from the kiosk, one of the eight compass points
        "direction.north", "direction.north_east", "direction.east", "direction.south_east", "direction.south", "direction.south_west",
        "direction.west", "direction.north_west"};
    return keys;
}

std::optional<StringProblem> string_problem(const std::string& key, const std::string& value, const std::string& lang) {
    if (key == "speech.range" && (value.find("{from}") == std::string::npos || value.find("{to}") == std::string::npos))
        return StringProblem{"the text does not contain {from} and {to}", "keep {from} and {to} where a range's ends go, e.g. {from} to {to}"};
    if (key == "place.distance_from_here" && (value.find("{distance}") == std::string::npos || value.find("{direction}") == std::string::npos))
        return StringProblem{"the text does not contain {distance} and {direction}",
                             "keep {distance} where the distance goes and {direction} where the way goes, e.g. about {distance} {direction}"};
    if ((key == "fallback.notice" || key == "outdated.notice") && value.find("{language}") == std::string::npos)
        return StringProblem{"the text does not contain {language}", "keep {language} where the language's name goes"};
    if (key == "idle.restart_in")
        if (const auto problem = count_message_problem(value, "seconds", lang))
            return StringProblem{*problem, "write it as {seconds, plural, one {… # …} other {… # …}}, with a form for each plural form "
                                           "the language has (docs/content-format.md)"};
    return std::nullopt;
}

Content load_source(const fs::path& source, Diagnostics& diagnostics, const SourceChecks& checks) {
    // Every file and folder is reached without throwing; should a filesystem call still throw,
    // it is a source error naming the path like the others, not a bare "filesystem error".
    try {
        return Loader(source, diagnostics, checks).load();
    } catch (const fs::filesystem_error& e) {
        const auto problem = path_problem(e.code());
        const fs::path rel = e.path1().lexically_relative(source);
        diagnostics.error(rel.empty() ? (e.path1().empty() ? source : e.path1()).string() : rel.string(), 0, "",
                          "cannot be read: " + problem.problem, problem.fix);
        return {};
    }
}

}  // namespace content
