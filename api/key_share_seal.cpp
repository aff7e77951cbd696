// Sealed key shares: the serialized form (key_share.cpp) under libsodium's
// XChaCha20-Poly1305-IETF AEAD with a caller-supplied key; format in
// include/okmpc/key_share.hpp. Every plaintext buffer is wiped after use.
#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <string>

#include "api/internal_error.hpp"
#include "okmpc/key_share.hpp"

namespace okmpc::api {
namespace {

constexpr std::array<uint8_t, 8> kSealMagic = {'O', 'K', 'M', 'P', 'C', '-', 'S', 'K'};
constexpr uint8_t kSealVersion = 1;
constexpr size_t kHeaderBytes = kSealMagic.size() + 1;
constexpr size_t kNonceBytes = crypto_aead_xchacha20poly1305_ietf_NPUBBYTES;
constexpr size_t kTagBytes = crypto_aead_xchacha20poly1305_ietf_ABYTES;

static_assert(crypto_aead_xchacha20poly1305_ietf_KEYBYTES == 32);

void init_sodium() {
  if (sodium_init() < 0) std::abort();  // no CSPRNG: nothing safe can run
}

}  // namespace

void wipe(std::vector<uint8_t>& bytes) {
  if (!bytes.empty()) sodium_memzero(bytes.data(), bytes.size());
  bytes.clear();
}

std::vector<uint8_t> KeyShare::seal(SealingKey key) const {
  init_sodium();
  std::vector<uint8_t> plain = serialize();
  std::vector<uint8_t> out(kHeaderBytes + kNonceBytes + plain.size() + kTagBytes);
  std::copy(kSealMagic.begin(), kSealMagic.end(), out.begin());
  out[kSealMagic.size()] = kSealVersion;
  uint8_t* nonce = out.data() + kHeaderBytes;
  randombytes_buf(nonce, kNonceBytes);
  unsigned long long written = 0;
  crypto_aead_xchacha20poly1305_ietf_encrypt(nonce + kNonceBytes, &written, plain.data(), plain.size(),
                                             out.data(), kHeaderBytes, nullptr, nonce, key.data());
  wipe(plain);
  return out;
}

Result<KeyShare> KeyShare::open(std::span<const uint8_t> sealed, SealingKey key) {
  init_sodium();
  if (sealed.size() < kHeaderBytes + kNonceBytes + kTagBytes) {
    return make_error(okmpc::ErrorCode::kInvalidEncoding, "sealed key share: too short");
  }
  if (!std::equal(kSealMagic.begin(), kSealMagic.end(), sealed.begin())) {
    return make_error(okmpc::ErrorCode::kInvalidEncoding, "sealed key share: bad magic");
  }
  if (sealed[kSealMagic.size()] != kSealVersion) {
    return make_error(okmpc::ErrorCode::kInvalidEncoding,
                      "sealed key share: unsupported version " + std::to_string(sealed[kSealMagic.size()]));
  }
  const uint8_t* nonce = sealed.data() + kHeaderBytes;
  const auto cipher = sealed.subspan(kHeaderBytes + kNonceBytes);
  std::vector<uint8_t> plain(cipher.size() - kTagBytes);
  unsigned long long read = 0;
  if (crypto_aead_xchacha20poly1305_ietf_decrypt(plain.data(), &read, nullptr, cipher.data(), cipher.size(),
                                                 sealed.data(), kHeaderBytes, nonce, key.data()) != 0) {
    return make_error(okmpc::ErrorCode::kCorrupted,
                      "sealed key share: authentication failed (wrong key, or the bytes were modified)");
  }
  auto share = deserialize(plain);
  wipe(plain);
  return share;
}

}  // namespace okmpc::api
