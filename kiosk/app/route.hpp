#pragma once
// Where the visitor is: one of the screens, and which category or guide it shows.
// Routes have a text form (`guide/food-help`) for --open, scripts and tests.
#include <optional>
#include <string>
#include <string_view>

namespace kiosk {

struct Route {
    enum class Screen { Attract, Languages, Home, Category, Guide, Place, Places, Map, Search, Admin, Qr };
    Screen screen = Screen::Languages;
    std::string id;  // category, guide, place or link id; on the map, the place it centres on (or none)

    static Route attract() { return {Screen::Attract, {}}; }
    static Route languages() { return {Screen::Languages, {}}; }
    static Route admin() { return {Screen::Admin, {}}; }
    static Route search() { return {Screen::Search, {}}; }
    static Route places() { return {Screen::Places, {}}; }
    static Route place(std::string id) { return {Screen::Place, std::move(id)}; }
    static Route map(std::string place_id = {}) { return {Screen::Map, std::move(place_id)}; }
    static Route home() { return {Screen::Home, {}}; }
    static Route category(std::string id) { return {Screen::Category, std::move(id)}; }
    static Route guide(std::string id) { return {Screen::Guide, std::move(id)}; }
    static Route qr(std::string link_id) { return {Screen::Qr, std::move(link_id)}; }

    /// `attract`, `languages`, `home`, `category/<id>`, `guide/<id>`, `place/<id>`, `places`,
    /// `map`, `map/<place id>`, `search`, `admin` or `qr/<link id>`; nullopt for anything else.
    static std::optional<Route> parse(std::string_view text);
    std::string str() const;
    bool operator==(const Route&) const = default;
};

}  // namespace kiosk
