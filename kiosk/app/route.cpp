#include "kiosk/app/route.hpp"

namespace kiosk {

std::optional<Route> Route::parse(std::string_view text) {
    if (text == "attract") return attract();
    if (text == "languages") return languages();
    if (text == "admin") return admin();
    if (text == "search") return search();
    if (text == "places") return places();
    if (text == "home") return home();
    if (text == "map") return map();
    auto with_id = [&](std::string_view prefix) -> std::optional<std::string> {
        if (text.starts_with(prefix) && text.size() > prefix.size()) return std::string(text.substr(prefix.size()));
        return std::nullopt;
    };
    if (auto id = with_id("category/")) return category(*id);
    if (auto id = with_id("guide/")) return guide(*id);
    if (auto id = with_id("place/")) return place(*id);
    if (auto id = with_id("map/")) return map(*id);
    if (auto id = with_id("qr/")) return qr(*id);
    return std::nullopt;
}

std::string Route::str() const {
    switch (screen) {
        case Screen::Attract: return "attract";
        case Screen::Languages: return "languages";
        case Screen::Home: return "home";
        case Screen::Category: return "category/" + id;
        case Screen::Guide: return "guide/" + id;
        case Screen::Place: return "place/" + id;
        case Screen::Places: return "places";
        case Screen::Map: return id.empty() ? "map" : "map/" + id;
        case Screen::Search: return "search";
        case Screen::Admin: return "admin";
        case Screen::Qr: return "qr/" + id;
    }
    return "home";
}

}  // namespace kiosk
