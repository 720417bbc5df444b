#pragma once
// The lines of a place's card that are not its hours, as a visitor reads them in their language:
// what the place offers, and where a mobile unit stands next.
#include <string>
#include <vector>

#include "content/model/bundle.hpp"

namespace kiosk {

/// "Services: Information · Legal advice"; empty when the place lists none.
std::string services_line(const content::Bundle& bundle, const std::string& lang, const std::vector<content::ServiceView>& services);

/// "Sunday 6 December 07:45": the date and time in Torino at `now` as the language writes them
/// (locale_format.hpp), for the header's clock (so "opens tomorrow at 09:00" means something),
/// the time isolated.
std::string now_text(const std::string& lang, content::Instant now);

/// "Tuesday 1 December 10:00–13:00 · Barriera di Milano": the date and the span on Torino's
/// 24-hour clock as the language writes them; an example stop ends with the language's "example, not a real stop".
std::string stop_line(const content::Bundle& bundle, const std::string& lang, const content::Stop& stop);

}  // namespace kiosk
