// Cheating signers and coordinators: every deviation is rejected with a typed
// Error, and where a party is at fault it is named in `culprits`.
#include <gtest/gtest.h>
#include <secp256k1.h>
#include <sodium.h>

#include "dealer_keys.hpp"
#include "protocols/frost/frost.hpp"

namespace okmpc::frost {
namespace {

template <class S>
class FrostAdversarial : public ::testing::Test {
 public:
  // 3-of-5 keys; signers {1, 3, 4}; round one done.
  void SetUp() override {
    keys_ = testing::dealer_key_shares<S>(3, 5, rng_);
    ASSERT_EQ(keys_.size(), 5u);
    package_.message = {0x74, 0x65, 0x73, 0x74};
    for (PartyId id : signers_) {
      auto out = round1::commit<S>(keys_[id - 1], rng_);
      package_.commitments.push_back(out.commitments);
      nonces_.push_back(std::move(out.nonces));
    }
  }

  std::vector<SignatureShare<S>> honest_shares() {
    std::vector<SignatureShare<S>> shares;
    for (size_t k = 0; k < signers_.size(); ++k) {
      auto share = round2::sign<S>(package_, std::move(nonces_[k]), keys_[signers_[k] - 1]);
      EXPECT_TRUE(share) << share.error();
      shares.push_back(*share);
    }
    return shares;
  }

  PublicKeyPackage<S> public_keys() const { return PublicKeyPackage<S>::from_key_share(keys_[0]); }

  std::vector<KeyShareOf<S>> signer_keys() const {
    std::vector<KeyShareOf<S>> out;
    for (PartyId id : signers_) out.push_back(keys_[id - 1].clone());
    return out;
  }

  DeterministicRng rng_{0xad5};
  std::vector<KeyShareOf<S>> keys_;
  std::vector<PartyId> signers_{1, 3, 4};
  SigningPackage<S> package_;
  std::vector<SigningNonces<S>> nonces_;
};

using Suites = ::testing::Types<FrostEd25519Sha512, FrostSecp256k1Sha256>;
TYPED_TEST_SUITE(FrostAdversarial, Suites);

// An encoding of the suite's point size that is not a valid group element.
template <Ciphersuite S>
Bytes invalid_point_encoding() {
  for (uint8_t x = 2;; ++x) {
    Bytes enc(S::Group::kPointBytes, 0);
    if constexpr (std::is_same_v<S, FrostEd25519Sha512>) {
      enc[0] = x;  // y = x, little-endian
      if (!crypto_core_ed25519_is_valid_point(enc.data())) return enc;
    } else {
      enc[0] = 0x02;
      enc[32] = x;  // compressed point with X = x
      secp256k1_context* ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
      secp256k1_pubkey pk;
      const bool on_curve = secp256k1_ec_pubkey_parse(ctx, &pk, enc.data(), enc.size()) == 1;
      secp256k1_context_destroy(ctx);
      if (!on_curve) return enc;
    }
  }
}

TYPED_TEST(FrostAdversarial, HonestRunAggregates) {
  using S = TypeParam;
  const auto shares = this->honest_shares();
  auto sig = aggregate<S>(this->package_, shares, this->public_keys());
  ASSERT_TRUE(sig) << sig.error();
  EXPECT_TRUE(verify_signature_vartime<S>(this->keys_[0].group_public_key, this->package_.message, *sig));
}

TYPED_TEST(FrostAdversarial, TamperedShareCaughtAtAggregationNamingSigner) {
  using S = TypeParam;
  auto shares = this->honest_shares();
  shares[1].share = shares[1].share + ScalarOf<S>::one();  // signer 3
  auto sig = aggregate<S>(this->package_, shares, this->public_keys());
  ASSERT_FALSE(sig);
  EXPECT_EQ(sig.error().code, ErrorCode::kProtocolAbort);
  EXPECT_EQ(sig.error().culprits, std::vector<uint32_t>{3});
  EXPECT_NE(sig.error().message.find("3"), std::string::npos);
}

TYPED_TEST(FrostAdversarial, EveryBadShareIsNamed) {
  using S = TypeParam;
  auto shares = this->honest_shares();
  shares[0].share = ScalarOf<S>::zero();
  shares[2].share = -shares[2].share;
  auto sig = aggregate<S>(this->package_, shares, this->public_keys());
  ASSERT_FALSE(sig);
  EXPECT_EQ(sig.error().culprits, (std::vector<uint32_t>{1, 4}));
}

TYPED_TEST(FrostAdversarial, MissingDuplicateOrStrayShareRejected) {
  using S = TypeParam;
  auto shares = this->honest_shares();
  auto missing = shares;
  missing.pop_back();
  auto r = aggregate<S>(this->package_, missing, this->public_keys());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{4});

  auto dup = shares;
  dup.push_back(shares[0]);
  r = aggregate<S>(this->package_, dup, this->public_keys());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{1});

  auto stray = shares;
  stray.push_back(SignatureShare<S>{2, shares[0].share});
  r = aggregate<S>(this->package_, stray, this->public_keys());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().culprits, std::vector<uint32_t>{2});
}

TYPED_TEST(FrostAdversarial, IdentityCommitmentRejected) {
  using S = TypeParam;
  // On the wire: the identity has no valid encoding.
  Bytes wire;
  append(wire, PointOf<S>::identity().to_bytes());
  append(wire, PointOf<S>::generator().to_bytes());
  auto decoded = SigningCommitments<S>::from_bytes(3, wire);
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().code, ErrorCode::kInvalidPoint);
  EXPECT_EQ(decoded.error().culprits, std::vector<uint32_t>{3});

  // In memory: validation names the signer; signing refuses before using nonces.
  auto package = this->package_;
  package.commitments[2].binding = PointOf<S>::identity();
  auto st = validate_signing_package<S>(package, 3, 5);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::kInvalidPoint);
  EXPECT_EQ(st.error().culprits, std::vector<uint32_t>{4});
  auto share = round2::sign<S>(package, std::move(this->nonces_[0]), this->keys_[0]);
  ASSERT_FALSE(share);
  EXPECT_EQ(share.error().code, ErrorCode::kInvalidPoint);
}

TYPED_TEST(FrostAdversarial, OffCurveCommitmentRejected) {
  using S = TypeParam;
  Bytes wire = invalid_point_encoding<S>();
  append(wire, PointOf<S>::generator().to_bytes());
  auto decoded = SigningCommitments<S>::from_bytes(5, wire);
  ASSERT_FALSE(decoded);
  EXPECT_EQ(decoded.error().code, ErrorCode::kInvalidPoint);
  EXPECT_EQ(decoded.error().culprits, std::vector<uint32_t>{5});
  wire.pop_back();
  EXPECT_EQ(SigningCommitments<S>::from_bytes(5, wire).error().code, ErrorCode::kInvalidEncoding);
}

TYPED_TEST(FrostAdversarial, MalformedSignerListsRejected) {
  using S = TypeParam;
  const auto& key = this->keys_[0];  // signer 1
  auto expect_rejected = [&](SigningPackage<S> package, ErrorCode code, const char* what) {
    auto out = round1::commit<S>(key, this->rng_);
    for (auto& c : package.commitments) {
      if (c.identifier == 1) c = out.commitments;
    }
    auto share = round2::sign<S>(package, std::move(out.nonces), key);
    ASSERT_FALSE(share) << what;
    EXPECT_EQ(share.error().code, code) << what;
  };
  auto unsorted = this->package_;
  std::swap(unsorted.commitments[1], unsorted.commitments[2]);
  expect_rejected(unsorted, ErrorCode::kInvalidArgument, "unsorted");
  auto duplicate = this->package_;
  duplicate.commitments[2] = duplicate.commitments[1];
  expect_rejected(duplicate, ErrorCode::kInvalidArgument, "duplicate");
  auto too_few = this->package_;
  too_few.commitments.pop_back();
  expect_rejected(too_few, ErrorCode::kInvalidArgument, "below threshold");
  auto out_of_range = this->package_;
  out_of_range.commitments[2].identifier = 6;
  expect_rejected(out_of_range, ErrorCode::kInvalidArgument, "identifier > n");
  auto without_me = this->package_;
  without_me.commitments[0].identifier = 2;
  {
    auto share = round2::sign<S>(without_me, std::move(this->nonces_[0]), key);
    ASSERT_FALSE(share);
    EXPECT_EQ(share.error().code, ErrorCode::kInvalidArgument);
  }
}

TYPED_TEST(FrostAdversarial, SubstitutedOwnCommitmentRejected) {
  using S = TypeParam;
  auto package = this->package_;
  package.commitments[1] = round1::commit<S>(this->keys_[2], this->rng_).commitments;  // signer 3, fresh
  auto share = round2::sign<S>(package, std::move(this->nonces_[1]), this->keys_[2]);
  ASSERT_FALSE(share);
  EXPECT_EQ(share.error().code, ErrorCode::kProtocolAbort);
  EXPECT_TRUE(this->nonces_[1].used());  // consumed even though signing was refused
}

TYPED_TEST(FrostAdversarial, PackageForOtherMessageOrSignerSetRejected) {
  using S = TypeParam;
  const std::vector<PartyId> agreed = this->signers_;
  EXPECT_TRUE(check_package_matches<S>(this->package_, this->package_.message, agreed));
  EXPECT_FALSE(check_package_matches<S>(this->package_, Bytes{1, 2, 3}, agreed));
  EXPECT_FALSE(check_package_matches<S>(this->package_, this->package_.message, std::vector<PartyId>{1, 3, 5}));
  EXPECT_FALSE(check_package_matches<S>(this->package_, this->package_.message, std::vector<PartyId>{1, 3, 4, 5}));
}

// Runs the signers on the simulated network with `hook` rewriting messages.
template <Ciphersuite S>
Result<SimulatedSignature<S>> run_with_hook(FrostAdversarial<S>& f, runtime::ByzantineHook hook) {
  runtime::SimConfig config;
  config.byzantine = std::move(hook);
  const auto keys = f.signer_keys();
  return sign_simulated<S>(keys, Bytes{9, 9, 9}, f.rng_, config);
}

TYPED_TEST(FrostAdversarial, NetworkTamperedShareNamesSigner) {
  using S = TypeParam;
  auto run = run_with_hook<S>(*this, [](PartyId from, std::vector<runtime::Message> out) {
    for (auto& m : out) {
      if (from == 4 && m.round == 3) {
        auto z = ScalarOf<S>::from_bytes(m.payload);
        const auto bumped = (*z + ScalarOf<S>::one()).to_bytes();
        m.payload.assign(bumped.begin(), bumped.end());
      }
    }
    return out;
  });
  ASSERT_FALSE(run);
  EXPECT_EQ(run.error().code, ErrorCode::kProtocolAbort);
  EXPECT_EQ(run.error().culprits, std::vector<uint32_t>{4});
}

TYPED_TEST(FrostAdversarial, NetworkOffCurveCommitmentNamesSigner) {
  using S = TypeParam;
  auto run = run_with_hook<S>(*this, [](PartyId from, std::vector<runtime::Message> out) {
    for (auto& m : out) {
      if (from == 3 && m.round == 1) {
        m.payload = invalid_point_encoding<S>();
        append(m.payload, PointOf<S>::generator().to_bytes());
      }
    }
    return out;
  });
  ASSERT_FALSE(run);
  EXPECT_EQ(run.error().code, ErrorCode::kInvalidPoint);
  EXPECT_EQ(run.error().culprits, std::vector<uint32_t>{3});
}

TYPED_TEST(FrostAdversarial, NetworkPackageForOtherMessageNamesCoordinator) {
  using S = TypeParam;
  auto run = run_with_hook<S>(*this, [](PartyId from, std::vector<runtime::Message> out) {
    for (auto& m : out) {
      if (from == 1 && m.round == 2) {
        auto package = decode_signing_package<S>(m.payload);
        package->message = {6, 6, 6};
        m.payload = encode_signing_package<S>(*package);
      }
    }
    return out;
  });
  ASSERT_FALSE(run);
  EXPECT_EQ(run.error().code, ErrorCode::kProtocolAbort);
  EXPECT_EQ(run.error().culprits, std::vector<uint32_t>{1});
  EXPECT_NE(run.error().message.find("different message"), std::string::npos);
}

TYPED_TEST(FrostAdversarial, NetworkPackageForOtherSignerSetNamesCoordinator) {
  using S = TypeParam;
  auto run = run_with_hook<S>(*this, [](PartyId from, std::vector<runtime::Message> out) {
    for (auto& m : out) {
      if (from == 1 && m.round == 2) {
        auto package = decode_signing_package<S>(m.payload);
        package->commitments.pop_back();  // drop signer 4
        m.payload = encode_signing_package<S>(*package);
      }
    }
    return out;
  });
  ASSERT_FALSE(run);
  EXPECT_EQ(run.error().code, ErrorCode::kProtocolAbort);
  EXPECT_EQ(run.error().culprits, std::vector<uint32_t>{1});
}

TYPED_TEST(FrostAdversarial, PackageDecodingIsStrict) {
  using S = TypeParam;
  const Bytes wire = encode_signing_package<S>(this->package_);
  auto back = decode_signing_package<S>(wire);
  ASSERT_TRUE(back) << back.error();
  EXPECT_EQ(back->commitments, this->package_.commitments);
  EXPECT_EQ(back->message, this->package_.message);
  Bytes trailing = wire;
  trailing.push_back(0);
  EXPECT_EQ(decode_signing_package<S>(trailing).error().code, ErrorCode::kInvalidEncoding);
  Bytes truncated(wire.begin(), wire.end() - 1);
  EXPECT_EQ(decode_signing_package<S>(truncated).error().code, ErrorCode::kInvalidEncoding);
  Bytes huge_count = wire;
  huge_count[0] = 0xff;
  EXPECT_EQ(decode_signing_package<S>(huge_count).error().code, ErrorCode::kInvalidEncoding);
}

}  // namespace
}  // namespace okmpc::frost
