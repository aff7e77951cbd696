#include "mpc/hash.hpp"

#include <cryptopp/keccak.h>
#include <sodium.h>

namespace okmpc {

Hash32 sha256(ByteView data) { return sha256({data}); }
Hash64 sha512(ByteView data) { return sha512({data}); }
Hash32 keccak256(ByteView data) { return keccak256({data}); }

Hash32 sha256(std::initializer_list<ByteView> parts) {
  crypto_hash_sha256_state st;
  crypto_hash_sha256_init(&st);
  for (ByteView p : parts) crypto_hash_sha256_update(&st, p.data(), p.size());
  Hash32 out;
  crypto_hash_sha256_final(&st, out.data());
  return out;
}

Hash64 sha512(std::initializer_list<ByteView> parts) {
  crypto_hash_sha512_state st;
  crypto_hash_sha512_init(&st);
  for (ByteView p : parts) crypto_hash_sha512_update(&st, p.data(), p.size());
  Hash64 out;
  crypto_hash_sha512_final(&st, out.data());
  return out;
}

Hash32 keccak256(std::initializer_list<ByteView> parts) {
  CryptoPP::Keccak_256 h;
  for (ByteView p : parts) h.Update(p.data(), p.size());
  Hash32 out;
  h.Final(out.data());
  return out;
}

Hash32 hmac_sha256(ByteView key, ByteView data) {
  crypto_auth_hmacsha256_state st;
  crypto_auth_hmacsha256_init(&st, key.data(), key.size());
  crypto_auth_hmacsha256_update(&st, data.data(), data.size());
  Hash32 out;
  crypto_auth_hmacsha256_final(&st, out.data());
  return out;
}

}  // namespace okmpc
