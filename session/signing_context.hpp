// The libsecp256k1 context session/ (and chain/, through session/) signs and
// recovers with.
#pragma once

#include <secp256k1.h>

namespace okmpc::session {

// Created once (thread-safe static initialization), randomized with 32 bytes
// from the OS CSPRNG (side-channel blinding for signing). Never null, never
// destroyed; read-only use from several threads is safe.
const secp256k1_context* signing_context();

}  // namespace okmpc::session
