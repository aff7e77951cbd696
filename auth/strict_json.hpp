// Strict JSON for security tokens and wire formats: the text must be exactly
// one JSON object (RFC 8259), UTF-8, no comments, no trailing commas, no
// trailing data, nesting depth <= 16, and no object anywhere may repeat a key
// (RFC 7515 §5.2 lets a JWS consumer reject duplicate header names; we always
// do, so two parsers can never read one token two ways).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <boost/json.hpp>

#include "mpc/error.hpp"

namespace okmpc::auth {

// Parses `text` under the rules above; kInvalidEncoding names the problem.
Result<boost::json::object> parse_strict_object(std::string_view text);

// Typed member access for already-parsed objects. Each returns kInvalidEncoding
// naming `key` when the member exists with the wrong type; the optional
// variants return nullopt when the member is absent.
Result<std::optional<std::string>> optional_string(const boost::json::object& obj, std::string_view key);
Result<std::string> required_string(const boost::json::object& obj, std::string_view key);
// Non-negative integers (JSON numbers without fraction or exponent that fit
// in int64). Google's exp/iat are such numbers.
Result<std::optional<uint64_t>> optional_uint(const boost::json::object& obj, std::string_view key);
Result<uint64_t> required_uint(const boost::json::object& obj, std::string_view key);
Result<std::optional<bool>> optional_bool(const boost::json::object& obj, std::string_view key);

}  // namespace okmpc::auth
