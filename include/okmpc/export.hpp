// OKMPC_API marks the symbols of okmpc's public API. libokmpc is compiled with
// -fvisibility=hidden -fvisibility-inlines-hidden (and linked with a version
// script), so only declarations carrying OKMPC_API are exported from
// libokmpc.so; the MPC core and third-party code stay internal to the library.
// For the static library the attribute is harmless.
#pragma once

#define OKMPC_API __attribute__((visibility("default")))
