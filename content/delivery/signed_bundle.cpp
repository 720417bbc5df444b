#include "content/delivery/signed_bundle.hpp"

#include <charconv>
#include <map>
#include <sstream>

#include "content/model/bundle.hpp"
#include "content/text/text_files.hpp"

namespace content {

std::string trusted_comment_for(const Meta& meta) {
    return "kiosk-bundle version:" + std::to_string(meta.version) + " channel:" + meta.channel + " expires:" + meta.expires;
}

namespace {

std::map<std::string, std::string> comment_fields(const std::string& comment) {
    std::map<std::string, std::string> fields;
    std::istringstream words(comment);
    for (std::string w; words >> w;)
        if (const auto colon = w.find(':'); colon != std::string::npos) fields[w.substr(0, colon)] = w.substr(colon + 1);
    return fields;
}

}  // namespace

SignatureClaims claims_of(const minisign::Signature& signature) {
    auto fields = comment_fields(signature.trusted_comment);
    SignatureClaims claims{std::nullopt, fields["channel"], fields["expires"]};
    const std::string& text = fields["version"];
    long long version = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), version);
    if (ec == std::errc() && end == text.data() + text.size() && version > 0) claims.version = version;
    return claims;
}

VerifiedBundle verify_bundle(const std::filesystem::path& bundle, const std::filesystem::path& signature_file,
                             std::span<const minisign::PublicKey> trusted, const std::function<bool()>& stop) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const auto size = fs::file_size(signature_file, ec);
    if (ec) throw minisign::Error("no signature file " + signature_file.string());
    if (size > kMaxSignatureBytes)
        throw minisign::Error("the signature file is " + std::to_string(size) + " bytes, more than a signature can be (" +
                              std::to_string(kMaxSignatureBytes) + ")");
    const auto text = read_file(signature_file);
    if (!text) throw minisign::Error("cannot read " + signature_file.string());
    const auto signature = minisign::parse_signature(*text);
    const auto& key = minisign::verify(minisign::hash_file(bundle, stop), signature, trusted);

    Meta meta;
    try {
        meta = Bundle(bundle).meta();
    } catch (const BundleError& e) {
        throw minisign::Error(std::string("signed, but not a usable bundle: ") + e.what());
    }
    const auto fields = comment_fields(signature.trusted_comment);
    const auto claim = [&](const char* name) {
        auto it = fields.find(name);
        return it == fields.end() ? std::string("(missing)") : it->second;
    };
    const std::pair<const char*, std::string> expected[] = {
        {"version", std::to_string(meta.version)}, {"channel", meta.channel}, {"expires", meta.expires}};
    for (const auto& [name, value] : expected)
        if (claim(name) != value)
            throw minisign::Error(std::string("the trusted comment says ") + name + " " + claim(name) + " but the bundle has " +
                                  value + "; sign with -t \"$(kiosk-bundle trusted-comment BUNDLE)\"");
    return {meta, minisign::key_id_hex(key.id)};
}

}  // namespace content
