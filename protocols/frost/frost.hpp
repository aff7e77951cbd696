// FROST threshold Schnorr signing, RFC 9591 (papers/rfc9591.md), generic over
// a Ciphersuite: FrostEd25519Sha512 (§6.1) and FrostSecp256k1Sha256 (§6.5).
//   round1::commit  → SigningNonces (secret, move-only) + SigningCommitments
//   round2::sign    → SignatureShare (consumes the nonces)
//   aggregate       → Signature (every share and the result verified)
//   FrostParty / sign_simulated: the same as runtime::Party state machines.
#pragma once

#include "protocols/frost/aggregate.hpp"
#include "protocols/frost/ciphersuite.hpp"
#include "protocols/frost/party.hpp"
#include "protocols/frost/round1.hpp"
#include "protocols/frost/round2.hpp"
#include "protocols/frost/sign_simulated.hpp"
#include "protocols/frost/types.hpp"
#include "protocols/frost/verify.hpp"
#include "protocols/frost/wire.hpp"
