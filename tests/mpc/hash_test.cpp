// mpc/hash.hpp: SHA-256 and SHA-512 (OpenSSL) against the FIPS 180 example
// vectors byte for byte, cross-checked against libsodium's independent
// implementation on every length around the block boundaries, and the
// incremental Sha256 against the one-shot function.
#include "mpc/hash.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <string>
#include <thread>

#include "mpc/hex.hpp"

namespace okmpc {
namespace {

const std::string kAbc = "abc";
const std::string k448 = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
const std::string k896 =
    "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";

TEST(Sha256Hash, Fips180KnownAnswers) {
  EXPECT_EQ(to_hex(sha256(as_bytes(""))), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  EXPECT_EQ(to_hex(sha256(as_bytes(kAbc))), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  EXPECT_EQ(to_hex(sha256(as_bytes(k448))), "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
  EXPECT_EQ(to_hex(sha256(as_bytes(std::string(1'000'000, 'a')))),
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
}

TEST(Sha512Hash, Fips180KnownAnswers) {
  EXPECT_EQ(to_hex(sha512(as_bytes(kAbc))),
            "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
            "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f");
  EXPECT_EQ(to_hex(sha512(as_bytes(k896))),
            "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
            "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909");
  EXPECT_EQ(to_hex(sha512(as_bytes(std::string(1'000'000, 'a')))),
            "e718483d0ce769644e2e42c7bc15b4638e1f98b13b2044285632a803afa973eb"
            "de0ff244877ea60a4cb0432ce577c31beb009c5c2c49aa2e4eadb217ad8cc09b");
}

TEST(Sha256Hash, PartsEqualConcatenation) {
  const Bytes all(as_bytes(k448).begin(), as_bytes(k448).end());
  const ByteView v(all);
  EXPECT_EQ(sha256({v.first(5), v.subspan(5, 50), v.subspan(55)}), sha256(v));
  EXPECT_EQ(sha512({v.first(1), ByteView{}, v.subspan(1)}), sha512(v));
}

// Every length 0..300 (all padding cases of both block sizes) agrees with
// libsodium's portable implementation, so the OpenSSL dispatch (SHA
// extensions, AVX2) is checked on this machine's CPU path.
TEST(Sha256Hash, AgreesWithLibsodiumOnEveryShortLength) {
  Bytes data(300);
  for (size_t i = 0; i < data.size(); ++i) data[i] = static_cast<uint8_t>(i * 131 + 7);
  for (size_t len = 0; len <= data.size(); ++len) {
    const ByteView v(data.data(), len);
    Hash32 ref256;
    crypto_hash_sha256(ref256.data(), v.data(), v.size());
    Hash64 ref512;
    crypto_hash_sha512(ref512.data(), v.data(), v.size());
    ASSERT_EQ(sha256(v), ref256) << "length " << len;
    ASSERT_EQ(sha512(v), ref512) << "length " << len;
  }
}

TEST(Sha256Hash, ThreadsGetTheSameDigests) {
  const Hash32 expected = sha256(as_bytes(k448));
  Hash32 other{};
  std::thread worker([&] { other = sha256(as_bytes(k448)); });
  worker.join();
  EXPECT_EQ(other, expected);
  EXPECT_EQ(sha256(as_bytes(k448)), expected);  // this thread's context is reusable
}

TEST(Sha256Incremental, MatchesOneShotAcrossPieceSizes) {
  Bytes data(1000);
  for (size_t i = 0; i < data.size(); ++i) data[i] = static_cast<uint8_t>(i ^ (i >> 3));
  const Hash32 expected = sha256(data);
  for (size_t piece : {1, 7, 63, 64, 65, 999, 1000}) {
    Sha256 h;
    for (size_t pos = 0; pos < data.size(); pos += piece) {
      h.update(ByteView(data).subspan(pos, std::min(piece, data.size() - pos)));
    }
    EXPECT_EQ(h.finish(), expected) << "pieces of " << piece;
  }
}

TEST(Sha256Incremental, EmptyAndMoved) {
  Sha256 empty;
  EXPECT_EQ(to_hex(empty.finish()), "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  Sha256 a;
  a.update(as_bytes("ab"));
  Sha256 b = std::move(a);
  b.update(as_bytes("c"));
  EXPECT_EQ(to_hex(b.finish()), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

}  // namespace
}  // namespace okmpc
