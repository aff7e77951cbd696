// Randomness is injected: protocols take an Rng&. Production uses OsRng
// (libsodium randombytes_buf); tests use DeterministicRng (ChaCha20 keyed by a
// seed) so every failure replays.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "mpc/bytes.hpp"

namespace okmpc {

class Rng {
 public:
  virtual ~Rng() = default;
  virtual void fill(std::span<uint8_t> out) = 0;

  template <size_t N>
  ByteArray<N> bytes() {
    ByteArray<N> out;
    fill(out);
    return out;
  }
  uint64_t next_u64();
  // Uniform in [0, bound) without modulo bias; bound > 0.
  uint64_t uniform(uint64_t bound);
};

// The operating system's CSPRNG through libsodium.
class OsRng final : public Rng {
 public:
  OsRng();
  void fill(std::span<uint8_t> out) override;
};

// Deterministic ChaCha20 stream keyed by SHA-256(seed). NOT for production keys.
class DeterministicRng final : public Rng {
 public:
  explicit DeterministicRng(ByteView seed);
  explicit DeterministicRng(uint64_t seed);
  DeterministicRng(const DeterministicRng&) = delete;
  DeterministicRng& operator=(const DeterministicRng&) = delete;
  DeterministicRng(DeterministicRng&&) noexcept;
  DeterministicRng& operator=(DeterministicRng&&) noexcept;
  ~DeterministicRng() override;

  void fill(std::span<uint8_t> out) override;
  // An independent child stream, e.g. one per party: keyed by
  // SHA-256(key ‖ label ‖ index); does not advance this stream.
  DeterministicRng fork(std::string_view label, uint64_t index = 0) const;

 private:
  ByteArray<32> key_{};
  uint64_t block_ = 0;       // next ChaCha20 block counter
  ByteArray<64> buffer_{};   // unread keystream
  size_t buffered_ = 0;
};

}  // namespace okmpc
