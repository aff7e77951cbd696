// Key share files: one party's DKG output (protocols/dkg/key_share.hpp) as
// JSON, written by `okmpc keygen` and loaded by `okmpc sign`.
//
// Format (one object, exactly these fields, hex lowercase without "0x"):
//   "curve":               "secp256k1" | "ed25519"
//   "index":               party identifier, 1..parties
//   "threshold":           t, parties needed to sign, 1..parties
//   "parties":             n, 1..255
//   "secret_share":        scalar, 32 bytes (secp256k1 big-endian; Ed25519
//                          little-endian as libsodium), canonical (< order)
//   "group_public_key":    point (secp256k1 33-byte compressed; Ed25519 32)
//   "verification_shares": array of n points, [i-1] belongs to party i
//
// Loading is strict: unknown, missing or mistyped fields, wrong lengths,
// uppercase or prefixed hex, non-canonical scalars and invalid points are
// kInvalidEncoding; then consistency is verified and a failure is kCorrupted:
// secret_share·G == verification_shares[index-1]; the shares of parties
// 1..t interpolate (Lagrange at 0) to group_public_key; every other
// verification share lies on the same degree t-1 polynomial (one random
// linear-combination check). Every error message starts with the file path.
// Files are written with mode 0600; secret-bearing buffers are wiped after use.
#pragma once

#include <filesystem>
#include <string>

#include "mpc/ed25519.hpp"
#include "mpc/error.hpp"
#include "mpc/secp256k1.hpp"
#include "protocols/dkg/key_share.hpp"

namespace okmpc::keyshare {

// The "curve" field of a key share file ("secp256k1" or "ed25519") without
// loading the rest, so a command can pick the right load_key_share<C>.
// Errors: kNotFound, kIo, kInvalidEncoding (not JSON, no or unknown curve).
Result<std::string> peek_curve(const std::filesystem::path& path);

// Loads and verifies a key share file for curve C (Secp256k1 or Ed25519).
// A file for another curve is kInvalidEncoding.
template <Curve C>
Result<dkg::KeyShare<C>> load_key_share(const std::filesystem::path& path);

// The file's JSON text for `share` (the format above, pretty-printed). It
// holds the secret share: wipe it (sodium_memzero) when done.
template <Curve C>
std::string key_share_json(const dkg::KeyShare<C>& share);

// Writes `share` to `path` with mode 0600. Without `overwrite` an existing
// file is kAlreadyExists (checked atomically with O_EXCL); with it the file
// is replaced atomically (temporary file + rename). I/O failures: kIo.
template <Curve C>
Status write_key_share(const std::filesystem::path& path, const dkg::KeyShare<C>& share, bool overwrite);

}  // namespace okmpc::keyshare
