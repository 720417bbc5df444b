#include "content/delivery/report_post.hpp"

#include <curl/curl.h>

#include <memory>

namespace content {

namespace {

size_t discard(char*, size_t size, size_t count, void*) { return size * count; }

}  // namespace

PostResult post_report(const std::string& url, const std::string& token, const std::string& json, const std::string& ca_file,
                       std::chrono::seconds timeout) {
    std::unique_ptr<CURL, void (*)(CURL*)> curl(curl_easy_init(), &curl_easy_cleanup);
    if (!curl) return {0, "libcurl could not start"};
    CURL* c = curl.get();
    curl_slist* headers = curl_slist_append(nullptr, "Content-Type: application/json");
    headers = curl_slist_append(headers, ("Authorization: Bearer " + token).c_str());
    const std::unique_ptr<curl_slist, void (*)(curl_slist*)> keep(headers, &curl_slist_free_all);
    char problem[CURL_ERROR_SIZE] = "";
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_POSTFIELDS, json.c_str());
    curl_easy_setopt(c, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(json.size()));
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, discard);
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 0L);  // a report goes where it is sent, or nowhere
    if (!ca_file.empty()) curl_easy_setopt(c, CURLOPT_CAINFO, ca_file.c_str());
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // sent from a worker thread
    curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(timeout.count()));
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, problem);
    if (const CURLcode code = curl_easy_perform(c); code != CURLE_OK) return {0, problem[0] ? problem : curl_easy_strerror(code)};
    long status = 0;
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    return {status, {}};
}

}  // namespace content
