#include "apps/gateway/json_shape.hpp"

namespace okmpc::gateway {

namespace json = boost::json;

ApiResult<json::object> parse_json_object(std::string_view body) {
  json::parse_options options;
  options.max_depth = 8;
  options.allow_comments = false;
  options.allow_trailing_commas = false;
  options.allow_invalid_utf8 = false;
  json::error_code ec;
  json::value value = json::parse(body, ec, {}, options);
  if (ec) return api_fail(ApiErrorCode::kBadRequest, "malformed JSON body: " + ec.message());
  if (!value.is_object()) return api_fail(ApiErrorCode::kBadRequest, "the body must be a JSON object");
  return std::move(value.as_object());
}

ObjectReader::ObjectReader(const json::object& object, std::string path)
    : object_(&object), path_(std::move(path)) {}

std::string ObjectReader::field_path(std::string_view name) const {
  return path_.empty() ? std::string(name) : path_ + "." + std::string(name);
}

ApiResult<std::string> ObjectReader::string(std::string_view name, size_t max_len) {
  read_.emplace(name);
  const json::value* v = object_->if_contains(name);
  if (v == nullptr) return api_fail(ApiErrorCode::kBadRequest, "missing field " + field_path(name));
  if (!v->is_string()) return api_fail(ApiErrorCode::kBadRequest, field_path(name) + " must be a string");
  const json::string& s = v->as_string();
  if (s.size() > max_len) {
    return api_fail(ApiErrorCode::kBadRequest,
                    field_path(name) + " is longer than " + std::to_string(max_len) + " characters");
  }
  return std::string(s.data(), s.size());
}

ApiResult<std::optional<std::string>> ObjectReader::optional_string(std::string_view name, size_t max_len) {
  const json::value* v = object_->if_contains(name);
  if (v == nullptr || v->is_null()) {
    read_.emplace(name);
    return std::optional<std::string>{};
  }
  auto s = string(name, max_len);
  if (!s) return tl::unexpected(s.error());
  return std::optional<std::string>(std::move(*s));
}

ApiResult<std::optional<int64_t>> ObjectReader::optional_int(std::string_view name, int64_t min, int64_t max) {
  read_.emplace(name);
  const json::value* v = object_->if_contains(name);
  if (v == nullptr || v->is_null()) return std::optional<int64_t>{};
  if (!v->is_int64() && !v->is_uint64()) return api_fail(ApiErrorCode::kBadRequest, field_path(name) + " must be an integer");
  if (v->is_uint64() && v->as_uint64() > static_cast<uint64_t>(max)) {
    return api_fail(ApiErrorCode::kBadRequest, field_path(name) + " is out of range");
  }
  int64_t x = v->is_int64() ? v->as_int64() : static_cast<int64_t>(v->as_uint64());
  if (x < min || x > max) return api_fail(ApiErrorCode::kBadRequest, field_path(name) + " is out of range");
  return std::optional<int64_t>(x);
}

ApiResult<ObjectReader> ObjectReader::object(std::string_view name) {
  read_.emplace(name);
  const json::value* v = object_->if_contains(name);
  if (v == nullptr) return api_fail(ApiErrorCode::kBadRequest, "missing field " + field_path(name));
  if (!v->is_object()) return api_fail(ApiErrorCode::kBadRequest, field_path(name) + " must be an object");
  return ObjectReader(v->as_object(), field_path(name));
}

ApiResult<void> ObjectReader::finish() const {
  for (const auto& kv : *object_) {
    if (read_.find(std::string_view(kv.key())) == read_.end()) {
      return api_fail(ApiErrorCode::kBadRequest, "unknown field " + field_path(kv.key()));
    }
  }
  return {};
}

}  // namespace okmpc::gateway
