// Places' services and access notes, and mobile units' stops: what the source accepts and
// refuses, what the bundle gives back, and which stops are still ahead on Torino's clock.
#include <doctest/doctest.h>

#include <algorithm>

#include "content/build/source.hpp"
#include "content/build/writer.hpp"
#include "content/model/bundle.hpp"
#include "content/model/unit_stops.hpp"
#include "tests/content_fixture.hpp"
#include "tests/test_support.hpp"

using namespace content;
using test::all_errors;
using test::build_from_demo;
using test::error_about;
namespace fs = std::filesystem;

namespace {

Instant at(const char* text) {
    const auto t = parse_local_iso(text);
    REQUIRE(t);
    return *t;
}

std::vector<std::string> dates(const std::vector<Stop>& stops) {
    std::vector<std::string> out;
    for (const auto& s : stops) out.push_back(format_date(s.date) + " " + format_clock(s.from_minute));
    return out;
}

const char* const kStopsHeader = "unit,date,time,name,address,lat,lon,approximate\n";

}  // namespace

TEST_CASE("dates and time spans of stops: real days, one day, the end after the start") {
    CHECK(parse_date("2026-12-01") == CivilDate{2026, 12, 1});
    CHECK(parse_date("2028-02-29") == CivilDate{2028, 2, 29});
    CHECK_FALSE(parse_date("2027-02-29"));
    CHECK_FALSE(parse_date("2026-13-01"));
    CHECK_FALSE(parse_date("1/12/2026"));
    CHECK(parse_time_span("10:00-13:00") == std::make_pair(600, 780));
    CHECK(parse_time_span("00:00-23:59") == std::make_pair(0, 1439));
    CHECK_FALSE(parse_time_span("13:00-10:00"));
    CHECK_FALSE(parse_time_span("10:00-10:00"));
    CHECK_FALSE(parse_time_span("23:00-00:30"));  // a stop does not run past midnight
    CHECK_FALSE(parse_time_span("9:00-13:00"));
    CHECK_FALSE(parse_time_span("10:00–13:00"));  // an en dash, as word processors write it
    CHECK_FALSE(parse_time_span("10:00-24:00"));
}

TEST_CASE("the demo's places list the seeds' services, and its mobile unit has no stops: no seed gives one") {
    Diagnostics d;
    const auto c = load_source(test::demo_source(), d);
    INFO(all_errors(d));
    REQUIRE_FALSE(d.has_errors());
    const auto place = [&](const char* id) { return *std::find_if(c.places.begin(), c.places.end(), [&](const Place& p) { return p.id == id; }); };
    // Seed 000: the call center gives information about reception, legal assistance,
    // translations and work and social orientation; it gives no legal advice or translation.
    CHECK(place("rednova-call-center").services ==
          std::vector<std::string>{"information-reception", "information-legal", "information-translation", "information-work"});
    CHECK(c.texts.at("en").strings.at("service.information-legal") == "Information on legal assistance");
    CHECK(place("hub-nord").services == std::vector<std::string>{"food-parcels"});
    CHECK(c.texts.at("it").strings.at("place.rednova-call-center.access").starts_with("Piano terra"));
    CHECK(c.stops.empty());
    for (const auto& [code, texts] : c.texts) {
        const std::string& lang = code;  // a variable, not a binding: clang 14 cannot capture those
        INFO(lang);
        CHECK(texts.strings.contains("place.mobile-unit.note"));
        for (const char* key : {"stops.next", "stops.example", "idle.restart_in", "place.services", "service.food-parcels"})
            CHECK(texts.strings.contains(key));
        // Seed 004's three phases of To Link are not how food parcels are given: no guide says so.
        const auto& food = texts.guides.at("food-help").body;
        CHECK(std::count(food.begin(), food.end(), '\n') < 20);
        for (const auto& [id, guide] : texts.guides) CHECK(guide.body.find("To Link") == std::string::npos);
    }
}

TEST_CASE("bad services and stops: each names the file, the line, the item and the fix") {
    test::TempDir dir;
    const fs::path src = test::copy_demo_source(dir);
    fs::copy_file(test::example_stops(), src / "stops.csv");
    Diagnostics d;
    const Diagnostic* e = nullptr;
    const auto load = [&](const std::string& file) {
        load_source(src, d);
        e = error_about(d, file);
        REQUIRE_MESSAGE(e, "no error about " << file << "; errors: " << all_errors(d));
    };

    SUBCASE("a service with no label: a typo") {
        test::replace_in_file(src / "places.csv", "information mediation housing", "information mediaton housing");
        load("places.csv");
        CHECK(e->line == 4);
        CHECK(e->item == "place \"servizio-stranieri\"");
        CHECK(e->problem.find("service \"mediaton\" is unknown") != std::string::npos);
        CHECK(e->fix.find("service.mediaton = ...") != std::string::npos);
        CHECK(e->fix.find("lang/en/strings.txt") != std::string::npos);
    }
    SUBCASE("a service whose label no fallback language has") {
        test::replace_in_file(src / "lang/en/strings.txt", "service.housing = Housing\n", "");
        test::replace_in_file(src / "lang/it/strings.txt", "service.housing = Casa\n", "");
        load("places.csv");
        CHECK(e->line == 4);
        CHECK(e->problem.find("service \"housing\" is unknown: no fallback language (en, it)") != std::string::npos);
    }
    SUBCASE("a service id that is not an id") {
        test::replace_in_file(src / "places.csv", "information-legal", "information_legal");
        load("places.csv");
        CHECK(e->line == 2);
        CHECK(e->problem.find("service \"information_legal\" is not an id") != std::string::npos);
    }
    SUBCASE("a stop of a unit that does not exist") {
        test::replace_in_file(src / "stops.csv", "mobile-unit,2026-12-03", "mobile-van,2026-12-03");
        load("stops.csv");
        CHECK(e->line == 3);
        CHECK(e->item == "stop of \"mobile-van\" on 2026-12-03");
        CHECK(e->problem == "place \"mobile-van\" does not exist");
    }
    SUBCASE("a stop of a place that is not a mobile unit") {
        test::replace_in_file(src / "stops.csv", "mobile-unit,2026-12-01", "hub-nord,2026-12-01");
        load("stops.csv");
        CHECK(e->line == 2);
        CHECK(e->problem == "place \"hub-nord\" is a food_hub, not a mobile_unit");
    }
    SUBCASE("a date that is no day") {
        test::replace_in_file(src / "stops.csv", "2026-12-01", "2026-11-31");
        load("stops.csv");
        CHECK(e->problem == "date \"2026-11-31\" is not a date");
        CHECK(e->fix.find("YYYY-MM-DD") != std::string::npos);
    }
    SUBCASE("a span that ends before it starts") {
        test::replace_in_file(src / "stops.csv", "10:00-13:00", "13:00-10:00");
        load("stops.csv");
        CHECK(e->line == 2);
        CHECK(e->problem == "time \"13:00-10:00\" is not a time span within one day");
        CHECK(e->fix.find("HH:MM-HH:MM") != std::string::npos);
    }
    SUBCASE("a latitude off the earth") {
        test::replace_in_file(src / "stops.csv", "45.0900,7.6960", "450.900,7.6960");
        load("stops.csv");
        CHECK(e->line == 2);
        CHECK(e->problem == "lat \"450.900\" is not a number between -90 and 90");
    }
    SUBCASE("approximate neither yes nor no") {
        test::replace_in_file(src / "stops.csv", "7.6960,yes", "7.6960,maybe");
        load("stops.csv");
        CHECK(e->problem.find("\"maybe\" is neither yes nor no") != std::string::npos);
    }
    SUBCASE("example neither yes nor no") {
        test::replace_in_file(src / "stops.csv", "7.6960,yes,yes", "7.6960,yes,perhaps");
        load("stops.csv");
        CHECK(e->problem == "example \"perhaps\" is neither yes nor no");
        CHECK(e->fix.find("every language then says it is an example") != std::string::npos);
    }
    SUBCASE("a phone not in its groups") {
        test::replace_in_file(src / "places.csv", "011 0112 5500", "011.01125500");
        load("places.csv");
        CHECK(e->item == "place \"rednova-call-center\"");
        CHECK(e->problem.find("phone \"011.01125500\" is not digits in groups") != std::string::npos);
        CHECK(e->fix.find("011 0112 5500") != std::string::npos);
    }
    // What a spreadsheet does to a phone number it takes for a quantity (issue 21).
    SUBCASE("a phone a spreadsheet turned into a decimal") {
        test::replace_in_file(src / "places.csv", "011 0112 5500", "11.011255");
        load("places.csv");
        CHECK(e->problem.find("phone \"11.011255\" looks like a number a spreadsheet turned into a decimal") != std::string::npos);
        CHECK(e->fix.find("formatted as Text") != std::string::npos);
    }
    SUBCASE("a phone that lost its leading 0") {
        test::replace_in_file(src / "places.csv", "011 0112 5500", "11 0112 5500");
        load("places.csv");
        CHECK(e->problem.find("phone \"11 0112 5500\" starts with 1, and an Italian number starts with 0 (a landline), 3 (a mobile)") !=
              std::string::npos);
        CHECK(e->problem.find("a spreadsheet drops the leading 0") != std::string::npos);
    }
    SUBCASE("a tel: link that is a word") {
        test::replace_in_file(src / "links.csv", "tel:+39-011-0112-5500", "tel:chiamaci");
        load("links.csv");
        CHECK(e->problem.find("is not digits in groups") != std::string::npos);
    }
    SUBCASE("a tel: link with spaces") {
        test::replace_in_file(src / "links.csv", "tel:+39-011-0112-5500", "tel:011 0112 5500");
        load("links.csv");
        CHECK(e->problem.find("is not digits in groups separated by single -") != std::string::npos);
    }
    SUBCASE("a tel: link without its country code") {
        test::replace_in_file(src / "links.csv", "tel:+39-011-0112-5500", "tel:011-0112-5500");
        load("links.csv");
        CHECK(e->item == "link \"rednova-phone\"");
        CHECK(e->problem.find("has no country code") != std::string::npos);
    }
    SUBCASE("two stops of one unit at the same time") {
        test::write(src / "stops.csv", std::string(kStopsHeader) +
                                           "mobile-unit,2026-12-01,10:00-13:00,Aurora,,45.08,7.68,yes\n"
                                           "mobile-unit,2026-12-01,12:30-14:00,Vanchiglia,,45.07,7.70,yes\n");
        load("stops.csv");
        CHECK(e->line == 3);
        CHECK(e->problem == "its time 12:30-14:00 overlaps the stop at \"Aurora\" (10:00-13:00)");
    }
    SUBCASE("a counted message without a plural form the language needs") {
        test::replace_in_file(src / "lang/ru/strings.txt", " few {Киоск начнёт сначала через # секунды.}", "");
        load("lang/ru/strings.txt");
        CHECK(e->item == "key \"idle.restart_in\"");
        CHECK(e->problem == "the plural form `few` is missing; this language needs few, many, one, other");
    }
    REQUIRE(e);
    CHECK_FALSE(e->fix.empty());
    CHECK(e->format().starts_with(e->file + ":" + std::to_string(e->line) + ": error: "));
}

TEST_CASE("a source without stops.csv has no stops, and that is no error") {
    test::TempDir dir;
    Bundle b(build_from_demo(dir, [](const fs::path& src) { CHECK_FALSE(fs::exists(src / "stops.csv")); }));
    CHECK(b.stops("mobile-unit").empty());
    CHECK(b.upcoming_stops("mobile-unit", at("2026-12-01T09:00"), 3).empty());
}

TEST_CASE("the bundle gives back services with their labels, access notes and stops") {
    test::TempDir dir;
    // Without a French label, French visitors read the English one.
    const fs::path path = build_from_demo(dir, [](const fs::path& src) {
        test::replace_in_file(src / "lang/fr/strings.txt", "service.information-legal = Informations sur l'aide juridique\n", "");
        fs::copy_file(test::example_stops(), src / "stops.csv");
    });
    Bundle b(path);
    const auto rednova = b.place("rednova-call-center", "uk");
    REQUIRE(rednova);
    REQUIRE(rednova->services.size() == 4);
    CHECK(rednova->services[1].id == "information-legal");
    CHECK(rednova->services[1].label.text == "Інформація про юридичну допомогу");
    CHECK(rednova->services[1].label.lang == "uk");
    CHECK(rednova->access.text.starts_with("Перший поверх (piano terra)"));
    CHECK_FALSE(rednova->access.is_fallback);
    CHECK(b.ui("place.access", "en").text == "Accessibility");  // the label is the interface's, not a place's
    const auto fr = b.place("rednova-call-center", "fr");
    CHECK(fr->services[0].label.text == "Informations sur les services d'accueil");
    CHECK(fr->services[1].label.text == "Information on legal assistance");
    CHECK(fr->services[1].label.is_fallback);
    // A place about whose access nothing is known says nothing.
    CHECK_FALSE(b.place("hub-nord", "en")->access.found());
    CHECK(b.places("en")[3].services.front().label.text == "Food parcels");

    const auto stops = b.stops("mobile-unit");
    REQUIRE(stops.size() >= 10);
    CHECK(stops[0].unit == "mobile-unit");
    CHECK(stops[0].date == CivilDate{2026, 12, 1});
    CHECK(stops[0].from_minute == 600);
    CHECK(stops[0].to_minute == 780);
    CHECK(stops[0].name == "Barriera di Milano");
    CHECK(stops[0].example);
    CHECK(stops[2].address == "Largo Saluzzo, Torino");
    CHECK_FALSE(stops[2].approximate);
    CHECK(stops[0].lat == doctest::Approx(45.09));
    CHECK(stops[0].lon == doctest::Approx(7.696));
    CHECK(stops[0].approximate);
    CHECK(std::is_sorted(stops.begin(), stops.end(), [](const Stop& a, const Stop& c) { return a.date < c.date; }));
    CHECK(b.stops("hub-nord").empty());
    CHECK(b.all_text().find("San Salvario") != std::string::npos);
    // The stock sqlite3 tool reads the same rows.
    const auto rows = test::run("sqlite3 -readonly " + path.string() +
                                " \"SELECT count(*), min(date) FROM unit_stop; SELECT group_concat(service_id, ' ') FROM (SELECT "
                                "service_id FROM place_service WHERE place_id = 'servizio-stranieri' ORDER BY position)\"");
    CHECK(rows.output == std::to_string(stops.size()) + "|2026-12-01\ninformation mediation housing\n");
}

TEST_CASE("upcoming stops are read on Torino's clock, to the minute, across the summer-time change") {
    test::TempDir dir;
    Bundle b(build_from_demo(dir, [](const fs::path& src) {
        // 28 March 2027 is the last Sunday of March: clocks go from 02:00 to 03:00, UTC+1 to UTC+2.
        test::write(src / "stops.csv", std::string(kStopsHeader) +
                                           "mobile-unit,2027-03-27,10:00-13:00,Aurora,,45.08,7.68,yes\n"
                                           "mobile-unit,2027-03-28,10:00-13:00,Vanchiglia,,45.07,7.70,yes\n"
                                           "mobile-unit,2027-03-28,15:00-17:00,Vanchiglia,,45.07,7.70,yes\n"
                                           "mobile-unit,2027-04-02,09:30-12:00,Lingotto,,45.03,7.66,yes\n");
    }));
    const auto upcoming = [&](Instant now, int limit = 10) { return dates(b.upcoming_stops("mobile-unit", now, limit)); };
    using V = std::vector<std::string>;
    CHECK(upcoming(at("2027-03-20T09:00")) == V{"2027-03-27 10:00", "2027-03-28 10:00", "2027-03-28 15:00", "2027-04-02 09:30"});
    CHECK(upcoming(at("2027-03-20T09:00"), 2) == V{"2027-03-27 10:00", "2027-03-28 10:00"});
    CHECK(upcoming(at("2027-03-20T09:00"), 0).empty());
    // 12:30 winter time on the 27th is 11:30 UTC: the stop is under way, so still ahead.
    CHECK(upcoming(at("2027-03-27T11:30Z"), 1) == V{"2027-03-27 10:00"});
    // The same 11:30 UTC on the 28th is 13:30 summer time: that morning's stop is over. A reader
    // that took the day before's offset would think it 12:30 and send the visitor to it.
    CHECK(upcoming(at("2027-03-28T11:30Z"), 1) == V{"2027-03-28 15:00"});
    // A stop ending at the current minute is over; a second before, it is not.
    CHECK(upcoming(at("2027-03-28T13:00"), 1) == V{"2027-03-28 15:00"});
    CHECK(upcoming(at("2027-03-28T13:00") - std::chrono::seconds(1), 1) == V{"2027-03-28 10:00"});
    CHECK(upcoming(at("2027-03-28T12:59"), 1) == V{"2027-03-28 10:00"});
    CHECK(upcoming(at("2027-04-02T12:00")).empty());
    CHECK(b.upcoming_stops("hub-nord", at("2027-03-20T09:00"), 3).empty());
}
