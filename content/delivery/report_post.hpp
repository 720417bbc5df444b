#pragma once
// Sending a kiosk's report to the console (libcurl, this folder being its one user): one POST
// of JSON with the kiosk's token, bounded in time, over https or, on a trusted network, http.
#include <chrono>
#include <string>

namespace content {

struct PostResult {
    long status = 0;    // the HTTP status; 0 when no answer came
    std::string error;  // why not, when status is 0
};

/// POSTs `json` to `url` with `Authorization: Bearer token`. `ca_file`: extra CA certificates
/// for https (empty: the system's). Gives up after `timeout`.
PostResult post_report(const std::string& url, const std::string& token, const std::string& json, const std::string& ca_file,
                       std::chrono::seconds timeout = std::chrono::seconds(20));

}  // namespace content
