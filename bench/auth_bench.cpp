// Auth network benchmarks: Google ID-token verification (with the bare
// OpenSSL RS256 check as its floor), attestation signing/verification
// (libsodium Ed25519), quorum-certificate verification, and a full 2-of-3
// network authentication.
#include <benchmark/benchmark.h>

#include <secp256k1.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "auth/auth_network.hpp"
#include "auth/jws.hpp"
#include "auth/oidc_verifier.hpp"
#include "auth/session_binding.hpp"
#include "auth/simulated_google.hpp"

namespace {

using namespace okmpc;
using namespace okmpc::auth;

constexpr uint64_t kNow = 1'790'000'000;
const std::string kAud = "bench.apps.googleusercontent.com";

SimulatedGoogle& provider() {
  static SimulatedGoogle* g = new SimulatedGoogle(std::move(*SimulatedGoogle::create()));
  return *g;
}

Bytes session_pk() {
  ByteArray<32> sk{};
  sk[31] = 5;
  secp256k1_context* ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
  secp256k1_pubkey pk;
  if (secp256k1_ec_pubkey_create(ctx, &pk, sk.data()) != 1) std::abort();
  Bytes out(65);
  size_t len = 65;
  secp256k1_ec_pubkey_serialize(ctx, out.data(), &len, &pk, SECP256K1_EC_UNCOMPRESSED);
  secp256k1_context_destroy(ctx);
  return out;
}

std::string fresh_token(Rng& rng, const std::string& subject) {
  GoogleLogin login{kAud, subject, subject + "@gmail.com", session_nonce(session_pk()), kNow - 5, 3600};
  return *provider().issue(login, rng);
}

void BM_AuthRs256VerifyFloor(benchmark::State& state) {
  DeterministicRng rng(1);
  const auto jws = *parse_compact_jws(fresh_token(rng, "floor"));
  const RsaPublicKey key = provider().current_public_key();
  for (auto _ : state) benchmark::DoNotOptimize(key.verify_rs256(as_bytes(jws.signing_input), jws.signature));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AuthRs256VerifyFloor);

void BM_AuthGoogleIdTokenVerify(benchmark::State& state) {
  DeterministicRng rng(2);
  const std::string token = fresh_token(rng, "verify");
  OidcVerifier verifier(provider().jwks(), OidcConfig{kAud});
  const std::string nonce = session_nonce(session_pk());
  for (auto _ : state) {
    auto r = verifier.verify(token, nonce, kNow);
    if (!r) state.SkipWithError("token rejected");
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AuthGoogleIdTokenVerify);

struct AttestationFixture {
  DeterministicRng rng{3};
  std::vector<NodeSigningKey> keys;
  QuorumPolicy policy;
  AttestationClaim claim;
  AttestationFixture() {
    policy.network_id = "bench";
    policy.quorum = 2;
    for (uint32_t id = 1; id <= 3; ++id) {
      keys.push_back(NodeSigningKey::generate(rng));
      policy.nodes.push_back(NodeInfo{id, keys.back().public_key()});
    }
    claim = AttestationClaim{"bench", UserIdentity{Provider::kGoogle, subject_hash(Provider::kGoogle, "iss", "sub")},
                             bind_session(session_pk())->address, "0f8fad5b-d9cb-469f-a165-70867728950e", kNow, kNow + 300};
  }
};

void BM_AuthAttestationSign(benchmark::State& state) {
  AttestationFixture f;
  for (auto _ : state) benchmark::DoNotOptimize(f.keys[0].attest(1, f.claim));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AuthAttestationSign);

void BM_AuthAttestationVerify(benchmark::State& state) {
  AttestationFixture f;
  const Attestation a = f.keys[0].attest(1, f.claim);
  for (auto _ : state) benchmark::DoNotOptimize(verify_attestation_signature_vartime(a, f.policy.nodes[0].public_key));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_AuthAttestationVerify);

// Arg = attestations in the certificate (2 = bare quorum, 3 = unanimous).
void BM_AuthQuorumCertificateVerify(benchmark::State& state) {
  AttestationFixture f;
  QuorumCertificate cert;
  for (uint32_t id = 1; id <= static_cast<uint32_t>(state.range(0)); ++id) cert.attestations.push_back(f.keys[id - 1].attest(id, f.claim));
  for (auto _ : state) {
    auto v = verify_quorum_certificate(cert, f.policy, kNow);
    if (!v) state.SkipWithError("certificate rejected");
    benchmark::DoNotOptimize(v);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["attestations"] = static_cast<double>(state.range(0));
}
BENCHMARK(BM_AuthQuorumCertificateVerify)->Arg(2)->Arg(3);

// Arg 0: in-memory replay store; 1: SQLite (WAL) file, the restart-safe one.
void BM_AuthReplayStoreInsert(benchmark::State& state) {
  std::unique_ptr<ReplayStore> store = std::make_unique<MemoryReplayStore>();
  const auto path = std::filesystem::temp_directory_path() / ("okmpc-bench-replay-" + std::to_string(::getpid()) + ".sqlite");
  if (state.range(0) == 1) store = std::move(*SqliteReplayStore::open(path));
  DeterministicRng rng(6);
  for (auto _ : state) {
    const Hash32 key = rng.bytes<32>();
    benchmark::DoNotOptimize(store->insert_if_absent(key, kNow));
  }
  state.SetItemsProcessed(state.iterations());
  store.reset();
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(path.string() + suffix);
}
BENCHMARK(BM_AuthReplayStoreInsert)->Arg(0)->Arg(1);

// Three nodes each verify the token, check replay (in memory), sign; then
// aggregation. Token issuance (an RSA signature) is outside the timing.
void BM_AuthNetworkAuthenticate(benchmark::State& state) {
  DeterministicRng rng(4);
  AuthNetworkConfig cfg;
  cfg.google_jwks = provider().jwks();
  cfg.oidc.audience = kAud;
  auto net = std::move(*AuthNetwork::create(cfg, rng));
  const Bytes pk = session_pk();
  uint64_t n = 0;
  for (auto _ : state) {
    state.PauseTiming();
    AuthRequest req{Provider::kGoogle, fresh_token(rng, "user" + std::to_string(n++)), pk, "0f8fad5b-d9cb-469f-a165-70867728950e"};
    state.ResumeTiming();
    AuthReport r = net->authenticate(req, kNow);
    if (!r.certificate) state.SkipWithError("authentication failed");
    benchmark::DoNotOptimize(r);
  }
  state.SetItemsProcessed(state.iterations());
  state.counters["nodes"] = 3;
}
BENCHMARK(BM_AuthNetworkAuthenticate);

}  // namespace
