// `okmpc sign` / `okmpc verify` with FROST, run as a subprocess: keygen →
// sign → verify for both curves (signatures also checked by libsodium and
// libsecp256k1 directly), and the failure paths (too few signers, a missing
// or tampered share file, usage errors) with their exit codes.
#include <gtest/gtest.h>
#include <secp256k1.h>
#include <sodium.h>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>

#include "bench_cli_run.hpp"
#include "mpc/hex.hpp"

namespace okmpc {
namespace {

using bench_test::run_okmpc;
using bench_test::TempDir;

// 3-of-5 keys for `curve` in `dir`, deterministic.
void keygen(const TempDir& dir, const std::string& curve) {
  auto r = run_okmpc({"keygen", "--curve", curve, "--parties", "5", "--threshold", "3", "--out", dir.path(),
                      "--seed", "f705"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
}

boost::json::object sign_json(const TempDir& dir, const std::string& signers, const std::string& message_hex) {
  auto r = run_okmpc({"sign", "--keys", dir.path(), "--signers", signers, "--message-hex", message_hex, "--json"});
  EXPECT_EQ(r.exit_code, 0) << r.err;
  boost::system::error_code ec;
  auto v = boost::json::parse(r.out, ec);
  EXPECT_FALSE(ec) << r.out;
  return ec || !v.is_object() ? boost::json::object{} : v.as_object();
}

std::string str(const boost::json::object& o, const char* key) {
  const auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

Bytes hex(const std::string& s) {
  auto b = from_hex(s);
  return b ? *b : Bytes{};
}

// Flips the last hex digit of `s`.
std::string flip_last_hex(std::string s) {
  s.back() = s.back() == '0' ? '1' : '0';
  return s;
}

TEST(SignCli, Ed25519KeygenSignVerify) {
  TempDir dir;
  keygen(dir, "ed25519");
  const auto out = sign_json(dir, "1,3,5", "74657374");
  EXPECT_EQ(str(out, "scheme"), "frost");
  EXPECT_EQ(str(out, "curve"), "ed25519");
  EXPECT_EQ(str(out, "message"), "74657374");
  for (const char* k : {"rounds", "messages", "bytes", "ms"}) EXPECT_TRUE(out.contains(k)) << k;
  EXPECT_EQ(out.at("rounds").to_number<int>(), 3);
  const std::string pk = str(out, "group_public_key"), sig = str(out, "signature");
  ASSERT_EQ(sig.size(), 128u);

  // libsodium accepts it as a plain RFC 8032 signature under the group key.
  ASSERT_GE(sodium_init(), 0);
  const Bytes pkb = hex(pk), sigb = hex(sig), msg = hex("74657374");
  ASSERT_EQ(pkb.size(), 32u);
  EXPECT_EQ(crypto_sign_verify_detached(sigb.data(), msg.data(), msg.size(), pkb.data()), 0);

  auto ok = run_okmpc({"verify", "--curve", "ed25519", "--public-key", pk, "--message-hex", "74657374", "--signature", sig});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  auto bad = run_okmpc({"verify", "--curve", "ed25519", "--public-key", pk, "--message-hex", "74657375", "--signature", sig});
  EXPECT_EQ(bad.exit_code, 1);
  auto tampered = run_okmpc(
      {"verify", "--curve", "ed25519", "--public-key", pk, "--message-hex", "74657374", "--signature", flip_last_hex(sig)});
  EXPECT_EQ(tampered.exit_code, 1);
}

TEST(SignCli, Secp256k1KeygenSignVerify) {
  TempDir dir;
  keygen(dir, "secp256k1");
  const auto out = sign_json(dir, "2,3,4,5", "00ff");
  EXPECT_EQ(str(out, "curve"), "secp256k1");
  const std::string pk = str(out, "group_public_key"), sig = str(out, "signature");
  ASSERT_EQ(pk.size(), 66u);
  ASSERT_EQ(sig.size(), 130u);
  auto ok = run_okmpc({"verify", "--curve", "secp256k1", "--public-key", pk, "--message-hex", "00ff", "--signature", sig, "--json"});
  EXPECT_EQ(ok.exit_code, 0) << ok.err;
  EXPECT_NE(ok.out.find("\"valid\":true"), std::string::npos) << ok.out;
  auto bad = run_okmpc({"verify", "--curve", "secp256k1", "--public-key", pk, "--message-hex", "00fe", "--signature", sig});
  EXPECT_EQ(bad.exit_code, 1);

  // Independently: R parses as a secp256k1 point and the key as a compressed key.
  secp256k1_context* ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
  secp256k1_pubkey p;
  const Bytes pkb = hex(pk), sigb = hex(sig);
  EXPECT_EQ(secp256k1_ec_pubkey_parse(ctx, &p, pkb.data(), pkb.size()), 1);
  EXPECT_EQ(secp256k1_ec_pubkey_parse(ctx, &p, sigb.data(), 33), 1);
  secp256k1_context_destroy(ctx);
}

TEST(SignCli, TooFewSignersFails) {
  TempDir dir;
  keygen(dir, "ed25519");
  auto r = run_okmpc({"sign", "--keys", dir.path(), "--signers", "1,3", "--message-hex", "00"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("at least 3 signers"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(SignCli, SignerWithoutShareFileFails) {
  TempDir dir;
  keygen(dir, "ed25519");
  std::filesystem::remove(dir.file("party-4.json"));
  auto r = run_okmpc({"sign", "--keys", dir.path(), "--signers", "1,2,4", "--message-hex", "00"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("party-4.json"), std::string::npos) << r.err;
  auto unknown = run_okmpc({"sign", "--keys", dir.path(), "--signers", "1,2,9", "--message-hex", "00"});
  EXPECT_EQ(unknown.exit_code, 1);
  EXPECT_NE(unknown.err.find("signer 9"), std::string::npos) << unknown.err;
}

TEST(SignCli, TamperedShareFileFails) {
  TempDir dir;
  keygen(dir, "secp256k1");
  const std::string path = dir.file("party-3.json");
  auto doc = boost::json::parse(bench_test::read_file(path)).as_object();
  doc["secret_share"] = flip_last_hex(std::string(doc["secret_share"].as_string()));
  std::ofstream(path, std::ios::trunc) << boost::json::serialize(doc);
  auto r = run_okmpc({"sign", "--keys", dir.path(), "--signers", "1,3,5", "--message-hex", "00"});
  EXPECT_EQ(r.exit_code, 1);
  EXPECT_NE(r.err.find("party-3.json"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(SignCli, UsageErrorsExitTwo) {
  TempDir dir;
  for (const auto& args : std::vector<std::vector<std::string>>{
           {"sign", "--keys", dir.path(), "--signers", "1,,3", "--message-hex", "00"},
           {"sign", "--keys", dir.path(), "--signers", "1,1,3", "--message-hex", "00"},
           {"sign", "--keys", dir.path(), "--signers", "1,2,3"},
           {"sign", "--keys", dir.path(), "--signers", "1,2,3", "--message-hex", "0g"},
           {"sign", "--keys", dir.path(), "--signers", "1,2,3", "--message-hex", "00", "--scheme", "bls"},
           {"verify", "--curve", "p256", "--public-key", "00", "--message-hex", "00", "--signature", "00"},
           {"verify", "--curve", "ed25519", "--message-hex", "00", "--signature", "00"},
       }) {
    auto r = run_okmpc(args);
    EXPECT_EQ(r.exit_code, 2) << args[0] << " " << args[4] << ": " << r.err;
  }
  EXPECT_EQ(run_okmpc({"sign", "--help"}).exit_code, 0);
  EXPECT_EQ(run_okmpc({"verify", "--help"}).exit_code, 0);
}

}  // namespace
}  // namespace okmpc
