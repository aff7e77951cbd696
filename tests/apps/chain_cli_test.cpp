// `okmpc chain ...` and `okmpc session new` run as subprocesses.
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <boost/json.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "chain/account_factory.hpp"
#include "chain/okto_chain.hpp"
#include "chain/user_op_builder.hpp"
#include "mpc/hex.hpp"
#include "session/session_key.hpp"

namespace okmpc {
namespace {

using ::testing::HasSubstr;

struct CliRun {
  int exit_code = -1;
  std::string out;
};

// Runs `okmpc <args>` through the shell (args are trusted test strings);
// stderr is discarded.
CliRun okmpc(const std::string& args) {
  CliRun r;
  std::string cmd = std::string(OKMPC_BIN) + " " + args + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) r.out.append(buf, n);
  int status = pclose(p);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

class TempPath {
 public:
  TempPath() {
    path_ = std::filesystem::temp_directory_path() /
            ("okmpc-cli-" + std::to_string(::getpid()) + "-" + std::to_string(std::random_device{}()));
  }
  ~TempPath() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// viem's published EntryPoint 0.7 vector ("args: paymasterData").
const char* kViemUserOp = R"({"sender":"0x1234567890123456789012345678901234567890","nonce":"0","callData":"0x",
  "callGasLimit":"6942069","verificationGasLimit":"6942069","preVerificationGas":"6942069","maxFeePerGas":"69420",
  "maxPriorityFeePerGas":"69","signature":"0x","paymaster":"0x1234567890123456789012345678901234567890",
  "paymasterVerificationGasLimit":"6942069","paymasterPostOpGasLimit":"6942069","paymasterData":"0xdeadbeef"})";
const char* kEp = "0x1234567890123456789012345678901234567890";

TEST(ChainCli, UserOpHashFromFileAndStdin) {
  TempPath f;
  std::ofstream(f.path()) << kViemUserOp;
  CliRun r = okmpc("chain userop-hash --userop " + f.path().string() + " --entry-point " + kEp + " --chain-id 1");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "0x265fc1350b3fc016d493f9533354cf1a758c0fb9ddbbfd8b19c987d4e8935eed\n");
  CliRun s = okmpc("chain userop-hash --userop - --entry-point " + std::string(kEp) + " --chain-id 0x1 --mode erc4337-v07 --json < " +
                f.path().string());
  EXPECT_EQ(s.exit_code, 0);
  auto j = boost::json::parse(s.out).as_object();
  EXPECT_EQ(j.at("userOpHash").as_string(), "0x265fc1350b3fc016d493f9533354cf1a758c0fb9ddbbfd8b19c987d4e8935eed");
  EXPECT_EQ(j.at("mode").as_string(), "erc4337-v07");
  CliRun okto = okmpc("chain userop-hash --userop " + f.path().string() + " --entry-point " + kEp + " --chain-id 1 --mode okto");
  EXPECT_EQ(okto.exit_code, 0);
  EXPECT_EQ(okto.out.size(), 67u);
  EXPECT_NE(okto.out, r.out);  // fees 69420 vs 69: the swapped packing differs
}

TEST(ChainCli, UserOpHashErrors) {
  TempPath f;
  std::ofstream(f.path()) << R"({"sender":"0x1234567890123456789012345678901234567890","bogus":"1"})";
  EXPECT_EQ(okmpc("chain userop-hash --userop " + f.path().string() + " --entry-point " + kEp + " --chain-id 1").exit_code, 1);
  EXPECT_EQ(okmpc("chain userop-hash --userop /nonexistent/x --entry-point " + std::string(kEp) + " --chain-id 1").exit_code, 1);
  EXPECT_EQ(okmpc("chain userop-hash --userop - --entry-point 0x12 --chain-id 1 < /dev/null").exit_code, 2);
  EXPECT_EQ(okmpc("chain userop-hash --userop - --entry-point " + std::string(kEp) + " --chain-id 1 --mode v9 < /dev/null").exit_code, 2);
  EXPECT_EQ(okmpc("chain userop-hash --entry-point " + std::string(kEp)).exit_code, 2);
  EXPECT_EQ(okmpc("chain nosuch").exit_code, 2);
}

TEST(ChainCli, Create2Eip1014ExampleZero) {
  CliRun r = okmpc("chain create2 --deployer 0x0000000000000000000000000000000000000000 --salt 0x" + std::string(64, '0') +
                " --init-code-hash 0x" + to_hex(keccak256(Bytes{0x00})));
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out, "0x4D1A2e2bB4F88F0250f26Ffff098B0b30B26BF38\n");
  EXPECT_EQ(okmpc("chain create2 --deployer 0x00 --salt 0x00 --init-code-hash 0x00").exit_code, 2);
}

TEST(ChainCli, SwaAddressMatchesTheLibrary) {
  CliRun r = okmpc("chain swa-address --owner 0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf --json");
  ASSERT_EQ(r.exit_code, 0);
  auto j = boost::json::parse(r.out).as_object();
  auto expected = chain::swa_address_for_owner(*eth::parse_address("0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf"));
  EXPECT_EQ(j.at("address").as_string(), eth::to_checksum(expected.address));
  EXPECT_EQ(j.at("factory").as_string(), "0x0000000000000000000000000000000000004337");
  EXPECT_EQ(j.at("salt").as_string(), "0x" + std::string(64, '0'));
  EXPECT_EQ(j.at("initCodeHash").as_string(), to_hex_prefixed(expected.init_code_hash));
  EXPECT_EQ(okmpc("chain swa-address --owner 0x7e5F4552091A69125d5DfCb7b8C2659029395Bdf").exit_code, 2);  // bad checksum
}

TEST(SessionCli, NewWritesAPrivateKeyFileAndPrintsThePublicParts) {
  TempPath f;
  const auto before = static_cast<uint64_t>(::time(nullptr));
  CliRun r = okmpc("session new --json --out " + f.path().string());
  ASSERT_EQ(r.exit_code, 0);
  struct stat st {};
  ASSERT_EQ(::stat(f.path().c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto out = boost::json::parse(r.out).as_object();
  EXPECT_FALSE(out.contains("privateKey"));
  const std::string pk(out.at("sessionPk").as_string());
  ASSERT_EQ(pk.size(), 132u);
  EXPECT_EQ(pk.substr(0, 4), "0x04");
  EXPECT_EQ(std::string(out.at("sessionAddress").as_string()),
            eth::to_checksum(*eth::address_from_public_key(*from_hex_prefixed(pk))));
  const uint64_t expires = out.at("expiresAt").to_number<uint64_t>();
  EXPECT_GE(expires, before + 864000);
  EXPECT_LE(expires, before + 864000 + 60);
  // The file's private key is the key behind sessionPk.
  std::ifstream in(f.path());
  std::string text((std::istreambuf_iterator<char>(in)), {});
  auto file = boost::json::parse(text).as_object();
  auto sk = from_hex_fixed<32>(std::string(file.at("privateKey").as_string()));
  ASSERT_TRUE(sk);
  EXPECT_EQ(to_hex_prefixed(*session::public_key_of(session::PrivateKey(*sk))), pk);
  // Never overwrites an existing key file.
  EXPECT_EQ(okmpc("session new --out " + f.path().string()).exit_code, 1);
  EXPECT_EQ(okmpc("session new").exit_code, 2);
}

TEST(ChainCli, InspectVerifiesAndListsRegistrations) {
  TempPath dir;
  ByteArray<32> owner_sk{}, session_sk{};
  owner_sk[31] = 7;
  session_sk[31] = 9;
  const eth::Address owner = *eth::address_from_public_key(*session::public_key_of(session::PrivateKey(owner_sk)));
  const eth::Address session_addr = *eth::address_from_public_key(*session::public_key_of(session::PrivateKey(session_sk)));
  const eth::Address swa = chain::swa_address_for_owner(owner).address;
  {
    auto c = chain::OktoChain::open(dir.path(), chain::ChainConfig{});
    ASSERT_TRUE(c) << c.error();
    ASSERT_TRUE(c->mint(chain::kNativeToken, swa, Uint256::from_u64(1'000'000'000)));
    const uint64_t now = static_cast<uint64_t>(::time(nullptr));
    chain::UserOperation op = chain::build_account_operation(
        swa, Uint256(), chain::RegisterSession{session_addr, now - 10, now + 864000, eth::Address{}, Uint256::from_u64(5)}, 1, 1, std::nullopt);
    chain::add_deployment(op, owner);
    ASSERT_TRUE(chain::sign_user_operation(op, session::PrivateKey(owner_sk), c->config().entry_point));
    auto r = c->submit(op);
    ASSERT_TRUE(r) << r.error();
  }
  CliRun r = okmpc("chain inspect --json --data " + dir.path().string());
  ASSERT_EQ(r.exit_code, 0);
  auto j = boost::json::parse(r.out).as_object();
  EXPECT_TRUE(j.at("verified").as_bool());
  EXPECT_EQ(j.at("blocks").as_array().size(), 3u);
  ASSERT_EQ(j.at("swas").as_array().size(), 1u);
  EXPECT_EQ(j.at("swas").as_array()[0].as_object().at("owner").as_string(), eth::to_checksum(owner));
  ASSERT_EQ(j.at("sessions").as_array().size(), 1u);
  EXPECT_EQ(j.at("sessions").as_array()[0].as_object().at("swa").as_string(), eth::to_checksum(swa));
  CliRun text = okmpc("chain inspect --data " + dir.path().string());
  EXPECT_EQ(text.exit_code, 0);
  EXPECT_THAT(text.out, HasSubstr(eth::to_checksum(session_addr)));
  // Damage the database: refused with exit 1.
  {
    std::fstream f(dir.path() / "chain.sqlite", std::ios::binary | std::ios::in | std::ios::out);
    f.write("garbage-garbage-garbage", 23);
  }
  EXPECT_EQ(okmpc("chain inspect --data " + dir.path().string()).exit_code, 1);
  EXPECT_EQ(okmpc("chain inspect --data /nonexistent/okmpc-chain").exit_code, 1);
}

TEST(ChainCli, HelpForEveryCommand) {
  for (const char* c : {"chain --help", "chain userop-hash --help", "chain create2 --help", "chain swa-address --help",
                        "chain inspect --help", "session --help", "session new --help"}) {
    CliRun r = okmpc(c);
    EXPECT_EQ(r.exit_code, 0) << c;
    EXPECT_THAT(r.out, HasSubstr("usage: okmpc")) << c;
  }
}

}  // namespace
}  // namespace okmpc
