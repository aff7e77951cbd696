// Declassification hook for the constant-time check (tests/ctime).
//
// The check marks secrets undefined under valgrind memcheck; any branch or
// memory index that depends on them is reported. A value computed from
// secrets that the protocol *publishes* (a nonce commitment point R_i = r_i·G,
// a signature share, a sent message) is no longer secret, and the code that
// publishes it says so with `declassify(value)` at the point of publication,
// as libsecp256k1 does with `secp256k1_declassify` (e.g. on the validity bit
// of a nonce in secp256k1_ecdsa_sign).
//
// Contract: declassify has no effect on the value and costs nothing in normal
// builds. Only when OKMPC_CTIME_CHECK is defined (set by tests/ctime/
// CMakeLists.txt for the libraries it builds; needs valgrind/memcheck.h) does
// it tell memcheck that the bytes are defined. Call it only on values that
// really leave the party (or whose every bit the caller is about to reveal,
// e.g. through a returned error); declassifying a real secret hides a leak
// from the check.
#pragma once

#include <cstdint>
#include <span>
#include <type_traits>

#if defined(OKMPC_CTIME_CHECK)
#include <valgrind/memcheck.h>
#endif

namespace okmpc {

// Marks `bytes` as public for the constant-time check; no-op otherwise.
inline void declassify(std::span<const uint8_t> bytes) noexcept {
#if defined(OKMPC_CTIME_CHECK)
  VALGRIND_MAKE_MEM_DEFINED(bytes.data(), bytes.size());
#else
  (void)bytes;
#endif
}

// Marks the object representation of `value` (a scalar, a point, a flag)
// as public for the constant-time check; no-op otherwise.
template <class T>
  requires std::is_trivially_copyable_v<T>
inline void declassify(const T& value) noexcept {
  declassify(std::span<const uint8_t>(reinterpret_cast<const uint8_t*>(&value), sizeof(T)));
}

}  // namespace okmpc
