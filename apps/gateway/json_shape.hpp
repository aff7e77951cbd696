// Strict reading of request bodies (Boost.JSON): a body must be one JSON
// object, every field has the declared type, unknown fields are rejected, and
// every failure is a BAD_REQUEST naming the offending field by its path
// (e.g. "sessionData.nonce").
#pragma once

#include <boost/json.hpp>

#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "apps/gateway/api_error.hpp"

namespace okmpc::gateway {

// Parses `body` as one JSON object (no trailing data, nesting depth <= 8).
ApiResult<boost::json::object> parse_json_object(std::string_view body);

// Reads fields of one object. Construct over an object, read every field you
// accept, then call finish(): it fails if the object holds a field that was
// never read. `path` prefixes field names in error messages.
class ObjectReader {
 public:
  ObjectReader(const boost::json::object& object, std::string path);

  // A required string field; `max_len` bounds its length.
  ApiResult<std::string> string(std::string_view name, size_t max_len = 4096);
  // An optional string field (absent or null → nullopt).
  ApiResult<std::optional<std::string>> optional_string(std::string_view name, size_t max_len = 4096);
  // An optional integer field in [min, max] (absent or null → nullopt).
  ApiResult<std::optional<int64_t>> optional_int(std::string_view name, int64_t min, int64_t max);
  // A required nested object, read by another ObjectReader.
  ApiResult<ObjectReader> object(std::string_view name);
  // Fails with BAD_REQUEST naming the first field that was not read.
  ApiResult<void> finish() const;

  const std::string& path() const { return path_; }

 private:
  std::string field_path(std::string_view name) const;
  const boost::json::object* object_;
  std::string path_;
  std::set<std::string, std::less<>> read_;
};

}  // namespace okmpc::gateway
