// The registered client a gateway started without --clients knows: a fixed,
// published key pair, so the demo and the end-to-end tests can produce
// sessionPkClientSignature. For demonstrations only — anyone can sign as it.
#pragma once

#include <string_view>

namespace okmpc::gateway::demo_client {

// The client's Smart Wallet Account (sessionData.clientSWA).
inline constexpr std::string_view kClientSwa = "0x00000000000000000000000000000000000c11e7";
// The client signer's secp256k1 private key (big-endian hex) — public knowledge.
inline constexpr std::string_view kSignerPrivateKeyHex =
    "6f6b6d70632d64656d6f2d636c69656e742d7369676e65722d6b65792d763031";

}  // namespace okmpc::gateway::demo_client
