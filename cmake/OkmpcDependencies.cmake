# Every dependency comes from Debian packages; each failure names the package
# to install (./okmpc.sh installs them all).
include(FindPkgConfig)

function(okmpc_require found what package)
  if(NOT ${found})
    message(FATAL_ERROR "okmpc: ${what} not found. Install it with: apt-get install ${package}  (or run ./okmpc.sh test, which installs everything)")
  endif()
endfunction()

find_package(PkgConfig QUIET)
okmpc_require(PKG_CONFIG_FOUND "pkg-config" "pkg-config")

pkg_check_modules(SECP256K1 IMPORTED_TARGET libsecp256k1)
okmpc_require(SECP256K1_FOUND "libsecp256k1" "libsecp256k1-dev")
find_path(SECP256K1_RECOVERY_H secp256k1_recovery.h)
okmpc_require(SECP256K1_RECOVERY_H "libsecp256k1 recovery module" "libsecp256k1-dev")

pkg_check_modules(SODIUM IMPORTED_TARGET libsodium)
okmpc_require(SODIUM_FOUND "libsodium" "libsodium-dev")

find_path(GMP_INCLUDE_DIR gmp.h)
find_library(GMP_LIBRARY gmp)
okmpc_require(GMP_LIBRARY "GMP" "libgmp-dev")
add_library(okmpc::gmp UNKNOWN IMPORTED)
set_target_properties(okmpc::gmp PROPERTIES IMPORTED_LOCATION ${GMP_LIBRARY}
  INTERFACE_INCLUDE_DIRECTORIES ${GMP_INCLUDE_DIR})

pkg_check_modules(CRYPTOPP IMPORTED_TARGET libcrypto++)
okmpc_require(CRYPTOPP_FOUND "Crypto++" "libcrypto++-dev")

find_path(TL_EXPECTED_INCLUDE_DIR tl/expected.hpp)
okmpc_require(TL_EXPECTED_INCLUDE_DIR "tl::expected" "libexpected-dev")
add_library(okmpc::expected INTERFACE IMPORTED)
set_target_properties(okmpc::expected PROPERTIES INTERFACE_INCLUDE_DIRECTORIES ${TL_EXPECTED_INCLUDE_DIR})

find_package(Boost 1.81 CONFIG COMPONENTS json)
okmpc_require(Boost_FOUND "Boost 1.81 (JSON, Asio, Beast)" "libboost1.81-dev libboost-json1.81-dev")

find_package(SQLite3)
okmpc_require(SQLite3_FOUND "SQLite 3" "libsqlite3-dev")

find_package(OpenSSL 3)
okmpc_require(OPENSSL_FOUND "OpenSSL 3" "libssl-dev")

find_package(Threads REQUIRED)

if(OKMPC_BUILD_TESTS)
  find_package(GTest CONFIG)
  okmpc_require(GTest_FOUND "GoogleTest/GoogleMock" "libgtest-dev libgmock-dev")
endif()
if(OKMPC_BUILD_BENCH)
  find_package(benchmark CONFIG)
  okmpc_require(benchmark_FOUND "Google Benchmark" "libbenchmark-dev")
endif()
