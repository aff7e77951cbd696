// Command-line tests of threshold ECDSA: `okmpc sign --digest/--eip191` and
// `okmpc verify --address/--public-key` (dispatched to apps/cmd_sign_ecdsa.cpp)
// on share files written here from a trusted dealer; signatures are checked
// with libsecp256k1 recovery, independent of okmpc.
#include <gtest/gtest.h>
#include <secp256k1.h>
#include <secp256k1_recovery.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include <boost/json.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "mpc/eth.hpp"
#include "mpc/hex.hpp"
#include "mpc/polynomial.hpp"
#include "mpc/secp256k1.hpp"

namespace okmpc {
namespace {

namespace fs = std::filesystem;

struct Cli {
  int code = -1;
  std::string out;
};

Cli okmpc_run(const std::string& args) {
  const std::string cmd = std::string(OKMPC_BIN) + " " + args + " 2>/dev/null";
  Cli r;
  FILE* p = ::popen(cmd.c_str(), "r");
  if (p == nullptr) return r;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  const int status = ::pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

// Writes DIR/party-<i>.json for a t-of-n Shamir sharing of `secret`, in the
// key share file format of apps/keyshare_file.hpp.
void write_shares(const fs::path& dir, uint32_t t, uint32_t n, const Secp256k1::Scalar& secret, Rng& rng) {
  fs::create_directories(dir);
  auto poly = Polynomial<Secp256k1>::random(secret, t - 1, rng);
  boost::json::array verification;
  for (uint32_t i = 1; i <= n; ++i) {
    verification.emplace_back(to_hex(Secp256k1::Point::base_mul(poly.evaluate(i).expose()).to_bytes()));
  }
  for (uint32_t i = 1; i <= n; ++i) {
    boost::json::object o{{"curve", "secp256k1"},
                          {"index", i},
                          {"threshold", t},
                          {"parties", n},
                          {"secret_share", to_hex(poly.evaluate(i).expose().to_bytes())},
                          {"group_public_key", to_hex(Secp256k1::Point::base_mul(secret).to_bytes())},
                          {"verification_shares", verification}};
    const fs::path p = dir / ("party-" + std::to_string(i) + ".json");
    std::ofstream(p) << boost::json::serialize(o);
    fs::permissions(p, fs::perms::owner_read | fs::perms::owner_write);
  }
}

std::string recovered_address(const ByteArray<65>& sig, const Hash32& digest) {
  const secp256k1_context* ctx = secp256k1_ctx();
  secp256k1_ecdsa_recoverable_signature rsig;
  if (!secp256k1_ecdsa_recoverable_signature_parse_compact(ctx, &rsig, sig.data(), sig[64] - 27)) return "";
  secp256k1_pubkey pk;
  if (!secp256k1_ecdsa_recover(ctx, &pk, &rsig, digest.data())) return "";
  ByteArray<65> ser{};
  size_t len = ser.size();
  secp256k1_ec_pubkey_serialize(ctx, ser.data(), &len, &pk, SECP256K1_EC_UNCOMPRESSED);
  return eth::to_checksum(eth::address_from_public_key(ser).value());
}

class EcdsaCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("okmpc-ecdsa-cli-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  fs::path dir_;
};

TEST_F(EcdsaCli, TwoOfThreeSignsVerifiesAndStoresTheSetup) {
  DeterministicRng rng(1);
  write_shares(dir_, 2, 3, Secp256k1::Scalar::random(rng), rng);
  const std::string digest = "5f3c2b1a00112233445566778899aabbccddeeff00112233445566778899aabb";
  Cli r = okmpc_run("sign --keys " + dir_.string() + " --signers 1,3 --digest " + digest + " --json");
  ASSERT_EQ(r.code, 0) << r.out;
  auto j = boost::json::parse(r.out).as_object();
  EXPECT_EQ(j.at("scheme").as_string(), "ecdsa");
  EXPECT_EQ(j.at("curve").as_string(), "secp256k1");
  EXPECT_EQ(j.at("rounds").as_int64(), 3);
  EXPECT_GT(j.at("bytes").as_int64(), 0);
  EXPECT_TRUE(j.at("setup_ran").as_bool());
  const auto sig = from_hex_fixed<65>(std::string(j.at("signature").as_string())).value();
  const auto d = from_hex_fixed<32>(digest).value();
  const std::string address(j.at("address").as_string());
  EXPECT_EQ(recovered_address(sig, d), address);
  for (int i = 1; i <= 3; ++i) {
    const fs::path setup = dir_ / ("ecdsa-setup-" + std::to_string(i) + ".bin");
    ASSERT_TRUE(fs::exists(setup));
    EXPECT_EQ(fs::status(setup).permissions() & fs::perms::all, fs::perms::owner_read | fs::perms::owner_write);
  }
  const std::string sig_hex(j.at("signature").as_string());
  EXPECT_EQ(okmpc_run("verify --address " + address + " --digest " + digest + " --signature " + sig_hex).code, 0);
  EXPECT_EQ(okmpc_run("verify --scheme ecdsa --curve secp256k1 --public-key " +
                      std::string(j.at("group_public_key").as_string()) + " --digest " + digest + " --signature " + sig_hex)
                .code,
            0);
  std::string other = digest;
  other[0] = other[0] == '0' ? '1' : '0';
  EXPECT_EQ(okmpc_run("verify --address " + address + " --digest " + other + " --signature " + sig_hex).code, 1);

  // A second signing with another pair reuses the stored setup.
  Cli again = okmpc_run("sign --keys " + dir_.string() + " --signers 2,3 --digest " + digest + " --json");
  ASSERT_EQ(again.code, 0) << again.out;
  auto j2 = boost::json::parse(again.out).as_object();
  EXPECT_FALSE(j2.at("setup_ran").as_bool());
  EXPECT_EQ(recovered_address(from_hex_fixed<65>(std::string(j2.at("signature").as_string())).value(), d), address);
}

TEST_F(EcdsaCli, Eip191WithPrivateKeyOneRecoversToKnownAddress) {
  DeterministicRng rng(2);
  write_shares(dir_, 1, 1, Secp256k1::Scalar::one(), rng);
  Cli r = okmpc_run("sign --keys " + dir_.string() + " --signers 1 --eip191 'hello okmpc' --json");
  ASSERT_EQ(r.code, 0) << r.out;
  auto j = boost::json::parse(r.out).as_object();
  EXPECT_EQ(j.at("address").as_string(), "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf");
  const auto sig = from_hex_fixed<65>(std::string(j.at("signature").as_string())).value();
  EXPECT_EQ(recovered_address(sig, eth::personal_message_digest(as_bytes("hello okmpc"))),
            "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf");
  EXPECT_EQ(okmpc_run("verify --address 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf --eip191 'hello okmpc' --signature " +
                      std::string(j.at("signature").as_string()))
                .code,
            0);
}

TEST_F(EcdsaCli, BadRequestsFailClearly) {
  DeterministicRng rng(3);
  write_shares(dir_, 2, 3, Secp256k1::Scalar::random(rng), rng);
  const std::string keys = "sign --keys " + dir_.string();
  const std::string d32(64, 'a');
  EXPECT_EQ(okmpc_run(keys + " --signers 1,3 --digest " + std::string(62, 'a')).code, 2);  // 31 bytes
  EXPECT_EQ(okmpc_run(keys + " --signers 1 --digest " + d32).code, 2);                     // fewer than t
  EXPECT_NE(okmpc_run(keys + " --signers 1,4 --digest " + d32).code, 0);                   // unknown signer
  EXPECT_NE(okmpc_run(keys + " --signers 1,x --digest " + d32).code, 0);
  EXPECT_EQ(okmpc_run("verify --address 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf --digest " + d32 +
                      " --signature 00")
                .code,
            2);
  fs::remove(dir_ / "party-2.json");  // the one-time setup needs every share
  EXPECT_EQ(okmpc_run(keys + " --signers 1,3 --digest " + d32).code, 1);
}

}  // namespace
}  // namespace okmpc
