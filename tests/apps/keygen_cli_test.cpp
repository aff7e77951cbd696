// `okmpc keygen` end to end, and the strict key share file loader
// (apps/keyshare_file.*, compiled into this test directly because apps/ code
// lives in the executable). Keys are checked with libsecp256k1 and libsodium,
// not only with okmpc's own curve code.
#include <gtest/gtest.h>
#include <secp256k1.h>
#include <sodium.h>
#include <sys/stat.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "apps/keyshare_file.cpp"  // NOLINT: the unit under test is part of the okmpc executable
#include "mpc/eth.hpp"
#include "mpc/polynomial.hpp"

namespace okmpc::keyshare {
namespace {

namespace fs = std::filesystem;

struct CliRun {
  int code = -1;
  std::string out;
  std::string err;
};

class KeygenCli : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("okmpc-keygen-" + std::to_string(::getpid()) + "-" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  CliRun cli(const std::string& args) {
    const fs::path err_file = dir_ / "stderr.txt";
    const std::string cmd = std::string(OKMPC_BIN) + " " + args + " 2>" + err_file.string();
    CliRun r;
    FILE* p = ::popen(cmd.c_str(), "r");
    if (p == nullptr) return r;
    std::array<char, 4096> buf{};
    size_t got;
    while ((got = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), got);
    const int status = ::pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    r.err = slurp(err_file);
    return r;
  }
  static std::string slurp(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  static void spit(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::trunc);
    out << text;
  }
  fs::path out(const std::string& sub) const { return dir_ / sub; }

  fs::path dir_;
};

// Interpolates the secret from shares 1..t.
template <Curve C>
typename C::Scalar reconstruct(const std::vector<dkg::KeyShare<C>>& shares, uint32_t t) {
  std::vector<std::pair<uint32_t, typename C::Scalar>> pts;
  for (uint32_t i = 0; i < t; ++i) pts.emplace_back(shares[i].index, shares[i].secret_share.expose());
  auto s = shamir_reconstruct<C>(std::span<const std::pair<uint32_t, typename C::Scalar>>(pts));
  EXPECT_TRUE(s);
  return *s;
}

TEST_F(KeygenCli, Secp256k1FilesAreCompleteAndTheKeyChecksOutWithLibsecp256k1) {
  const CliRun r = cli("keygen --curve secp256k1 --parties 3 --threshold 2 --out " + out("k").string() +
                      " --seed 00ff");
  ASSERT_EQ(r.code, 0) << r.err;
  EXPECT_NE(r.out.find("2-of-3 secp256k1"), std::string::npos) << r.out;
  std::vector<dkg::KeyShare<Secp256k1>> shares;
  for (int i = 1; i <= 3; ++i) {
    const fs::path p = out("k") / ("party-" + std::to_string(i) + ".json");
    struct stat st {};
    ASSERT_EQ(::stat(p.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 0777, 0600u) << p;
    auto obj = auth::parse_strict_object(slurp(p));
    ASSERT_TRUE(obj);
    EXPECT_EQ(obj->size(), 7u);
    EXPECT_EQ(obj->at("index").as_int64(), i);
    EXPECT_EQ(obj->at("secret_share").as_string().size(), 64u);
    EXPECT_EQ(obj->at("group_public_key").as_string().size(), 66u);
    auto share = load_key_share<Secp256k1>(p);
    ASSERT_TRUE(share) << share.error();
    shares.push_back(std::move(*share));
  }
  // 2 of the 3 shares give the secret key; libsecp256k1 derives its public key.
  for (auto pair : {std::array<int, 2>{0, 1}, {0, 2}, {1, 2}}) {
    std::vector<dkg::KeyShare<Secp256k1>> two;
    two.push_back(shares[pair[0]].clone());
    two.push_back(shares[pair[1]].clone());
    const auto sk = reconstruct<Secp256k1>(two, 2).to_bytes();
    secp256k1_context* ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
    secp256k1_pubkey pk;
    ASSERT_EQ(secp256k1_ec_pubkey_create(ctx, &pk, sk.data()), 1);
    std::array<uint8_t, 33> ser{};
    size_t len = ser.size();
    secp256k1_ec_pubkey_serialize(ctx, ser.data(), &len, &pk, SECP256K1_EC_COMPRESSED);
    secp256k1_context_destroy(ctx);
    EXPECT_EQ(to_hex(ser), to_hex(shares[0].group_public_key.to_bytes()));
  }
  auto addr = eth::address_from_public_key(shares[0].group_public_key.to_bytes_uncompressed());
  ASSERT_TRUE(addr);
  EXPECT_NE(r.out.find(eth::to_checksum(*addr)), std::string::npos) << r.out;
}

TEST_F(KeygenCli, Ed25519JsonOutputAndLibsodiumCheck) {
  const CliRun r = cli("keygen --curve ed25519 --parties 4 --threshold 3 --json --out " + out("e").string());
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = auth::parse_strict_object(r.out);
  ASSERT_TRUE(j) << r.out;
  EXPECT_EQ(j->at("curve").as_string(), "ed25519");
  EXPECT_EQ(j->at("threshold").as_int64(), 3);
  EXPECT_EQ(j->at("parties").as_int64(), 4);
  EXPECT_FALSE(j->contains("address"));
  EXPECT_EQ(j->at("rounds").as_int64(), 3);  // commitments, echo, shares
  EXPECT_EQ(j->at("messages").as_int64(), 3 * 4 * 3);
  EXPECT_GT(j->at("bytes").as_int64(), 0);
  EXPECT_GT(j->at("ms").as_double(), 0.0);
  std::vector<dkg::KeyShare<Ed25519>> shares;
  for (int i = 1; i <= 3; ++i) {
    auto s = load_key_share<Ed25519>(out("e") / ("party-" + std::to_string(i) + ".json"));
    ASSERT_TRUE(s) << s.error();
    shares.push_back(std::move(*s));
  }
  const auto sk = reconstruct<Ed25519>(shares, 3).to_bytes();  // little-endian, as libsodium
  std::array<uint8_t, 32> pk{};
  ASSERT_EQ(crypto_scalarmult_ed25519_base_noclamp(pk.data(), sk.data()), 0);
  EXPECT_EQ(to_hex(pk), std::string(j->at("group_public_key").as_string().c_str()));
  auto curve = peek_curve(out("e") / "party-2.json");
  ASSERT_TRUE(curve);
  EXPECT_EQ(*curve, "ed25519");
}

TEST_F(KeygenCli, SecpJsonHasEip55Address) {
  const CliRun r = cli("keygen --curve secp256k1 --parties 2 --threshold 2 --json --batch-verify off --out " +
                      out("s").string());
  ASSERT_EQ(r.code, 0) << r.err;
  auto j = auth::parse_strict_object(r.out);
  ASSERT_TRUE(j) << r.out;
  auto parsed = eth::parse_address(std::string(j->at("address").as_string().c_str()));
  ASSERT_TRUE(parsed);
  EXPECT_EQ(eth::to_checksum(*parsed), std::string(j->at("address").as_string().c_str()));
  EXPECT_FALSE(j->at("batch_verify").as_bool());
}

TEST_F(KeygenCli, SameSeedSameFiles) {
  ASSERT_EQ(cli("keygen --curve ed25519 --parties 3 --threshold 2 --seed 0x1234 --out " + out("a").string()).code,
            0);
  ASSERT_EQ(cli("keygen --curve ed25519 --parties 3 --threshold 2 --seed 1234 --out " + out("b").string()).code, 0);
  ASSERT_EQ(cli("keygen --curve ed25519 --parties 3 --threshold 2 --seed 1235 --out " + out("c").string()).code, 0);
  for (int i = 1; i <= 3; ++i) {
    const std::string name = "party-" + std::to_string(i) + ".json";
    EXPECT_EQ(slurp(out("a") / name), slurp(out("b") / name));
    EXPECT_NE(slurp(out("a") / name), slurp(out("c") / name));
  }
}

TEST_F(KeygenCli, RefusesToOverwriteWithoutForce) {
  const std::string base = "keygen --curve secp256k1 --parties 2 --threshold 1 --out " + out("o").string();
  ASSERT_EQ(cli(base + " --seed 01").code, 0);
  const std::string before = slurp(out("o") / "party-1.json");
  const CliRun again = cli(base + " --seed 02");
  EXPECT_EQ(again.code, 1);
  EXPECT_NE(again.err.find("refusing to overwrite"), std::string::npos) << again.err;
  EXPECT_EQ(slurp(out("o") / "party-1.json"), before);
  ASSERT_EQ(cli(base + " --seed 02 --force").code, 0);
  EXPECT_NE(slurp(out("o") / "party-1.json"), before);
  struct stat st {};
  ASSERT_EQ(::stat((out("o") / "party-1.json").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
}

TEST_F(KeygenCli, BadArgumentsExitTwo) {
  const std::string o = " --out " + out("bad").string();
  for (const std::string args :
       {"--curve secp256k1 --parties 3 --threshold 4", "--curve secp256k1 --parties 3 --threshold 0",
        "--curve secp256k1 --parties 256 --threshold 2", "--curve p256 --parties 3 --threshold 2",
        "--curve secp256k1 --parties x --threshold 2", "--curve secp256k1 --parties 3 --threshold 2 --batch-verify maybe",
        "--curve secp256k1 --parties 3 --threshold 2 --seed zz", "--curve secp256k1 --parties 3 --threshold -1",
        "--curve secp256k1 --threshold 2", "--curve secp256k1 --parties 3 --threshold 2 --bogus"}) {
    const CliRun r = cli("keygen " + args + o);
    EXPECT_EQ(r.code, 2) << args;
    EXPECT_NE(r.err.find("okmpc keygen:"), std::string::npos) << args << ": " << r.err;
  }
  EXPECT_EQ(cli("keygen --curve secp256k1 --parties 2 --threshold 2").code, 2);  // no --out
  EXPECT_FALSE(fs::exists(out("bad") / "party-1.json"));
  const CliRun help = cli("keygen --help");
  EXPECT_EQ(help.code, 0);
  EXPECT_NE(help.out.find("--threshold"), std::string::npos);
}

// ---- the loader, on tampered files ----

class KeyShareFile : public KeygenCli {
 protected:
  void SetUp() override {
    KeygenCli::SetUp();
    DeterministicRng rng(3);
    auto shares = dkg::generate_keys_simulated<Secp256k1>(2, 4, rng);
    ASSERT_TRUE(shares);
    path_ = out("party-2.json");
    ASSERT_TRUE(write_key_share<Secp256k1>(path_, (*shares)[1], false));
    good_ = slurp(path_);
  }
  // Replaces the first occurrence of `from` in the good file and loads it.
  Error load_with(const std::string& from, const std::string& to) {
    std::string text = good_;
    const size_t at = text.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    text.replace(at, from.size(), to);
    spit(path_, text);
    auto r = load_key_share<Secp256k1>(path_);
    EXPECT_FALSE(r) << "accepted: " << from << " -> " << to;
    if (r) return Error{};
    EXPECT_EQ(r.error().message.rfind(path_.string(), 0), 0u) << r.error();  // names the file
    return r.error();
  }
  std::string field(const std::string& name) {
    auto obj = auth::parse_strict_object(good_);
    return std::string(obj->at(name).as_string().c_str());
  }
  fs::path path_;
  std::string good_;
};

TEST_F(KeyShareFile, GoodFileLoadsAndRefusesOverwrite) {
  auto k = load_key_share<Secp256k1>(path_);
  ASSERT_TRUE(k) << k.error();
  EXPECT_EQ(k->index, 2u);
  DeterministicRng rng(4);
  auto other = dkg::generate_keys_simulated<Secp256k1>(2, 4, rng);
  auto st = write_key_share<Secp256k1>(path_, (*other)[1], false);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::kAlreadyExists);
  EXPECT_EQ(slurp(path_), good_);
  auto wrong_curve = load_key_share<Ed25519>(path_);
  ASSERT_FALSE(wrong_curve);
  EXPECT_EQ(wrong_curve.error().code, ErrorCode::kInvalidEncoding);
}

TEST_F(KeyShareFile, TamperedSecretIsCorrupted) {
  std::string s = field("secret_share");
  s[63] = s[63] == '1' ? '2' : '1';
  EXPECT_EQ(load_with(field("secret_share"), s).code, ErrorCode::kCorrupted);
}

TEST_F(KeyShareFile, SwappedVerificationShareIsCorrupted) {
  auto obj = auth::parse_strict_object(good_);
  const std::string y4(obj->at("verification_shares").as_array()[3].as_string().c_str());
  const std::string y1(obj->at("verification_shares").as_array()[0].as_string().c_str());
  Error e = load_with(y4, y1);  // party 4's share replaced by party 1's
  EXPECT_EQ(e.code, ErrorCode::kCorrupted);
  EXPECT_NE(e.message.find("one polynomial"), std::string::npos) << e;
}

TEST_F(KeyShareFile, TamperedGroupKeyIsCorrupted) {
  std::string g = field("group_public_key");
  const std::string other = g.substr(0, 2) == "02" ? "03" + g.substr(2) : "02" + g.substr(2);  // -Y
  EXPECT_EQ(load_with(g, other).code, ErrorCode::kCorrupted);
}

TEST_F(KeyShareFile, StrictEncodingRejections) {
  const std::string secret = field("secret_share");
  std::string upper = secret;
  for (char& c : upper) c = static_cast<char>(std::toupper(c));
  if (upper != secret) {
    EXPECT_EQ(load_with(secret, upper).code, ErrorCode::kInvalidEncoding);
  }
  EXPECT_EQ(load_with(secret, "0x" + secret).code, ErrorCode::kInvalidEncoding);
  EXPECT_EQ(load_with(secret, secret.substr(2)).code, ErrorCode::kInvalidEncoding);
  // n itself: not a canonical scalar.
  EXPECT_EQ(load_with(secret, "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141").code,
            ErrorCode::kInvalidScalar);
  EXPECT_EQ(load_with("\"index\": 2", "\"index\": 2, \"extra\": 1").code, ErrorCode::kInvalidEncoding);
  EXPECT_EQ(load_with("\"index\": 2,", "").code, ErrorCode::kInvalidEncoding);                // missing
  EXPECT_EQ(load_with("\"index\": 2", "\"index\": \"2\"").code, ErrorCode::kInvalidEncoding);  // mistyped
  EXPECT_EQ(load_with("\"index\": 2", "\"index\": 2.0").code, ErrorCode::kInvalidEncoding);
  EXPECT_EQ(load_with("\"index\": 2", "\"index\": 5").code, ErrorCode::kInvalidEncoding);
  EXPECT_EQ(load_with("\"index\": 2", "\"index\": 2, \"index\": 2").code, ErrorCode::kInvalidEncoding);
  EXPECT_EQ(load_with("\"threshold\": 2", "\"threshold\": 5").code, ErrorCode::kInvalidEncoding);
  EXPECT_EQ(load_with("\"parties\": 4", "\"parties\": 3").code, ErrorCode::kInvalidEncoding);  // 4 shares listed
  const std::string g = field("group_public_key");
  EXPECT_EQ(load_with(g, std::string(66, '0')).code, ErrorCode::kInvalidPoint);  // identity
  EXPECT_EQ(load_with(g, "04" + g.substr(2) + std::string(64, '0')).code, ErrorCode::kInvalidEncoding);
  EXPECT_EQ(load_with("\"curve\": \"secp256k1\"", "\"curve\": \"ed25519\"").code, ErrorCode::kInvalidEncoding);
  EXPECT_EQ(load_with("{", "[").code, ErrorCode::kInvalidEncoding);
}

TEST_F(KeyShareFile, MissingFileAndPeek) {
  auto r = load_key_share<Secp256k1>(out("nope.json"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::kNotFound);
  auto c = peek_curve(path_);
  ASSERT_TRUE(c);
  EXPECT_EQ(*c, "secp256k1");
  spit(path_, "{\"curve\": \"p256\"}");
  EXPECT_FALSE(peek_curve(path_));
}

}  // namespace
}  // namespace okmpc::keyshare
