// The full 512-bit product of two 256-bit values held as four 64-bit limbs
// (little-endian), schoolbook by rows. Branch-free with no data-dependent
// memory access, so it serves secret scalars too. The scalar, field and
// GLV code reduce the product each its own way.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>

namespace okmpc {

inline std::array<uint64_t, 8> mul_256x256(const std::array<uint64_t, 4>& a, const std::array<uint64_t, 4>& b) {
  __extension__ typedef unsigned __int128 u128;
  std::array<uint64_t, 8> w{};
  for (size_t i = 0; i < 4; ++i) {
    uint64_t carry = 0;
    for (size_t j = 0; j < 4; ++j) {
      const u128 t = static_cast<u128>(a[i]) * b[j] + w[i + j] + carry;
      w[i + j] = static_cast<uint64_t>(t);
      carry = static_cast<uint64_t>(t >> 64);
    }
    w[i + 4] = carry;
  }
  return w;
}

}  // namespace okmpc
