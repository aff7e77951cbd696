// 1/a mod m for 256-bit values held as four 64-bit limbs (little-endian),
// by GMP's extended gcd: VARIABLE TIME, for public values only (the
// secp256k1 field's and scalar group's public inversions).
#pragma once

#include <array>
#include <cstdint>

namespace okmpc {

// The inverse of a modulo m, fully reduced, for 0 < a < m with gcd(a, m) = 1
// (m prime: any nonzero a < m). Zero for a = 0 or a non-invertible a.
std::array<uint64_t, 4> mod_inverse_vartime(const std::array<uint64_t, 4>& a, const std::array<uint64_t, 4>& m);

}  // namespace okmpc
