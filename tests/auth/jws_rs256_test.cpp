// RS256 and JWS parsing against RFC 7515 Appendix A.2 (the published RSA
// key of RFC 7517 Appendix A.1 / RFC 7515 A.2.1 and its example signature),
// and the JWKS rules.
#include <gtest/gtest.h>

#include "auth/base64url.hpp"
#include "auth/jwks.hpp"
#include "auth/jws.hpp"
#include "auth/rsa_key.hpp"
#include "auth/strict_json.hpp"
#include "auth_fixture.hpp"

namespace okmpc::auth {
namespace {

const std::string kRfcN = "ofgWCuLjybRlzo0tZWJjNiuSfb4p4fAkd_wWJcyQoTbji9k0l8W26mPddxHmfHQp-Vaw-4qPCJrcS2mJPMEzP1Pt0Bm4d4QlL-yRT-SFd2lZS-pCgNMsD1W_YpRPEwOWvG6b32690r2jZ47soMZo9wGzjb_7OMg0LOL-bSf63kpaSHSXndS5z5rexMdbBYUsLA9e-KXBdQOS-UTo7WTBEMa2R2CapHg665xsmtdVMTBQY4uDZlxvb3qCo5ZwKh9kG4LT6_I5IhlJH7aGhyxXFvUK-DWNmoudF8NAco9_h9iaGNj8q2ethFkMLs91kzk2PAcDTW9gb54h4FRWyuXpoQ";
const std::string kRfcToken =
    "eyJhbGciOiJSUzI1NiJ9"
    ".eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ"
    ".cC4hiUPoj9Eetdgtv3hF80EGrhuB__dzERat0XF9g2VtQgr9PJbu3XOiZj5RZmh7AAuHIm4Bh-0Qc_lF5YKt_O8W2Fp5jujGbds9uJdbF9CUAr7t1dnZcAcQjbKBYNX4BAynRFdiuB--f_nZLgrnbyTyWzO75vRK5h6xBArLIARNPvkSjtQBMHlb1L07Qe7K0GarZRmB_eSN9383LcOLn6_dO--xi12jzDwusC-eOkHWEsqtFZESc6BfI7noOPqvhJ1phCnvWh6IeYI2w9QOYEUipUTI8np6LbgGY9Fs98rqVt5AXLIhWkWywlVmtVrBp0igcN_IoypGlUPQGe77Rw";

RsaPublicKey rfc_key() {
  auto key = RsaPublicKey::from_components(*base64url_decode(kRfcN), *base64url_decode("AQAB"));
  EXPECT_TRUE(key.has_value());
  return *key;
}

TEST(JwsRs256, Rfc7515AppendixA2VerifiesByteForByte) {
  auto jws = parse_compact_jws(kRfcToken);
  ASSERT_TRUE(jws.has_value()) << jws.error();
  EXPECT_EQ(jws->alg, "RS256");
  EXPECT_FALSE(jws->kid.has_value());
  EXPECT_EQ(*required_string(jws->claims, "iss"), "joe");
  EXPECT_EQ(*required_uint(jws->claims, "exp"), 1300819380u);
  EXPECT_EQ(jws->signature.size(), 256u);
  const RsaPublicKey key = rfc_key();
  EXPECT_EQ(key.modulus_bits(), 2048u);
  EXPECT_EQ(base64url_encode(key.modulus()), kRfcN);
  EXPECT_TRUE(key.verify_rs256(as_bytes(jws->signing_input), jws->signature));
}

TEST(JwsRs256, AnyChangedBitFailsVerification) {
  auto jws = *parse_compact_jws(kRfcToken);
  const RsaPublicKey key = rfc_key();
  for (size_t i : {size_t{0}, size_t{100}, size_t{255}}) {
    Bytes sig = jws.signature;
    sig[i] ^= 0x01;
    EXPECT_FALSE(key.verify_rs256(as_bytes(jws.signing_input), sig)) << i;
  }
  std::string input = jws.signing_input;
  input[5] ^= 0x01;
  EXPECT_FALSE(key.verify_rs256(as_bytes(input), jws.signature));
  Bytes truncated(jws.signature.begin(), jws.signature.end() - 1);
  EXPECT_FALSE(key.verify_rs256(as_bytes(jws.signing_input), truncated));
}

TEST(JwsRs256, GeneratedKeysSignAndVerify) {
  const std::string msg = "okmpc";
  auto key = testing::google().current_public_key();
  auto other = RsaPublicKey::from_components(*base64url_decode(kRfcN), *base64url_decode("AQAB"));
  auto token = testing::google().sign(boost::json::object{{"x", 1}});
  ASSERT_TRUE(token.has_value());
  auto jws = *parse_compact_jws(*token);
  EXPECT_TRUE(key.verify_rs256(as_bytes(jws.signing_input), jws.signature));
  EXPECT_FALSE(other->verify_rs256(as_bytes(jws.signing_input), jws.signature));
}

TEST(JwsRs256, PublicKeyContract) {
  const Bytes n = *base64url_decode(kRfcN), e = *base64url_decode("AQAB");
  Bytes padded = n;
  padded.insert(padded.begin(), 0x00);
  Bytes short_n(n.begin(), n.begin() + 128);
  short_n.back() |= 1;
  Bytes even_n = n;
  even_n.back() &= 0xfe;
  EXPECT_EQ(RsaPublicKey::from_components(padded, e).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(RsaPublicKey::from_components(short_n, e).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(RsaPublicKey::from_components(even_n, e).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(RsaPublicKey::from_components(n, Bytes{0x01}).error().code, ErrorCode::kInvalidArgument);
  EXPECT_EQ(RsaPublicKey::from_components(n, Bytes{0x01, 0x00}).error().code, ErrorCode::kInvalidArgument);
  EXPECT_TRUE(RsaPublicKey::from_components(n, Bytes{0x03}).has_value());
}

TEST(JwsRs256, PrivateKeysRoundTripThroughPem) {
  auto key = RsaPrivateKey::from_pem(testing::test_key_pem(1));
  ASSERT_TRUE(key.has_value()) << key.error();
  auto again = RsaPrivateKey::from_pem(key->to_pem());
  ASSERT_TRUE(again.has_value()) << again.error();
  EXPECT_EQ(again->public_key().modulus(), key->public_key().modulus());
  auto sig = again->sign_rs256(as_bytes("m"));
  ASSERT_TRUE(sig.has_value());
  EXPECT_TRUE(key->public_key().verify_rs256(as_bytes("m"), *sig));
  EXPECT_EQ(RsaPrivateKey::from_pem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n").error().code,
            ErrorCode::kInvalidEncoding);
  EXPECT_EQ(RsaPrivateKey::from_pem("").error().code, ErrorCode::kInvalidEncoding);
  EXPECT_EQ(RsaPrivateKey::generate(1024).error().code, ErrorCode::kInvalidArgument);
}

TEST(Jws, StructureIsStrict) {
  const std::string h = base64url_encode(std::string_view(R"({"alg":"RS256","kid":"k"})"));
  const std::string p = base64url_encode(std::string_view(R"({"sub":"x"})"));
  const std::string s = base64url_encode(std::string_view("sig"));
  EXPECT_TRUE(parse_compact_jws(h + "." + p + "." + s).has_value());
  const std::string crit = base64url_encode(std::string_view(R"({"alg":"RS256","crit":["exp"]})"));
  const std::string dup = base64url_encode(std::string_view(R"({"alg":"RS256","alg":"none"})"));
  const std::string noalg = base64url_encode(std::string_view(R"({"kid":"k"})"));
  const std::string numkid = base64url_encode(std::string_view(R"({"alg":"RS256","kid":7})"));
  const std::string arr = base64url_encode(std::string_view("[1]"));
  for (const std::string& bad :
       {h + "." + p, h + "." + p + "." + s + ".x", h + "." + p + "." + s + "=", h + "==." + p + "." + s,
        crit + "." + p + "." + s, dup + "." + p + "." + s, noalg + "." + p + "." + s, numkid + "." + p + "." + s,
        h + "." + arr + "." + s, std::string("..."), h + "." + p + "." + s + "$", std::string(kMaxTokenBytes + 1, 'a')}) {
    auto r = parse_compact_jws(bad);
    ASSERT_FALSE(r.has_value()) << bad.substr(0, 80);
    EXPECT_EQ(r.error().code, AuthErrorCode::kMalformedToken) << bad.substr(0, 80);
    EXPECT_EQ(r.error().public_code(), "INVALID_TOKEN");
  }
}

TEST(Jwks, ParsesGoogleShapedSetsAndSkipsForeignKeys) {
  const std::string json = R"({"keys":[
    {"kty":"RSA","kid":"a","use":"sig","alg":"RS256","n":")" + kRfcN + R"(","e":"AQAB"},
    {"kty":"EC","kid":"ec","crv":"P-256","x":"f83OJ3D2xF1Bg8vub9tLe1gHMzV76e8Tus9uPHvRVEU","y":"x_FEzRu9m36HLN_tue659LNpXW6pCyStikYjKIWI5a0"},
    {"kty":"RSA","kid":"enc","use":"enc","n":")" + kRfcN + R"(","e":"AQAB"},
    {"kty":"RSA","kid":"ps","alg":"PS256","n":")" + kRfcN + R"(","e":"AQAB"}]})";
  auto jwks = Jwks::parse(json);
  ASSERT_TRUE(jwks.has_value()) << jwks.error();
  EXPECT_EQ(jwks->kids(), std::vector<std::string>{"a"});
  ASSERT_NE(jwks->find("a"), nullptr);
  EXPECT_EQ(jwks->find("ec"), nullptr);
  // Round trip through our own export.
  auto again = Jwks::parse(jwks->to_json());
  ASSERT_TRUE(again.has_value());
  EXPECT_EQ(again->find("a")->modulus(), jwks->find("a")->modulus());
}

TEST(Jwks, RejectsBrokenKeysNamingThem) {
  const std::string good = R"({"kty":"RSA","kid":"a","n":")" + kRfcN + R"(","e":"AQAB"})";
  const std::string bad_sets[] = {
      R"({"keys":[)" + good + "," + good + "]}",                                         // duplicate kid
      R"({"keys":[{"kty":"RSA","kid":"b","n":")" + kRfcN + R"(=","e":"AQAB"}]})",      // padded base64url
      R"({"keys":[{"kty":"RSA","kid":"c","n":"AQAB","e":"AQAB"}]})",                    // tiny modulus
      R"({"keys":[{"kty":"RSA","n":")" + kRfcN + R"(","e":"AQAB"}]})",                  // no kid
      R"({"keys":{}})", R"({"nokeys":[]})", R"({"keys":[1]})"};
  for (const std::string& json : bad_sets) {
    auto r = Jwks::parse(json);
    EXPECT_FALSE(r.has_value()) << json.substr(0, 60);
  }
  auto dup = Jwks::parse(bad_sets[0]);
  EXPECT_EQ(dup.error().code, ErrorCode::kAlreadyExists);
  auto tiny = Jwks::parse(bad_sets[2]);
  EXPECT_NE(tiny.error().message.find("kid c"), std::string::npos) << tiny.error();
}

}  // namespace
}  // namespace okmpc::auth
