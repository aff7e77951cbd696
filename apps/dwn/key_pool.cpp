#include "apps/dwn/key_pool.hpp"

#include <boost/json.hpp>

#include <algorithm>

#include "apps/dwn/sqlite_group_commit.hpp"
#include "apps/dwn/sqlite_statement.hpp"

namespace okmpc::dwn {

namespace {

namespace json = boost::json;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS key_sets (
  set_id INTEGER PRIMARY KEY AUTOINCREMENT,
  ecdsa_key_id TEXT NOT NULL UNIQUE,
  eddsa_key_id TEXT NOT NULL UNIQUE,
  ecdsa_public_key BLOB NOT NULL,
  eddsa_public_key BLOB NOT NULL,
  owner_address BLOB NOT NULL,
  reports TEXT NOT NULL,
  claimed_by TEXT UNIQUE,
  bound_mask INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS key_sets_free ON key_sets(set_id) WHERE claimed_by IS NULL;
)sql";

constexpr const char* kColumns =
    "set_id, ecdsa_key_id, eddsa_key_id, ecdsa_public_key, eddsa_public_key, owner_address, reports, bound_mask";

json::object report_to_json(const runtime::RunReport& r) {
  return {{"rounds", r.rounds}, {"messages", r.messages}, {"bytes", r.bytes},
          {"computeMs", r.total_compute_ms}, {"simulatedMs", r.simulated_ms}};
}

runtime::RunReport report_from_json(const json::value& v) {
  runtime::RunReport r;
  const json::object* o = v.if_object();
  if (o == nullptr) return r;
  auto num = [o](const char* k) { return o->contains(k) ? o->at(k).to_number<double>() : 0.0; };
  r.rounds = static_cast<uint32_t>(num("rounds"));
  r.messages = static_cast<uint64_t>(num("messages"));
  r.bytes = static_cast<uint64_t>(num("bytes"));
  r.total_compute_ms = num("computeMs");
  r.simulated_ms = num("simulatedMs");
  return r;
}

template <size_t N>
Result<ByteArray<N>> fixed(const Bytes& b, const char* what) {
  if (b.size() != N) return fail(ErrorCode::kCorrupted, std::string("key pool: stored ") + what + " has a wrong length");
  ByteArray<N> out{};
  std::copy(b.begin(), b.end(), out.begin());
  return out;
}

Result<PooledKeySet> read_set(const SqliteStatement& s) {
  PooledKeySet out;
  out.set_id = s.int64(0);
  out.keys.ecdsa_key_id = s.text(1);
  out.keys.eddsa_key_id = s.text(2);
  OKMPC_ASSIGN_OR_RETURN(out.keys.ecdsa_public_key, fixed<33>(s.blob(3), "ECDSA key"));
  OKMPC_ASSIGN_OR_RETURN(out.keys.eddsa_public_key, fixed<32>(s.blob(4), "EdDSA key"));
  OKMPC_ASSIGN_OR_RETURN(out.keys.owner_address, fixed<20>(s.blob(5), "owner address"));
  boost::system::error_code ec;
  json::value reports = json::parse(s.text(6), ec);
  if (!ec && reports.is_object()) {
    const json::object& o = reports.as_object();
    if (o.contains("ecdsaDkg")) out.keys.ecdsa_dkg = report_from_json(o.at("ecdsaDkg"));
    if (o.contains("ecdsaSetup")) out.keys.ecdsa_setup = report_from_json(o.at("ecdsaSetup"));
    if (o.contains("eddsaDkg")) out.keys.eddsa_dkg = report_from_json(o.at("eddsaDkg"));
  }
  out.bound_mask = static_cast<uint32_t>(s.int64(7));
  return out;
}

// The set claimed by `identity`, if any, on either connection.
Result<std::optional<PooledKeySet>> set_claimed_by(sqlite3* db, const std::string& identity) {
  SqliteStatement s(db, (std::string("SELECT ") + kColumns + " FROM key_sets WHERE claimed_by = ?1").c_str());
  if (!s.ok()) return tl::unexpected(sqlite_error(db, "prepare"));
  s.bind(1, identity);
  const int rc = s.step();
  if (rc == SQLITE_DONE) return std::optional<PooledKeySet>{};
  if (rc != SQLITE_ROW) return tl::unexpected(sqlite_error(db, "query key sets"));
  OKMPC_ASSIGN_OR_RETURN(PooledKeySet set, read_set(s));
  return std::optional<PooledKeySet>(std::move(set));
}

}  // namespace

Result<std::unique_ptr<KeyPool>> KeyPool::open(const std::filesystem::path& file) {
  OKMPC_ASSIGN_OR_RETURN(sqlite3* db,
                         sqlite_open(file, {"PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;", kSchema}));
  auto reader = sqlite_open_reader(file);
  if (!reader) {
    sqlite3_close(db);
    return tl::unexpected(reader.error());
  }
  return std::unique_ptr<KeyPool>(new KeyPool(db, *reader));
}

KeyPool::KeyPool(sqlite3* db, sqlite3* reader)
    : db_(db), reader_(reader), writes_(std::make_unique<SqliteGroupCommit>(db, mutex_)) {}

KeyPool::~KeyPool() {
  writes_.reset();
  sqlite3_close(reader_);
  sqlite3_close(db_);
}

Result<int64_t> KeyPool::add(const UserKeys& keys, const std::string& claimed_by, uint32_t bound_mask) {
  int64_t set_id = 0;
  OKMPC_TRY(writes_->run([&](sqlite3* db) -> Status {
    SqliteStatement s(db,
                      "INSERT INTO key_sets (ecdsa_key_id, eddsa_key_id, ecdsa_public_key, eddsa_public_key, "
                      "owner_address, reports, claimed_by, bound_mask) VALUES (?1,?2,?3,?4,?5,?6,?7,?8)");
    if (!s.ok()) return tl::unexpected(sqlite_error(db, "prepare"));
    s.bind(1, keys.ecdsa_key_id);
    s.bind(2, keys.eddsa_key_id);
    s.bind_blob(3, keys.ecdsa_public_key);
    s.bind_blob(4, keys.eddsa_public_key);
    s.bind_blob(5, keys.owner_address);
    json::object reports{{"ecdsaDkg", report_to_json(keys.ecdsa_dkg)},
                         {"ecdsaSetup", report_to_json(keys.ecdsa_setup)},
                         {"eddsaDkg", report_to_json(keys.eddsa_dkg)}};
    s.bind(6, json::serialize(reports));
    if (!claimed_by.empty()) s.bind(7, claimed_by);  // else NULL
    s.bind(8, static_cast<int64_t>(bound_mask));
    const int rc = s.step();
    if (rc == SQLITE_CONSTRAINT) {
      return fail(ErrorCode::kAlreadyExists, "key pool: key set already indexed or claimant has a set");
    }
    if (rc != SQLITE_DONE) return tl::unexpected(sqlite_error(db, "insert key set"));
    set_id = static_cast<int64_t>(sqlite3_last_insert_rowid(db));
    return ok();
  }));
  return set_id;
}

Result<std::optional<PooledKeySet>> KeyPool::claim(const std::string& identity) {
  if (identity.empty()) return fail(ErrorCode::kInvalidArgument, "key pool: empty identity");
  std::optional<PooledKeySet> out;
  OKMPC_TRY(writes_->run([&](sqlite3* db) -> Status {
    OKMPC_ASSIGN_OR_RETURN(out, set_claimed_by(db, identity));
    if (out) return ok();
    SqliteStatement s(db, (std::string("SELECT ") + kColumns +
                           " FROM key_sets WHERE claimed_by IS NULL ORDER BY set_id LIMIT 1").c_str());
    if (!s.ok()) return tl::unexpected(sqlite_error(db, "prepare"));
    const int rc = s.step();
    if (rc == SQLITE_DONE) return ok();  // the pool is empty
    if (rc != SQLITE_ROW) return tl::unexpected(sqlite_error(db, "query key sets"));
    OKMPC_ASSIGN_OR_RETURN(PooledKeySet set, read_set(s));
    SqliteStatement u(db, "UPDATE key_sets SET claimed_by = ?1 WHERE set_id = ?2 AND claimed_by IS NULL");
    if (!u.ok()) return tl::unexpected(sqlite_error(db, "prepare"));
    u.bind(1, identity);
    u.bind(2, set.set_id);
    if (u.step() != SQLITE_DONE || sqlite3_changes(db) != 1) return tl::unexpected(sqlite_error(db, "claim key set"));
    out = std::move(set);
    return ok();
  }));
  return out;
}

Result<std::optional<PooledKeySet>> KeyPool::find_claimed(const std::string& identity) {
  std::lock_guard lock(read_mutex_);
  return set_claimed_by(reader_, identity);
}

Status KeyPool::mark_bound(int64_t set_id, uint32_t mask) {
  return writes_->run([&](sqlite3* db) -> Status {
    SqliteStatement s(db, "UPDATE key_sets SET bound_mask = bound_mask | ?1 WHERE set_id = ?2");
    if (!s.ok()) return tl::unexpected(sqlite_error(db, "prepare"));
    s.bind(1, static_cast<int64_t>(mask));
    s.bind(2, set_id);
    if (s.step() != SQLITE_DONE) return tl::unexpected(sqlite_error(db, "mark key set bound"));
    if (sqlite3_changes(db) != 1) return fail(ErrorCode::kNotFound, "key pool: no set " + std::to_string(set_id));
    return ok();
  });
}

Result<int64_t> KeyPool::free_count() {
  std::lock_guard lock(mutex_);
  SqliteStatement s(db_, "SELECT COUNT(*) FROM key_sets WHERE claimed_by IS NULL");
  if (!s.ok() || s.step() != SQLITE_ROW) return tl::unexpected(sqlite_error(db_, "count key sets"));
  return s.int64(0);
}

}  // namespace okmpc::dwn
