#include "mpc/rng.hpp"

#include <sodium.h>

#include <cstring>
#include <stdexcept>

#include "mpc/hash.hpp"

namespace okmpc {

uint64_t Rng::next_u64() {
  auto b = bytes<8>();
  uint64_t v = 0;
  for (uint8_t x : b) v = v << 8 | x;
  return v;
}

uint64_t Rng::uniform(uint64_t bound) {
  if (bound == 0) return 0;
  const uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
  for (;;) {
    uint64_t v = next_u64();
    if (v < limit) return v % bound;
  }
}

OsRng::OsRng() {
  if (sodium_init() < 0) throw std::runtime_error("libsodium failed to initialize");
}

void OsRng::fill(std::span<uint8_t> out) { randombytes_buf(out.data(), out.size()); }

DeterministicRng::DeterministicRng(ByteView seed) : key_(sha256(seed)) {}

DeterministicRng::DeterministicRng(uint64_t seed) {
  Bytes s;
  append_u64_be(s, seed);
  key_ = sha256(s);
}

DeterministicRng::DeterministicRng(DeterministicRng&& o) noexcept
    : key_(o.key_), block_(o.block_), buffer_(o.buffer_), buffered_(o.buffered_) {
  sodium_memzero(o.key_.data(), o.key_.size());
  o.buffered_ = 0;
}

DeterministicRng& DeterministicRng::operator=(DeterministicRng&& o) noexcept {
  if (this != &o) {
    key_ = o.key_;
    block_ = o.block_;
    buffer_ = o.buffer_;
    buffered_ = o.buffered_;
    sodium_memzero(o.key_.data(), o.key_.size());
    o.buffered_ = 0;
  }
  return *this;
}

DeterministicRng::~DeterministicRng() {
  sodium_memzero(key_.data(), key_.size());
  sodium_memzero(buffer_.data(), buffer_.size());
}

void DeterministicRng::fill(std::span<uint8_t> out) {
  static const uint8_t kNonce[crypto_stream_chacha20_NONCEBYTES] = {0};
  size_t pos = 0;
  while (pos < out.size()) {
    if (buffered_ == 0) {
      std::memset(buffer_.data(), 0, buffer_.size());
      crypto_stream_chacha20_xor_ic(buffer_.data(), buffer_.data(), buffer_.size(), kNonce, block_++,
                                    key_.data());
      buffered_ = buffer_.size();
    }
    size_t take = std::min(buffered_, out.size() - pos);
    std::memcpy(out.data() + pos, buffer_.data() + (buffer_.size() - buffered_), take);
    buffered_ -= take;
    pos += take;
  }
}

DeterministicRng DeterministicRng::fork(std::string_view label, uint64_t index) const {
  Bytes material(key_.begin(), key_.end());
  append_u32_be(material, static_cast<uint32_t>(label.size()));
  append(material, as_bytes(label));
  append_u64_be(material, index);
  DeterministicRng child(material);
  sodium_memzero(material.data(), material.size());
  return child;
}

}  // namespace okmpc
