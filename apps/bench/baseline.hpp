// The single-party floor every bench run is compared against: one plain
// signature with the library okmpc trusts for the curve — libsecp256k1 ECDSA
// sign (secp256k1) or libsodium Ed25519 sign (ed25519) — timed in-process in
// the same run as the protocol, so the `ratio` column is free of machine
// differences.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "mpc/error.hpp"

namespace okmpc::bench {

struct Baseline {
  std::string curve;      // "secp256k1" | "ed25519"
  std::string operation;  // e.g. "libsecp256k1 secp256k1_ecdsa_sign"
  double ms_per_op = 0;   // median over batches of the mean time of one sign
  uint64_t operations = 0;  // signatures timed in total
};

// Times single-party signing on `curve` (a few thousand signatures at most,
// well under a second). Every produced signature is checked with the
// library's verify once per batch, so a broken baseline cannot report a
// fast time. kInvalidArgument for an unknown curve; kInternal if a library
// call fails.
Result<Baseline> measure_baseline(std::string_view curve);

}  // namespace okmpc::bench
