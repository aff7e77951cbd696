#include "auth/otp_state_store.hpp"

#include <sqlite3.h>

#include <algorithm>

namespace okmpc::auth {
namespace {

struct StmtFinalize {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, StmtFinalize>;

Error db_error(sqlite3* db, std::string_view what) {
  return Error(ErrorCode::kIo, "otp state: " + std::string(what) + ": " + sqlite3_errmsg(db));
}

Result<Stmt> prepare(sqlite3* db, const char* sql) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql, -1, &raw, nullptr) != SQLITE_OK) return tl::unexpected(db_error(db, "prepare"));
  return Stmt(raw);
}

// Send times as a blob of big-endian u64s.
Bytes encode_sends(const std::deque<uint64_t>& sends) {
  Bytes out;
  for (uint64_t t : sends) {
    for (int i = 7; i >= 0; --i) out.push_back(static_cast<uint8_t>(t >> (8 * i)));
  }
  return out;
}

Result<std::deque<uint64_t>> decode_sends(ByteView b) {
  if (b.size() % 8 != 0) return fail(ErrorCode::kCorrupted, "otp state: malformed send list");
  std::deque<uint64_t> out;
  for (size_t off = 0; off < b.size(); off += 8) {
    uint64_t t = 0;
    for (size_t i = 0; i < 8; ++i) t = (t << 8) | b[off + i];
    out.push_back(t);
  }
  return out;
}

ByteView column_blob(sqlite3_stmt* s, int col) {
  const auto* p = static_cast<const uint8_t*>(sqlite3_column_blob(s, col));
  return p ? ByteView(p, static_cast<size_t>(sqlite3_column_bytes(s, col))) : ByteView{};
}

}  // namespace

Result<std::unique_ptr<SqliteOtpStateStore>> SqliteOtpStateStore::open(const std::filesystem::path& path) {
  sqlite3* db = nullptr;
  const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX;
  if (sqlite3_open_v2(path.c_str(), &db, flags, nullptr) != SQLITE_OK) {
    Error e = db_error(db, "open " + path.string());
    sqlite3_close(db);
    return tl::unexpected(e);
  }
  std::unique_ptr<SqliteOtpStateStore> store(new SqliteOtpStateStore(db));
  const char* setup =
      "PRAGMA journal_mode=WAL;"
      "PRAGMA synchronous=FULL;"
      "PRAGMA busy_timeout=5000;"
      "CREATE TABLE IF NOT EXISTS otp (channel INTEGER NOT NULL, address TEXT NOT NULL, has_code INTEGER NOT NULL,"
      " code_mac BLOB NOT NULL, issued_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, failures INTEGER NOT NULL,"
      " locked_until INTEGER NOT NULL, sends BLOB NOT NULL, PRIMARY KEY (channel, address)) WITHOUT ROWID;";
  char* msg = nullptr;
  if (sqlite3_exec(db, setup, nullptr, nullptr, &msg) != SQLITE_OK) {
    std::string m = msg ? msg : "unknown";
    sqlite3_free(msg);
    return fail(ErrorCode::kIo, "otp state: setup: " + m);
  }
  return store;
}

SqliteOtpStateStore::~SqliteOtpStateStore() { sqlite3_close(db_); }

Result<std::vector<StoredOtpEntry>> SqliteOtpStateStore::load_all() const {
  OKMPC_ASSIGN_OR_RETURN(
      Stmt s, prepare(db_, "SELECT channel, address, has_code, code_mac, issued_at, expires_at, failures, "
                           "locked_until, sends FROM otp"));
  std::vector<StoredOtpEntry> out;
  int rc;
  while ((rc = sqlite3_step(s.get())) == SQLITE_ROW) {
    StoredOtpEntry row;
    const int64_t channel = sqlite3_column_int64(s.get(), 0);
    if (channel != static_cast<int64_t>(OtpChannel::kEmail) && channel != static_cast<int64_t>(OtpChannel::kPhone)) {
      return fail(ErrorCode::kCorrupted, "otp state: unknown channel " + std::to_string(channel));
    }
    row.channel = static_cast<OtpChannel>(channel);
    const auto* addr = sqlite3_column_text(s.get(), 1);
    row.address = addr ? reinterpret_cast<const char*>(addr) : "";
    row.entry.has_code = sqlite3_column_int64(s.get(), 2) != 0;
    ByteView mac = column_blob(s.get(), 3);
    if (mac.size() != row.entry.code_mac.size()) return fail(ErrorCode::kCorrupted, "otp state: MAC of wrong size");
    std::copy(mac.begin(), mac.end(), row.entry.code_mac.begin());
    row.entry.issued_at = static_cast<uint64_t>(sqlite3_column_int64(s.get(), 4));
    row.entry.expires_at = static_cast<uint64_t>(sqlite3_column_int64(s.get(), 5));
    row.entry.failures = static_cast<uint32_t>(sqlite3_column_int64(s.get(), 6));
    row.entry.locked_until = static_cast<uint64_t>(sqlite3_column_int64(s.get(), 7));
    OKMPC_ASSIGN_OR_RETURN(row.entry.sends, decode_sends(column_blob(s.get(), 8)));
    out.push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) return tl::unexpected(db_error(db_, "load"));
  return out;
}

Status SqliteOtpStateStore::save(OtpChannel channel, const std::string& address, const OtpEntry& e) {
  OKMPC_ASSIGN_OR_RETURN(Stmt s, prepare(db_, "INSERT OR REPLACE INTO otp VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9)"));
  const Bytes sends = encode_sends(e.sends);
  sqlite3_bind_int64(s.get(), 1, static_cast<int64_t>(channel));
  sqlite3_bind_text(s.get(), 2, address.data(), static_cast<int>(address.size()), SQLITE_TRANSIENT);
  sqlite3_bind_int64(s.get(), 3, e.has_code ? 1 : 0);
  sqlite3_bind_blob(s.get(), 4, e.code_mac.data(), static_cast<int>(e.code_mac.size()), SQLITE_TRANSIENT);
  sqlite3_bind_int64(s.get(), 5, static_cast<int64_t>(e.issued_at));
  sqlite3_bind_int64(s.get(), 6, static_cast<int64_t>(e.expires_at));
  sqlite3_bind_int64(s.get(), 7, static_cast<int64_t>(e.failures));
  sqlite3_bind_int64(s.get(), 8, static_cast<int64_t>(e.locked_until));
  if (sends.empty()) {
    sqlite3_bind_zeroblob(s.get(), 9, 0);  // a NULL pointer would bind NULL
  } else {
    sqlite3_bind_blob(s.get(), 9, sends.data(), static_cast<int>(sends.size()), SQLITE_TRANSIENT);
  }
  if (sqlite3_step(s.get()) != SQLITE_DONE) return tl::unexpected(db_error(db_, "save"));
  return ok();
}

}  // namespace okmpc::auth
