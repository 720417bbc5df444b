#pragma once
// kiosk-bundle's subcommands. Each takes the words after its name and returns the exit status:
// 0 done, 1 the input was refused (the reason is printed), 2 the command was mistyped.
#include <string>
#include <vector>

#include "content/cli/cli_args.hpp"
#include "content/delivery/minisign.hpp"

namespace content::cli {

using Words = std::vector<std::string>;

int build(const Words& args);
int validate(const Words& args);
int info(const Words& args);
int links(const Words& args);
int coverage(const Words& args);
int diff(const Words& args);
int keygen(const Words& args);
int sign(const Words& args);
int trusted_comment(const Words& args);
int verify(const Words& args);
int install(const Words& args);
int status(const Words& args);
int publish(const Words& args);
int keyring(const Words& args);
int hours(const Words& args);
int export_po(const Words& args);
int import_po(const Words& args);
int mark_translated(const Words& args);

/// The public keys named by every --public FILE; a usage error when there is none.
std::vector<minisign::PublicKey> trusted_keys(const Args& args);

/// The secret key named by --secret, asking for its password (or reading --password-file)
/// when it has one.
minisign::SecretKey secret_key(const Args& args);

}  // namespace content::cli
