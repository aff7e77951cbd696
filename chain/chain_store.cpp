#include "chain/chain_store.hpp"

#include <sqlite3.h>

#include <algorithm>

namespace okmpc::chain {
namespace {

Error sqlite_error(sqlite3* db, int rc, const std::string& what) {
  const int primary = rc & 0xff;
  ErrorCode code = (primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB) ? ErrorCode::kCorrupted : ErrorCode::kIo;
  std::string msg = what + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
  if (code == ErrorCode::kCorrupted) msg = "chain database is corrupted (" + msg + ")";
  return Error(code, msg);
}

// A prepared statement, finalized on destruction.
class Stmt {
 public:
  Stmt(sqlite3* db, const char* sql) : db_(db) { rc_ = sqlite3_prepare_v2(db, sql, -1, &stmt_, nullptr); }
  Stmt(const Stmt&) = delete;
  Stmt& operator=(const Stmt&) = delete;
  ~Stmt() { sqlite3_finalize(stmt_); }

  Status ready(const std::string& what) const {
    if (rc_ != SQLITE_OK) return tl::unexpected(sqlite_error(db_, rc_, what));
    return ok();
  }
  void reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
  }
  void bind(int i, int64_t v) { sqlite3_bind_int64(stmt_, i, v); }
  void bind(int i, ByteView b) { sqlite3_bind_blob(stmt_, i, b.data(), static_cast<int>(b.size()), SQLITE_TRANSIENT); }
  void bind_text(int i, const std::string& s) { sqlite3_bind_text(stmt_, i, s.c_str(), static_cast<int>(s.size()), SQLITE_TRANSIENT); }
  // SQLITE_ROW -> true, SQLITE_DONE -> false, else error.
  Result<bool> step(const std::string& what) {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    return tl::unexpected(sqlite_error(db_, rc, what));
  }
  int64_t int_col(int i) const { return sqlite3_column_int64(stmt_, i); }
  Bytes blob_col(int i) const {
    const auto* p = static_cast<const uint8_t*>(sqlite3_column_blob(stmt_, i));
    int n = sqlite3_column_bytes(stmt_, i);
    return p ? Bytes(p, p + n) : Bytes{};
  }
  std::string text_col(int i) const {
    const auto* p = sqlite3_column_text(stmt_, i);
    return p ? std::string(reinterpret_cast<const char*>(p), static_cast<size_t>(sqlite3_column_bytes(stmt_, i))) : std::string();
  }

 private:
  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
  int rc_ = SQLITE_OK;
};

Status exec(sqlite3* db, const char* sql) {
  char* err = nullptr;
  int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
  sqlite3_free(err);
  if (rc != SQLITE_OK) return tl::unexpected(sqlite_error(db, rc, std::string("sqlite: ") + sql));
  return ok();
}

Result<Hash32> hash_col(const Stmt& s, int i, const std::string& what) {
  Bytes b = s.blob_col(i);
  if (b.size() != 32) return fail(ErrorCode::kCorrupted, "chain database is corrupted: " + what + " is not 32 bytes");
  Hash32 h;
  std::copy(b.begin(), b.end(), h.begin());
  return h;
}

constexpr const char* kSelectBlock =
    "SELECT number, hash, parent_hash, timestamp, state_root, ops_root, op_count FROM blocks";
constexpr const char* kSelectEntries = "SELECT idx, kind, hash, body FROM entries WHERE block = ? ORDER BY idx";

}  // namespace

// The statements append_block runs for every block, prepared once at open
// (SQLite's parser otherwise costs about as much per small block as
// executing it).
struct BlockWriter {
  Stmt begin, commit, insert_block, insert_entry, upsert_state, delete_state;
  explicit BlockWriter(sqlite3* db)
      : begin(db, "BEGIN IMMEDIATE"),
        commit(db, "COMMIT"),
        insert_block(db, "INSERT INTO blocks(number, hash, parent_hash, timestamp, state_root, ops_root, op_count) "
                         "VALUES(?, ?, ?, ?, ?, ?, ?)"),
        insert_entry(db, "INSERT INTO entries(block, idx, kind, hash, body) VALUES(?, ?, ?, ?, ?)"),
        upsert_state(db, "INSERT INTO state(key, value) VALUES(?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value"),
        delete_state(db, "DELETE FROM state WHERE key = ?") {}
  Status ready() const {
    for (const Stmt* s : {&begin, &commit, &insert_block, &insert_entry, &upsert_state, &delete_state}) {
      OKMPC_TRY(s->ready("preparing the block writer's statements"));
    }
    return ok();
  }
  // Leaves no statement holding bindings or an open read.
  void reset_all() {
    for (Stmt* s : {&begin, &commit, &insert_block, &insert_entry, &upsert_state, &delete_state}) s->reset();
  }
};

struct ChainStore::Impl {
  sqlite3* db = nullptr;
  std::unique_ptr<BlockWriter> writer;  // finalized before db is closed
  Impl() = default;
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;
  ~Impl() {
    writer.reset();
    if (db) sqlite3_close(db);
  }
  Result<Block> read_block(Stmt& row, Stmt& entries) const {
    Block b;
    b.number = static_cast<uint64_t>(row.int_col(0));
    const std::string where = "block " + std::to_string(b.number);
    OKMPC_ASSIGN_OR_RETURN(b.hash, hash_col(row, 1, where + " hash"));
    OKMPC_ASSIGN_OR_RETURN(b.parent_hash, hash_col(row, 2, where + " parent hash"));
    b.timestamp = static_cast<uint64_t>(row.int_col(3));
    OKMPC_ASSIGN_OR_RETURN(b.state_root, hash_col(row, 4, where + " state root"));
    OKMPC_ASSIGN_OR_RETURN(b.ops_root, hash_col(row, 5, where + " ops root"));
    const int64_t count = row.int_col(6);
    entries.reset();
    entries.bind(1, static_cast<int64_t>(b.number));
    for (;;) {
      OKMPC_ASSIGN_OR_RETURN(bool has, entries.step("reading entries"));
      if (!has) break;
      if (entries.int_col(0) != static_cast<int64_t>(b.entries.size())) {
        return fail(ErrorCode::kCorrupted, "chain database is corrupted: " + where + " entries are not numbered 0..n-1");
      }
      BlockEntry e;
      const int64_t kind = entries.int_col(1);
      if (kind < 1 || kind > 4) return fail(ErrorCode::kCorrupted, "chain database is corrupted: " + where + " has an unknown entry kind");
      e.kind = static_cast<EntryKind>(kind);
      OKMPC_ASSIGN_OR_RETURN(e.hash, hash_col(entries, 2, where + " entry hash"));
      e.body = entries.blob_col(3);
      b.entries.push_back(std::move(e));
    }
    if (count != static_cast<int64_t>(b.entries.size())) {
      return fail(ErrorCode::kCorrupted, "chain database is corrupted: " + where + " says " + std::to_string(count) +
                                             " entries, has " + std::to_string(b.entries.size()));
    }
    return b;
  }
  Result<std::optional<Block>> select_one(const std::string& where_clause, std::optional<int64_t> arg) const {
    Stmt row(db, (std::string(kSelectBlock) + " " + where_clause).c_str());
    OKMPC_TRY(row.ready("preparing block query"));
    Stmt entries(db, kSelectEntries);
    OKMPC_TRY(entries.ready("preparing entry query"));
    if (arg) row.bind(1, *arg);
    OKMPC_ASSIGN_OR_RETURN(bool has, row.step("reading block"));
    if (!has) return std::optional<Block>();
    OKMPC_ASSIGN_OR_RETURN(Block b, read_block(row, entries));
    return std::optional<Block>(std::move(b));
  }
};

ChainStore::ChainStore(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
ChainStore::ChainStore(ChainStore&&) noexcept = default;
ChainStore& ChainStore::operator=(ChainStore&&) noexcept = default;
ChainStore::~ChainStore() = default;

Result<ChainStore> ChainStore::open(const std::filesystem::path& file) {
  auto impl = std::make_unique<Impl>();
  int rc = sqlite3_open_v2(file.c_str(), &impl->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
  if (rc != SQLITE_OK) return tl::unexpected(sqlite_error(impl->db, rc, "opening " + file.string()));
  sqlite3_busy_timeout(impl->db, 5000);
  OKMPC_TRY(exec(impl->db, "PRAGMA journal_mode=WAL"));
  OKMPC_TRY(exec(impl->db, "PRAGMA synchronous=FULL"));
  {
    Stmt check(impl->db, "PRAGMA quick_check");
    OKMPC_TRY(check.ready("integrity check"));
    OKMPC_ASSIGN_OR_RETURN(bool has, check.step("integrity check"));
    if (!has || check.text_col(0) != "ok") {
      return fail(ErrorCode::kCorrupted, "chain database is corrupted (quick_check: " + (has ? check.text_col(0) : "no answer") + ")");
    }
  }
  OKMPC_TRY(exec(impl->db,
                 "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
                 "CREATE TABLE IF NOT EXISTS blocks(number INTEGER PRIMARY KEY, hash BLOB NOT NULL, "
                 "parent_hash BLOB NOT NULL, timestamp INTEGER NOT NULL, state_root BLOB NOT NULL, "
                 "ops_root BLOB NOT NULL, op_count INTEGER NOT NULL);"
                 "CREATE TABLE IF NOT EXISTS entries(block INTEGER NOT NULL, idx INTEGER NOT NULL, "
                 "kind INTEGER NOT NULL, hash BLOB NOT NULL, body BLOB NOT NULL, PRIMARY KEY(block, idx));"
                 "CREATE INDEX IF NOT EXISTS entries_by_hash ON entries(hash);"
                 "CREATE TABLE IF NOT EXISTS state(key BLOB PRIMARY KEY, value BLOB NOT NULL);"));
  impl->writer = std::make_unique<BlockWriter>(impl->db);
  OKMPC_TRY(impl->writer->ready());
  return ChainStore(std::move(impl));
}

Status ChainStore::bind_meta(const std::string& key, const std::string& value) {
  OKMPC_ASSIGN_OR_RETURN(auto existing, meta(key));
  if (existing) {
    if (*existing != value) {
      return fail(ErrorCode::kInvalidArgument, "chain database was created with " + key + " = " + *existing +
                                                   ", not " + value);
    }
    return ok();
  }
  Stmt ins(impl_->db, "INSERT INTO meta(key, value) VALUES(?, ?)");
  OKMPC_TRY(ins.ready("preparing meta insert"));
  ins.bind_text(1, key);
  ins.bind_text(2, value);
  OKMPC_TRY(ins.step("writing meta"));
  return ok();
}

Result<std::optional<std::string>> ChainStore::meta(const std::string& key) const {
  Stmt sel(impl_->db, "SELECT value FROM meta WHERE key = ?");
  OKMPC_TRY(sel.ready("preparing meta query"));
  sel.bind_text(1, key);
  OKMPC_ASSIGN_OR_RETURN(bool has, sel.step("reading meta"));
  if (!has) return std::optional<std::string>();
  return std::optional<std::string>(sel.text_col(0));
}

Status ChainStore::for_each_block(const std::function<Status(const Block&)>& visit) const {
  Stmt rows(impl_->db, (std::string(kSelectBlock) + " ORDER BY number").c_str());
  OKMPC_TRY(rows.ready("preparing block scan"));
  Stmt entries(impl_->db, kSelectEntries);
  OKMPC_TRY(entries.ready("preparing entry query"));
  for (;;) {
    OKMPC_ASSIGN_OR_RETURN(bool has, rows.step("scanning blocks"));
    if (!has) return ok();
    OKMPC_ASSIGN_OR_RETURN(Block b, impl_->read_block(rows, entries));
    OKMPC_TRY(visit(b));
  }
}

Result<std::optional<Block>> ChainStore::load_block(uint64_t number) const {
  return impl_->select_one("WHERE number = ?", static_cast<int64_t>(number));
}

Result<std::optional<Block>> ChainStore::load_head() const {
  return impl_->select_one("ORDER BY number DESC LIMIT 1", std::nullopt);
}

Result<std::optional<uint64_t>> ChainStore::find_entry(const Hash32& hash) const {
  Stmt sel(impl_->db, "SELECT block FROM entries WHERE hash = ? LIMIT 1");
  OKMPC_TRY(sel.ready("preparing entry lookup"));
  sel.bind(1, hash);
  OKMPC_ASSIGN_OR_RETURN(bool has, sel.step("looking up entry"));
  if (!has) return std::optional<uint64_t>();
  return std::optional<uint64_t>(static_cast<uint64_t>(sel.int_col(0)));
}

Status ChainStore::load_state(WorldState& state) const {
  Stmt sel(impl_->db, "SELECT key, value FROM state");
  OKMPC_TRY(sel.ready("preparing state scan"));
  for (;;) {
    OKMPC_ASSIGN_OR_RETURN(bool has, sel.step("scanning state"));
    if (!has) return ok();
    OKMPC_TRY(state.load(sel.blob_col(0), sel.blob_col(1)));
  }
}

Status ChainStore::append_block(const Block& block, const std::vector<std::pair<Bytes, std::optional<Bytes>>>& writes) {
  BlockWriter& w = *impl_->writer;
  w.reset_all();
  OKMPC_TRY(w.begin.step("beginning the block transaction"));
  auto body = [&]() -> Status {
    Stmt& ins_block = w.insert_block;
    ins_block.bind(1, static_cast<int64_t>(block.number));
    ins_block.bind(2, block.hash);
    ins_block.bind(3, block.parent_hash);
    ins_block.bind(4, static_cast<int64_t>(block.timestamp));
    ins_block.bind(5, block.state_root);
    ins_block.bind(6, block.ops_root);
    ins_block.bind(7, static_cast<int64_t>(block.entries.size()));
    OKMPC_TRY(ins_block.step("writing block " + std::to_string(block.number)));
    for (size_t i = 0; i < block.entries.size(); ++i) {
      const BlockEntry& e = block.entries[i];
      Stmt& ins_entry = w.insert_entry;
      ins_entry.reset();
      ins_entry.bind(1, static_cast<int64_t>(block.number));
      ins_entry.bind(2, static_cast<int64_t>(i));
      ins_entry.bind(3, static_cast<int64_t>(e.kind));
      ins_entry.bind(4, e.hash);
      ins_entry.bind(5, e.body);
      OKMPC_TRY(ins_entry.step("writing entry"));
    }
    for (const auto& [k, v] : writes) {
      Stmt& s = v ? w.upsert_state : w.delete_state;
      s.reset();
      s.bind(1, k);
      if (v) s.bind(2, *v);
      OKMPC_TRY(s.step("writing state"));
    }
    w.reset_all();  // COMMIT needs no statement still running
    OKMPC_TRY(w.commit.step("committing block " + std::to_string(block.number)));
    return ok();
  }();
  w.reset_all();
  if (!body) {
    (void)exec(impl_->db, "ROLLBACK");
    return body;
  }
  return ok();
}

}  // namespace okmpc::chain
