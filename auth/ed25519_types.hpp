// Ed25519 (RFC 8032) key and signature byte types used across auth/.
#pragma once

#include "mpc/bytes.hpp"

namespace okmpc::auth {

using Ed25519PublicKey = ByteArray<32>;
using Ed25519Signature = ByteArray<64>;

}  // namespace okmpc::auth
