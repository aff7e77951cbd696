#include "auth/strict_json.hpp"

#include <set>
#include <vector>

#include <boost/json/basic_parser_impl.hpp>

namespace okmpc::auth {
namespace {

constexpr size_t kMaxDepth = 16;

// A basic_parser handler that builds nothing; it only tracks the key set of
// every open object to spot duplicates (boost::json::parse silently keeps the
// last one).
struct DuplicateKeyCheck {
  constexpr static size_t max_object_size = size_t(-1);
  constexpr static size_t max_array_size = size_t(-1);
  constexpr static size_t max_key_size = size_t(-1);
  constexpr static size_t max_string_size = size_t(-1);

  std::vector<std::set<std::string>> open;  // one entry per open object or array
  std::vector<bool> is_object;
  std::string key;
  std::string duplicate;

  bool on_document_begin(boost::system::error_code&) { return true; }
  bool on_document_end(boost::system::error_code&) { return true; }
  bool on_array_begin(boost::system::error_code&) {
    open.emplace_back();
    is_object.push_back(false);
    return true;
  }
  bool on_array_end(size_t, boost::system::error_code&) {
    open.pop_back();
    is_object.pop_back();
    return true;
  }
  bool on_object_begin(boost::system::error_code&) {
    open.emplace_back();
    is_object.push_back(true);
    return true;
  }
  bool on_object_end(size_t, boost::system::error_code&) {
    open.pop_back();
    is_object.pop_back();
    return true;
  }
  bool on_string_part(boost::json::string_view, size_t, boost::system::error_code&) { return true; }
  bool on_string(boost::json::string_view, size_t, boost::system::error_code&) { return true; }
  bool on_key_part(boost::json::string_view s, size_t, boost::system::error_code&) {
    key.append(s.data(), s.size());
    return true;
  }
  bool on_key(boost::json::string_view s, size_t, boost::system::error_code& ec) {
    key.append(s.data(), s.size());
    if (!open.back().insert(key).second) {
      duplicate = key;
      ec = boost::json::error::syntax;
      return false;
    }
    key.clear();
    return true;
  }
  bool on_number_part(boost::json::string_view, boost::system::error_code&) { return true; }
  bool on_int64(int64_t, boost::json::string_view, boost::system::error_code&) { return true; }
  bool on_uint64(uint64_t, boost::json::string_view, boost::system::error_code&) { return true; }
  bool on_double(double, boost::json::string_view, boost::system::error_code&) { return true; }
  bool on_bool(bool, boost::system::error_code&) { return true; }
  bool on_null(boost::system::error_code&) { return true; }
  bool on_comment_part(boost::json::string_view, boost::system::error_code&) { return true; }
  bool on_comment(boost::json::string_view, boost::system::error_code&) { return true; }
};

boost::json::parse_options strict_options() {
  boost::json::parse_options opt;
  opt.max_depth = kMaxDepth;
  opt.allow_comments = false;
  opt.allow_trailing_commas = false;
  opt.allow_invalid_utf8 = false;
  return opt;
}

Error type_error(std::string_view key, std::string_view want) {
  return Error(ErrorCode::kInvalidEncoding,
               "json member \"" + std::string(key) + "\" must be " + std::string(want));
}

}  // namespace

Result<boost::json::object> parse_strict_object(std::string_view text) {
  boost::json::basic_parser<DuplicateKeyCheck> checker(strict_options());
  boost::system::error_code ec;
  checker.write_some(false, text.data(), text.size(), ec);
  if (!checker.handler().duplicate.empty()) {
    return fail(ErrorCode::kInvalidEncoding, "json: duplicate key \"" + checker.handler().duplicate + "\"");
  }
  if (ec) return fail(ErrorCode::kInvalidEncoding, "json: " + ec.message());
  if (!checker.done()) return fail(ErrorCode::kInvalidEncoding, "json: incomplete document");

  boost::json::value v = boost::json::parse(boost::json::string_view(text.data(), text.size()), ec,
                                            {}, strict_options());
  if (ec) return fail(ErrorCode::kInvalidEncoding, "json: " + ec.message());
  if (!v.is_object()) return fail(ErrorCode::kInvalidEncoding, "json: top level must be an object");
  return std::move(v.as_object());
}

Result<std::optional<std::string>> optional_string(const boost::json::object& obj, std::string_view key) {
  const boost::json::value* v = obj.if_contains(boost::json::string_view(key.data(), key.size()));
  if (!v) return std::optional<std::string>{};
  if (!v->is_string()) return tl::unexpected(type_error(key, "a string"));
  return std::optional<std::string>(std::string(v->as_string().c_str(), v->as_string().size()));
}

Result<std::string> required_string(const boost::json::object& obj, std::string_view key) {
  OKMPC_ASSIGN_OR_RETURN(auto s, optional_string(obj, key));
  if (!s) return fail(ErrorCode::kInvalidEncoding, "json member \"" + std::string(key) + "\" is missing");
  return std::move(*s);
}

Result<std::optional<uint64_t>> optional_uint(const boost::json::object& obj, std::string_view key) {
  const boost::json::value* v = obj.if_contains(boost::json::string_view(key.data(), key.size()));
  if (!v) return std::optional<uint64_t>{};
  if (v->is_int64() && v->as_int64() >= 0) return std::optional<uint64_t>(static_cast<uint64_t>(v->as_int64()));
  if (v->is_uint64()) return std::optional<uint64_t>(v->as_uint64());
  return tl::unexpected(type_error(key, "a non-negative integer"));
}

Result<uint64_t> required_uint(const boost::json::object& obj, std::string_view key) {
  OKMPC_ASSIGN_OR_RETURN(auto u, optional_uint(obj, key));
  if (!u) return fail(ErrorCode::kInvalidEncoding, "json member \"" + std::string(key) + "\" is missing");
  return *u;
}

Result<std::optional<bool>> optional_bool(const boost::json::object& obj, std::string_view key) {
  const boost::json::value* v = obj.if_contains(boost::json::string_view(key.data(), key.size()));
  if (!v) return std::optional<bool>{};
  if (!v->is_bool()) return tl::unexpected(type_error(key, "a boolean"));
  return std::optional<bool>(v->as_bool());
}

}  // namespace okmpc::auth
