// Google ID-token verification: one test per rejection class, each asserting
// the exact AuthErrorCode and its public gateway code.
#include "auth/oidc_verifier.hpp"

#include <gtest/gtest.h>

#include "auth/base64url.hpp"
#include "auth_fixture.hpp"
#include "mpc/hash.hpp"
#include "mpc/hex.hpp"

namespace okmpc::auth {
namespace {

using testing::google;
using testing::kAudience;
using testing::kNow;
using testing::login_for;
using testing::session_pk;

class OidcVerifierTest : public ::testing::Test {
 protected:
  OidcVerifierTest() : verifier_(google().jwks(), OidcConfig{kAudience}) {}

  boost::json::object claims(const std::string& subject = "1001", uint8_t session = 7) {
    return SimulatedGoogle::claims_for(login_for(subject, session), rng_);
  }
  std::string sign(const boost::json::object& c) { return *google().sign(c); }
  AuthResult<VerifiedCredential> verify(const std::string& token, uint8_t session = 7, uint64_t now = kNow) {
    return verifier_.verify(token, session_nonce(session_pk(session)), now);
  }
  void expect_rejected(const std::string& token, AuthErrorCode code, std::string_view public_code,
                       uint64_t now = kNow) {
    auto r = verify(token, 7, now);
    ASSERT_FALSE(r.has_value()) << "accepted a token that must be rejected";
    EXPECT_EQ(r.error().code, code) << r.error();
    EXPECT_EQ(r.error().public_code(), public_code);
  }

  DeterministicRng rng_{42};
  OidcVerifier verifier_;
};

TEST_F(OidcVerifierTest, AcceptsAValidTokenAndDerivesTheIdentity) {
  auto cred = verify(sign(claims("1001")));
  ASSERT_TRUE(cred.has_value()) << cred.error();
  EXPECT_EQ(cred->identity.provider, Provider::kGoogle);
  EXPECT_EQ(cred->identity.subject_hash, subject_hash(Provider::kGoogle, "https://accounts.google.com", "1001"));
  EXPECT_EQ(cred->subject, "1001");
  EXPECT_EQ(cred->email, "1001@gmail.com");
  EXPECT_EQ(cred->expires_at, kNow - 10 + 3600);
  // A different user is a different identity.
  auto other = verify(sign(claims("1002")));
  ASSERT_TRUE(other.has_value());
  EXPECT_NE(other->identity, cred->identity);
}

TEST_F(OidcVerifierTest, AcceptsBothGoogleIssuerSpellings) {
  auto c = claims();
  c["iss"] = "accounts.google.com";
  EXPECT_TRUE(verify(sign(c)).has_value());
}

TEST_F(OidcVerifierTest, AcceptsATokenWithoutEmail) {
  auto c = claims();
  c.erase("email");
  c.erase("email_verified");
  EXPECT_TRUE(verify(sign(c)).has_value());
}

TEST_F(OidcVerifierTest, RejectsAlgNone) {
  const std::string header = base64url_encode(std::string_view(R"({"alg":"none","kid":"sim-google-1"})"));
  const std::string payload = base64url_encode(std::string_view(boost::json::serialize(claims())));
  expect_rejected(header + "." + payload + ".", AuthErrorCode::kUnsupportedAlgorithm, "INVALID_TOKEN");
}

TEST_F(OidcVerifierTest, RejectsHs256KeyedWithTheRsaPublicKey) {
  // The algorithm-confusion attack: HMAC the token with the public key's bytes
  // (or its JWKS text) and hope the verifier follows the header's "alg".
  const boost::json::object header{{"alg", "HS256"}, {"kid", "sim-google-1"}, {"typ", "JWT"}};
  const std::string input = jws_signing_input(header, claims());
  const std::string jwks_text = google().jwks_json();
  for (const Bytes& secret : {google().current_public_key().modulus(), Bytes(jwks_text.begin(), jwks_text.end())}) {
    const Hash32 mac = hmac_sha256(secret, as_bytes(input));
    expect_rejected(jws_assemble(input, mac), AuthErrorCode::kUnsupportedAlgorithm, "INVALID_TOKEN");
  }
}

TEST_F(OidcVerifierTest, RejectsOtherRsaAlgorithmsEvenWithAValidRs256Signature) {
  for (const char* alg : {"RS512", "PS256", "rs256", "ES256"}) {
    auto token = google().sign_with_header(boost::json::object{{"alg", alg}, {"kid", "sim-google-1"}}, claims());
    expect_rejected(*token, AuthErrorCode::kUnsupportedAlgorithm, "INVALID_TOKEN");
  }
}

TEST_F(OidcVerifierTest, RejectsUnknownOrMissingKid) {
  auto unknown = google().sign_with_header(boost::json::object{{"alg", "RS256"}, {"kid", "sim-google-9"}}, claims());
  expect_rejected(*unknown, AuthErrorCode::kUnknownKey, "INVALID_TOKEN");
  auto missing = google().sign_with_header(boost::json::object{{"alg", "RS256"}}, claims());
  expect_rejected(*missing, AuthErrorCode::kUnknownKey, "INVALID_TOKEN");
}

TEST_F(OidcVerifierTest, RejectsBadSignatures) {
  // Signed by another key under our kid.
  expect_rejected(*testing::impostor().sign(claims()), AuthErrorCode::kBadSignature, "INVALID_TOKEN");
  // Claims edited after signing.
  const std::string good = sign(claims("1001"));
  auto forged_claims = claims("1002");
  const std::string forged = base64url_encode(std::string_view(boost::json::serialize(forged_claims)));
  const size_t d1 = good.find('.'), d2 = good.rfind('.');
  expect_rejected(good.substr(0, d1 + 1) + forged + good.substr(d2), AuthErrorCode::kBadSignature, "INVALID_TOKEN");
  // A flipped signature bit (re-encoded canonically).
  Bytes sig = *base64url_decode(good.substr(d2 + 1));
  sig[17] ^= 0x80;
  expect_rejected(jws_assemble(good.substr(0, d2), sig), AuthErrorCode::kBadSignature, "INVALID_TOKEN");
  // An empty signature.
  expect_rejected(good.substr(0, d2 + 1), AuthErrorCode::kBadSignature, "INVALID_TOKEN");
}

TEST_F(OidcVerifierTest, RejectsWrongAudience) {
  auto c = claims();
  c["aud"] = "someone-else.apps.googleusercontent.com";
  expect_rejected(sign(c), AuthErrorCode::kWrongAudience, "INVALID_TOKEN");
  // Several audiences are fine only when azp is us.
  c["aud"] = boost::json::array{kAudience, "other"};
  c["azp"] = "other";
  expect_rejected(sign(c), AuthErrorCode::kWrongAudience, "INVALID_TOKEN");
  c["azp"] = kAudience;
  EXPECT_TRUE(verify(sign(c)).has_value());
}

TEST_F(OidcVerifierTest, RejectsWrongIssuer) {
  for (const char* iss : {"https://evil.example.com", "https://accounts.google.com/", "http://accounts.google.com"}) {
    auto c = claims();
    c["iss"] = iss;
    expect_rejected(sign(c), AuthErrorCode::kWrongIssuer, "INVALID_TOKEN");
  }
}

TEST_F(OidcVerifierTest, ExpiryHonoursTheSkewExactly) {
  const std::string token = sign(claims());  // exp = kNow - 10 + 3600
  const uint64_t exp = kNow - 10 + 3600;
  EXPECT_TRUE(verify(token, 7, exp + 59).has_value());
  expect_rejected(token, AuthErrorCode::kTokenExpired, "TOKEN_EXPIRED", exp + 60);
  expect_rejected(token, AuthErrorCode::kTokenExpired, "TOKEN_EXPIRED", exp + 86400);
}

TEST_F(OidcVerifierTest, RejectsTokensIssuedInTheFuture) {
  auto c = SimulatedGoogle::claims_for(login_for("1001", 7, kNow + 61), rng_);
  expect_rejected(sign(c), AuthErrorCode::kTokenNotYetValid, "INVALID_TOKEN");
  auto within_skew = SimulatedGoogle::claims_for(login_for("1001", 7, kNow + 60), rng_);
  EXPECT_TRUE(verify(sign(within_skew)).has_value());
  auto c2 = claims();
  c2["iat"] = c2["exp"].as_uint64() + 1;  // issued after it expires
  expect_rejected(sign(c2), AuthErrorCode::kTokenNotYetValid, "INVALID_TOKEN");
}

TEST_F(OidcVerifierTest, RequiresVerifiedEmail) {
  auto unverified = claims();
  unverified["email_verified"] = false;
  expect_rejected(sign(unverified), AuthErrorCode::kEmailNotVerified, "INVALID_TOKEN");
  auto missing = claims();
  missing.erase("email_verified");
  expect_rejected(sign(missing), AuthErrorCode::kEmailNotVerified, "INVALID_TOKEN");
  auto stringly = claims();
  stringly["email_verified"] = "true";  // strict types: a string is not a boolean
  expect_rejected(sign(stringly), AuthErrorCode::kMalformedToken, "INVALID_TOKEN");
}

TEST_F(OidcVerifierTest, BindsTheTokenToTheSessionKey) {
  const std::string token = sign(claims("1001", 7));
  auto stolen = verify(token, /*session=*/8);  // presented for another session key
  ASSERT_FALSE(stolen.has_value());
  EXPECT_EQ(stolen.error().code, AuthErrorCode::kNonceMismatch);
  auto c = claims();
  c.erase("nonce");
  expect_rejected(sign(c), AuthErrorCode::kNonceMismatch, "INVALID_TOKEN");
  auto upper = claims();
  std::string n(upper["nonce"].as_string());
  for (char& ch : n) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  upper["nonce"] = n;  // the nonce is lowercase hex, exactly
  expect_rejected(sign(upper), AuthErrorCode::kNonceMismatch, "INVALID_TOKEN");
}

TEST_F(OidcVerifierTest, NonceIsKeccakOfTheUncompressedSessionKey) {
  const Bytes pk = session_pk(1);
  // keccak256 over all 65 bytes (0x04 included), lowercase hex.
  EXPECT_EQ(session_nonce(pk), to_hex(keccak256(pk)));
  EXPECT_EQ(session_nonce(pk).size(), 64u);
  auto bound = bind_session(pk);
  ASSERT_TRUE(bound.has_value());
  // Secret key 1 → the DOMAIN.md known address.
  EXPECT_EQ(eth::to_checksum(bound->address), "0x7E5F4552091A69125d5DfCb7b8C2659029395Bdf");
  Bytes off_curve = pk;
  off_curve[64] ^= 0x01;
  EXPECT_EQ(bind_session(off_curve).error().code, AuthErrorCode::kBadRequest);
  EXPECT_EQ(bind_session(Bytes(pk.begin(), pk.begin() + 33)).error().code, AuthErrorCode::kBadRequest);
}

TEST_F(OidcVerifierTest, RejectsMalformedTokensAndClaims) {
  expect_rejected("not-a-token", AuthErrorCode::kMalformedToken, "INVALID_TOKEN");
  expect_rejected(sign(claims()) + "=", AuthErrorCode::kMalformedToken, "INVALID_TOKEN");
  for (const char* key : {"sub", "iss", "aud", "exp", "iat"}) {
    auto c = claims();
    c.erase(key);
    expect_rejected(sign(c), AuthErrorCode::kMalformedToken, "INVALID_TOKEN");
  }
  auto fractional = claims();
  fractional["exp"] = 1.79e9;
  expect_rejected(sign(fractional), AuthErrorCode::kMalformedToken, "INVALID_TOKEN");
  auto negative = claims();
  negative["iat"] = -5;
  expect_rejected(sign(negative), AuthErrorCode::kMalformedToken, "INVALID_TOKEN");
}

TEST_F(OidcVerifierTest, NoSingleByteChangeOfAValidTokenIsAccepted) {
  const std::string good = sign(claims());
  ASSERT_TRUE(verify(good).has_value());
  const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.=+/ ";
  DeterministicRng pick(5);
  for (int i = 0; i < 400; ++i) {
    std::string bad = good;
    const size_t at = pick.uniform(bad.size());
    const char c = alphabet[pick.uniform(alphabet.size())];
    if (bad[at] == c) continue;
    bad[at] = c;
    auto r = verify(bad);
    EXPECT_FALSE(r.has_value()) << "accepted with byte " << at << " = '" << c << "'";
  }
}

TEST_F(OidcVerifierTest, KeyRotationKeepsThePreviousKidValid) {
  auto rotating = SimulatedGoogle::from_pem_keys({testing::test_key_pem(1)});
  ASSERT_TRUE(rotating.has_value());
  OidcVerifier v(rotating->jwks(), OidcConfig{kAudience});
  const std::string old_token = *rotating->sign(claims());
  ASSERT_TRUE(rotating->rotate().has_value());  // sim-google-2 current, sim-google-1 still published
  EXPECT_EQ(rotating->current_kid(), "sim-google-2");
  EXPECT_EQ(rotating->jwks().size(), 2u);
  const std::string new_token = *rotating->sign(claims());
  EXPECT_EQ(v.verify(new_token, session_nonce(session_pk(7)), kNow).error().code, AuthErrorCode::kUnknownKey);
  v.replace_jwks(rotating->jwks());
  EXPECT_TRUE(v.verify(new_token, session_nonce(session_pk(7)), kNow).has_value());
  EXPECT_TRUE(v.verify(old_token, session_nonce(session_pk(7)), kNow).has_value());
  ASSERT_TRUE(rotating->rotate().has_value());  // sim-google-1 retired
  v.replace_jwks(rotating->jwks());
  EXPECT_EQ(v.verify(old_token, session_nonce(session_pk(7)), kNow).error().code, AuthErrorCode::kUnknownKey);
  EXPECT_TRUE(v.verify(new_token, session_nonce(session_pk(7)), kNow).has_value());
}

TEST(AuthErrorCodes, MapToTheGatewayList) {
  EXPECT_EQ(public_code(AuthErrorCode::kTokenReplayed), "TOKEN_REPLAYED");
  EXPECT_EQ(public_code(AuthErrorCode::kOtpLocked), "OTP_LOCKED");
  EXPECT_EQ(public_code(AuthErrorCode::kConsensusFailed), "AUTH_CONSENSUS_FAILED");
  EXPECT_EQ(public_code(AuthErrorCode::kQuorumNotMet), "QUORUM_NOT_MET");
  EXPECT_EQ(public_code(AuthErrorCode::kRateLimited), "RATE_LIMITED");
  EXPECT_EQ(public_code(AuthErrorCode::kBadRequest), "BAD_REQUEST");
  AuthError e(AuthErrorCode::kTokenReplayed, "seen", {2});
  EXPECT_EQ(e.to_error().code, ErrorCode::kReplay);
  EXPECT_EQ(e.describe(), "TOKEN_REPLAYED (token_replayed): seen (culprits: 2)");
}

}  // namespace
}  // namespace okmpc::auth
